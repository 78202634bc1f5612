// The blob feature against a real azml-host over loopback: the connection string from the
// management API, libazml's BlobClient with Shared Key and SAS, paths that try to leave the
// store, the body limit, and the account and its blobs across a restart.
#include <signal.h>

#include <boost/test/unit_test.hpp>

#include "client/blob_client.hpp"
#include "client/cpprest_transport.hpp"
#include "client/storage_account_client.hpp"
#include "common/error.hpp"
#include "support/running_host.hpp"

using azml::Error;
using azml::ErrorCode;
using azml::client::BlobClient;
using azml::client::StorageConnection;
using azml::test::RunningHost;
using azml::test::TestRequest;

namespace {

std::string storage_accounts_path(const RunningHost& host) {
  return "/subscriptions/" + host.info().subscription_id + "/providers/Microsoft.Storage/storageAccounts";
}

// What a script does with the management API: list the account, list its keys, and build the
// connection string from the two.
std::string connection_string_of(RunningHost& host) {
  auto list = host.client().get(storage_accounts_path(host) + "?api-version=2023-01-01");
  BOOST_TEST_REQUIRE(list.status == 200, list.body);
  const auto account = list.json_body()["value"][0];
  auto keys = host.client().post(account["id"].get<std::string>() + "/listKeys?api-version=2023-01-01");
  BOOST_TEST_REQUIRE(keys.status == 200, keys.body);
  std::string endpoint = account["properties"]["primaryEndpoints"]["blob"];
  endpoint.pop_back();  // the trailing '/'
  return "DefaultEndpointsProtocol=http;AccountName=" + account["name"].get<std::string>() +
         ";AccountKey=" + keys.json_body()["keys"][0]["value"].get<std::string>() + ";BlobEndpoint=" + endpoint;
}

struct BlobHostFixture {
  RunningHost host{AZML_HOST_EXECUTABLE};
  std::shared_ptr<azml::client::Transport> transport = std::make_shared<azml::client::CpprestTransport>();
  std::string connection_string = connection_string_of(host);
  BlobClient blobs{StorageConnection::parse(connection_string), transport};
};

bool fails_with(const std::function<void()>& call, ErrorCode code, const std::string& service_code) {
  try {
    call();
  } catch (const Error& e) {
    BOOST_TEST_MESSAGE("raised: " << e.what());
    return e.code() == code && e.service_code() == service_code;
  }
  return false;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(blob_integration_tests, BlobHostFixture)

BOOST_AUTO_TEST_CASE(the_connection_string_names_the_hosts_blob_endpoint) {
  BOOST_TEST(connection_string.find("AccountName=azmlstore;") != std::string::npos);
  BOOST_TEST(connection_string.find(";BlobEndpoint=" + host.info().endpoint + "/blob/azmlstore") != std::string::npos);
  // libazml builds the same string from the same two calls.
  azml::client::ManagementClientOptions options;
  options.endpoint = host.info().endpoint;
  options.token = host.info().admin_token;
  azml::client::StorageAccountClient accounts(options, transport);
  BOOST_TEST(accounts.connection_string(host.info().subscription_id) == connection_string);
  BOOST_TEST(accounts.connection_string(host.info().subscription_id, "AZMLSTORE") == connection_string);
  BOOST_TEST(
      fails_with([&] { accounts.connection_string(host.info().subscription_id, "other"); }, ErrorCode::NotFound, ""));
}

BOOST_AUTO_TEST_CASE(blob_client_round_trip_with_shared_key) {
  blobs.ensure_container("retraining");
  blobs.ensure_container("retraining");  // an existing container is fine
  const std::string csv = "age,income,label\n39,77516,0\n50,83311,1\n";
  blobs.put_blob("retraining", "inputs/census 2026.csv", csv, "text/csv");
  BOOST_TEST(blobs.get_blob("retraining", "inputs/census 2026.csv") == csv);

  auto info = blobs.get_properties("retraining", "inputs/census 2026.csv");
  BOOST_TEST(info.size == csv.size());
  BOOST_TEST(info.content_type == "text/csv");
  BOOST_TEST(!info.etag.empty());

  const std::string model(300 * 1024, '\x7f');
  blobs.put_blob("retraining", "models/output1results.ilearner", model);
  auto listed = blobs.list_blobs("retraining", "models/");
  BOOST_TEST_REQUIRE(listed.size() == 1u);
  BOOST_TEST(listed[0].name == "models/output1results.ilearner");
  BOOST_TEST(listed[0].size == model.size());
  BOOST_TEST(blobs.list_blobs("retraining").size() == 2u);

  blobs.delete_blob("retraining", "inputs/census 2026.csv");
  BOOST_TEST(
      fails_with([&] { blobs.get_blob("retraining", "inputs/census 2026.csv"); }, ErrorCode::NotFound, "BlobNotFound"));
  BOOST_TEST(fails_with([&] { blobs.delete_blob("retraining", "inputs/census 2026.csv"); }, ErrorCode::NotFound,
                        "BlobNotFound"));
}

BOOST_AUTO_TEST_CASE(a_sas_reads_one_blob_and_writes_nothing) {
  blobs.ensure_container("results");
  blobs.put_blob("results", "output2results.csv", "auc\n0.91\n", "text/csv");
  const std::string token =
      blobs.blob_sas("results", "output2results.csv", "r", std::chrono::system_clock::now() + std::chrono::hours(1));
  // BES hands results out as BaseLocation + RelativeLocation + SasBlobToken.
  BlobClient reader(StorageConnection::parse("BlobEndpoint=" + host.info().endpoint +
                                             "/blob/azmlstore;SharedAccessSignature=" + token.substr(1)),
                    transport);
  BOOST_TEST(reader.get_blob("results", "output2results.csv") == "auc\n0.91\n");
  BOOST_TEST(reader.get_properties("results", "output2results.csv").size == 9u);
  BOOST_TEST(fails_with([&] { reader.put_blob("results", "output2results.csv", "forged"); }, ErrorCode::Unauthorized,
                        "AuthorizationPermissionMismatch"));
  BOOST_TEST(
      fails_with([&] { reader.list_blobs("results"); }, ErrorCode::Unauthorized, "AuthorizationResourceTypeMismatch"));
  BOOST_TEST(blobs.get_blob("results", "output2results.csv") == "auc\n0.91\n");

  TestRequest anonymous("GET", "/blob/azmlstore/results/output2results.csv" + token);
  anonymous.authorization = "";
  auto raw = host.client().send(anonymous);
  BOOST_TEST(raw.status == 200);
  BOOST_TEST(raw.body == "auc\n0.91\n");
}

BOOST_AUTO_TEST_CASE(a_wrong_key_is_refused_in_azures_xml) {
  auto wrong = StorageConnection::parse(connection_string);
  wrong.account_key = "d3Jvbmcga2V5IHdyb25nIGtleSB3cm9uZyBrZXkgd3Jvbmcga2V5IHdyb25nIGtleQ==";
  BlobClient intruder(wrong, transport);
  BOOST_TEST(fails_with([&] { intruder.list_blobs("anything"); }, ErrorCode::Unauthorized, "AuthenticationFailed"));
  TestRequest anonymous("GET", "/blob/azmlstore/anything/x.csv");
  anonymous.authorization = "";
  auto response = host.client().send(anonymous);
  BOOST_TEST(response.status == 401);
  BOOST_TEST(response.header("content-type").value_or("") == "application/xml");
  BOOST_TEST(response.body.find("<Code>NoAuthenticationInformation</Code>") != std::string::npos, response.body);
}

BOOST_AUTO_TEST_CASE(paths_that_try_to_leave_the_store_never_reach_the_disk) {
  blobs.ensure_container("data");
  for (const std::string target :
       {"/blob/azmlstore/data/..%2F..%2F..%2Fescape.txt", "/blob/azmlstore/data/%2e%2e/%2e%2e/escape.txt",
        "/blob/azmlstore/data/a%5C..%5C..%5Cescape.txt", "/blob/azmlstore/data/a%00.txt",
        "/blob/azmlstore/data//etc/escape.txt", "/blob/azmlstore/%2e%2e/escape.txt",
        "/blob/azmlstore/data/%2Fescape.txt"}) {
    TestRequest put("PUT", target);
    put.authorization = "";
    put.headers["x-ms-blob-type"] = "BlockBlob";
    put.body = "escaped";
    auto response = host.client().send(put);
    BOOST_TEST(response.status == 400, target << ": " << response.body);
    BOOST_TEST(response.body.find("<Code>InvalidResourceName</Code>") != std::string::npos, target);
  }
  for (const auto& entry : std::filesystem::recursive_directory_iterator(host.dir().path())) {
    BOOST_TEST(entry.path().filename() != "escape.txt", entry.path());
  }
}

BOOST_AUTO_TEST_CASE(the_account_key_and_blobs_outlive_a_restart) {
  blobs.ensure_container("keep");
  blobs.put_blob("keep", "model.ilearner", "trained");
  BOOST_TEST(host.process().stop(SIGTERM) == 0);
  azml::test::HostProcess again(AZML_HOST_EXECUTABLE, host.data_dir(), {}, host.dir().path() / "logs-again");
  auto info = again.wait_until_ready();
  azml::test::TestClient client(info.endpoint, info.admin_token);
  auto keys = client.post("/subscriptions/" + info.subscription_id +
                          "/resourceGroups/azml/providers/Microsoft.Storage/storageAccounts/azmlstore/listKeys"
                          "?api-version=2023-01-01");
  BOOST_TEST_REQUIRE(keys.status == 200);
  auto before = StorageConnection::parse(connection_string);
  BOOST_TEST(keys.json_body()["keys"][0]["value"] == before.account_key);
  before.blob_endpoint = info.endpoint + "/blob/azmlstore";
  BlobClient reopened(before, transport);
  BOOST_TEST(reopened.get_blob("keep", "model.ilearner") == "trained");
  BOOST_TEST(again.stop(SIGTERM) == 0);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_CASE(uploads_over_the_body_limit_are_refused_whole) {
  RunningHost host(AZML_HOST_EXECUTABLE, {"--max-body-bytes", "4096"});
  BlobClient blobs(StorageConnection::parse(connection_string_of(host)),
                   std::make_shared<azml::client::CpprestTransport>());
  blobs.ensure_container("data");
  blobs.put_blob("data", "small.csv", std::string(4000, 'a'));
  try {
    blobs.put_blob("data", "large.csv", std::string(8192, 'a'));
    BOOST_FAIL("an upload over --max-body-bytes was accepted");
  } catch (const Error& e) {
    BOOST_TEST((e.code() == ErrorCode::TooLarge), e.what());
    BOOST_TEST(e.http_status() == 413);
  }
  BOOST_TEST(blobs.list_blobs("data").size() == 1u);
}
