// The SQLite store against a real database file in a fresh temporary directory.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cctype>
#include <set>
#include <thread>
#include <vector>

#include "common/crypto.hpp"
#include "common/error.hpp"
#include "storage/schema.hpp"
#include "storage/store.hpp"
#include "test_support.hpp"

using azml::json;
using azml::host::AsyncOperation;
using azml::host::ResourceKey;
using azml::host::WebServiceRecord;
using azml::host::storage::open_sqlite_store;
using azml::host::storage::Store;
using azml::host::test::RawDatabase;
using azml::host::test::TempDir;

namespace {

const std::string kSubscription = "0b1f6471-1bf0-4dda-aec3-cb9272f09590";

WebServiceRecord make_record(const std::string& resource_group, const std::string& name, std::int64_t revision = 1,
                             const std::string& subscription = kSubscription) {
  WebServiceRecord record;
  record.key = {subscription, resource_group, name};
  record.location = "South Central US";
  record.tags = {{"team", "retraining"}};
  record.properties = {{"title", name},
                       {"packageType", "Graph"},
                       {"keys", {{"primary", "p-" + name}, {"secondary", "s-" + name}}}};
  record.created_on = "2017-04-26T17:08:46.4482096Z";
  record.modified_on = "2017-04-26T17:09:00.0000000Z";
  record.provisioning_state = "Succeeded";
  record.revision = revision;
  return record;
}

AsyncOperation make_operation(const std::string& kind, const std::string& id = azml::new_uuid()) {
  AsyncOperation operation;
  operation.id = id;
  operation.subscription_id = kSubscription;
  operation.location = "southcentralus";
  operation.resource_id = "/subscriptions/" + kSubscription + "/resourceGroups/rg/providers/Microsoft.MachineLearning/webServices/x";
  operation.kind = kind;
  operation.status = "Succeeded";
  operation.start_time = "2017-04-26T17:08:46.4482096Z";
  operation.end_time = "2017-04-26T17:08:47.0000000Z";
  operation.percent_complete = 1.0;
  return operation;
}

void check_same(const WebServiceRecord& actual, const WebServiceRecord& expected) {
  BOOST_TEST(actual.key.subscription_id == expected.key.subscription_id);
  BOOST_TEST(actual.key.resource_group == expected.key.resource_group);
  BOOST_TEST(actual.key.name == expected.key.name);
  BOOST_TEST(actual.location == expected.location);
  BOOST_TEST(actual.tags == expected.tags);
  BOOST_TEST(actual.properties == expected.properties);
  BOOST_TEST(actual.created_on == expected.created_on);
  BOOST_TEST(actual.modified_on == expected.modified_on);
  BOOST_TEST(actual.provisioning_state == expected.provisioning_state);
  BOOST_TEST(actual.revision == expected.revision);
}

std::vector<std::string> names_of(const std::vector<WebServiceRecord>& records) {
  std::vector<std::string> names;
  for (const auto& record : records) names.push_back(record.key.resource_group + "/" + record.key.name);
  return names;
}

struct StoreFixture {
  TempDir dir;
  std::filesystem::path db_path = dir.path() / "azml.db";
  std::unique_ptr<Store> store = open_sqlite_store(db_path);

  std::int64_t count(const std::string& table) {
    return RawDatabase(db_path).integer("SELECT count(*) FROM " + table);
  }

  // Every page of a listing, following continuations.
  std::vector<std::string> list_all(const std::optional<std::string>& resource_group, size_t page_size) {
    std::vector<std::string> all;
    std::string after;
    for (;;) {
      auto page = store->list_web_services(kSubscription, resource_group, after, page_size);
      for (auto& name : names_of(page)) all.push_back(name);
      if (page.size() < page_size) return all;
      after = store->continuation_of(page.back());
    }
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(sqlite_store, StoreFixture)

BOOST_AUTO_TEST_CASE(creates_a_wal_database_marked_as_azml_at_the_latest_schema_version) {
  BOOST_TEST(std::filesystem::exists(db_path));
  RawDatabase raw(db_path);
  BOOST_TEST(raw.text("PRAGMA journal_mode") == "wal");
  BOOST_TEST(raw.integer("PRAGMA user_version") == azml::host::storage::latest_schema_version());
  BOOST_TEST(raw.integer("PRAGMA application_id") == azml::host::storage::kAzmlApplicationId);
  for (const char* table : {"web_services", "async_operations", "settings"}) {
    BOOST_TEST_INFO("table " << table);
    BOOST_TEST(raw.integer(std::string("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = '") +
                           table + "'") == 1);
  }
}

BOOST_AUTO_TEST_CASE(saves_and_finds_a_web_service_with_every_field) {
  auto record = make_record("RetrainRG", "RetrainSamplePre.2016.8.17.0.3.51.237", 3);
  store->save_web_service(record, make_operation("put"));
  auto found = store->find_web_service(record.key);
  BOOST_TEST_REQUIRE(found.has_value());
  check_same(*found, record);
}

BOOST_AUTO_TEST_CASE(finds_nothing_for_an_unknown_service) {
  BOOST_TEST(!store->find_web_service({kSubscription, "rg", "missing"}).has_value());
}

BOOST_AUTO_TEST_CASE(matches_subscription_resource_group_and_name_case_insensitively_keeping_first_casing) {
  store->save_web_service(make_record("MyGroup", "MyService", 1), make_operation("put"));

  auto upper_subscription = kSubscription;
  std::transform(upper_subscription.begin(), upper_subscription.end(), upper_subscription.begin(), ::toupper);
  auto found = store->find_web_service({upper_subscription, "MYGROUP", "myservice"});
  BOOST_TEST_REQUIRE(found.has_value());
  BOOST_TEST(found->key.resource_group == "MyGroup");
  BOOST_TEST(found->key.name == "MyService");

  // Saving under other casing replaces the same row and keeps the names as first given.
  auto replacement = make_record("mygroup", "MYSERVICE", 2);
  replacement.properties["title"] = "second";
  store->save_web_service(replacement, make_operation("put"));
  BOOST_TEST(count("web_services") == 1);
  found = store->find_web_service({kSubscription, "mygroup", "myservice"});
  BOOST_TEST_REQUIRE(found.has_value());
  BOOST_TEST(found->key.resource_group == "MyGroup");
  BOOST_TEST(found->key.name == "MyService");
  BOOST_TEST(found->revision == 2);
  BOOST_TEST(found->properties["title"] == "second");
}

BOOST_AUTO_TEST_CASE(keeps_subscriptions_apart) {
  const std::string other = "11111111-2222-3333-4444-555555555555";
  store->save_web_service(make_record("rg", "svc", 1), make_operation("put"));
  store->save_web_service(make_record("rg", "svc", 1, other), make_operation("put"));
  BOOST_TEST(count("web_services") == 2);
  BOOST_TEST(store->list_web_services(kSubscription, std::nullopt, "", 10).size() == 1u);
  BOOST_TEST(store->list_web_services(other, std::nullopt, "", 10).size() == 1u);
}

BOOST_AUTO_TEST_CASE(deletes_a_service_and_records_the_operation_either_way) {
  store->save_web_service(make_record("rg", "svc"), make_operation("put"));
  auto first = make_operation("delete");
  BOOST_TEST(store->delete_web_service({kSubscription, "RG", "SVC"}, first));
  BOOST_TEST(!store->find_web_service({kSubscription, "rg", "svc"}).has_value());

  auto second = make_operation("delete");
  BOOST_TEST(!store->delete_web_service({kSubscription, "rg", "svc"}, second));
  BOOST_TEST(store->find_operation(first.id).has_value());
  BOOST_TEST(store->find_operation(second.id).has_value());
  BOOST_TEST(count("async_operations") == 3);
}

BOOST_AUTO_TEST_CASE(records_operations_with_every_field) {
  auto finished = make_operation("put");
  store->save_web_service(make_record("rg", "svc"), finished);

  auto failed = make_operation("patch");
  failed.status = "Failed";
  failed.end_time = "";
  failed.percent_complete = 0.6;
  failed.error = {{"code", "InternalServerError"}, {"message", "boom"}, {"details", json::array()}};
  store->save_web_service(make_record("rg", "svc", 2), failed);

  auto found = store->find_operation(finished.id);
  BOOST_TEST_REQUIRE(found.has_value());
  BOOST_TEST(found->subscription_id == finished.subscription_id);
  BOOST_TEST(found->location == finished.location);
  BOOST_TEST(found->resource_id == finished.resource_id);
  BOOST_TEST(found->kind == "put");
  BOOST_TEST(found->status == "Succeeded");
  BOOST_TEST(found->start_time == finished.start_time);
  BOOST_TEST(found->end_time == finished.end_time);
  BOOST_TEST(found->percent_complete == 1.0);
  BOOST_TEST(found->error.is_null());

  // GUIDs compare case-insensitively.
  std::string upper_id = failed.id;
  std::transform(upper_id.begin(), upper_id.end(), upper_id.begin(), ::toupper);
  found = store->find_operation(upper_id);
  BOOST_TEST_REQUIRE(found.has_value());
  BOOST_TEST(found->status == "Failed");
  BOOST_TEST(found->end_time.empty());
  BOOST_TEST(found->percent_complete == 0.6);
  BOOST_TEST(found->error == failed.error);

  BOOST_TEST(!store->find_operation(azml::new_uuid()).has_value());
}

BOOST_AUTO_TEST_CASE(a_failed_save_rolls_back_the_web_service_change) {
  auto operation = make_operation("put");
  store->save_web_service(make_record("rg", "existing", 1), operation);

  // The operation id is taken, so the second statement of each transaction fails after the
  // web service row was already written inside it.
  auto duplicate = make_operation("put", operation.id);
  BOOST_CHECK_THROW(store->save_web_service(make_record("rg", "new"), duplicate), azml::Error);
  BOOST_TEST(!store->find_web_service({kSubscription, "rg", "new"}).has_value());

  auto changed = make_record("rg", "existing", 2);
  changed.properties["title"] = "changed";
  BOOST_CHECK_THROW(store->save_web_service(changed, duplicate), azml::Error);
  auto found = store->find_web_service({kSubscription, "rg", "existing"});
  BOOST_TEST_REQUIRE(found.has_value());
  BOOST_TEST(found->revision == 1);
  BOOST_TEST(found->properties["title"] == "existing");

  BOOST_CHECK_THROW(store->delete_web_service({kSubscription, "rg", "existing"}, duplicate), azml::Error);
  BOOST_TEST(store->find_web_service({kSubscription, "rg", "existing"}).has_value());
  BOOST_TEST(count("web_services") == 1);
  BOOST_TEST(count("async_operations") == 1);

  // The store is still usable after the rollbacks.
  store->save_web_service(make_record("rg", "new"), make_operation("put"));
  BOOST_TEST(count("web_services") == 2);
}

BOOST_AUTO_TEST_CASE(keeps_settings) {
  BOOST_TEST(!store->get_setting("colour").has_value());
  store->set_setting("colour", "blue");
  BOOST_TEST(store->get_setting("colour").value_or("") == "blue");
  store->set_setting("colour", "green");
  BOOST_TEST(store->get_setting("colour").value_or("") == "green");

  BOOST_TEST(store->ensure_setting("shape", "round") == "round");
  BOOST_TEST(store->ensure_setting("shape", "square") == "round");
  BOOST_TEST(store->get_setting("shape").value_or("") == "round");
}

BOOST_AUTO_TEST_CASE(lists_in_case_insensitive_key_order_across_pages) {
  for (auto [group, name] : std::vector<std::pair<std::string, std::string>>{
           {"beta", "b"}, {"Alpha", "zeta"}, {"alpha2", "a"}, {"ALPHA", "Eta"}, {"beta", "A"}, {"Gamma", "x"},
           {"alpha", "delta"}}) {
    store->save_web_service(make_record(group, name), make_operation("put"));
  }
  // Each service keeps the casing its group was given with; the order ignores case.
  const std::vector<std::string> expected = {"alpha/delta", "ALPHA/Eta", "Alpha/zeta", "alpha2/a",
                                             "beta/A",      "beta/b",    "Gamma/x"};
  for (size_t page_size : {1u, 2u, 3u, 7u, 50u}) {
    BOOST_TEST_INFO("page size " << page_size);
    BOOST_TEST(list_all(std::nullopt, page_size) == expected, boost::test_tools::per_element());
  }
  BOOST_TEST(list_all(std::string("BETA"), 1) == (std::vector<std::string>{"beta/A", "beta/b"}),
             boost::test_tools::per_element());
  BOOST_TEST(list_all(std::string("nothing-here"), 2).empty());
}

BOOST_AUTO_TEST_CASE(pagination_neither_repeats_nor_skips_when_services_are_added_between_pages) {
  for (const char* name : {"b", "d", "f", "h"}) store->save_web_service(make_record("rg", name), make_operation("put"));

  auto first = store->list_web_services(kSubscription, std::nullopt, "", 2);
  BOOST_TEST(names_of(first) == (std::vector<std::string>{"rg/b", "rg/d"}), boost::test_tools::per_element());

  // One before the position (must not appear later) and one after (must appear).
  store->save_web_service(make_record("rg", "a"), make_operation("put"));
  store->save_web_service(make_record("rg", "e"), make_operation("put"));
  // Deleting the last row of the page does not lose the position.
  store->delete_web_service({kSubscription, "rg", "d"}, make_operation("delete"));

  auto second = store->list_web_services(kSubscription, std::nullopt, store->continuation_of(first.back()), 2);
  BOOST_TEST(names_of(second) == (std::vector<std::string>{"rg/e", "rg/f"}), boost::test_tools::per_element());
  auto third = store->list_web_services(kSubscription, std::nullopt, store->continuation_of(second.back()), 2);
  BOOST_TEST(names_of(third) == (std::vector<std::string>{"rg/h"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(continuations_are_url_safe) {
  auto record = make_record("a-(group)_1.x", "name.with_chars-1");
  store->save_web_service(record, make_operation("put"));
  for (int i = 0; i < 20; ++i) {
    auto other = make_record("rg" + std::to_string(i) + "?>~", "n" + std::to_string(i));
    std::string token = store->continuation_of(other);
    BOOST_TEST_INFO("token " << token);
    BOOST_TEST(token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ==
               std::string::npos);
  }
}

static const std::vector<std::string> kForeignContinuations = {
    "!!!!",                                     // not base64
    "a",                                        // impossible base64 length
    "bm90IGpzb24",                              // base64 of "not json"
    "eyJyZyI6ImEifQ",                           // base64 of {"rg":"a"}
    "WyJhIiwiYiJd",                             // base64 of ["a","b"]: no format number
    "Wzk5LCJhIiwiYiJd",                         // base64 of [99,"a","b"]: unknown format
    "WzEsMSwyXQ",                               // base64 of [1,1,2]: not strings
    "abc=",                                     // padding is never issued
};

BOOST_DATA_TEST_CASE_F(StoreFixture, refuses_continuations_it_did_not_issue,
                       boost::unit_test::data::make(kForeignContinuations), token) {
  try {
    store->list_web_services(kSubscription, std::nullopt, token, 10);
    BOOST_FAIL("accepted continuation " << token);
  } catch (const azml::Error& e) {
    BOOST_TEST(static_cast<int>(e.code()) == static_cast<int>(azml::ErrorCode::Invalid));
  }
}

BOOST_AUTO_TEST_CASE(reopening_keeps_everything) {
  auto record = make_record("rg", "svc", 4);
  auto operation = make_operation("put");
  store->save_web_service(record, operation);
  store->set_setting("default_subscription_id", kSubscription);
  store.reset();

  store = open_sqlite_store(db_path);
  auto found = store->find_web_service(record.key);
  BOOST_TEST_REQUIRE(found.has_value());
  check_same(*found, record);
  BOOST_TEST(store->find_operation(operation.id).has_value());
  BOOST_TEST(store->get_setting("default_subscription_id").value_or("") == kSubscription);
  BOOST_TEST(RawDatabase(db_path).integer("PRAGMA user_version") == azml::host::storage::latest_schema_version());
}

BOOST_AUTO_TEST_CASE(two_connections_to_one_file_see_each_others_commits) {
  auto second = open_sqlite_store(db_path);
  store->save_web_service(make_record("rg", "svc"), make_operation("put"));
  BOOST_TEST(second->find_web_service({kSubscription, "rg", "svc"}).has_value());
  second->delete_web_service({kSubscription, "rg", "svc"}, make_operation("delete"));
  BOOST_TEST(!store->find_web_service({kSubscription, "rg", "svc"}).has_value());
}

BOOST_AUTO_TEST_CASE(is_safe_to_use_from_several_threads) {
  constexpr int kThreads = 4;
  constexpr int kPerThread = 25;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([this, t] {
      for (int i = 0; i < kPerThread; ++i) {
        auto record = make_record("rg" + std::to_string(t), "svc" + std::to_string(i));
        store->save_web_service(record, make_operation("put"));
        store->find_web_service(record.key);
        store->list_web_services(kSubscription, std::nullopt, "", 5);
      }
    });
  }
  for (auto& thread : threads) thread.join();
  BOOST_TEST(count("web_services") == kThreads * kPerThread);
  BOOST_TEST(count("async_operations") == kThreads * kPerThread);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(sqlite_store_files)

BOOST_AUTO_TEST_CASE(accepts_an_empty_file_as_a_new_database) {
  TempDir dir;
  auto path = dir.path() / "azml.db";
  azml::host::test::write_file(path, "");
  auto store = open_sqlite_store(path);
  store->set_setting("a", "b");
  BOOST_TEST(store->get_setting("a").value_or("") == "b");
}

BOOST_AUTO_TEST_CASE(refuses_a_file_that_is_not_sqlite_and_leaves_it_untouched) {
  TempDir dir;
  auto path = dir.path() / "azml.db";
  const std::string content(4096, 'x');
  azml::host::test::write_file(path, content);
  try {
    open_sqlite_store(path);
    BOOST_FAIL("opened a text file as a database");
  } catch (const azml::Error& e) {
    BOOST_TEST(std::string(e.what()).find("not an azml database") != std::string::npos, e.what());
    BOOST_TEST(std::string(e.what()).find(path.string()) != std::string::npos, e.what());
  }
  BOOST_TEST(azml::host::test::read_file(path) == content);
}

BOOST_AUTO_TEST_CASE(refuses_another_applications_sqlite_database_and_leaves_it_untouched) {
  TempDir dir;
  auto path = dir.path() / "azml.db";
  {
    RawDatabase raw(path);
    raw.exec("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)");
  }
  const std::string before = azml::host::test::read_file(path);
  try {
    open_sqlite_store(path);
    BOOST_FAIL("opened a foreign database");
  } catch (const azml::Error& e) {
    BOOST_TEST(static_cast<int>(e.code()) == static_cast<int>(azml::ErrorCode::Invalid));
    BOOST_TEST(std::string(e.what()).find("not an azml database") != std::string::npos, e.what());
  }
  BOOST_TEST(azml::host::test::read_file(path) == before);
  BOOST_TEST(RawDatabase(path).text("PRAGMA journal_mode") != "wal");
}

BOOST_AUTO_TEST_CASE(refuses_a_newer_schema_version) {
  TempDir dir;
  auto path = dir.path() / "azml.db";
  open_sqlite_store(path).reset();
  const auto newer = azml::host::storage::latest_schema_version() + 1;
  RawDatabase(path).exec("PRAGMA user_version = " + std::to_string(newer));
  try {
    open_sqlite_store(path);
    BOOST_FAIL("opened a newer schema");
  } catch (const azml::Error& e) {
    BOOST_TEST(static_cast<int>(e.code()) == static_cast<int>(azml::ErrorCode::Invalid));
    BOOST_TEST(std::string(e.what()).find("newer") != std::string::npos, e.what());
    BOOST_TEST(std::string(e.what()).find(std::to_string(newer)) != std::string::npos, e.what());
  }
  BOOST_TEST(RawDatabase(path).integer("PRAGMA user_version") == newer);
}

BOOST_AUTO_TEST_CASE(reports_a_directory_it_cannot_create_the_file_in) {
  TempDir dir;
  auto path = dir.path() / "no" / "such" / "directory" / "azml.db";
  try {
    open_sqlite_store(path);
    BOOST_FAIL("opened a database in a missing directory");
  } catch (const azml::Error& e) {
    BOOST_TEST(std::string(e.what()).find(path.string()) != std::string::npos, e.what());
  }
}

BOOST_AUTO_TEST_SUITE_END()
