// definition_tests: the web service definition model (native/src/definition).
#define BOOST_TEST_MODULE definition_tests
#include <boost/test/unit_test.hpp>
