// Schema step 2 in the SQLite store: the revision each web service serves, kept beside its
// (possibly newer, failed) definition, and why a revision did not provision.
#include <boost/test/unit_test.hpp>

#include "common/crypto.hpp"
#include "storage/schema.hpp"
#include "storage/store.hpp"
#include "test_support.hpp"

using azml::json;
using azml::host::AsyncOperation;
using azml::host::ServingRevision;
using azml::host::WebServiceRecord;
using azml::host::test::RawDatabase;
using azml::host::test::TempDir;

namespace {

const std::string kSubscription = "5d0cf7b1-8a0e-4a5b-9a4c-7f1e2d3c4b5a";

WebServiceRecord record_of(const std::string& name, std::int64_t revision, const std::string& model_uri) {
  WebServiceRecord record;
  record.key = {kSubscription, "rg", name};
  record.location = "South Central US";
  record.properties = {{"packageType", "Graph"},
                       {"assets", {{"asset1", {{"name", "model"}, {"type", "Resource"},
                                               {"locationInfo", {{"uri", model_uri}}}}}}}};
  record.created_on = "2026-11-26T10:00:00.0000000Z";
  record.modified_on = "2026-11-26T10:00:00.0000000Z";
  record.provisioning_state = "Succeeded";
  record.revision = revision;
  return record;
}

AsyncOperation operation_of(const std::string& status) {
  AsyncOperation operation;
  operation.id = azml::new_uuid();
  operation.subscription_id = kSubscription;
  operation.location = "southcentralus";
  operation.resource_id = "/subscriptions/" + kSubscription + "/resourceGroups/rg/providers/Microsoft.MachineLearning/webServices/x";
  operation.kind = "put";
  operation.status = status;
  operation.start_time = "2026-11-26T10:00:00.0000000Z";
  operation.end_time = "2026-11-26T10:00:01.0000000Z";
  operation.percent_complete = 1.0;
  return operation;
}

const json kProvisioningError = {
    {"code", "ProvisioningFailed"},
    {"message", "Web service 'svc' cannot run"},
    {"details", json::array({{{"code", "ResourceNotAvailable"}, {"message", "gone"}, {"target", "node2"}}})}};

struct ServingFixture {
  TempDir dir;
  std::filesystem::path db_path = dir.path() / "azml.db";
  std::unique_ptr<azml::host::storage::Store> store = azml::host::storage::open_sqlite_store(db_path);
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(serving_revision_tests, ServingFixture)

BOOST_AUTO_TEST_CASE(a_failed_update_keeps_the_serving_revision_beside_the_newer_definition) {
  const auto first = record_of("svc", 1, "https://models/a.ilearner");
  store->save_web_service(first, operation_of("Succeeded"), ServingRevision{1, first.properties});

  auto failed = record_of("svc", 2, "https://models/gone.ilearner");
  failed.provisioning_state = "Failed";
  failed.provisioning_error = kProvisioningError;
  store->save_web_service(failed, operation_of("Failed"));

  auto stored = store->find_web_service(failed.key);
  BOOST_TEST_REQUIRE(stored.has_value());
  BOOST_TEST(stored->revision == 2);
  BOOST_TEST(stored->provisioning_state == "Failed");
  BOOST_TEST(stored->provisioning_error == kProvisioningError);
  auto serving = store->find_serving_revision(failed.key);
  BOOST_TEST_REQUIRE(serving.has_value());
  BOOST_TEST(serving->revision == 1);
  BOOST_TEST(serving->properties == first.properties);

  // Kept across a reopen, as a restarted host needs it.
  store = azml::host::storage::open_sqlite_store(db_path);
  BOOST_TEST(store->find_serving_revision(failed.key)->revision == 1);
  BOOST_TEST(store->find_web_service(failed.key)->provisioning_error == kProvisioningError);
}

BOOST_AUTO_TEST_CASE(a_successful_update_replaces_the_serving_revision_and_clears_the_error) {
  auto failed = record_of("svc", 1, "https://models/gone.ilearner");
  failed.provisioning_state = "Failed";
  failed.provisioning_error = kProvisioningError;
  store->save_web_service(failed, operation_of("Failed"));
  BOOST_TEST(!store->find_serving_revision(failed.key).has_value());

  const auto fixed = record_of("svc", 2, "https://models/b.ilearner");
  store->save_web_service(fixed, operation_of("Succeeded"), ServingRevision{2, fixed.properties});
  BOOST_TEST(store->find_web_service(fixed.key)->provisioning_error.is_null());
  BOOST_TEST(store->find_serving_revision(fixed.key)->revision == 2);

  const auto again = record_of("svc", 3, "https://models/c.ilearner");
  store->save_web_service(again, operation_of("Succeeded"), ServingRevision{3, again.properties});
  BOOST_TEST(store->find_serving_revision(again.key)->properties == again.properties);
  BOOST_TEST(RawDatabase(db_path).integer("SELECT count(*) FROM serving_revisions") == 1);
}

BOOST_AUTO_TEST_CASE(deleting_a_web_service_deletes_its_serving_revision) {
  const auto record = record_of("Svc", 1, "https://models/a.ilearner");
  store->save_web_service(record, operation_of("Succeeded"), ServingRevision{1, record.properties});
  BOOST_TEST(store->delete_web_service({kSubscription, "RG", "svc"}, operation_of("Succeeded")));
  BOOST_TEST(RawDatabase(db_path).integer("SELECT count(*) FROM serving_revisions") == 0);
  // A new service of the same name starts with nothing serving.
  store->save_web_service(record_of("svc", 1, "https://models/b.ilearner"), operation_of("Succeeded"));
  BOOST_TEST(!store->find_serving_revision(record.key).has_value());
}

BOOST_AUTO_TEST_CASE(a_version_1_database_is_migrated_and_its_services_read_back) {
  store->save_web_service(record_of("old", 3, "https://models/a.ilearner"), operation_of("Succeeded"));
  store.reset();
  {
    // What the steps after 1 added, taken away again: the database as a version 1 host left it.
    RawDatabase raw(db_path);
    for (;;) {
      const std::string table = raw.text(
          "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
          "AND name NOT IN ('settings', 'web_services', 'async_operations') LIMIT 1");
      if (table.empty()) break;
      raw.exec("DROP TABLE \"" + table + "\"");
    }
    raw.exec("ALTER TABLE web_services DROP COLUMN provisioning_error");
    raw.exec("PRAGMA user_version = 1");
  }
  store = azml::host::storage::open_sqlite_store(db_path);
  BOOST_TEST(RawDatabase(db_path).integer("PRAGMA user_version") == azml::host::storage::latest_schema_version());
  auto old = store->find_web_service({kSubscription, "rg", "old"});
  BOOST_TEST_REQUIRE(old.has_value());
  BOOST_TEST(old->revision == 3);
  BOOST_TEST(old->provisioning_error.is_null());
  BOOST_TEST(!store->find_serving_revision(old->key).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
