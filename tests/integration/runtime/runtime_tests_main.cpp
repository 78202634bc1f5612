// azml-host running web services: request-response scoring over loopback (both wire forms,
// keys, bad requests, throttling, swagger documents), provisioning that fails with reasons,
// failed updates that leave the previous revision serving (across restarts too), and model
// swaps under load.
#define BOOST_TEST_MODULE host_runtime_tests
#include <boost/test/unit_test.hpp>
