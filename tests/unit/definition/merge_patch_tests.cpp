// merge_patch(): PATCH semantics on a stored web service.
#include <boost/test/unit_test.hpp>

#include "sample_documents.hpp"

namespace azml::definition {
namespace {

json stored_service() {
  json doc = normalize(test::good_web_service(), Purpose::Create);
  doc["id"] = "/subscriptions/s/resourceGroups/g/providers/Microsoft.MachineLearning/webServices/w";
  doc["properties"]["createdOn"] = "2017-04-26T17:08:47.9139511Z";
  doc["properties"]["provisioningState"] = "Succeeded";
  return doc;
}

BOOST_AUTO_TEST_SUITE(merge_patch_tests)

BOOST_AUTO_TEST_CASE(keys_merge_field_by_field) {
  const json merged = merge_patch(stored_service(), json::parse(R"({"properties": {"keys": {"primary": "new-primary"}}})"));
  BOOST_TEST(merged["properties"]["keys"] == json::parse(R"({"primary": "new-primary", "secondary": "s-key"})"));
}

BOOST_AUTO_TEST_CASE(storage_account_merges_field_by_field) {
  // Update-AzMlWebService -StorageAccountKey sends a key and no name.
  const json merged =
      merge_patch(stored_service(), json::parse(R"({"properties": {"storageAccount": {"key": "rotated", "name": null}}})"));
  BOOST_TEST(merged["properties"]["storageAccount"] == json::parse(R"({"name": "account", "key": "rotated"})"));
}

BOOST_AUTO_TEST_CASE(keys_are_created_when_none_were_stored) {
  json stored = stored_service();
  stored["properties"].erase("keys");
  const json merged = merge_patch(stored, json::parse(R"({"properties": {"keys": {"secondary": "s2"}}})"));
  BOOST_TEST(merged["properties"]["keys"] == json::parse(R"({"secondary": "s2"})"));
}

BOOST_AUTO_TEST_CASE(other_properties_are_replaced_whole) {
  const json patch = json::parse(R"({"properties": {
      "title": "New title",
      "realtimeConfiguration": {"maxConcurrentCalls": 50},
      "assets": {"asset1": {"name": "Only", "type": "Resource", "locationInfo": {"uri": "https://x/model.ilearner"}}}}})");
  const json stored = stored_service();
  const json merged = merge_patch(stored, patch);
  BOOST_TEST(merged["properties"]["title"] == "New title");
  BOOST_TEST(merged["properties"]["realtimeConfiguration"] == patch["properties"]["realtimeConfiguration"]);
  BOOST_TEST(merged["properties"]["assets"] == patch["properties"]["assets"]);  // asset2 is gone: replaced, not merged
  // Untouched properties stay.
  BOOST_TEST(merged["properties"]["package"] == stored["properties"]["package"]);
  BOOST_TEST(merged["properties"]["description"] == stored["properties"]["description"]);
}

BOOST_AUTO_TEST_CASE(nulls_in_the_patch_are_ignored) {
  const json stored = stored_service();
  const json merged = merge_patch(stored, json::parse(R"({"tags": null, "location": null,
      "properties": {"title": null, "package": null, "keys": {"primary": null}}})"));
  BOOST_TEST(merged == stored);
}

BOOST_AUTO_TEST_CASE(read_only_properties_in_the_patch_are_ignored) {
  const json stored = stored_service();
  const json merged = merge_patch(stored, json::parse(R"({"id": "other", "properties": {
      "createdOn": "2000-01-01T00:00:00Z", "provisioningState": "Failed", "swaggerLocation": "https://evil"}})"));
  BOOST_TEST(merged == stored);
}

BOOST_AUTO_TEST_CASE(tags_are_replaced) {
  const json merged = merge_patch(stored_service(), json::parse(R"({"tags": {"owner": "me"}})"));
  BOOST_TEST(merged["tags"] == json::parse(R"({"owner": "me"})"));
}

BOOST_AUTO_TEST_CASE(the_same_location_in_another_spelling_is_accepted) {
  const json stored = stored_service();
  BOOST_TEST(merge_patch(stored, json::parse(R"({"location": "southcentralus"})")) == stored);
  BOOST_TEST(merge_patch(stored, json::parse(R"({"location": "South Central US"})")) == stored);
}

BOOST_AUTO_TEST_CASE(a_different_location_is_refused) {
  try {
    merge_patch(stored_service(), json::parse(R"({"location": "West Europe", "properties": {"title": "x"}})"));
    BOOST_FAIL("the location changed");
  } catch (const Error& e) {
    BOOST_TEST((e.code() == ErrorCode::Invalid), "error code " << to_string(e.code()));
    BOOST_TEST(e.target() == "location");
    BOOST_TEST(std::string(e.what()).find("West Europe") != std::string::npos, e.what());
  }
}

BOOST_AUTO_TEST_CASE(a_pascal_case_patch_is_normalised_first) {
  const json merged = merge_patch(stored_service(),
                                  json::parse(R"({"Properties": {"Title": "T", "Keys": {"Secondary": "S"}, "ReadOnly": "true"}})"));
  BOOST_TEST(merged["properties"]["title"] == "T");
  BOOST_TEST(merged["properties"]["readOnly"] == true);
  BOOST_TEST(merged["properties"]["keys"] == json::parse(R"({"primary": "p-key", "secondary": "S"})"));
  BOOST_TEST(!merged["properties"].contains("Title"));
}

BOOST_AUTO_TEST_CASE(a_patch_of_the_wrong_shape_is_refused) {
  BOOST_CHECK_THROW(merge_patch(stored_service(), json::parse(R"({"properties": {"title": 5}})")), Error);
  BOOST_CHECK_THROW(merge_patch(stored_service(), json::parse(R"([1])")), Error);
}

BOOST_AUTO_TEST_CASE(the_merged_service_is_still_valid) {
  // The shape of the PATCH example (EX-PATCH), in the stored service's location.
  const json merged = merge_patch(stored_service(), json::parse(R"({"location": "South Central US",
      "properties": {"title": "New Web Service Title", "description": "New Web Service Description",
                     "packageType": "Graph"}})"));
  BOOST_TEST(merged["properties"]["title"] == "New Web Service Title");
  BOOST_TEST(validate(merged, Purpose::Create).empty(), test::describe(validate(merged, Purpose::Create)));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace azml::definition
