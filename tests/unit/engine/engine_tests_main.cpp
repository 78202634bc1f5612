#define BOOST_TEST_MODULE azml_engine_tests
#include <boost/test/unit_test.hpp>
