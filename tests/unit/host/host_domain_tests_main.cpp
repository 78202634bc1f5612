// The host's storage and domain layers: SQLite store, name rules, catalog.
#define BOOST_TEST_MODULE host_domain_tests
#include <boost/test/unit_test.hpp>
