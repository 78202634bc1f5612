// common_tests: the shared helpers of native/src/common.
#define BOOST_TEST_MODULE common_tests
#include <boost/test/unit_test.hpp>
