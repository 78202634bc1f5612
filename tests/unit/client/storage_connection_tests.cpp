// StorageConnection::parse: every documented form of a storage connection string, and clear
// errors for the broken ones.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "client/blob_client.hpp"
#include "error_printing.hpp"

using azml::Error;
using azml::ErrorCode;
using azml::client::StorageConnection;
namespace data = boost::unit_test::data;

namespace {

const std::string kKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

struct BadConnection {
  const char* text;
  const char* says;    // part of the message
  const char* target;  // the setting at fault
};
std::ostream& operator<<(std::ostream& os, const BadConnection& c) { return os << c.text; }

}  // namespace

BOOST_AUTO_TEST_SUITE(storage_connection_tests)

BOOST_AUTO_TEST_CASE(account_key_with_endpoint_suffix_builds_the_azure_endpoint) {
  auto c = StorageConnection::parse("DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=" + kKey +
                                    ";EndpointSuffix=core.windows.net");
  BOOST_TEST(c.account_name == "acct");
  BOOST_TEST(c.account_key == kKey);
  BOOST_TEST(c.blob_endpoint == "https://acct.blob.core.windows.net");
  BOOST_TEST(c.sas_token.empty());
  // Without a suffix or protocol: https and core.windows.net.
  BOOST_TEST(StorageConnection::parse("AccountName=acct;AccountKey=" + kKey).blob_endpoint ==
             "https://acct.blob.core.windows.net");
}

BOOST_AUTO_TEST_CASE(explicit_blob_endpoint_is_kept_without_trailing_slash) {
  auto c = StorageConnection::parse("DefaultEndpointsProtocol=http;AccountName=azmlstore;AccountKey=" + kKey +
                                    ";BlobEndpoint=http://127.0.0.1:8080/blob/azmlstore/;");
  BOOST_TEST(c.blob_endpoint == "http://127.0.0.1:8080/blob/azmlstore");
  BOOST_TEST(c.account_name == "azmlstore");
}

BOOST_AUTO_TEST_CASE(sas_connection_strings_need_no_key) {
  auto c = StorageConnection::parse(
      "BlobEndpoint=https://acct.blob.core.windows.net/;SharedAccessSignature=?sv=2021-08-06&sr=c&sig=abc");
  BOOST_TEST(c.sas_token == "sv=2021-08-06&sr=c&sig=abc");
  BOOST_TEST(c.account_key.empty());
  BOOST_TEST(c.account_name == "acct");  // read from the endpoint's host name
  auto path_style = StorageConnection::parse(
      "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;"
      "SharedAccessSignature=sv=2021-08-06&sig=x");
  BOOST_TEST(path_style.account_name == "devstoreaccount1");
}

BOOST_AUTO_TEST_CASE(development_storage_is_azurites_well_known_account) {
  auto c = StorageConnection::parse("UseDevelopmentStorage=true");
  BOOST_TEST(c.account_name == "devstoreaccount1");
  BOOST_TEST(c.account_key == kKey);
  BOOST_TEST(c.blob_endpoint == "http://127.0.0.1:10000/devstoreaccount1");
}

BOOST_AUTO_TEST_CASE(setting_names_are_case_insensitive_and_other_services_ignored) {
  auto c = StorageConnection::parse("defaultendpointsprotocol=http;accountname=a1;accountkey=" + kKey +
                                    ";QueueEndpoint=http://q;TableEndpoint=http://t");
  BOOST_TEST(c.blob_endpoint == "http://a1.blob.core.windows.net");
}

BOOST_DATA_TEST_CASE(
    broken_connection_strings_say_what_is_wrong,
    data::make<BadConnection>({
        {"", "empty", "connection_string"},
        {"AccountName=a", "neither an AccountKey nor a SharedAccessSignature", "AccountKey"},
        {"AccountName", "not a Name=Value setting", "connection_string"},
        {"AccountName=a;AccountKy=abc=", "unknown setting 'AccountKy'", "connection_string"},
        {"AccountName=a;AccountName=b;AccountKey=YWJj", "appears twice", "connection_string"},
        {"AccountName=a;AccountKey=not base64!", "AccountKey is not a base64 key", "AccountKey"},
        {"AccountKey=YWJj", "needs an AccountName", "AccountName"},
        {"AccountName=a;AccountKey=YWJj;DefaultEndpointsProtocol=ftp", "https or http", "DefaultEndpointsProtocol"},
        {"AccountName=a;AccountKey=YWJj;BlobEndpoint=not a url", "BlobEndpoint", "BlobEndpoint"},
        {"AccountName=a;AccountKey=YWJj;SharedAccessSignature=sig=1", "not both", "SharedAccessSignature"},
        {"UseDevelopmentStorage=false", "must be 'true'", "UseDevelopmentStorage"},
        {"UseDevelopmentStorage=true;AccountName=a", "cannot be combined", "AccountName"},
        {"SharedAccessSignature=sv=1&sig=2", "needs a BlobEndpoint", "BlobEndpoint"},
    }),
    bad) {
  try {
    StorageConnection::parse(bad.text);
    BOOST_FAIL("accepted: " << bad.text);
  } catch (const Error& e) {
    BOOST_TEST(e.code() == ErrorCode::Invalid);
    BOOST_TEST(std::string(e.what()).find(bad.says) != std::string::npos, e.what());
    BOOST_TEST(e.target() == bad.target);
  }
}

BOOST_AUTO_TEST_SUITE_END()
