// The request-response service's wire forms on their own (no sockets): the fast request reader
// and response writer against the general ones.
#define BOOST_TEST_MODULE host_rrs_tests
#include <boost/test/unit_test.hpp>
