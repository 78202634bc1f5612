// common/storage_signing.hpp: Shared Key and service SAS strings-to-sign against the layouts and
// examples of Azure's documentation ("Authorize with Shared Key", "Create a service SAS",
// "Service SAS examples"), and the HMAC against RFC 4231.
#include <boost/test/unit_test.hpp>

#include "common/crypto.hpp"
#include "common/error.hpp"
#include "common/storage_signing.hpp"

namespace azml {
namespace {

using storage_auth::ServiceSas;

BOOST_AUTO_TEST_SUITE(storage_signing_tests)

BOOST_AUTO_TEST_CASE(sign_is_base64_hmac_sha256_with_the_decoded_key) {
  // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
  BOOST_TEST(storage_auth::sign("SmVmZQ==", "what do ya want for nothing?") ==
             "W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=");
  BOOST_CHECK_THROW(storage_auth::sign("not base64!", "x"), Error);
  BOOST_CHECK_THROW(storage_auth::sign("", "x"), Error);
}

BOOST_AUTO_TEST_CASE(shared_key_string_to_sign_matches_the_documented_example) {
  // "Authorize with Shared Key": Get Container Metadata against the emulator's path-style URL
  // http://127.0.0.1:10000/myaccount/mycontainer?restype=container&comp=metadata&timeout=20
  http::Headers headers{{"x-ms-date", "Sun, 11 Oct 2009 21:49:13 GMT"}, {"x-ms-version", "2009-09-19"}};
  const std::string expected =
      "GET\n\n\n\n\n\n\n\n\n\n\n\n"
      "x-ms-date:Sun, 11 Oct 2009 21:49:13 GMT\nx-ms-version:2009-09-19\n"
      "/myaccount/myaccount/mycontainer\ncomp:metadata\nrestype:container\ntimeout:20";
  BOOST_TEST(storage_auth::shared_key_string_to_sign("myaccount", "GET", "/myaccount/mycontainer",
                                                     Query::parse("restype=container&comp=metadata&timeout=20"),
                                                     headers) == expected);
}

BOOST_AUTO_TEST_CASE(canonicalized_resource_sorts_names_and_joins_repeated_values) {
  // The documentation's List Blobs example: repeated include values are sorted and joined.
  const std::string text = storage_auth::shared_key_string_to_sign(
      "myaccount", "get", "/mycontainer",
      Query::parse("restype=container&comp=list&include=snapshots&include=metadata&include=uncommittedblobs"), {});
  BOOST_TEST(text.substr(text.find("/myaccount")) ==
             "/myaccount/mycontainer\ncomp:list\ninclude:metadata,snapshots,uncommittedblobs\nrestype:container");
  BOOST_TEST(text.substr(0, 4) == "GET\n");  // the verb is upper-cased
}

BOOST_AUTO_TEST_CASE(standard_headers_fill_their_lines_and_zero_length_is_empty) {
  http::Headers headers{{"Content-Length", "0"}, {"Content-Type", "text/csv"}, {"Content-MD5", "abc=="},
                        {"If-Match", "\"0x1\""}, {"Range", "bytes=0-9"},       {"X-MS-Meta-B", "  two   words "},
                        {"x-ms-meta-a", "1"},    {"Accept", "not signed"}};
  const std::string text = storage_auth::shared_key_string_to_sign("acct", "PUT", "/acct/c/b%20x", Query(), headers);
  BOOST_TEST(text ==
             "PUT\n\n\n\nabc==\ntext/csv\n\n\n\"0x1\"\n\n\nbytes=0-9\n"
             "x-ms-meta-a:1\nx-ms-meta-b:two words\n/acct/acct/c/b%20x");
  headers.set("Content-Length", "12");
  BOOST_TEST(storage_auth::shared_key_string_to_sign("acct", "PUT", "/acct/c/b", Query(), headers).find("\n\n12\n") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(authorization_header_names_account_and_signature) {
  const std::string key = base64_encode("0123456789abcdef0123456789abcdef");
  const std::string header = storage_auth::shared_key_authorization("acct", key, "text");
  BOOST_TEST(header == "SharedKey acct:" + storage_auth::sign(key, "text"));
}

BOOST_AUTO_TEST_CASE(sas_canonical_resource_depends_on_the_version) {
  BOOST_TEST(storage_auth::service_sas_canonical_resource("2021-08-06", "acct", "data", "dir/a b.csv") ==
             "/blob/acct/data/dir/a b.csv");
  BOOST_TEST(storage_auth::service_sas_canonical_resource("2021-08-06", "acct", "data", "") == "/blob/acct/data");
  BOOST_TEST(storage_auth::service_sas_canonical_resource("2013-08-15", "myaccount", "pictures", "") ==
             "/myaccount/pictures");
}

BOOST_AUTO_TEST_CASE(sas_string_to_sign_follows_each_versions_layout) {
  ServiceSas sas;
  sas.permissions = "r";
  sas.start = "2009-02-09";
  sas.expiry = "2009-02-10";
  sas.identifier = "YWJjZGVmZw==";
  // "Service SAS examples", versions before 2013-08-15.
  sas.version = "2012-02-12";
  BOOST_TEST(storage_auth::service_sas_string_to_sign(sas, "/myaccount/pictures") ==
             "r\n2009-02-09\n2009-02-10\n/myaccount/pictures\nYWJjZGVmZw==\n2012-02-12");
  sas.version = "2013-08-15";
  sas.content_type = "text/csv";
  BOOST_TEST(storage_auth::service_sas_string_to_sign(sas, "/a/c") ==
             "r\n2009-02-09\n2009-02-10\n/a/c\nYWJjZGVmZw==\n2013-08-15\n\n\n\n\ntext/csv");
  sas.version = "2015-04-05";
  sas.ip = "10.0.0.1";
  sas.protocol = "https";
  BOOST_TEST(storage_auth::service_sas_string_to_sign(sas, "/blob/a/c") ==
             "r\n2009-02-09\n2009-02-10\n/blob/a/c\nYWJjZGVmZw==\n10.0.0.1\nhttps\n2015-04-05\n\n\n\n\ntext/csv");
  sas.version = "2018-11-09";
  sas.resource = "c";
  BOOST_TEST(storage_auth::service_sas_string_to_sign(sas, "/blob/a/c") ==
             "r\n2009-02-09\n2009-02-10\n/blob/a/c\nYWJjZGVmZw==\n10.0.0.1\nhttps\n2018-11-09\nc\n\n\n\n\n\ntext/csv");
  sas.version = "2021-08-06";
  sas.encryption_scope = "scope";
  BOOST_TEST(storage_auth::service_sas_string_to_sign(sas, "/blob/a/c") ==
             "r\n2009-02-09\n2009-02-10\n/blob/a/c\nYWJjZGVmZw==\n10.0.0.1\nhttps\n2021-08-06\nc\n\nscope\n\n\n\n\n"
             "text/csv");
}

BOOST_AUTO_TEST_CASE(sas_query_round_trips_through_a_query_string) {
  ServiceSas sas;
  sas.version = "2021-08-06";
  sas.resource = "b";
  sas.permissions = "rw";
  sas.expiry = "2030-01-01T00:00:00Z";
  sas.signature = "a+b/c=";
  const std::string query = storage_auth::service_sas_query(sas);
  BOOST_TEST(query == "sv=2021-08-06&se=2030-01-01T00%3A00%3A00Z&sr=b&sp=rw&sig=a%2Bb%2Fc%3D");
  auto parsed = storage_auth::service_sas_from_query(Query::parse(query));
  BOOST_TEST_REQUIRE(parsed.has_value());
  BOOST_TEST(parsed->signature == "a+b/c=");
  BOOST_TEST(parsed->expiry == "2030-01-01T00:00:00Z");
  BOOST_TEST(parsed->permissions == "rw");
  BOOST_TEST(!storage_auth::service_sas_from_query(Query::parse("sv=2021-08-06&sr=b")).has_value());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace azml
