// The real azml-host executable over loopback: start-up, shutdown, every management operation,
// request limits, TLS, and the transport adapter on its own.
#define BOOST_TEST_MODULE host_integration_tests
#include <boost/test/unit_test.hpp>
