// The classic web-service API's domain rules (ClassicWorkspace) over a real SQLite store, a real
// blob store and the real runtime, without sockets.
#define BOOST_TEST_MODULE host_classic_tests
#include <boost/test/unit_test.hpp>
