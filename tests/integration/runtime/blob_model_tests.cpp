// Trained models kept in the host's own blob store: uploaded with libazml's blob client, named by
// the host's blob URL, read by the runtime straight from the store. The retraining workflow
// overwrites the model blob and updates the service to load it.
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

BOOST_AUTO_TEST_SUITE_END()
