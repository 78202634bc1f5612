// libazml's blob client against Azurite.
#define BOOST_TEST_MODULE azurite_tests
#include <boost/test/unit_test.hpp>
