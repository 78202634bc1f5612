// Batch jobs (BES) against the real azml-host: the retraining workflow's jobs from submission
// to results, bad requests and bad data, cancellation, restarts, expiring result tokens, and
// graphs that import their own data.
#define BOOST_TEST_MODULE host_jobs_tests
#include <boost/test/unit_test.hpp>
