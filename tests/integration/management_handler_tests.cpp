// The whole request handler of azml-host (router, auth, handlers, catalog, SQLite) called with
// http::Request values: every management operation, its status codes, headers and bodies.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <memory>
#include <ostream>
#include <set>
#include <stdexcept>

#include "app/request_pipeline.hpp"
#include "common/json.hpp"
#include "common/strings.hpp"
#include "common/url.hpp"
#include "domain/catalog.hpp"
#include "storage/store.hpp"
#include "support/running_host.hpp"
#include "support/temp_dir.hpp"

using azml::json;
using azml::http::Request;
using azml::http::Response;

namespace {

const std::string kToken = "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210";
const std::string kHost = "azml.test:8443";
const std::string kBase = "https://" + kHost;

struct HandlerFixture {
  azml::test::TempDir dir;
  std::unique_ptr<azml::host::storage::Store> store = azml::host::storage::open_sqlite_store(dir / "azml.db");
  azml::host::domain::Catalog catalog{*store};
  std::string subscription = catalog.subscriptions().front();
  std::vector<std::string> internal_errors;
  azml::host::transport::RequestHandler handler = make_handler();

  azml::host::transport::RequestHandler make_handler() {
    azml::host::app::HostHandlerOptions options;
    options.admin_token = kToken;
    options.management.scheme = "https";
    options.management.fallback_authority = "fallback:1";
    options.management.list_page_size = 3;
    options.on_internal_error = [this](const std::string&, const std::string& what) {
      internal_errors.push_back(what);
    };
    azml::host::app::HostServices services;
    services.catalog = &catalog;
    return azml::host::app::make_host_request_handler(services, options);
  }

  Response call(const std::string& method, const std::string& target, const std::optional<std::string>& body = {},
                bool authorized = true, const azml::http::Headers& extra = {}) {
    Request request;
    request.method = method;
    // Absolute URLs the host handed out are followed by their path and query.
    request.url = target.rfind("http", 0) == 0 ? azml::parse_url(target).path_and_query : target;
    request.headers.set("Host", kHost);
    if (authorized) request.headers.set("Authorization", "Bearer " + kToken);
    if (body) {
      request.headers.set("Content-Type", "application/json; charset=utf-8");
      request.body = *body;
    }
    for (const auto& [name, value] : extra) request.headers.set(name, value);
    return handler(request);
  }

  std::string service_path(const std::string& name, const std::string& group = "rg",
                           const std::string& api_version = "2017-01-01") const {
    return azml::test::web_service_path(subscription, group, name, api_version);
  }

  Response put_service(const std::string& name, const json& body, const std::string& group = "rg") {
    return call("PUT", service_path(name, group), body.dump());
  }

  // What GET and listKeys say about a service: compared before and after a refused request.
  std::pair<std::string, std::string> snapshot(const std::string& name) {
    auto got = call("GET", service_path(name));
    auto keys = call("GET", azml::test::web_service_path(subscription, "rg", name + "/listKeys"));
    return {std::to_string(got.status) + got.body, std::to_string(keys.status) + keys.body};
  }
};

json body_of(const Response& response) {
  auto parsed = json::parse(response.body, nullptr, false);
  if (parsed.is_discarded()) {
    throw std::runtime_error("not JSON (HTTP " + std::to_string(response.status) + "): " + response.body);
  }
  return parsed;
}

std::string error_code_of(const Response& response) { return body_of(response).at("error").at("code"); }
std::string error_message_of(const Response& response) { return body_of(response).at("error").at("message"); }

std::string header(const Response& response, const char* name) { return response.headers.get(name).value_or(""); }

json service_with_keys(const std::string& primary, const std::string& secondary) {
  json service = azml::test::minimal_web_service();
  service["properties"]["keys"] = {{"primary", primary}, {"secondary", secondary}};
  return service;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(management_handler_tests, HandlerFixture)

BOOST_AUTO_TEST_CASE(the_subscription_list_names_the_one_subscription) {
  auto response = call("GET", "/subscriptions?api-version=2016-06-01");
  BOOST_TEST(response.status == 200);
  BOOST_TEST(header(response, "Content-Type") == "application/json; charset=utf-8");
  json expected = {{"value",
                    {{{"id", "/subscriptions/" + subscription},
                      {"subscriptionId", subscription},
                      {"displayName", "azml"},
                      {"state", "Enabled"}}}}};
  BOOST_TEST(body_of(response) == expected);

  auto one = call("GET", "/subscriptions/" + subscription + "?api-version=2016-06-01");
  BOOST_TEST(one.status == 200);
  BOOST_TEST(body_of(one) == expected["value"][0]);
  auto other = call("GET", "/subscriptions/00000000-0000-0000-0000-000000000000?api-version=2016-06-01");
  BOOST_TEST(other.status == 404);
  BOOST_TEST(error_code_of(other) == "SubscriptionNotFound");
}

BOOST_AUTO_TEST_CASE(every_response_carries_request_and_correlation_ids) {
  std::set<std::string> request_ids;
  const std::vector<Response> responses = {
      call("GET", "/subscriptions?api-version=2016-06-01"),
      call("GET", "/subscriptions?api-version=2016-06-01", std::nullopt, false),
      call("GET", "/nowhere"),
      call("PATCH", "/subscriptions"),
      call("GET", service_path("missing")),
      call("GET", "/subscriptions"),
  };
  for (const auto& response : responses) {
    auto id = header(response, "x-ms-request-id");
    BOOST_TEST(id.size() == 36u);
    BOOST_TEST(header(response, "x-ms-correlation-request-id") == id);
    request_ids.insert(id);
  }
  BOOST_TEST(request_ids.size() == responses.size());

  azml::http::Headers client_id{{"x-ms-client-request-id", "cd02ba31-7160-4e54-bad1-795808ce0b71"}};
  auto echoed = call("GET", "/subscriptions?api-version=2016-06-01", std::nullopt, true, client_id);
  BOOST_TEST(header(echoed, "x-ms-correlation-request-id") == "cd02ba31-7160-4e54-bad1-795808ce0b71");
  BOOST_TEST(header(echoed, "x-ms-request-id") != "cd02ba31-7160-4e54-bad1-795808ce0b71");
}

BOOST_AUTO_TEST_CASE(unknown_paths_are_404_and_other_methods_405_with_allow) {
  auto missing = call("GET", "/subscriptions/" + subscription + "/providers/Microsoft.Compute/things");
  BOOST_TEST(missing.status == 404);
  BOOST_TEST(error_code_of(missing) == "NotFound");

  auto wrong_method = call("POST", service_path("ws"));
  BOOST_TEST(wrong_method.status == 405);
  BOOST_TEST(error_code_of(wrong_method) == "MethodNotAllowed");
  std::set<std::string> allowed;
  for (const auto& method : azml::split(header(wrong_method, "Allow"), ',')) allowed.insert(azml::trim(method));
  BOOST_TEST((allowed == std::set<std::string>{"GET", "PUT", "PATCH", "DELETE"}));
}

BOOST_AUTO_TEST_CASE(management_routes_need_the_admin_token) {
  const std::vector<std::pair<std::string, std::string>> routes = {
      {"GET", "/subscriptions?api-version=2016-06-01"},
      {"GET", "/providers/Microsoft.MachineLearning/operations?api-version=2017-01-01"},
      {"PUT", service_path("ws")},
      {"GET", service_path("ws")},
      {"PATCH", service_path("ws")},
      {"DELETE", service_path("ws")},
      {"GET", azml::test::web_service_path(subscription, "rg", "ws/listKeys")},
      {"GET", "/subscriptions/" + subscription +
                  "/providers/Microsoft.MachineLearning/webServices?api-version=2017-01-01"},
  };
  for (const auto& [method, target] : routes) {
    auto response = call(method, target, std::string("{}"), false);
    BOOST_TEST(response.status == 401, method << " " << target);
    BOOST_TEST(error_code_of(response) == "AuthenticationFailed");
    BOOST_TEST(header(response, "WWW-Authenticate").rfind("Bearer", 0) == 0u);
    auto wrong = call(method, target, std::string("{}"), false,
                      azml::http::Headers{{"Authorization", "Bearer " + std::string(64, '0')}});
    BOOST_TEST(wrong.status == 401);
    BOOST_TEST(error_code_of(wrong) == "InvalidAuthenticationToken");
  }
  // Nothing was created by the refused PUT.
  BOOST_TEST(call("GET", service_path("ws")).status == 404);
}

BOOST_AUTO_TEST_CASE(api_version_is_required_and_checked) {
  auto missing = call("GET", "/subscriptions/" + subscription +
                                 "/resourceGroups/rg/providers/Microsoft.MachineLearning/webServices/ws");
  BOOST_TEST(missing.status == 400);
  BOOST_TEST(error_code_of(missing) == "MissingApiVersionParameter");

  auto unsupported = call("GET", service_path("ws", "rg", "2015-01-01"));
  BOOST_TEST(unsupported.status == 400);
  BOOST_TEST(error_code_of(unsupported) == "InvalidApiVersionParameter");
  BOOST_TEST(error_message_of(unsupported).find("2017-01-01") != std::string::npos);
  BOOST_TEST(error_message_of(unsupported).find("2016-05-01-preview") != std::string::npos);

  BOOST_TEST(error_code_of(call("GET", "/subscriptions")) == "MissingApiVersionParameter");
  // The preview has no Operations_List and no CreateRegionalBlob (contract §1.6).
  auto preview_operations = call("GET", "/providers/Microsoft.MachineLearning/operations?api-version=2016-05-01-preview");
  BOOST_TEST(preview_operations.status == 400);
  BOOST_TEST(error_code_of(preview_operations) == "InvalidApiVersionParameter");
}

BOOST_AUTO_TEST_CASE(put_creates_with_201_then_replaces_with_200) {
  auto created = put_service("ws1", azml::test::minimal_web_service("first"));
  BOOST_TEST_REQUIRE(created.status == 201, created.body);
  json body = body_of(created);
  const std::string id = "/subscriptions/" + subscription +
                         "/resourceGroups/rg/providers/Microsoft.MachineLearning/webServices/ws1";
  BOOST_TEST(body["id"] == id);
  BOOST_TEST(body["name"] == "ws1");
  BOOST_TEST(body["type"] == "Microsoft.MachineLearning/webServices");
  BOOST_TEST(body["location"] == "South Central US");
  BOOST_TEST(body["tags"] == json({{"team", "tests"}}));
  const json& properties = body["properties"];
  BOOST_TEST(properties["title"] == "first");
  BOOST_TEST(properties["provisioningState"] == "Succeeded");
  BOOST_TEST(properties["createdOn"].is_string());
  BOOST_TEST(properties["modifiedOn"].is_string());
  BOOST_TEST(properties["payloadsInBlobStorage"] == false);
  // The runtime serves the swagger document under the service id, not the name.
  const std::string service_id = azml::host::domain::Catalog::service_id({subscription, "rg", "ws1"});
  BOOST_TEST(properties["swaggerLocation"] ==
             kBase + "/subscriptions/0123456789abcdef0123456789abcdef/services/" + service_id + "/swagger.json");
  BOOST_TEST(!properties.contains("keys"));
  BOOST_TEST(!properties["storageAccount"].contains("key"));
  BOOST_TEST(properties["storageAccount"]["name"] == "teststorage");

  const std::string operation_url = header(created, "Azure-AsyncOperation");
  BOOST_TEST(operation_url.rfind(kBase + "/subscriptions/" + subscription +
                                     "/providers/Microsoft.MachineLearning/locations/southcentralus/operationsStatus/",
                                 0) == 0u,
             operation_url);
  BOOST_TEST(operation_url.find("?api-version=2017-01-01") != std::string::npos);
  BOOST_TEST(header(created, "Azure-AsyncOperationPercentComplete") == "100");
  BOOST_TEST(!created.headers.has("Location"));

  auto replaced = put_service("ws1", azml::test::minimal_web_service("second"));
  BOOST_TEST(replaced.status == 200);
  BOOST_TEST(body_of(replaced)["properties"]["title"] == "second");
  BOOST_TEST(body_of(replaced)["properties"]["createdOn"] == properties["createdOn"]);
  BOOST_TEST(header(replaced, "Azure-AsyncOperation") != operation_url);
}

BOOST_AUTO_TEST_CASE(get_renders_the_resource_without_secrets) {
  json service = service_with_keys("primary-key-1", "secondary-key-1");
  service["properties"]["commitmentPlan"] = {{"id", "/subscriptions/x/resourceGroups/y/providers/"
                                                    "Microsoft.MachineLearning/commitmentPlans/z"}};
  BOOST_TEST_REQUIRE(put_service("ws1", service).status == 201);

  auto got = call("GET", service_path("ws1"));
  BOOST_TEST(got.status == 200);
  const std::string text = got.body;
  for (const char* secret : {"primary-key-1", "secondary-key-1", "storage-secret-key", "commitmentPlans/z"}) {
    BOOST_TEST(text.find(secret) == std::string::npos, secret);
  }
  json properties = body_of(got)["properties"];
  BOOST_TEST(properties["package"]["nodes"].size() == 3u);
  BOOST_TEST(properties["input"]["properties"]["input1"]["properties"]["age"]["type"] == "Integer");

  // ?region= is accepted: the host serves every region from the one definition.
  auto regional = call("GET", service_path("ws1") + "&region=westcentralus");
  BOOST_TEST(regional.status == 200);
  BOOST_TEST(body_of(regional) == body_of(got));

  // 2016-05-01-preview has no payload fields (contract §1.6).
  auto preview = call("GET", service_path("ws1", "rg", "2016-05-01-preview"));
  BOOST_TEST(preview.status == 200);
  BOOST_TEST(!body_of(preview)["properties"].contains("payloadsInBlobStorage"));
  BOOST_TEST(!body_of(preview)["properties"].contains("payloadsLocation"));
}

BOOST_AUTO_TEST_CASE(list_keys_returns_the_keys_and_patch_changes_only_what_it_names) {
  BOOST_TEST_REQUIRE(put_service("ws1", service_with_keys("p-1", "s-1")).status == 201);
  const std::string keys_path = azml::test::web_service_path(subscription, "rg", "ws1/listKeys");
  auto keys = call("GET", keys_path);
  BOOST_TEST(keys.status == 200);
  BOOST_TEST(body_of(keys) == json({{"primary", "p-1"}, {"secondary", "s-1"}}));

  auto patched = call("PATCH", service_path("ws1"), json({{"properties", {{"keys", {{"primary", "p-2"}}}}}}).dump());
  BOOST_TEST_REQUIRE(patched.status == 200, patched.body);
  BOOST_TEST(!body_of(patched)["properties"].contains("keys"));
  BOOST_TEST(header(patched, "Azure-AsyncOperation").find("/operationsStatus/") != std::string::npos);
  BOOST_TEST(body_of(call("GET", keys_path)) == json({{"primary", "p-2"}, {"secondary", "s-1"}}));

  // A PATCH without location (as PowerShell sends it) changes the title and keeps the rest.
  auto retitled = call("PATCH", service_path("ws1"),
                       json({{"properties", {{"title", "new title"}, {"packageType", "Graph"}}}}).dump());
  BOOST_TEST(retitled.status == 200);
  BOOST_TEST(body_of(retitled)["properties"]["title"] == "new title");
  BOOST_TEST(body_of(retitled)["properties"]["description"] == "a web service made by the integration tests");

  auto generated = put_service("ws2", azml::test::minimal_web_service());
  BOOST_TEST_REQUIRE(generated.status == 201);
  json generated_keys = body_of(call("GET", azml::test::web_service_path(subscription, "rg", "ws2/listKeys")));
  BOOST_TEST(generated_keys["primary"].get<std::string>().size() >= 32u);
  BOOST_TEST(generated_keys["primary"] != generated_keys["secondary"]);
}

BOOST_AUTO_TEST_CASE(patch_of_a_missing_service_is_404) {
  auto response = call("PATCH", service_path("nothing"), json({{"properties", {{"title", "x"}}}}).dump());
  BOOST_TEST(response.status == 404);
  BOOST_TEST(body_of(response)["error"]["details"][0]["code"] == "WebServiceNotFound");
}

BOOST_AUTO_TEST_CASE(delete_is_202_with_operation_headers_even_when_nothing_existed) {
  BOOST_TEST_REQUIRE(put_service("ws1", azml::test::minimal_web_service()).status == 201);
  auto deleted = call("DELETE", service_path("ws1"));
  BOOST_TEST(deleted.status == 202);
  BOOST_TEST(deleted.body.empty());
  const std::string status_url = header(deleted, "Azure-AsyncOperation");
  const std::string result_url = header(deleted, "Location");
  BOOST_TEST(status_url.find("/locations/southcentralus/operationsStatus/") != std::string::npos, status_url);
  BOOST_TEST(result_url.find("/locations/southcentralus/operationresults/") != std::string::npos, result_url);
  BOOST_TEST(header(deleted, "Azure-AsyncOperationPercentComplete") == "100");

  auto status = call("GET", status_url);
  BOOST_TEST(status.status == 200);
  json operation = body_of(status);
  BOOST_TEST(operation["status"] == "Succeeded");
  BOOST_TEST(operation["percentComplete"] == 1.0);
  BOOST_TEST(operation["startTime"].is_string());
  BOOST_TEST(operation["endTime"].is_string());
  BOOST_TEST(operation["id"] == azml::parse_url(status_url).path_and_query.substr(
                                    0, azml::parse_url(status_url).path_and_query.find('?')));
  BOOST_TEST(operation["name"] == operation["id"].get<std::string>().substr(
                                      operation["id"].get<std::string>().rfind('/') + 1));
  BOOST_TEST(call("GET", result_url).status == 204);

  auto gone = call("GET", service_path("ws1"));
  BOOST_TEST(gone.status == 404);
  BOOST_TEST(body_of(gone) ==
             json::parse(R"({"error":{"code":"NotFound","message":"The specified resource was not found.",
               "details":[{"code":"WebServiceNotFound",
                           "message":"No Web Service could be found with the provided name: ws1."}]}})"));

  auto again = call("DELETE", service_path("ws1"));
  BOOST_TEST(again.status == 202);
  BOOST_TEST(call("GET", header(again, "Azure-AsyncOperation")).status == 200);
}

BOOST_AUTO_TEST_CASE(unknown_operations_are_404) {
  const std::string base = "/subscriptions/" + subscription + "/providers/Microsoft.MachineLearning/locations/"
                           "southcentralus/";
  auto status = call("GET", base + "operationsStatus/6b7d0f1e-0000-4000-8000-000000000000?api-version=2017-01-01");
  BOOST_TEST(status.status == 404);
  auto result = call("GET", base + "operationresults/6b7d0f1e-0000-4000-8000-000000000000?api-version=2017-01-01");
  BOOST_TEST(result.status == 404);
}

BOOST_AUTO_TEST_CASE(lists_are_sparse_and_paged_with_absolute_skiptoken_links) {
  // Page size is 3 in this fixture: 7 services in rg-a and 2 in rg-b make pages of 3, 3, 1.
  std::set<std::string> expected_a;
  for (int i = 0; i < 7; ++i) {
    const std::string name = "svc" + std::to_string(i);
    expected_a.insert(name);
    BOOST_TEST_REQUIRE(put_service(name, service_with_keys("pk" + std::to_string(i), "sk"), "rg-a").status == 201);
  }
  for (int i = 0; i < 2; ++i) {
    BOOST_TEST_REQUIRE(put_service("other" + std::to_string(i), azml::test::minimal_web_service(), "rg-b").status ==
                       201);
  }

  auto collect = [&](std::string target, std::vector<size_t>& page_sizes) {
    std::vector<std::string> names;
    for (int guard = 0; guard < 20 && !target.empty(); ++guard) {
      auto page = call("GET", target);
      BOOST_TEST_REQUIRE(page.status == 200, page.body);
      json body = body_of(page);
      page_sizes.push_back(body["value"].size());
      for (const auto& item : body["value"]) {
        names.push_back(item["name"]);
        const json& properties = item["properties"];
        BOOST_TEST(!properties.contains("keys"));
        BOOST_TEST(!properties.contains("package"));
        BOOST_TEST(!properties.contains("assets"));
        BOOST_TEST(!properties.contains("commitmentPlan"));
        BOOST_TEST(!properties["storageAccount"].contains("key"));
        BOOST_TEST(properties.contains("title"));
        BOOST_TEST(properties.contains("swaggerLocation"));
        BOOST_TEST(properties["provisioningState"] == "Succeeded");
      }
      if (body.contains("nextLink")) {
        std::string next = body["nextLink"];
        BOOST_TEST(next.rfind(kBase + "/subscriptions/", 0) == 0u, next);
        BOOST_TEST(next.find("$skiptoken=") != std::string::npos, next);
        BOOST_TEST(next.find("api-version=2017-01-01") != std::string::npos, next);
        target = next;
      } else {
        target.clear();
      }
    }
    return names;
  };

  std::vector<size_t> group_pages;
  auto group_names =
      collect("/subscriptions/" + subscription +
                  "/resourceGroups/rg-a/providers/Microsoft.MachineLearning/webServices?api-version=2017-01-01",
              group_pages);
  BOOST_TEST((group_pages == std::vector<size_t>{3, 3, 1}));
  BOOST_TEST(group_names.size() == 7u);
  BOOST_TEST((std::set<std::string>(group_names.begin(), group_names.end()) == expected_a));

  std::vector<size_t> subscription_pages;
  auto all_names = collect(
      "/subscriptions/" + subscription + "/providers/Microsoft.MachineLearning/webServices?api-version=2017-01-01",
      subscription_pages);
  BOOST_TEST((subscription_pages == std::vector<size_t>{3, 3, 3}));
  BOOST_TEST(std::set<std::string>(all_names.begin(), all_names.end()).size() == 9u);

  auto bad_token = call("GET", "/subscriptions/" + subscription +
                                   "/providers/Microsoft.MachineLearning/webServices?api-version=2017-01-01&"
                                   "$skiptoken=not-a-token");
  BOOST_TEST(bad_token.status == 400);

  auto empty_group = call("GET", "/subscriptions/" + subscription +
                                     "/resourceGroups/empty/providers/Microsoft.MachineLearning/webServices?"
                                     "api-version=2017-01-01");
  BOOST_TEST(body_of(empty_group) == json({{"value", json::array()}}));
}

BOOST_AUTO_TEST_CASE(operations_list_describes_the_provider) {
  auto response = call("GET", "/providers/Microsoft.MachineLearning/operations?api-version=2017-01-01");
  BOOST_TEST(response.status == 200);
  json value = body_of(response)["value"];
  BOOST_TEST(value.size() >= 4u);
  std::set<std::string> names;
  for (const auto& entry : value) {
    names.insert(entry["name"]);
    for (const char* field : {"provider", "resource", "operation", "description"}) {
      BOOST_TEST(entry["display"][field].is_string());
    }
  }
  BOOST_TEST(names.count("Microsoft.MachineLearning/webServices/read") == 1u);
  BOOST_TEST(names.count("Microsoft.MachineLearning/webServices/write") == 1u);
}

BOOST_AUTO_TEST_CASE(create_regional_blob_is_202_with_a_pollable_operation) {
  BOOST_TEST_REQUIRE(put_service("ws1", azml::test::minimal_web_service()).status == 201);
  const std::string regional = azml::test::web_service_path(subscription, "rg", "ws1/CreateRegionalBlob") +
                               "&region=westcentralus";
  auto posted = call("POST", regional);
  BOOST_TEST_REQUIRE(posted.status == 202, posted.body);
  json body = body_of(posted);
  BOOST_TEST(body["id"] == "ws1");
  BOOST_TEST(body["name"] == "ws1");
  BOOST_TEST(body["location"] == "South Central US");
  const std::string status_url = header(posted, "Azure-AsyncOperation");
  BOOST_TEST(status_url.find("/operationsStatus/") != std::string::npos);
  auto status = call("GET", status_url);
  BOOST_TEST(status.status == 200);
  BOOST_TEST(body_of(status)["status"] == "Succeeded");

  auto no_region = call("POST", azml::test::web_service_path(subscription, "rg", "ws1/CreateRegionalBlob"));
  BOOST_TEST(no_region.status == 400);
  auto missing = call("POST", azml::test::web_service_path(subscription, "rg", "none/CreateRegionalBlob") +
                                  "&region=westcentralus");
  BOOST_TEST(missing.status == 404);
  auto preview = call("POST", azml::test::web_service_path(subscription, "rg", "ws1/CreateRegionalBlob",
                                                           "2016-05-01-preview") +
                                  "&region=westcentralus");
  BOOST_TEST(preview.status == 400);
}

BOOST_AUTO_TEST_CASE(read_only_services_refuse_put_and_patch_but_not_delete) {
  json service = azml::test::minimal_web_service();
  service["properties"]["readOnly"] = true;
  BOOST_TEST_REQUIRE(put_service("frozen", service).status == 201);
  auto before = snapshot("frozen");

  auto put = put_service("frozen", azml::test::minimal_web_service("changed"));
  BOOST_TEST(put.status == 409);
  auto patch = call("PATCH", service_path("frozen"), json({{"properties", {{"title", "changed"}}}}).dump());
  BOOST_TEST(patch.status == 409);
  auto unfreeze = call("PATCH", service_path("frozen"), json({{"properties", {{"readOnly", false}}}}).dump());
  BOOST_TEST(unfreeze.status == 409);
  BOOST_TEST((snapshot("frozen") == before));

  BOOST_TEST(call("DELETE", service_path("frozen")).status == 202);
  BOOST_TEST(call("GET", service_path("frozen")).status == 404);
}

namespace {

struct Rejection {
  const char* description;
  const char* method;
  const char* name;          // the web service name in the path
  std::string body;
  const char* content_type;  // "" to send the default JSON type
  int status;
  const char* message_fragment;  // found in error.message or a detail's message
};

std::ostream& operator<<(std::ostream& out, const Rejection& r) { return out << r.description; }

const Rejection kRejections[] = {
    {"malformed JSON on PUT", "PUT", "ws", "{\"location\": \"x\",\n \"properties\": {", "", 400, "line"},
    {"malformed JSON on PATCH", "PATCH", "ws", "{\"properties\": [}", "", 400, "line"},
    {"empty PUT body", "PUT", "ws", "", "", 400, "empty"},
    {"a JSON array", "PUT", "ws", "[1, 2]", "", 400, "object"},
    {"title of the wrong type", "PUT", "ws",
     R"({"location":"South Central US","properties":{"title":5,"packageType":"Graph"}})", "", 400,
     "properties.title"},
    {"readOnly as an object", "PATCH", "ws", R"({"properties":{"readOnly":{"x":1}}})", "", 400,
     "properties.readOnly"},
    {"tags as a list", "PUT", "ws", R"({"location":"South Central US","tags":["a"],"properties":{"packageType":"Graph"}})",
     "", 400, "tags"},
    {"not JSON at all", "PUT", "ws", "location=x", "text/plain", 415, "application/json"},
    {"bad web service name", "PUT", "bad%20name%21", "", "", 400, "bad name!"},
    {"name starting with a dot", "PUT", ".hidden", "", "", 400, ".hidden"},
};

}  // namespace

BOOST_DATA_TEST_CASE_F(HandlerFixture, rejected_requests_leave_the_stored_state_unchanged,
                       boost::unit_test::data::make(kRejections), rejection) {
  BOOST_TEST_REQUIRE(put_service("ws", service_with_keys("pk", "sk")).status == 201);
  auto before = snapshot("ws");

  std::string body = rejection.body;
  if (body.empty() && std::string(rejection.name) != "ws") body = azml::test::minimal_web_service().dump();
  azml::http::Headers extra;
  if (*rejection.content_type) extra.set("Content-Type", rejection.content_type);
  auto response = call(rejection.method, service_path(rejection.name), body, true, extra);
  BOOST_TEST(response.status == rejection.status, response.body);
  json error = body_of(response)["error"];
  BOOST_TEST(error["code"].is_string());
  std::string all_messages = error["message"];
  for (const auto& detail : error["details"]) all_messages += "\n" + detail.value("message", std::string());
  BOOST_TEST(all_messages.find(rejection.message_fragment) != std::string::npos, all_messages);

  BOOST_TEST((snapshot("ws") == before));
  if (std::string(rejection.name) != "ws") {
    BOOST_TEST(call("GET", service_path(rejection.name)).status != 200);
  }
}

BOOST_AUTO_TEST_CASE(a_bug_in_a_handler_is_a_generic_500_that_keeps_its_text_in_the_log) {
  auto router = std::make_shared<azml::host::router::Router>();
  router->add({"GET", "/boom", azml::host::router::Access::Anonymous,
               [](const azml::host::router::RouteRequest&) -> Response {
                 throw std::runtime_error("secret internal detail");
               }});
  std::vector<std::string> reported;
  azml::host::app::RequestPipeline pipeline(
      router, std::make_shared<const azml::host::auth::AdminAuthenticator>(kToken),
      [&](const std::string&, const std::string& what) { reported.push_back(what); });
  Request request;
  request.method = "GET";
  request.url = "/boom";
  auto response = pipeline.handle(request);
  BOOST_TEST(response.status == 500);
  BOOST_TEST(error_code_of(response) == "InternalServerError");
  BOOST_TEST(response.body.find("secret internal detail") == std::string::npos);
  BOOST_TEST((reported == std::vector<std::string>{"secret internal detail"}));
  BOOST_TEST(response.headers.has("x-ms-request-id"));
}

BOOST_AUTO_TEST_CASE(a_malformed_percent_escape_in_the_path_is_a_400) {
  auto response = call("GET", "/subscriptions/%zz?api-version=2016-06-01");
  BOOST_TEST(response.status == 400);
}

BOOST_AUTO_TEST_SUITE_END()
