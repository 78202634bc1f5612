// azml-host's blob feature over loopback, with libazml's BlobClient.
#define BOOST_TEST_MODULE host_blob_integration_tests
#include <boost/test/unit_test.hpp>
