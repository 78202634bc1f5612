// Schema step 4 in the SQLite store: the classic endpoints added to a web service, stored beside
// it, changed one transaction at a time, and deleted with it.
#include <boost/test/unit_test.hpp>

#include "common/crypto.hpp"
#include "common/error.hpp"
#include "storage/schema.hpp"
#include "storage/store.hpp"
#include "test_support.hpp"

using azml::json;
using azml::host::AsyncOperation;
using azml::host::EndpointRecord;
using azml::host::ResourceKey;
using azml::host::ResourceOverride;
using azml::host::ServingRevision;
using azml::host::WebServiceRecord;
using azml::host::test::RawDatabase;
using azml::host::test::TempDir;

namespace {

const std::string kSubscription = "7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f";

WebServiceRecord web_service(const std::string& resource_group, const std::string& name) {
  WebServiceRecord record;
  record.key = {kSubscription, resource_group, name};
  record.location = "South Central US";
  record.properties = {{"packageType", "Graph"}, {"title", name}};
  record.created_on = "2026-11-26T10:00:00.0000000Z";
  record.modified_on = record.created_on;
  record.provisioning_state = "Succeeded";
  record.revision = 1;
  return record;
}

AsyncOperation operation(const std::string& kind) {
  AsyncOperation op;
  op.id = azml::new_uuid();
  op.subscription_id = kSubscription;
  op.location = "southcentralus";
  op.resource_id = "/subscriptions/" + kSubscription + "/resourceGroups/rg/providers/Microsoft.MachineLearning/webServices/x";
  op.kind = kind;
  op.status = "Succeeded";
  op.start_time = "2026-11-26T10:00:00.0000000Z";
  op.end_time = op.start_time;
  op.percent_complete = 1.0;
  return op;
}

EndpointRecord endpoint(const ResourceKey& service, const std::string& name) {
  EndpointRecord record;
  record.web_service = service;
  record.name = name;
  record.description = "endpoint " + name;
  record.created_on = "2026-11-26T11:00:00.0000000Z";
  record.modified_on = "2026-11-26T11:30:00.0000000Z";
  record.primary_key = "primary-" + name;
  record.secondary_key = "secondary-" + name;
  record.throttle_level = "Low";
  record.max_concurrent_calls = 4;
  record.prevent_update = true;
  record.base = ServingRevision{3, {{"title", "snapshot"}, {"assets", json::object()}}};
  record.resources = {ResourceOverride{"Census Model [trained model]", "TrainedModel", "https://acct.blob.core.windows.net/",
                                       "models/v2.ilearner", "?sv=2021-08-06&sig=abc"}};
  record.version = 7;
  return record;
}

struct EndpointStoreFixture {
  TempDir dir;
  std::filesystem::path db_path = dir.path() / "azml.db";
  std::unique_ptr<azml::host::storage::Store> store = azml::host::storage::open_sqlite_store(db_path);
  WebServiceRecord service = web_service("RetrainRG", "Scoring");

  EndpointStoreFixture() {
    store->save_web_service(service, operation("put"), ServingRevision{1, service.properties});
  }

  std::int64_t endpoint_rows() { return RawDatabase(db_path).integer("SELECT count(*) FROM classic_endpoints"); }
};

void check_same(const EndpointRecord& actual, const EndpointRecord& expected) {
  BOOST_TEST(actual.name == expected.name);
  BOOST_TEST(actual.description == expected.description);
  BOOST_TEST(actual.created_on == expected.created_on);
  BOOST_TEST(actual.modified_on == expected.modified_on);
  BOOST_TEST(actual.primary_key == expected.primary_key);
  BOOST_TEST(actual.secondary_key == expected.secondary_key);
  BOOST_TEST(actual.throttle_level == expected.throttle_level);
  BOOST_TEST(actual.max_concurrent_calls == expected.max_concurrent_calls);
  BOOST_TEST(actual.prevent_update == expected.prevent_update);
  BOOST_TEST(actual.base.revision == expected.base.revision);
  BOOST_TEST(actual.base.properties == expected.base.properties);
  BOOST_TEST_REQUIRE(actual.resources.size() == expected.resources.size());
  for (size_t i = 0; i < actual.resources.size(); ++i) {
    BOOST_TEST(actual.resources[i].name == expected.resources[i].name);
    BOOST_TEST(actual.resources[i].kind == expected.resources[i].kind);
    BOOST_TEST(actual.resources[i].base_location == expected.resources[i].base_location);
    BOOST_TEST(actual.resources[i].relative_location == expected.resources[i].relative_location);
    BOOST_TEST(actual.resources[i].sas_blob_token == expected.resources[i].sas_blob_token);
  }
  BOOST_TEST(actual.version == expected.version);
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(endpoint_store_tests, EndpointStoreFixture)

BOOST_AUTO_TEST_CASE(an_endpoint_is_stored_and_read_back_whole_under_its_web_service_in_any_casing) {
  const EndpointRecord saved = endpoint(service.key, "retrained1");
  store->save_endpoint(saved);
  auto found = store->find_endpoint({kSubscription, "retrainrg", "SCORING"}, "retrained1");
  BOOST_TEST_REQUIRE(found.has_value());
  check_same(*found, saved);
  BOOST_TEST(!store->find_endpoint(service.key, "retrained2").has_value());
  BOOST_TEST(!store->find_endpoint({kSubscription, "RetrainRG", "Other"}, "retrained1").has_value());
  // The stored resources read like what the classic API PATCHed.
  const json resources = json::parse(RawDatabase(db_path).text("SELECT resources FROM classic_endpoints"));
  BOOST_TEST(resources.at(0).at("Location").at("RelativeLocation") == "models/v2.ilearner");
}

BOOST_AUTO_TEST_CASE(saving_again_replaces_the_endpoint_and_the_list_is_ordered_by_name) {
  store->save_endpoint(endpoint(service.key, "zeta"));
  store->save_endpoint(endpoint(service.key, "alpha"));
  EndpointRecord changed = endpoint(service.key, "zeta");
  changed.description = "changed";
  changed.resources.clear();
  changed.version = 8;
  store->save_endpoint(changed);
  const auto listed = store->list_endpoints({kSubscription, "RETRAINRG", "scoring"});
  BOOST_TEST_REQUIRE(listed.size() == 2u);
  BOOST_TEST(listed[0].name == "alpha");
  check_same(listed[1], changed);
  BOOST_TEST(store->count_endpoints(service.key) == 2u);
  BOOST_TEST(endpoint_rows() == 2);
}

BOOST_AUTO_TEST_CASE(an_endpoint_of_a_missing_web_service_is_refused_and_nothing_is_written) {
  try {
    store->save_endpoint(endpoint({kSubscription, "RetrainRG", "Missing"}, "retrained1"));
    BOOST_FAIL("saved an endpoint of a web service that does not exist");
  } catch (const azml::Error& error) {
    BOOST_TEST(static_cast<int>(error.code()) == static_cast<int>(azml::ErrorCode::NotFound));
    BOOST_TEST(error.service_code() == "WebServiceNotFound");
  }
  BOOST_TEST(endpoint_rows() == 0);
}

BOOST_AUTO_TEST_CASE(deleting_an_endpoint_deletes_that_one_only) {
  store->save_endpoint(endpoint(service.key, "one"));
  store->save_endpoint(endpoint(service.key, "two"));
  BOOST_TEST(store->delete_endpoint(service.key, "one"));
  BOOST_TEST(!store->delete_endpoint(service.key, "one"));
  BOOST_TEST(!store->find_endpoint(service.key, "one").has_value());
  BOOST_TEST(store->find_endpoint(service.key, "two").has_value());
}

BOOST_AUTO_TEST_CASE(deleting_the_web_service_deletes_its_endpoints_and_no_other) {
  const WebServiceRecord other = web_service("RetrainRG", "Other");
  store->save_web_service(other, operation("put"), ServingRevision{1, other.properties});
  store->save_endpoint(endpoint(service.key, "one"));
  store->save_endpoint(endpoint(service.key, "two"));
  store->save_endpoint(endpoint(other.key, "one"));
  BOOST_TEST(store->delete_web_service({kSubscription, "retrainrg", "scoring"}, operation("delete")));
  BOOST_TEST(store->list_endpoints(service.key).empty());
  BOOST_TEST(store->count_endpoints(other.key) == 1u);
  // A web service made again under the same name starts without endpoints.
  store->save_web_service(service, operation("put"));
  BOOST_TEST(store->count_endpoints(service.key) == 0u);
}

BOOST_AUTO_TEST_CASE(the_database_refuses_rows_that_break_the_endpoint_rules) {
  store->save_endpoint(endpoint(service.key, "fine"));
  RawDatabase raw(db_path);
  BOOST_CHECK_THROW(raw.exec("UPDATE classic_endpoints SET name = 'Upper'"), std::runtime_error);
  BOOST_CHECK_THROW(raw.exec("UPDATE classic_endpoints SET throttle_level = 'Medium'"), std::runtime_error);
  BOOST_CHECK_THROW(raw.exec("UPDATE classic_endpoints SET resources = '{}'"), std::runtime_error);
  BOOST_CHECK_THROW(raw.exec("UPDATE classic_endpoints SET version = 0"), std::runtime_error);
  BOOST_TEST(store->find_endpoint(service.key, "fine").has_value());
}

BOOST_AUTO_TEST_CASE(a_version_3_database_is_migrated_to_hold_endpoints) {
  store.reset();
  {
    RawDatabase raw(db_path);
    raw.exec("DROP TABLE classic_endpoints");
    raw.exec("PRAGMA user_version = 3");
  }
  store = azml::host::storage::open_sqlite_store(db_path);
  BOOST_TEST(RawDatabase(db_path).integer("PRAGMA user_version") == azml::host::storage::latest_schema_version());
  BOOST_TEST(store->find_web_service(service.key).has_value());
  store->save_endpoint(endpoint(service.key, "after"));
  BOOST_TEST(store->count_endpoints(service.key) == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
