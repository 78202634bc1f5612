// azml-host's blob feature without sockets: the file store, the blob REST API and the storage
// account's management routes.
#define BOOST_TEST_MODULE host_blob_tests
#include <boost/test/unit_test.hpp>
