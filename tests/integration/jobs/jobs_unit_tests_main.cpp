// The batch job parts without a running host: the SQLite job store, request parsing and the
// worker pool.
#define BOOST_TEST_MODULE host_jobs_unit_tests
#include <boost/test/unit_test.hpp>
