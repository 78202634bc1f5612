// azml-host's HTTP-facing layers without sockets: router, auth, options, logging, URLs, and the
// management handlers called with http::Request values over a real SQLite store.
#define BOOST_TEST_MODULE host_handler_tests
#include <boost/test/unit_test.hpp>
