// Trained models kept in the host's own blob store: uploaded with libazml's blob client, named by
// the host's blob URL, read by the runtime straight from the store. The retraining workflow
// overwrites the model blob and updates the service to load it.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <csignal>

#include <boost/test/unit_test.hpp>

#include "client/blob_client.hpp"
#include "client/cpprest_transport.hpp"
#include "scoring_support.hpp"

using azml::test::json;

namespace {

constexpr const char* kContainer = "models";

struct BlobModelFixture {
  azml::test::ScoringHost scoring;
  std::unique_ptr<azml::client::BlobClient> blobs;
  std::string account;

  BlobModelFixture() {
    const auto& info = scoring.host().info();
    const std::string accounts = "/subscriptions/" + info.subscription_id +
                                 "/resourceGroups/azml/providers/Microsoft.Storage/storageAccounts";
    auto listed = scoring.client().get(accounts + "?api-version=2019-06-01");
    BOOST_TEST_REQUIRE(listed.status == 200, listed.body);
    account = listed.json_body().at("value").at(0).at("name").get<std::string>();
    auto keys = scoring.client().send(
        azml::test::TestRequest("POST", accounts + "/" + account + "/listKeys?api-version=2019-06-01"));
    BOOST_TEST_REQUIRE(keys.status == 200, keys.body);
    const std::string key = keys.json_body().at("keys").at(0).at("value").get<std::string>();
    blobs = std::make_unique<azml::client::BlobClient>(
        azml::client::StorageConnection::parse("DefaultEndpointsProtocol=http;AccountName=" + account + ";AccountKey=" +
                                               key + ";BlobEndpoint=" + info.endpoint + "/blob/" + account),
        std::make_shared<azml::client::CpprestTransport>());
    blobs->ensure_container(kContainer);
  }

  std::string model_url(const std::string& blob) const { return blobs->blob_url(kContainer, blob); }

  std::string scores(const std::string& url) {
    auto response = scoring.execute(url, azml::test::table_request(3));
    if (response.status != 200) return std::to_string(response.status) + " " + response.body;
    return response.json_body().at("Results").at("output1").at("value").at("Values").dump();
  }
};

std::string scores_of(const std::string& model) { return azml::test::expected_values(model, 3).dump(); }

// A loopback port nobody listens on now, other than `not_this`.
std::uint16_t another_free_port(std::uint16_t not_this) {
  for (int attempt = 0; attempt < 20; ++attempt) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    BOOST_TEST_REQUIRE(fd >= 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    const bool bound = ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
                       ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0;
    ::close(fd);
    BOOST_TEST_REQUIRE(bound);
    if (ntohs(address.sin_port) != not_this) return ntohs(address.sin_port);
  }
  BOOST_FAIL("no other free port");
  return 0;
}

std::uint16_t port_of(const std::string& endpoint) {
  return static_cast<std::uint16_t>(std::stoi(endpoint.substr(endpoint.rfind(':') + 1)));
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(blob_model_tests, BlobModelFixture)

BOOST_AUTO_TEST_CASE(a_model_in_the_hosts_blob_store_serves_and_a_retrained_one_replaces_it) {
  blobs->put_blob(kContainer, "output1results.ilearner", azml::test::boosted_tree_model());
  auto created = scoring.put_service("from-blob", azml::test::predictive_service(model_url("output1results.ilearner")));
  BOOST_TEST_REQUIRE(created.status == 201, created.body);
  BOOST_TEST_REQUIRE(created.json_body().at("properties").at("provisioningState") == "Succeeded", created.body);
  const std::string url = scoring.service_url("from-blob");
  BOOST_TEST(scores(url) == scores_of(azml::test::boosted_tree_model()));

  // Retraining writes the new model to the same blob; the service keeps its loaded model until
  // it is updated, then loads the new one.
  blobs->put_blob(kContainer, "output1results.ilearner", azml::test::logistic_model());
  BOOST_TEST(scores(url) == scores_of(azml::test::boosted_tree_model()));
  auto updated = scoring.patch_service("from-blob", azml::test::ScoringHost::model_patch(model_url("output1results.ilearner")));
  BOOST_TEST_REQUIRE(updated.status == 200, updated.body);
  BOOST_TEST(updated.json_body().at("properties").at("provisioningState") == "Succeeded");
  BOOST_TEST(scores(url) == scores_of(azml::test::logistic_model()));
}

BOOST_AUTO_TEST_CASE(a_missing_or_foreign_blob_fails_the_update_and_the_old_model_keeps_serving) {
  blobs->put_blob(kContainer, "good.ilearner", azml::test::boosted_tree_model());
  BOOST_TEST_REQUIRE(scoring.put_service("guarded", azml::test::predictive_service(model_url("good.ilearner"))).status == 201);
  const std::string url = scoring.service_url("guarded");

  auto missing = scoring.patch_service("guarded", azml::test::ScoringHost::model_patch(model_url("never-written.ilearner")));
  BOOST_TEST_REQUIRE(missing.status == 200, missing.body);
  const json error = missing.json_body().at("properties").at("provisioningError");
  BOOST_TEST(error.at("details").at(0).at("target") == "node2");
  BOOST_TEST(error.at("message").get<std::string>().find("never-written.ilearner") != std::string::npos, error.dump());
  BOOST_TEST(error.at("message").get<std::string>().find("does not exist") != std::string::npos, error.dump());
  BOOST_TEST(scores(url) == scores_of(azml::test::boosted_tree_model()));

  blobs->put_blob(kContainer, "not-a-model.ilearner", "mean radius,mean texture\n1,2\n");
  auto foreign = scoring.patch_service("guarded", azml::test::ScoringHost::model_patch(model_url("not-a-model.ilearner")));
  BOOST_TEST_REQUIRE(foreign.status == 200, foreign.body);
  BOOST_TEST(foreign.json_body().at("properties").at("provisioningError").at("message").get<std::string>().find(
                 "not a usable .ilearner file") != std::string::npos,
             foreign.body);
  BOOST_TEST(scores(url) == scores_of(azml::test::boosted_tree_model()));
}

BOOST_AUTO_TEST_CASE(a_host_restarted_on_another_port_still_reads_the_models_its_urls_name) {
  // Model URLs name the port of the run that handed them out; the blobs are still this host's.
  blobs->put_blob(kContainer, "before-restart.ilearner", azml::test::boosted_tree_model());
  const std::string first_endpoint = scoring.host().info().endpoint;
  BOOST_TEST_REQUIRE(
      scoring.put_service("moved", azml::test::predictive_service(model_url("before-restart.ilearner"))).status == 201);

  auto& first = scoring.host();
  BOOST_TEST_REQUIRE(first.process().stop(SIGTERM) == 0);
  const std::uint16_t new_port = another_free_port(port_of(first_endpoint));
  azml::test::HostProcess second(AZML_HOST_EXECUTABLE, first.data_dir(), {"--port", std::to_string(new_port)},
                                 first.dir().path() / "logs-restarted");
  const auto info = second.wait_until_ready();
  BOOST_TEST_REQUIRE(info.endpoint != first_endpoint);
  azml::test::TestClient client(info.endpoint, info.admin_token);
  const json after = client.get(azml::test::web_service_path(info.subscription_id, "rg", "moved")).json_body();
  BOOST_TEST(after.at("properties").at("provisioningState") == "Succeeded");
  const std::string swagger = after.at("properties").at("swaggerLocation").get<std::string>();
  azml::test::TestRequest call("POST", swagger.substr(0, swagger.rfind('/')) + "/execute?api-version=2.0");
  call.body = azml::test::table_request(3).dump();
  call.authorization = std::string("Bearer ") + azml::test::kPrimaryKey;
  auto served = client.send(call);
  BOOST_TEST_REQUIRE(served.status == 200, served.body);
  BOOST_TEST(served.json_body().at("Results").at("output1").at("value").at("Values").dump() ==
             scores_of(azml::test::boosted_tree_model()));
  BOOST_TEST(second.stop(SIGTERM) == 0);
}

BOOST_AUTO_TEST_SUITE_END()
