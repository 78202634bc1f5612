// Every web service body in tests/fixtures — the 2017-01-01 REST examples, both recorded
// production sessions, the two definition files — normalises, validates, exports and imports
// back without losing anything.
#define BOOST_TEST_MODULE definition_compat_tests
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "common/strings.hpp"
#include "definition/definition.hpp"
#include "sample_documents.hpp"

namespace azml::definition {
namespace {

struct FixtureDocument {
  std::string source;   // file and place in it
  json document;
  Purpose purpose;      // what the document is: a PUT body, a sparse response, a definition file
  std::string problem;  // set when the fixture could not be read
};

std::ostream& operator<<(std::ostream& os, const FixtureDocument& d) { return os << d.source; }

std::string read_file(const std::string& relative_path) {
  std::ifstream in(std::string(AZML_TEST_FIXTURES_DIR) + "/" + relative_path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open fixture " + relative_path);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

bool is_web_service(const json& body) {
  return body.is_object() && body.contains("properties") && body["properties"].is_object();
}

// A response is a complete web service when it carries its package type; the 201 and 202
// bodies of PUT and CreateRegionalBlob are sparse ({payloadsInBlobStorage, provisioningState})
// and are only checked to be well-formed.
Purpose purpose_of_response(const json& body) {
  return body["properties"].contains("packageType") ? Purpose::Create : Purpose::Patch;
}

void add_example(const std::string& file, std::vector<FixtureDocument>& out) {
  const json example = json::parse(read_file(file));
  for (auto it = example["parameters"].begin(); it != example["parameters"].end(); ++it) {
    if (!is_web_service(*it)) continue;
    // createOrUpdatePayload is a PUT body; patchPayload a PATCH body.
    out.push_back({file + " parameters." + it.key(), *it, it.key() == "patchPayload" ? Purpose::Patch : Purpose::Create, ""});
  }
  if (!example.contains("responses")) return;
  for (auto it = example["responses"].begin(); it != example["responses"].end(); ++it) {
    if (!it->contains("body")) continue;
    const json& body = (*it)["body"];
    if (is_web_service(body)) out.push_back({file + " responses." + it.key(), body, purpose_of_response(body), ""});
    if (body.is_object() && body.contains("value") && body["value"].is_array()) {
      for (size_t i = 0; i < body["value"].size(); ++i) {
        const json& item = body["value"][i];
        if (is_web_service(item)) {
          out.push_back({file + " responses." + it.key() + ".value[" + std::to_string(i) + "]", item,
                         purpose_of_response(item), ""});
        }
      }
    }
  }
}

void add_recording(const std::string& file, std::vector<FixtureDocument>& out) {
  const json recording = json::parse(read_file(file));
  const auto& entries = recording["Entries"];
  for (size_t i = 0; i < entries.size(); ++i) {
    const json& entry = entries[i];
    const std::string uri = to_lower(entry.value("RequestUri", ""));
    if (uri.find("/providers/microsoft.machinelearning/webservices/") == std::string::npos) continue;
    const std::string where = file + " Entries[" + std::to_string(i) + "] " + entry.value("RequestMethod", "");
    for (const char* part : {"RequestBody", "ResponseBody"}) {
      const std::string text = entry.value(part, "");
      if (trim(text).empty()) continue;
      json body = parse_json(text, where + " " + part);
      if (!is_web_service(body)) continue;
      Purpose purpose = std::string(part) == "RequestBody" ? Purpose::Create : purpose_of_response(body);
      out.push_back({where + " " + part, std::move(body), purpose, ""});
    }
  }
}

std::vector<FixtureDocument> fixture_documents() {
  std::vector<FixtureDocument> out;
  try {
    for (const char* example : {"putWebService.json", "getWebService.json", "patchWebService.json", "deleteWebService.json",
                                "getWebServiceKeys.json", "getWebServicesByResourceGroup.json",
                                "getWebServicesBySubscriptionId.json"}) {
      add_example(std::string("arm-2017-01-01/") + example, out);
    }
    for (const char* recording : {"TestCreateGetRemoveWebService.json", "TestCreateAndGetRegionalProperties.json"}) {
      add_recording(std::string("azure-powershell-recordings/") + recording, out);
    }
    for (const char* definition : {"GraphWebServiceDefinition_Prod.json", "GraphWebServiceDefinition_Dogfood.json"}) {
      const std::string file = std::string("azure-powershell-recordings/") + definition;
      out.push_back({file, parse_json(read_file(file), file), Purpose::Import, ""});
    }
  } catch (const std::exception& e) {
    out.push_back({"reading the fixtures", json(), Purpose::Create, e.what()});
  }
  return out;
}

const std::vector<FixtureDocument>& all_documents() {
  static const std::vector<FixtureDocument> documents = fixture_documents();
  return documents;
}

bool is_read_only_path(const std::vector<std::string>& keys) {
  if (keys.size() == 1) {
    for (const char* f : {"id", "name", "type"}) if (iequals(keys[0], f)) return true;
  }
  if (keys.size() == 2 && iequals(keys[0], "properties")) {
    for (const char* f : {"createdOn", "modifiedOn", "provisioningState", "swaggerLocation"}) {
      if (iequals(keys[1], f)) return true;
    }
  }
  return false;
}

// A scalar the walker read the Json.NET way ("false" -> false, "20" -> 20) is the same value.
bool same_leaf(const json& original, const json& found) {
  if (original == found) return true;
  if (original.is_string() && (found.is_boolean() || found.is_number())) {
    return iequals(original.get<std::string>(), found.dump());
  }
  return false;
}

// Walks every leaf of `original` (scalars, empty containers) and finds it in `result`, keys
// matched exactly or else case-insensitively (schema keys are renamed; data keys are not).
// Read-only fields and nulls are not expected back (export drops them).
void expect_every_value_kept(const json& original, const json& result, std::vector<std::string>& keys,
                             const std::string& path, std::vector<std::string>& lost) {
  if (original.is_null() || is_read_only_path(keys)) return;
  if (original.is_object() && !original.empty()) {
    for (auto it = original.begin(); it != original.end(); ++it) {
      const json* next = nullptr;
      if (result.is_object()) {
        auto exact = result.find(it.key());
        if (exact != result.end()) {
          next = &*exact;
        } else {
          for (auto candidate = result.begin(); candidate != result.end(); ++candidate) {
            if (iequals(candidate.key(), it.key())) next = &*candidate;
          }
        }
      }
      keys.push_back(it.key());
      const std::string child_path = path.empty() ? it.key() : path + "." + it.key();
      if (next == nullptr) {
        if (!it->is_null() && !is_read_only_path(keys)) lost.push_back(child_path + " (missing)");
      } else {
        expect_every_value_kept(*it, *next, keys, child_path, lost);
      }
      keys.pop_back();
    }
    return;
  }
  if (original.is_array() && !original.empty()) {
    if (!result.is_array() || result.size() != original.size()) {
      lost.push_back(path + " (array changed length)");
      return;
    }
    for (size_t i = 0; i < original.size(); ++i) {
      keys.push_back("[" + std::to_string(i) + "]");
      expect_every_value_kept(original[i], result[i], keys, path + "[" + std::to_string(i) + "]", lost);
      keys.pop_back();
    }
    return;
  }
  if (!same_leaf(original, result)) lost.push_back(path + ": " + original.dump() + " became " + result.dump());
}

BOOST_AUTO_TEST_SUITE(definition_compat_tests)

BOOST_AUTO_TEST_CASE(the_fixtures_hold_the_expected_web_service_bodies) {
  size_t definitions = 0, recorded = 0, examples = 0;
  for (const auto& d : all_documents()) {
    BOOST_TEST(d.problem.empty(), d.problem);
    if (d.source.find("GraphWebServiceDefinition") != std::string::npos) ++definitions;
    else if (d.source.find("Entries[") != std::string::npos) ++recorded;
    else ++examples;
  }
  BOOST_TEST(definitions == 2u);
  // Per recording: the PUT body, its sparse 201, the GET after provisioning; the regional one
  // adds the regional GET and the sparse 202 of CreateRegionalBlob.
  BOOST_TEST(recorded == 8u);
  // put (body, 200, 201), get, patch (body, 200), two list pages of two services each.
  BOOST_TEST(examples == 10u);
}

BOOST_DATA_TEST_CASE(each_fixture_body_is_valid_and_round_trips_without_loss, boost::unit_test::data::make(all_documents()),
                     d) {
  BOOST_TEST_REQUIRE(d.problem.empty(), d.problem);
  const json normalized = normalize(d.document, d.purpose);
  const auto issues = validate(normalized, d.purpose);
  BOOST_TEST(issues.empty(), "issues:" << test::describe(issues));

  const std::string exported = export_text(normalized);
  const json imported = d.purpose == Purpose::Patch ? normalize(parse_json(exported, "export"), Purpose::Patch)
                                                    : import_text(exported);
  const json expected = test::without_read_only_and_nulls(normalized);
  BOOST_TEST(imported == expected, "imported: " << imported.dump() << "\nexpected: " << expected.dump());

  std::vector<std::string> keys, lost;
  expect_every_value_kept(d.document, imported, keys, "", lost);
  std::string report;
  for (const auto& l : lost) report += "\n  " + l;
  BOOST_TEST(lost.empty(), "values lost:" << report);
}

BOOST_AUTO_TEST_CASE(the_dogfood_definition_reads_like_json_net_reads_it) {
  for (const auto& d : all_documents()) {
    if (d.source.find("Dogfood") == std::string::npos) continue;
    const json n = normalize(d.document, Purpose::Import);
    BOOST_TEST(n["properties"]["readOnly"] == false);  // "false" in the file
    BOOST_TEST(n["properties"]["exposeSampleData"] == true);
    BOOST_TEST(n["properties"]["package"]["nodes"]["node2"]["parameters"]["Category"] == "Trigonometric");
    BOOST_TEST(n["properties"]["package"]["graphParameters"]["Category"]["links"][0]["nodeId"] == "node2");
    return;
  }
  BOOST_FAIL("the dogfood definition was not found");
}

BOOST_AUTO_TEST_CASE(the_prod_definition_exports_in_camel_case_keeping_data_keys) {
  for (const auto& d : all_documents()) {
    if (d.source.find("_Prod") == std::string::npos) continue;
    const json exported = export_definition(d.document);
    const auto& p = exported["properties"];
    BOOST_TEST(p["machineLearningWorkspace"]["id"] == "8b841df9d60a4d54bcebd4948b10a5db");
    BOOST_TEST(p["package"]["nodes"]["node1"]["parameters"]["Account Key"]["certificateThumbprint"] ==
               "ENCRYPTED_CERTIFICATETHUMBPRINT_1");
    BOOST_TEST(p["input"]["properties"]["input1"]["properties"]["<=50K"]["format"] == "");
    BOOST_TEST(p["output"]["properties"]["output1"]["properties"].contains("39 (2)"));
    BOOST_TEST(!p["exampleRequest"].contains("globalParameters"));  // null in the file
    BOOST_TEST(p["exampleRequest"]["inputs"]["input1"].size() == 5u);
    return;
  }
  BOOST_FAIL("the prod definition was not found");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace azml::definition
