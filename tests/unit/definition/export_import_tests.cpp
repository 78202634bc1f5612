// export_definition / export_text / import_text / parse_json.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <string>

#include "sample_documents.hpp"

namespace azml::definition {
namespace {

using test::good_web_service;

// The sample as GET returns it: read-only fields set, some nulls.
json as_returned_by_get() {
  json doc = good_web_service();
  doc["id"] = "/subscriptions/s/resourceGroups/g/providers/Microsoft.MachineLearning/webServices/w";
  doc["name"] = "w";
  doc["type"] = "Microsoft.MachineLearning/webServices";
  auto& p = doc["properties"];
  p["createdOn"] = "2017-04-26T17:08:47.9139511Z";
  p["modifiedOn"] = "2017-04-26T17:08:56.600043Z";
  p["provisioningState"] = "Succeeded";
  p["swaggerLocation"] = "https://ussouthcentral.services.azureml.net/subscriptions/x/services/y/swagger.json";
  p["commitmentPlan"] = {{"id", "/subscriptions/s/resourceGroups/g/providers/Microsoft.MachineLearning/commitmentPlans/c"}};
  p["description"] = nullptr;
  p["exampleRequest"]["globalParameters"] = nullptr;
  p["package"]["edges"][0]["sourcePortId"] = nullptr;
  return doc;
}

std::string error_message_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const Error& e) {
    BOOST_TEST((e.code() == ErrorCode::Invalid), "error code " << to_string(e.code()));
    return e.what();
  }
  BOOST_FAIL("no error");
  return {};
}

BOOST_AUTO_TEST_SUITE(export_import_tests)

BOOST_AUTO_TEST_CASE(export_drops_read_only_fields_and_nulls) {
  const json exported = export_definition(as_returned_by_get());
  for (const char* f : {"id", "name", "type"}) BOOST_TEST(!exported.contains(f), f);
  const auto& p = exported["properties"];
  for (const char* f : {"createdOn", "modifiedOn", "provisioningState", "swaggerLocation"}) BOOST_TEST(!p.contains(f), f);
  BOOST_TEST(!p.contains("description"));
  BOOST_TEST(!p["exampleRequest"].contains("globalParameters"));
  BOOST_TEST(!p["package"]["edges"][0].contains("sourcePortId"));
  // Fields with public setters in the SDK stay (contract §2.4).
  BOOST_TEST(p["keys"]["primary"] == "p-key");
  BOOST_TEST(p["storageAccount"]["key"] == "storage-key");
  BOOST_TEST(p.contains("commitmentPlan"));
  BOOST_TEST(exported["location"] == "South Central US");
  // Null items of arrays are data (an example row with a missing value).
  BOOST_TEST(p["exampleRequest"]["inputs"]["input1"][1] == json::parse(R"([50, null])"));
}

BOOST_AUTO_TEST_CASE(export_emits_camel_case) {
  const json exported = export_definition(json::parse(
      R"({"Id": "x", "Location": "West US", "Properties": {"PackageType": "graph", "CreatedOn": "2017-01-01T00:00:00Z",
          "Package": {"Nodes": {"N1": {"AssetId": "A"}}}}})"));
  BOOST_TEST(exported == json::parse(
                             R"({"location": "West US", "properties": {"packageType": "Graph",
                                 "package": {"nodes": {"N1": {"assetId": "A"}}}}})"),
             exported.dump());
}

BOOST_AUTO_TEST_CASE(export_text_is_indented_stable_and_ends_with_a_newline) {
  const std::string text = export_text(as_returned_by_get());
  BOOST_TEST(text.back() == '\n');
  BOOST_TEST(text.rfind("{\n  \"location\": ", 0) == 0u, text.substr(0, 40));
  BOOST_TEST(json::parse(text) == export_definition(as_returned_by_get()));

  // The same service written with other casing exports to the same bytes.
  std::string pascal_text = as_returned_by_get().dump();
  for (const auto& [camel, pascal_name] : {std::pair{"\"tags\":", "\"Tags\":"}, std::pair{"\"title\":", "\"Title\":"}}) {
    auto at = pascal_text.find(camel);
    BOOST_REQUIRE(at != std::string::npos);
    pascal_text.replace(at, std::string(camel).size(), pascal_name);
  }
  const json pascal = json::parse(pascal_text);
  BOOST_TEST(export_text(pascal) == text);
}

BOOST_AUTO_TEST_CASE(import_reads_back_what_export_wrote) {
  const json original = as_returned_by_get();
  const json imported = import_text(export_text(original));
  const json expected = test::without_read_only_and_nulls(normalize(original, Purpose::Create));
  BOOST_TEST(imported == expected, "imported: " << imported.dump() << "\nexpected: " << expected.dump());
}

BOOST_AUTO_TEST_CASE(import_keeps_read_only_fields_it_is_given) {
  // Json.NET sets the private setters on import; so does azml.
  json doc = good_web_service();
  doc["properties"]["provisioningState"] = "Succeeded";
  const json imported = import_text(doc.dump());
  BOOST_TEST(imported["properties"]["provisioningState"] == "Succeeded");
}

BOOST_AUTO_TEST_CASE(import_accepts_a_byte_order_mark_and_pascal_case) {
  const json imported = import_text("\xEF\xBB\xBF{\"Properties\": {\"PackageType\": \"Graph\", \"Title\": \"t\"}}");
  BOOST_TEST(imported == json::parse(R"({"properties": {"packageType": "Graph", "title": "t"}})"));
}

const std::vector<std::string> blank_texts = {"", " ", "\n\t  \r\n", "\xEF\xBB\xBF", "\xEF\xBB\xBF  \n"};

BOOST_DATA_TEST_CASE(import_of_blank_text_says_the_definition_is_not_specified, boost::unit_test::data::make(blank_texts),
                     text) {
  BOOST_TEST(error_message_of([&] { import_text(text); }) == "The Azure ML web service definition is not specified.");
}

BOOST_AUTO_TEST_CASE(import_of_malformed_json_gives_line_and_column) {
  const std::string text =
      "{\n"
      "  \"location\": \"x\",\n"
      "  \"properties\": {\n"
      "    \"title\": \"a\"\n"
      "    \"packageType\": \"Graph\"\n"
      "  }\n"
      "}\n";
  const std::string message = error_message_of([&] { import_text(text); });
  BOOST_TEST(message.find("The web service definition is not valid JSON (line 5, column ") == 0u, message);
}

BOOST_AUTO_TEST_CASE(a_number_no_double_holds_is_an_invalid_input_error) {
  // nlohmann reports it as out_of_range, not as a parse error; it must still be the client's 400.
  try {
    parse_json(R"({"value": 1e400})", "the request body");
    BOOST_FAIL("1e400 was read");
  } catch (const Error& e) {
    BOOST_TEST((e.code() == ErrorCode::Invalid), "error code " << to_string(e.code()));
    BOOST_TEST(std::string(e.what()).find("The request body holds a number too large to read (") == 0u, e.what());
    BOOST_TEST(std::string(e.what()).find("1e400") != std::string::npos, e.what());
  }
}

BOOST_AUTO_TEST_CASE(import_of_an_invalid_definition_names_the_path) {
  try {
    import_text(R"({"properties": {"title": "no package type"}})");
    BOOST_FAIL("import accepted the definition");
  } catch (const Error& e) {
    BOOST_TEST((e.code() == ErrorCode::Invalid), "error code " << to_string(e.code()));
    BOOST_TEST(e.target() == "properties.packageType");
  }
  try {
    import_text("[1, 2]");
    BOOST_FAIL("import accepted an array");
  } catch (const Error& e) {
    BOOST_TEST(std::string(e.what()).find("JSON object") != std::string::npos, e.what());
  }
}

struct MalformedCase {
  const char* text;
  const char* expected_prefix;
};

std::ostream& operator<<(std::ostream& os, const MalformedCase& c) { return os << c.text; }

const std::vector<MalformedCase> malformed_cases = {
    {R"({"a": tru})", "The request body is not valid JSON (line 1, column 10): "},
    {"{\n\"a\": 1,\n}", "The request body is not valid JSON (line 3, column 1): "},
    {"{\"a\": \"\xC3\xA9\xC3\xA9\" ]", "The request body is not valid JSON (line 1, column 12): "},
    {"{\"a\": 1} x", "The request body is not valid JSON (line 1, column 10): "},
    {"", "The request body is not valid JSON (line 1, column 1): "},
};

BOOST_DATA_TEST_CASE(parse_json_reports_line_and_column, boost::unit_test::data::make(malformed_cases), c) {
  const std::string message = error_message_of([&] { parse_json(c.text, "the request body"); });
  BOOST_TEST(message.rfind(c.expected_prefix, 0) == 0u, message);
  BOOST_TEST(message.find("json.exception") == std::string::npos, message);
}

BOOST_AUTO_TEST_CASE(parse_json_refuses_absurd_nesting) {
  const std::string ok = std::string(512, '[') + std::string(512, ']');
  BOOST_CHECK_NO_THROW(parse_json(ok, "the body"));
  const std::string deep = std::string(513, '[') + std::string(513, ']');
  const std::string message = error_message_of([&] { parse_json(deep, "the body"); });
  BOOST_TEST(message.find("nested more than 512 levels") != std::string::npos, message);
  // Brackets inside strings do not count.
  BOOST_CHECK_NO_THROW(parse_json("{\"a\": \"" + std::string(2000, '[') + "\"}", "the body"));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace azml::definition
