// The classic web-service API against the real azml-host over loopback: endpoints added,
// scored with their own keys, patched with retrained models (one endpoint at a time, also under
// load), refreshed, deleted; every troubleshooting mistake refused without a change; restarts.
#define BOOST_TEST_MODULE host_classic_integration_tests
#include <boost/test/unit_test.hpp>
