// Compatibility of azml-host with the official REST examples and the recorded production
// traffic: every web service body round-trips through PUT, GET and PATCH, and the recorded
// PowerShell session replays with the same status codes and body shapes.
#define BOOST_TEST_MODULE host_compat_tests
#include <boost/test/unit_test.hpp>
