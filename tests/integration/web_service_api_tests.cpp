// Every management operation over loopback against the real host, as a client sees it: status
// codes, headers, bodies, the async operation resource and paging.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <set>

#include "domain/catalog.hpp"
#include "support/running_host.hpp"

using azml::test::json;
using azml::test::RunningHost;
using azml::test::TestRequest;
using azml::test::TestResponse;

namespace {

struct HostFixture {
  RunningHost host{AZML_HOST_EXECUTABLE, {"--list-page-size", "2"}};
  azml::test::TestClient& client = host.client();

  std::string path(const std::string& name, const std::string& group = "rg") const {
    return host.web_service_path(group, name);
  }
  std::string keys_path(const std::string& name) const { return host.web_service_path("rg", name + "/listKeys"); }

  // GET and listKeys of a service, to compare before and after a refused request.
  std::string snapshot(const std::string& name) {
    auto got = client.get(path(name));
    auto keys = client.get(keys_path(name));
    return std::to_string(got.status) + got.body + "\n" + std::to_string(keys.status) + keys.body;
  }
};

std::string error_code(const TestResponse& response) { return response.json_body()["error"]["code"]; }

}  // namespace

BOOST_FIXTURE_TEST_SUITE(web_service_api_tests, HostFixture)

BOOST_AUTO_TEST_CASE(create_poll_get_keys_patch_delete_round_trip) {
  json service = azml::test::minimal_web_service("round trip");
  service["properties"]["keys"] = {{"primary", "rt-primary"}, {"secondary", "rt-secondary"}};
  TestRequest put("PUT", path("roundtrip"));
  put.body = service.dump();
  put.headers["x-ms-client-request-id"] = "4e1f0c1a-1111-4222-8333-944455556666";
  auto created = client.send(put);
  BOOST_TEST_REQUIRE(created.status == 201, created.body);
  BOOST_TEST(created.header("content-type").value_or("") == "application/json; charset=utf-8");
  BOOST_TEST(created.header("x-ms-correlation-request-id").value_or("") == "4e1f0c1a-1111-4222-8333-944455556666");
  BOOST_TEST(created.header("x-ms-request-id").value_or("").size() == 36u);
  BOOST_TEST(!created.has_header("location"));
  BOOST_TEST(created.header("azure-asyncoperationpercentcomplete").has_value());
  const std::string status_url = created.header("azure-asyncoperation").value_or("");
  BOOST_TEST(status_url.rfind(host.info().endpoint + "/subscriptions/" + host.info().subscription_id +
                                  "/providers/Microsoft.MachineLearning/locations/southcentralus/operationsStatus/",
                              0) == 0u,
             status_url);
  json created_body = created.json_body();
  BOOST_TEST(created_body["properties"]["provisioningState"] == "Succeeded");
  BOOST_TEST(!created_body["properties"].contains("keys"));

  // The client follows Azure-AsyncOperation until a terminal status, then GETs (contract §1.2).
  auto status = client.get(status_url);
  BOOST_TEST(status.status == 200);
  json operation = status.json_body();
  BOOST_TEST(operation["status"] == "Succeeded");
  for (const char* field : {"id", "name", "startTime", "endTime", "percentComplete"}) {
    BOOST_TEST(operation.contains(field), field);
  }

  auto got = client.get(path("roundtrip"));
  BOOST_TEST(got.status == 200);
  json got_body = got.json_body();
  BOOST_TEST(got_body == created_body);
  // The runtime serves the swagger document under the service id, not the name.
  const std::string service_id =
      azml::host::domain::Catalog::service_id({host.info().subscription_id, "rg", "roundtrip"});
  BOOST_TEST(got_body["properties"]["swaggerLocation"] == host.info().endpoint +
                                                              "/subscriptions/0123456789abcdef0123456789abcdef/services/" +
                                                              service_id + "/swagger.json");
  BOOST_TEST(got.body.find("rt-primary") == std::string::npos);
  BOOST_TEST(got.body.find("storage-secret-key") == std::string::npos);

  auto keys = client.get(keys_path("roundtrip"));
  BOOST_TEST(keys.status == 200);
  BOOST_TEST(keys.json_body() == json({{"primary", "rt-primary"}, {"secondary", "rt-secondary"}}));

  auto patched = client.patch(path("roundtrip"), {{"properties", {{"keys", {{"secondary", "rt-secondary-2"}}},
                                                                  {"description", "patched"}}}});
  BOOST_TEST_REQUIRE(patched.status == 200, patched.body);
  BOOST_TEST(patched.header("azure-asyncoperation").value_or("").find("/operationsStatus/") != std::string::npos);
  BOOST_TEST(patched.json_body()["properties"]["description"] == "patched");
  BOOST_TEST(patched.body.find("rt-secondary-2") == std::string::npos);
  BOOST_TEST(client.get(keys_path("roundtrip")).json_body() ==
             json({{"primary", "rt-primary"}, {"secondary", "rt-secondary-2"}}));

  auto deleted = client.del(path("roundtrip"));
  BOOST_TEST(deleted.status == 202);
  BOOST_TEST(deleted.body.empty());
  const std::string delete_status = deleted.header("azure-asyncoperation").value_or("");
  const std::string delete_result = deleted.header("location").value_or("");
  BOOST_TEST(delete_result.rfind(host.info().endpoint + "/subscriptions/", 0) == 0u, delete_result);
  BOOST_TEST(delete_result.find("/operationresults/") != std::string::npos);
  BOOST_TEST(client.get(delete_status).json_body()["status"] == "Succeeded");
  BOOST_TEST(client.get(delete_result).status == 204);

  auto gone = client.get(path("roundtrip"));
  BOOST_TEST(gone.status == 404);
  BOOST_TEST(gone.json_body() ==
             json::parse(R"({"error":{"code":"NotFound","message":"The specified resource was not found.",
               "details":[{"code":"WebServiceNotFound",
                           "message":"No Web Service could be found with the provided name: roundtrip."}]}})"));
  BOOST_TEST(client.get(keys_path("roundtrip")).status == 404);
  BOOST_TEST(client.del(path("roundtrip")).status == 202);
}

BOOST_AUTO_TEST_CASE(put_again_replaces_with_200) {
  BOOST_TEST_REQUIRE(client.put(path("twice"), azml::test::minimal_web_service("one")).status == 201);
  auto replaced = client.put(path("twice"), azml::test::minimal_web_service("two"));
  BOOST_TEST(replaced.status == 200);
  BOOST_TEST(replaced.json_body()["properties"]["title"] == "two");
  BOOST_TEST(client.get(path("twice")).json_body()["properties"]["title"] == "two");
}

BOOST_AUTO_TEST_CASE(lists_page_through_every_service_with_skiptoken_links) {
  // --list-page-size 2: five services in "paged" and one elsewhere.
  std::set<std::string> expected;
  for (int i = 0; i < 5; ++i) {
    const std::string name = "paged" + std::to_string(i);
    expected.insert(name);
    BOOST_TEST_REQUIRE(client.put(path(name, "paged"), azml::test::minimal_web_service(name)).status == 201);
  }
  BOOST_TEST_REQUIRE(client.put(path("elsewhere", "other"), azml::test::minimal_web_service()).status == 201);

  auto walk = [&](std::string target) {
    std::vector<std::string> names;
    int pages = 0;
    while (!target.empty() && pages < 20) {
      auto page = client.get(target);
      BOOST_TEST_REQUIRE(page.status == 200, page.body);
      json body = page.json_body();
      ++pages;
      BOOST_TEST(body["value"].size() <= 2u);
      for (const auto& item : body["value"]) {
        names.push_back(item["name"]);
        BOOST_TEST(!item["properties"].contains("package"));
        BOOST_TEST(item["type"] == "Microsoft.MachineLearning/webServices");
      }
      target.clear();
      if (body.contains("nextLink")) {
        target = body["nextLink"];
        BOOST_TEST(target.rfind(host.info().endpoint + "/", 0) == 0u, target);
        BOOST_TEST(target.find("$skiptoken=") != std::string::npos, target);
      }
    }
    return std::make_pair(names, pages);
  };

  auto [group_names, group_pages] = walk(host.group_list_path("paged"));
  BOOST_TEST(group_pages == 3);
  BOOST_TEST(group_names.size() == 5u);
  BOOST_TEST((std::set<std::string>(group_names.begin(), group_names.end()) == expected));

  auto [all_names, all_pages] = walk(host.subscription_list_path());
  BOOST_TEST(all_pages == 3);
  BOOST_TEST(all_names.size() == 6u);
}

BOOST_AUTO_TEST_CASE(missing_or_wrong_tokens_are_401_with_a_bearer_challenge) {
  BOOST_TEST_REQUIRE(client.put(path("guarded"), azml::test::minimal_web_service()).status == 201);
  const auto before = snapshot("guarded");
  for (const std::string& authorization : {std::string(""), std::string("Bearer wrong"),
                                           std::string("Basic ") + host.info().admin_token}) {
    for (const char* method : {"GET", "PUT", "PATCH", "DELETE"}) {
      TestRequest request(method, path("guarded"));
      request.authorization = authorization;
      if (std::string(method) == "PUT" || std::string(method) == "PATCH") {
        request.body = azml::test::minimal_web_service("changed").dump();
      }
      auto response = client.send(request);
      BOOST_TEST(response.status == 401, method << " with '" << authorization << "'");
      BOOST_TEST(response.header("www-authenticate").value_or("").rfind("Bearer", 0) == 0u);
      const std::string code = error_code(response);
      BOOST_TEST((code == "AuthenticationFailed" || code == "InvalidAuthenticationToken"), code);
    }
  }
  BOOST_TEST(snapshot("guarded") == before);
}

BOOST_AUTO_TEST_CASE(unknown_routes_are_404_and_known_paths_with_other_methods_405) {
  auto unknown = client.get("/subscriptions/" + host.info().subscription_id + "/providers/Microsoft.Nothing/x");
  BOOST_TEST(unknown.status == 404);
  BOOST_TEST(error_code(unknown) == "NotFound");
  TestRequest post("POST", path("anything"));
  auto not_allowed = client.send(post);
  BOOST_TEST(not_allowed.status == 405);
  BOOST_TEST(not_allowed.header("allow").value_or("").find("PUT") != std::string::npos);
  BOOST_TEST(error_code(not_allowed) == "MethodNotAllowed");
}

namespace {

struct BadRequest {
  const char* description;
  const char* method;
  std::string name;
  std::string api_version;
  std::string body;
  int status;
  const char* code;  // expected error.code; "" to accept any
};

std::ostream& operator<<(std::ostream& out, const BadRequest& b) { return out << b.description; }

const BadRequest kBadRequests[] = {
    {"malformed JSON", "PUT", "target", "2017-01-01", "{\"location\": \"West US\",", 400, ""},
    {"wrong type", "PUT", "target", "2017-01-01",
     R"({"location":"West US","properties":{"packageType":"Graph","exposeSampleData":"yes"}})", 400, ""},
    {"wrong type in a patch", "PATCH", "target", "2017-01-01", R"({"properties":{"realtimeConfiguration":7}})", 400,
     ""},
    {"bad name", "PUT", "no%20spaces%20allowed", "2017-01-01", "", 400, "InvalidResourceName"},
    {"unsupported api-version on PUT", "PUT", "target", "2015-01-01", "", 400, "InvalidApiVersionParameter"},
    {"unsupported api-version on PATCH", "PATCH", "target", "1.0", R"({"properties":{"title":"x"}})", 400,
     "InvalidApiVersionParameter"},
    {"unsupported api-version on DELETE", "DELETE", "target", "2099-01-01", "", 400, "InvalidApiVersionParameter"},
    {"missing api-version on DELETE", "DELETE", "target", "", "", 400, "MissingApiVersionParameter"},
};

}  // namespace

BOOST_DATA_TEST_CASE_F(HostFixture, bad_requests_are_refused_and_change_nothing,
                       boost::unit_test::data::make(kBadRequests), bad) {
  json service = azml::test::minimal_web_service("target");
  service["properties"]["keys"] = {{"primary", "kp"}, {"secondary", "ks"}};
  BOOST_TEST_REQUIRE(client.put(path("target"), service).status == 201);
  const auto before = snapshot("target");

  std::string target = "/subscriptions/" + host.info().subscription_id +
                       "/resourceGroups/rg/providers/Microsoft.MachineLearning/webServices/" + bad.name;
  if (!bad.api_version.empty()) target += "?api-version=" + bad.api_version;
  TestRequest request(bad.method, target);
  if (!bad.body.empty()) {
    request.body = bad.body;
  } else if (std::string(bad.method) == "PUT") {
    request.body = azml::test::minimal_web_service("replacement").dump();
  }
  auto response = client.send(request);
  BOOST_TEST(response.status == bad.status, response.body);
  json error = response.json_body()["error"];
  BOOST_TEST(error["message"].get<std::string>().size() > 10u);
  if (*bad.code) BOOST_TEST(error["code"] == bad.code);
  BOOST_TEST(snapshot("target") == before);
}

BOOST_AUTO_TEST_CASE(malformed_json_names_line_and_column_and_wrong_types_name_the_field) {
  TestRequest malformed("PUT", path("parsed"));
  malformed.body = "{\n  \"location\": \"West US\",\n  \"properties\": {\"title\": }\n}";
  auto bad_json = client.send(malformed);
  BOOST_TEST(bad_json.status == 400);
  const std::string message = bad_json.json_body()["error"]["message"];
  BOOST_TEST(message.find("line 3") != std::string::npos, message);
  BOOST_TEST(message.find("column") != std::string::npos, message);

  json wrong = azml::test::minimal_web_service();
  wrong["properties"]["realtimeConfiguration"]["maxConcurrentCalls"] = "many";
  auto bad_type = client.put(path("parsed"), wrong);
  BOOST_TEST(bad_type.status == 400);
  BOOST_TEST(bad_type.body.find("properties.realtimeConfiguration.maxConcurrentCalls") != std::string::npos,
             bad_type.body);
  BOOST_TEST(client.get(path("parsed")).status == 404);
}

BOOST_AUTO_TEST_CASE(read_only_services_can_only_be_removed) {
  json service = azml::test::minimal_web_service("frozen");
  service["properties"]["readOnly"] = true;
  BOOST_TEST_REQUIRE(client.put(path("frozen"), service).status == 201);
  const auto before = snapshot("frozen");
  auto patch = client.patch(path("frozen"), {{"properties", {{"title", "thawed"}}}});
  BOOST_TEST(patch.status == 409);
  auto put = client.put(path("frozen"), azml::test::minimal_web_service("thawed"));
  BOOST_TEST(put.status == 409);
  auto keys = client.patch(path("frozen"), {{"properties", {{"keys", {{"primary", "new"}}}}}});
  BOOST_TEST(keys.status == 409);
  BOOST_TEST(snapshot("frozen") == before);
  BOOST_TEST(client.del(path("frozen")).status == 202);
  BOOST_TEST(client.get(path("frozen")).status == 404);
}

BOOST_AUTO_TEST_CASE(regional_properties_operations_and_subscriptions) {
  BOOST_TEST_REQUIRE(client.put(path("regional"), azml::test::minimal_web_service()).status == 201);
  auto posted = client.post(host.web_service_path("rg", "regional/CreateRegionalBlob") + "&region=westcentralus");
  BOOST_TEST_REQUIRE(posted.status == 202, posted.body);
  auto status = client.get(posted.header("azure-asyncoperation").value_or(""));
  BOOST_TEST(status.status == 200);
  BOOST_TEST(status.json_body()["status"] == "Succeeded");
  auto regional = client.get(path("regional") + "&region=westcentralus");
  BOOST_TEST(regional.status == 200);

  auto operations = client.get("/providers/Microsoft.MachineLearning/operations?api-version=2017-01-01");
  BOOST_TEST(operations.status == 200);
  BOOST_TEST(operations.json_body()["value"].size() >= 4u);

  auto subscriptions = client.get("/subscriptions?api-version=2020-01-01");
  BOOST_TEST(subscriptions.json_body() ==
             json({{"value",
                    {{{"id", "/subscriptions/" + host.info().subscription_id},
                      {"subscriptionId", host.info().subscription_id},
                      {"displayName", "azml"},
                      {"state", "Enabled"}}}}}));
}

BOOST_AUTO_TEST_CASE(the_preview_api_version_is_served_without_payload_fields) {
  BOOST_TEST_REQUIRE(client.put(path("preview"), azml::test::minimal_web_service()).status == 201);
  auto got = client.get(host.web_service_path("rg", "preview", "2016-05-01-preview"));
  BOOST_TEST(got.status == 200);
  BOOST_TEST(!got.json_body()["properties"].contains("payloadsInBlobStorage"));
  BOOST_TEST(client.get(path("preview")).json_body()["properties"]["payloadsInBlobStorage"] == false);
}

BOOST_AUTO_TEST_SUITE_END()
