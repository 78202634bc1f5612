// The catalog's rules for the ARM webServices resource, over a real SQLite store in a fresh
// temporary directory.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <cctype>
#include <cstdio>
#include <functional>
#include <optional>
#include <ostream>
#include <set>
#include <vector>

#include "common/arm_error.hpp"
#include "common/crypto.hpp"
#include "common/error.hpp"
#include "domain/catalog.hpp"
#include "test_support.hpp"

using azml::json;
using azml::host::ResourceKey;
using azml::host::WebServiceRecord;
using azml::host::domain::Catalog;
using azml::host::storage::open_sqlite_store;
using azml::host::storage::Store;
using azml::host::test::RawDatabase;
using azml::host::test::TempDir;

namespace {

const std::string kResourceGroup = "RetrainRG";
const std::string kCommitmentPlan =
    "/subscriptions/subscriptionId/resourceGroups/resourceGroupName/providers/Microsoft.MachineLearning/"
    "commitmentPlans/commitmentPlanName";

// Distinct, increasing ISO 8601 instants, so "kept" and "changed" timestamps can be told apart.
std::string instant(int tick) {
  char text[40];
  std::snprintf(text, sizeof text, "2024-05-01T12:00:00.%07dZ", tick);
  return text;
}

std::string upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

int code_of(const azml::Error& e) { return static_cast<int>(e.code()); }
int code_of(azml::ErrorCode code) { return static_cast<int>(code); }

struct CatalogFixture {
  TempDir dir;
  std::filesystem::path db_path = dir.path() / "azml.db";
  std::unique_ptr<Store> store = open_sqlite_store(db_path);
  int ticks = 0;
  Catalog catalog{*store, [this] { return instant(++ticks); }};
  std::string subscription = catalog.subscriptions().front();

  ResourceKey key(const std::string& name, const std::string& resource_group = kResourceGroup) const {
    return {subscription, resource_group, name};
  }

  // The official example, a valid 2017-01-01 Graph service with storage key and commitment plan.
  json body() const { return azml::host::test::example_put_body(); }

  json body_with(const std::function<void(json&)>& change) const {
    json b = body();
    change(b);
    return b;
  }

  // Everything the catalog could have written: web service rows, the number of operations and
  // the settings. Compared before and after a refused change.
  std::string snapshot() {
    RawDatabase raw(db_path);
    return raw.text(
               "SELECT json_group_array(json_array(subscription_id, resource_group, name, location, tags, "
               "properties, created_on, modified_on, provisioning_state, revision)) "
               "FROM (SELECT * FROM web_services ORDER BY id)") +
           " | operations " + raw.text("SELECT count(*) FROM async_operations") + " | settings " +
           raw.text("SELECT json_group_array(json_array(name, value)) FROM (SELECT * FROM settings ORDER BY name)");
  }

  std::int64_t operation_count() { return RawDatabase(db_path).integer("SELECT count(*) FROM async_operations"); }
};

bool is_base64(const std::string& text) {
  for (char c : text) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '/' && c != '=') return false;
  }
  return true;
}

void check_generated_key(const std::string& key) {
  BOOST_TEST(key.size() == 88u);
  BOOST_TEST(is_base64(key), key);
  BOOST_TEST(azml::base64_decode(key).size() == 64u);
}

}  // namespace

// ---------------------------------------------------------------------------------------------
BOOST_FIXTURE_TEST_SUITE(catalog_subscriptions, CatalogFixture)

BOOST_AUTO_TEST_CASE(creates_one_default_subscription_and_keeps_it) {
  auto subscriptions = catalog.subscriptions();
  BOOST_TEST_REQUIRE(subscriptions.size() == 1u);
  const std::string& id = subscriptions.front();
  BOOST_TEST(id.size() == 36u);
  BOOST_TEST(id[8] == '-');
  BOOST_TEST(id[14] == '4');  // a version-4 GUID
  BOOST_TEST(store->get_setting(Catalog::kDefaultSubscriptionSetting).value_or("") == id);

  Catalog second(*store);
  BOOST_TEST(second.subscriptions() == subscriptions, boost::test_tools::per_element());

  store.reset();
  auto reopened = open_sqlite_store(db_path);
  Catalog after_restart(*reopened);
  BOOST_TEST(after_restart.subscriptions() == subscriptions, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(accepts_the_subscription_in_any_casing) {
  BOOST_CHECK_NO_THROW(catalog.require_subscription(subscription));
  BOOST_CHECK_NO_THROW(catalog.require_subscription(upper(subscription)));
}

BOOST_AUTO_TEST_CASE(refuses_other_subscriptions_with_subscription_not_found) {
  for (const std::string& other : {std::string("00000000-0000-0000-0000-000000000000"), std::string(""),
                                  subscription + "0", std::string("subscription-id")}) {
    try {
      catalog.require_subscription(other);
      BOOST_FAIL("accepted subscription '" << other << "'");
    } catch (const azml::Error& e) {
      BOOST_TEST(code_of(e) == code_of(azml::ErrorCode::NotFound));
      BOOST_TEST(e.service_code() == "SubscriptionNotFound");
      BOOST_TEST(std::string(e.what()).find("'" + other + "'") != std::string::npos, e.what());
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------------------------
BOOST_FIXTURE_TEST_SUITE(catalog_create_or_update, CatalogFixture)

BOOST_AUTO_TEST_CASE(creates_a_provisioned_service_with_generated_keys) {
  auto result = catalog.create_or_update(key("RetrainSamplePre.2016.8.17.0.3.51.237"), body());
  BOOST_TEST(result.created);
  const WebServiceRecord& record = result.record;
  BOOST_TEST(record.key.subscription_id == subscription);
  BOOST_TEST(record.key.resource_group == kResourceGroup);
  BOOST_TEST(record.key.name == "RetrainSamplePre.2016.8.17.0.3.51.237");
  BOOST_TEST(record.location == "West US");
  BOOST_TEST(record.tags == (json{{"tag1", "value1"}, {"tag2", "value2"}}));
  BOOST_TEST(record.revision == 1);
  BOOST_TEST(record.provisioning_state == "Succeeded");
  BOOST_TEST(record.created_on == instant(1));
  BOOST_TEST(record.modified_on == instant(1));
  BOOST_TEST(record.properties["title"] == "Web Service Title");
  BOOST_TEST(record.properties["storageAccount"]["key"] == "Storage_Key");
  BOOST_TEST(record.properties["commitmentPlan"]["id"] == kCommitmentPlan);

  const std::string primary = record.properties["keys"]["primary"];
  const std::string secondary = record.properties["keys"]["secondary"];
  check_generated_key(primary);
  check_generated_key(secondary);
  BOOST_TEST(primary != secondary);

  const auto& operation = result.operation;
  BOOST_TEST(operation.kind == "put");
  BOOST_TEST(operation.status == "Succeeded");
  BOOST_TEST(operation.location == "westus");
  BOOST_TEST(operation.subscription_id == subscription);
  BOOST_TEST(operation.resource_id == "/subscriptions/" + subscription + "/resourceGroups/RetrainRG/providers/"
                                          "Microsoft.MachineLearning/webServices/RetrainSamplePre.2016.8.17.0.3.51.237");
  BOOST_TEST(operation.start_time == instant(1));
  BOOST_TEST(operation.end_time == instant(1));
  BOOST_TEST(operation.percent_complete == 1.0);
  BOOST_TEST(operation.error.is_null());

  auto stored_operation = catalog.get_operation(subscription, operation.id);
  BOOST_TEST(stored_operation.id == operation.id);
  BOOST_TEST(stored_operation.kind == "put");

  auto stored = catalog.get(key("RetrainSamplePre.2016.8.17.0.3.51.237"));
  BOOST_TEST(stored.properties == record.properties);
  BOOST_TEST(stored.revision == 1);
}

BOOST_AUTO_TEST_CASE(every_service_gets_its_own_keys) {
  std::set<std::string> keys;
  for (const char* name : {"one", "two", "three"}) {
    auto generated = catalog.list_keys(key(catalog.create_or_update(key(name), body()).record.key.name));
    keys.insert(generated["primary"].get<std::string>());
    keys.insert(generated["secondary"].get<std::string>());
  }
  BOOST_TEST(keys.size() == 6u);
}

BOOST_AUTO_TEST_CASE(keeps_keys_given_in_the_body_and_lists_them) {
  catalog.create_or_update(key("svc"), body_with([](json& b) {
    b["properties"]["keys"] = {{"primary", "given-primary"}, {"secondary", "given-secondary"}};
  }));
  BOOST_TEST(catalog.list_keys(key("svc")) == (json{{"primary", "given-primary"}, {"secondary", "given-secondary"}}));
}

BOOST_AUTO_TEST_CASE(generates_only_the_key_that_was_not_given) {
  catalog.create_or_update(key("svc"), body_with([](json& b) { b["properties"]["keys"] = {{"primary", "mine"}}; }));
  auto keys = catalog.list_keys(key("svc"));
  BOOST_TEST(keys["primary"] == "mine");
  check_generated_key(keys["secondary"]);
}

BOOST_AUTO_TEST_CASE(treats_null_keys_as_not_given) {
  catalog.create_or_update(key("svc"), body_with([](json& b) { b["properties"]["keys"] = nullptr; }));
  auto keys = catalog.list_keys(key("svc"));
  check_generated_key(keys["primary"]);
  check_generated_key(keys["secondary"]);
}

BOOST_AUTO_TEST_CASE(ignores_read_only_fields_in_the_body) {
  auto result = catalog.create_or_update(key("svc"), body_with([](json& b) {
    b["id"] = "/subscriptions/x/resourceGroups/y/providers/Microsoft.MachineLearning/webServices/other";
    b["name"] = "other";
    b["type"] = "Microsoft.MachineLearning/webServices";
    b["properties"]["createdOn"] = "2001-01-01T00:00:00Z";
    b["properties"]["modifiedOn"] = "2001-01-01T00:00:00Z";
    b["properties"]["provisioningState"] = "Failed";
    b["properties"]["swaggerLocation"] = "https://elsewhere.example/swagger.json";
  }));
  for (const char* field : {"createdOn", "modifiedOn", "provisioningState", "swaggerLocation"}) {
    BOOST_TEST_INFO("field " << field);
    BOOST_TEST(!result.record.properties.contains(field));
  }
  BOOST_TEST(result.record.key.name == "svc");
  BOOST_TEST(result.record.provisioning_state == "Succeeded");
  BOOST_TEST(result.record.created_on == instant(1));
}

BOOST_AUTO_TEST_CASE(replacing_keeps_created_on_and_secrets_and_counts_revisions) {
  auto first = catalog.create_or_update(key("svc"), body());
  const json first_keys = catalog.list_keys(key("svc"));

  // What a client gets back from GET: no keys, no storage key, no commitment plan.
  auto second = catalog.create_or_update(key("SVC", upper(kResourceGroup)), body_with([](json& b) {
    b["properties"].erase("commitmentPlan");
    b["properties"]["storageAccount"].erase("key");
    b["properties"]["title"] = "Second title";
  }));
  BOOST_TEST(!second.created);
  BOOST_TEST(second.record.key.name == "svc");  // the first casing stays
  BOOST_TEST(second.record.key.resource_group == kResourceGroup);
  BOOST_TEST(second.record.revision == 2);
  BOOST_TEST(second.record.created_on == first.record.created_on);
  BOOST_TEST(second.record.modified_on == instant(2));
  BOOST_TEST(second.record.properties["title"] == "Second title");
  BOOST_TEST(second.record.properties["storageAccount"]["key"] == "Storage_Key");
  BOOST_TEST(second.record.properties["commitmentPlan"]["id"] == kCommitmentPlan);
  BOOST_TEST(catalog.list_keys(key("svc")) == first_keys);
  BOOST_TEST(second.operation.id != first.operation.id);

  auto third = catalog.create_or_update(key("svc"), body());
  BOOST_TEST(third.record.revision == 3);
  BOOST_TEST(third.record.created_on == first.record.created_on);
}

BOOST_AUTO_TEST_CASE(replacing_with_new_keys_changes_them) {
  catalog.create_or_update(key("svc"), body());
  catalog.create_or_update(key("svc"), body_with([](json& b) { b["properties"]["keys"] = {{"secondary", "new-s"}}; }));
  auto keys = catalog.list_keys(key("svc"));
  BOOST_TEST(keys["secondary"] == "new-s");
  check_generated_key(keys["primary"]);
}

BOOST_AUTO_TEST_CASE(never_hands_a_storage_key_to_another_account) {
  catalog.create_or_update(key("svc"), body());
  auto result = catalog.create_or_update(key("svc"), body_with([](json& b) {
    b["properties"]["storageAccount"] = {{"name", "another_account"}};
  }));
  BOOST_TEST(!result.record.properties["storageAccount"].contains("key"));
}

BOOST_AUTO_TEST_CASE(accepts_the_same_commitment_plan_in_other_casing) {
  catalog.create_or_update(key("svc"), body());
  auto result = catalog.create_or_update(key("svc"), body_with([](json& b) {
    b["properties"]["commitmentPlan"]["id"] = upper(kCommitmentPlan);
  }));
  BOOST_TEST(result.record.revision == 2);
}

BOOST_AUTO_TEST_CASE(a_service_without_a_plan_may_get_one) {
  catalog.create_or_update(key("svc"), body_with([](json& b) { b["properties"].erase("commitmentPlan"); }));
  auto result = catalog.create_or_update(key("svc"), body());
  BOOST_TEST(result.record.properties["commitmentPlan"]["id"] == kCommitmentPlan);
}

BOOST_AUTO_TEST_CASE(accepts_the_same_region_spelled_differently) {
  catalog.create_or_update(key("svc"), body());
  auto result = catalog.create_or_update(key("svc"), body_with([](json& b) { b["location"] = "westus"; }));
  BOOST_TEST(result.record.location == "westus");
}

BOOST_AUTO_TEST_CASE(accepts_the_definition_the_powershell_tests_import) {
  json definition = json::parse(azml::host::test::read_file(std::filesystem::path(AZML_TEST_FIXTURES_DIR) /
                                                            "azure-powershell-recordings" /
                                                            "GraphWebServiceDefinition_Prod.json"));
  auto result = catalog.create_or_update(key("onesdk3495"), definition);
  BOOST_TEST(result.created);
  BOOST_TEST(result.record.location == "South Central US");
  BOOST_TEST(result.operation.location == "southcentralus");
  BOOST_TEST(catalog.list_keys(key("onesdk3495"))["primary"] ==
             "S8ayf24PAsbQqy8Nm67uGf3MbOeorYKPY8QfXen2+JsBZV5Q0NFfk9tgC7mjJ3aCsUPY8yKCFVcI/sCcOlmkKw==");
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------------------------
BOOST_FIXTURE_TEST_SUITE(catalog_patch, CatalogFixture)

BOOST_AUTO_TEST_CASE(changes_only_what_the_patch_names) {
  auto created = catalog.create_or_update(key("svc"), body());
  const json keys = catalog.list_keys(key("svc"));
  auto result = catalog.patch(key("Svc"), json{{"properties", {{"title", "New title"}, {"packageType", "Graph"}}}});
  BOOST_TEST(result.record.properties["title"] == "New title");
  BOOST_TEST(result.record.properties["description"] == "Web Service Description");
  BOOST_TEST(result.record.properties["package"] == created.record.properties["package"]);
  BOOST_TEST(result.record.properties["storageAccount"]["key"] == "Storage_Key");
  BOOST_TEST(result.record.properties["commitmentPlan"]["id"] == kCommitmentPlan);
  BOOST_TEST(result.record.tags == created.record.tags);
  BOOST_TEST(result.record.location == "West US");
  BOOST_TEST(result.record.revision == 2);
  BOOST_TEST(result.record.created_on == created.record.created_on);
  BOOST_TEST(result.record.modified_on == instant(2));
  BOOST_TEST(result.record.provisioning_state == "Succeeded");
  BOOST_TEST(result.operation.kind == "patch");
  BOOST_TEST(result.operation.status == "Succeeded");
  BOOST_TEST(catalog.get_operation(subscription, result.operation.id).kind == "patch");
  BOOST_TEST(catalog.list_keys(key("svc")) == keys);
  BOOST_TEST(catalog.get(key("svc")).properties == result.record.properties);
}

BOOST_AUTO_TEST_CASE(accepts_the_official_example_patch_without_location_too) {
  catalog.create_or_update(key("svc"), body());
  json example = json::parse(azml::host::test::read_file(std::filesystem::path(AZML_TEST_FIXTURES_DIR) /
                                                         "arm-2017-01-01" / "patchWebService.json"));
  json patch = example.at("parameters").at("patchPayload");
  BOOST_TEST(catalog.patch(key("svc"), patch).record.properties["title"] == "New Web Service Title");
  patch.erase("location");  // PowerShell's parameter-based PATCH sends none
  patch["properties"]["title"] = "Without location";
  BOOST_TEST(catalog.patch(key("svc"), patch).record.properties["title"] == "Without location");
}

BOOST_AUTO_TEST_CASE(a_key_in_a_patch_changes_only_that_key) {
  catalog.create_or_update(key("svc"), body());
  const json before = catalog.list_keys(key("svc"));
  catalog.patch(key("svc"), json{{"properties", {{"keys", {{"primary", "rotated"}}}, {"packageType", "Graph"}}}});
  auto after = catalog.list_keys(key("svc"));
  BOOST_TEST(after["primary"] == "rotated");
  BOOST_TEST(after["secondary"] == before["secondary"]);
}

BOOST_AUTO_TEST_CASE(ignores_read_only_fields_in_the_patch) {
  catalog.create_or_update(key("svc"), body());
  auto result = catalog.patch(key("svc"), json{{"name", "other"},
                                               {"properties",
                                                {{"provisioningState", "Failed"},
                                                 {"createdOn", "2001-01-01T00:00:00Z"},
                                                 {"packageType", "Graph"}}}});
  BOOST_TEST(result.record.key.name == "svc");
  BOOST_TEST(!result.record.properties.contains("provisioningState"));
  BOOST_TEST(!result.record.properties.contains("createdOn"));
  BOOST_TEST(result.record.created_on == instant(1));
}

BOOST_AUTO_TEST_CASE(read_only_lifecycle_update_to_read_only_then_only_removal) {
  catalog.create_or_update(key("svc"), body());
  auto frozen = catalog.patch(key("svc"), json{{"properties", {{"readOnly", true}, {"packageType", "Graph"}}}});
  BOOST_TEST(frozen.record.properties["readOnly"] == true);

  const std::string before = snapshot();
  for (auto attempt : std::vector<std::function<void()>>{
           [&] { catalog.create_or_update(key("svc"), body()); },
           [&] { catalog.patch(key("svc"), json{{"properties", {{"title", "x"}, {"packageType", "Graph"}}}}); },
           [&] { catalog.patch(key("svc"), json{{"properties", {{"readOnly", false}, {"packageType", "Graph"}}}}); },
       }) {
    try {
      attempt();
      BOOST_FAIL("a read-only service accepted a change");
    } catch (const azml::Error& e) {
      BOOST_TEST(code_of(e) == code_of(azml::ErrorCode::Conflict));
      BOOST_TEST(e.service_code() == "WebServiceIsReadOnly");
      BOOST_TEST(std::string(e.what()).find("only removed") != std::string::npos, e.what());
      BOOST_TEST(std::string(e.what()).find("'svc'") != std::string::npos, e.what());
    }
    BOOST_TEST(snapshot() == before);
  }
  BOOST_TEST(catalog.get(key("svc")).properties["readOnly"] == true);
  BOOST_TEST(catalog.list_keys(key("svc"))["primary"].get<std::string>().size() == 88u);

  auto [operation, deleted] = catalog.remove(key("svc"));
  BOOST_TEST(deleted);
  BOOST_TEST(operation.kind == "delete");
  BOOST_CHECK_THROW(catalog.get(key("svc")), azml::Error);
}

BOOST_AUTO_TEST_CASE(a_service_created_read_only_is_read_only_from_the_start) {
  catalog.create_or_update(key("svc"), body_with([](json& b) { b["properties"]["readOnly"] = true; }));
  BOOST_CHECK_THROW(catalog.create_or_update(key("svc"), body()), azml::Error);
  BOOST_TEST(catalog.get(key("svc")).revision == 1);
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------------------------
BOOST_FIXTURE_TEST_SUITE(catalog_get_and_remove, CatalogFixture)

BOOST_AUTO_TEST_CASE(a_missing_service_is_the_production_not_found_error) {
  for (auto attempt : std::vector<std::function<void()>>{
           [&] { catalog.get(key("onesdk3495")); },
           [&] { catalog.list_keys(key("onesdk3495")); },
           [&] { catalog.patch(key("onesdk3495"), json{{"properties", {{"title", "x"}, {"packageType", "Graph"}}}}); },
       }) {
    try {
      attempt();
      BOOST_FAIL("found a service that does not exist");
    } catch (const azml::Error& e) {
      BOOST_TEST(code_of(e) == code_of(azml::ErrorCode::NotFound));
      BOOST_TEST(azml::http_status_for(e) == 404);
      // Contract §1.3, as recorded against production.
      const json expected = json::parse(R"({"error":{"code":"NotFound","message":"The specified resource was not found.",
        "details":[{"code":"WebServiceNotFound","message":"No Web Service could be found with the provided name: onesdk3495."}]}})");
      BOOST_TEST(azml::arm_error_body(e) == expected);
    }
  }
}

BOOST_AUTO_TEST_CASE(finds_a_service_in_any_casing) {
  catalog.create_or_update(key("MyService", "MyGroup"), body());
  auto found = catalog.get({upper(subscription), "mygroup", "MYSERVICE"});
  BOOST_TEST(found.key.name == "MyService");
  BOOST_TEST(found.key.resource_group == "MyGroup");
  BOOST_TEST(found.key.subscription_id == subscription);
}

BOOST_AUTO_TEST_CASE(removes_an_existing_service_and_records_the_operation) {
  catalog.create_or_update(key("svc"), body());
  auto [operation, deleted] = catalog.remove(key("SVC"));
  BOOST_TEST(deleted);
  BOOST_TEST(operation.kind == "delete");
  BOOST_TEST(operation.status == "Succeeded");
  BOOST_TEST(operation.location == "westus");
  BOOST_TEST(operation.resource_id.find("/webServices/svc") != std::string::npos);
  BOOST_TEST(catalog.get_operation(subscription, operation.id).kind == "delete");
  BOOST_CHECK_THROW(catalog.get(key("svc")), azml::Error);
}

BOOST_AUTO_TEST_CASE(removing_a_missing_service_still_records_an_operation) {
  const auto before = operation_count();
  auto [operation, deleted] = catalog.remove(key("never-existed"));
  BOOST_TEST(!deleted);
  BOOST_TEST(operation.kind == "delete");
  BOOST_TEST(operation.status == "Succeeded");
  BOOST_TEST(!operation.location.empty());
  BOOST_TEST(operation_count() == before + 1);
  BOOST_TEST(catalog.get_operation(upper(subscription), upper(operation.id)).id == operation.id);
}

BOOST_AUTO_TEST_CASE(an_unknown_operation_is_not_found) {
  try {
    catalog.get_operation(subscription, azml::new_uuid());
    BOOST_FAIL("found an operation that does not exist");
  } catch (const azml::Error& e) {
    BOOST_TEST(code_of(e) == code_of(azml::ErrorCode::NotFound));
  }
  auto [operation, deleted] = catalog.remove(key("x"));
  (void)deleted;
  try {
    catalog.get_operation("00000000-0000-0000-0000-000000000000", operation.id);
    BOOST_FAIL("found an operation under another subscription");
  } catch (const azml::Error& e) {
    BOOST_TEST(e.service_code() == "SubscriptionNotFound");
  }
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------------------------
BOOST_FIXTURE_TEST_SUITE(catalog_list, CatalogFixture)

BOOST_AUTO_TEST_CASE(pages_through_a_subscription_and_a_resource_group) {
  for (auto [group, name] : std::vector<std::pair<std::string, std::string>>{
           {"b-group", "s2"}, {"a-group", "s3"}, {"b-group", "S1"}, {"a-group", "s1"}, {"c-group", "s1"}}) {
    catalog.create_or_update(key(name, group), body());
  }
  std::vector<std::string> seen;
  std::optional<std::string> skiptoken;
  int pages = 0;
  do {
    auto page = catalog.list(subscription, std::nullopt, skiptoken, 2);
    ++pages;
    BOOST_TEST(page.items.size() <= 2u);
    for (const auto& record : page.items) seen.push_back(record.key.resource_group + "/" + record.key.name);
    skiptoken = page.skiptoken;
  } while (skiptoken);
  BOOST_TEST(pages == 3);
  BOOST_TEST(seen == (std::vector<std::string>{"a-group/s1", "a-group/s3", "b-group/S1", "b-group/s2", "c-group/s1"}),
             boost::test_tools::per_element());

  auto group = catalog.list(upper(subscription), std::string("B-GROUP"), std::nullopt, 2);
  BOOST_TEST(group.items.size() == 2u);
  BOOST_TEST(!group.skiptoken.has_value());  // exactly one page: no empty page to fetch

  auto empty = catalog.list(subscription, std::string("no-such-group"), std::nullopt, 10);
  BOOST_TEST(empty.items.empty());
  BOOST_TEST(!empty.skiptoken.has_value());
}

BOOST_AUTO_TEST_CASE(a_listed_record_is_the_stored_record) {
  auto created = catalog.create_or_update(key("svc"), body());
  auto page = catalog.list(subscription, std::nullopt, std::nullopt, 10);
  BOOST_TEST_REQUIRE(page.items.size() == 1u);
  BOOST_TEST(page.items.front().properties == created.record.properties);
}

BOOST_AUTO_TEST_CASE(refuses_a_skiptoken_it_did_not_issue) {
  catalog.create_or_update(key("svc"), body());
  for (const std::string& token : {std::string("not-a-token"), std::string(""), std::string("%%%"),
                                  std::string("eyJyZyI6ImEifQ")}) {
    try {
      catalog.list(subscription, std::nullopt, token, 10);
      BOOST_FAIL("accepted skiptoken '" << token << "'");
    } catch (const azml::Error& e) {
      BOOST_TEST(code_of(e) == code_of(azml::ErrorCode::Invalid));
      BOOST_TEST(e.target() == "$skiptoken");
      BOOST_TEST(std::string(e.what()).find("$skiptoken") != std::string::npos, e.what());
    }
  }
}

BOOST_AUTO_TEST_CASE(refuses_bad_list_arguments) {
  BOOST_CHECK_THROW(catalog.list(subscription, std::nullopt, std::nullopt, 0), azml::Error);
  try {
    catalog.list(subscription, std::string("bad/group"), std::nullopt, 10);
    BOOST_FAIL("accepted a bad resource group name");
  } catch (const azml::Error& e) {
    BOOST_TEST(e.service_code() == "InvalidResourceName");
  }
  try {
    catalog.list("00000000-0000-0000-0000-000000000000", std::nullopt, std::nullopt, 10);
    BOOST_FAIL("listed another subscription");
  } catch (const azml::Error& e) {
    BOOST_TEST(e.service_code() == "SubscriptionNotFound");
  }
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------------------------
// Every refused change, with the same assertion: the stored state is exactly what it was.
namespace {

struct RefusedChange {
  std::string label;
  std::function<void(CatalogFixture&)> attempt;
  azml::ErrorCode code;
  std::string service_code;  // empty: not checked
};

std::ostream& operator<<(std::ostream& out, const RefusedChange& change) { return out << change.label; }

const std::string kOtherSubscription = "00000000-0000-0000-0000-000000000000";

json title_patch(const std::string& title) { return json{{"properties", {{"title", title}, {"packageType", "Graph"}}}}; }

const std::vector<RefusedChange> kRefusedChanges = {
    {"put under an unknown subscription",
     [](CatalogFixture& f) { f.catalog.create_or_update({kOtherSubscription, kResourceGroup, "new"}, f.body()); },
     azml::ErrorCode::NotFound, "SubscriptionNotFound"},
    {"put with a bad resource group name",
     [](CatalogFixture& f) { f.catalog.create_or_update(f.key("new", "bad group"), f.body()); },
     azml::ErrorCode::Invalid, "InvalidResourceName"},
    {"put with a bad web service name",
     [](CatalogFixture& f) { f.catalog.create_or_update(f.key("-new"), f.body()); }, azml::ErrorCode::Invalid,
     "InvalidResourceName"},
    {"put with a body that is not an object",
     [](CatalogFixture& f) { f.catalog.create_or_update(f.key("new"), json::array()); }, azml::ErrorCode::Invalid, ""},
    {"put of a new service with an invalid definition",
     [](CatalogFixture& f) {
       f.catalog.create_or_update(f.key("new"), f.body_with([](json& b) { b["properties"]["packageType"] = "Code"; }));
     },
     azml::ErrorCode::Invalid, ""},
    {"put over a stored service with an invalid definition",
     [](CatalogFixture& f) {
       f.catalog.create_or_update(f.key("stored"), f.body_with([](json& b) { b["properties"].erase("packageType"); }));
     },
     azml::ErrorCode::Invalid, ""},
    {"put without properties",
     [](CatalogFixture& f) { f.catalog.create_or_update(f.key("stored"), f.body_with([](json& b) { b.erase("properties"); })); },
     azml::ErrorCode::Invalid, ""},
    {"put with an empty primary key",
     [](CatalogFixture& f) {
       f.catalog.create_or_update(f.key("stored"),
                                  f.body_with([](json& b) { b["properties"]["keys"] = {{"primary", ""}}; }));
     },
     azml::ErrorCode::Invalid, ""},
    {"put over a read-only service",
     [](CatalogFixture& f) { f.catalog.create_or_update(f.key("frozen"), f.body()); }, azml::ErrorCode::Conflict,
     "WebServiceIsReadOnly"},
    {"put changing the commitment plan",
     [](CatalogFixture& f) {
       f.catalog.create_or_update(f.key("stored"), f.body_with([](json& b) {
         b["properties"]["commitmentPlan"]["id"] = kCommitmentPlan + "-other";
       }));
     },
     azml::ErrorCode::Conflict, ""},
    {"put moving the service to another region",
     [](CatalogFixture& f) {
       f.catalog.create_or_update(f.key("stored"), f.body_with([](json& b) { b["location"] = "West Europe"; }));
     },
     azml::ErrorCode::Conflict, "InvalidResourceLocation"},
    {"patch of a missing service",
     [](CatalogFixture& f) { f.catalog.patch(f.key("missing"), title_patch("x")); }, azml::ErrorCode::NotFound,
     "NotFound"},
    {"patch under an unknown subscription",
     [](CatalogFixture& f) { f.catalog.patch({kOtherSubscription, kResourceGroup, "stored"}, title_patch("x")); },
     azml::ErrorCode::NotFound, "SubscriptionNotFound"},
    {"patch of a read-only service",
     [](CatalogFixture& f) { f.catalog.patch(f.key("frozen"), title_patch("x")); }, azml::ErrorCode::Conflict,
     "WebServiceIsReadOnly"},
    {"patch setting readOnly back to false",
     [](CatalogFixture& f) {
       f.catalog.patch(f.key("frozen"), json{{"properties", {{"readOnly", false}, {"packageType", "Graph"}}}});
     },
     azml::ErrorCode::Conflict, "WebServiceIsReadOnly"},
    {"patch changing the commitment plan",
     [](CatalogFixture& f) {
       f.catalog.patch(f.key("stored"), json{{"properties",
                                              {{"commitmentPlan", {{"id", kCommitmentPlan + "-other"}}},
                                               {"packageType", "Graph"}}}});
     },
     azml::ErrorCode::Conflict, ""},
    {"patch making the definition invalid",
     [](CatalogFixture& f) {
       f.catalog.patch(f.key("stored"), json{{"properties",
                                              {{"realtimeConfiguration", {{"maxConcurrentCalls", 1000}}},
                                               {"packageType", "Graph"}}}});
     },
     azml::ErrorCode::Invalid, ""},
    {"patch with an empty secondary key",
     [](CatalogFixture& f) {
       f.catalog.patch(f.key("stored"), json{{"properties", {{"keys", {{"secondary", ""}}}, {"packageType", "Graph"}}}});
     },
     azml::ErrorCode::Invalid, ""},
    {"patch with a body that is not an object",
     [](CatalogFixture& f) { f.catalog.patch(f.key("stored"), json("title")); }, azml::ErrorCode::Invalid, ""},
    {"remove under an unknown subscription",
     [](CatalogFixture& f) { f.catalog.remove({kOtherSubscription, kResourceGroup, "stored"}); },
     azml::ErrorCode::NotFound, "SubscriptionNotFound"},
    {"remove with a bad name",
     [](CatalogFixture& f) { f.catalog.remove(f.key("stored.")); }, azml::ErrorCode::Invalid, "InvalidResourceName"},
};

// A stored service with a storage key and a commitment plan, and a read-only one.
struct StoredServicesFixture : CatalogFixture {
  StoredServicesFixture() {
    catalog.create_or_update(key("stored"), body());
    catalog.create_or_update(key("frozen"), body_with([](json& b) { b["properties"]["readOnly"] = true; }));
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(catalog_refused_changes)

BOOST_DATA_TEST_CASE_F(StoredServicesFixture, leave_the_stored_state_unchanged,
                       boost::unit_test::data::make(kRefusedChanges), change) {
  const std::string before = snapshot();
  try {
    change.attempt(*this);
    BOOST_FAIL("the change was accepted");
  } catch (const azml::Error& e) {
    BOOST_TEST(code_of(e) == code_of(change.code), e.what());
    if (!change.service_code.empty()) BOOST_TEST(e.service_code() == change.service_code, e.what());
    BOOST_TEST(!std::string(e.what()).empty());
  }
  BOOST_TEST(snapshot() == before);
}

BOOST_AUTO_TEST_SUITE_END()
