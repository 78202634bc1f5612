// The management client's requests (method, URL, headers, body), its handling of answers,
// paging, errors and subscription discovery, against a scripted transport.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <fstream>
#include <functional>
#include <regex>
#include <sstream>
#include <thread>

#include "error_printing.hpp"
#include "client/management_client.hpp"
#include "common/json.hpp"
#include "fake_time.hpp"
#include "fake_transport.hpp"

using namespace azml;
using namespace std::chrono;
using azml::test::FakeTime;
using azml::test::FakeTransport;
namespace data = boost::unit_test::data;

namespace {

const std::string kBase =
    "https://arm.test/subscriptions/sub-1/resourceGroups/rg-1/providers/Microsoft.MachineLearning/webServices";
const std::string kServiceUrl = kBase + "/svc-1?api-version=2017-01-01";
const std::string kStatusUrl = "https://arm.test/subscriptions/sub-1/providers/Microsoft.MachineLearning/locations/"
                               "local/operationsStatus/op-1?api-version=2017-01-01";
const std::string kServiceJson = R"({"name":"svc-1","properties":{"title":"final","provisioningState":"Succeeded"}})";

std::string read_fixture(const std::string& relative) {
  std::ifstream in(std::string(AZML_TEST_FIXTURES_DIR) + "/" + relative);
  if (!in) throw std::runtime_error("missing fixture " + relative);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

struct ClientFixture {
  FakeTime time;
  std::shared_ptr<FakeTransport> transport = std::make_shared<FakeTransport>();
  std::vector<std::string> log;
  client::ManagementClientOptions options;

  ClientFixture() {
    options.endpoint = "https://arm.test/";
    options.token = "admin-token";
    options.subscription_id = "sub-1";
    options.time = time.source();
    options.retry.max_retries = 0;
    options.log_sink = [this](const std::string& line) { log.push_back(line); };
  }

  client::ManagementClient make() { return client::ManagementClient(options, transport); }

  static bool invalid_with_target(const Error& e, const std::string& target) {
    BOOST_TEST(e.code() == ErrorCode::Invalid);
    BOOST_TEST(e.target() == target);
    return true;
  }
};

bool is_guid(const std::string& text) {
  static const std::regex guid("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
  return std::regex_match(text, guid);
}

struct StatusCase {
  int status;
  ErrorCode expected;
};
std::ostream& operator<<(std::ostream& out, const StatusCase& c) { return out << c.status; }
const StatusCase kStatusCases[] = {
    {400, ErrorCode::Invalid},   {401, ErrorCode::Unauthorized}, {403, ErrorCode::Unauthorized},
    {404, ErrorCode::NotFound},  {409, ErrorCode::Conflict},     {429, ErrorCode::Throttled},
    {500, ErrorCode::Http},      {503, ErrorCode::Http},         {504, ErrorCode::Timeout},
};

// Every operation that names a web service, for the argument checks.
using Operation = std::function<void(client::ManagementClient&, const std::string&, const std::string&)>;
struct NamedOperation {
  const char* name;
  Operation run;
};
std::ostream& operator<<(std::ostream& out, const NamedOperation& o) { return out << o.name; }
const NamedOperation kOperations[] = {
    {"get", [](auto& c, auto& rg, auto& n) { c.get(rg, n); }},
    {"create_or_update", [](auto& c, auto& rg, auto& n) { c.create_or_update(rg, n, "{}"); }},
    {"patch", [](auto& c, auto& rg, auto& n) { c.patch(rg, n, "{}"); }},
    {"remove", [](auto& c, auto& rg, auto& n) { c.remove(rg, n); }},
    {"list_keys", [](auto& c, auto& rg, auto& n) { c.list_keys(rg, n); }},
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(management_client_tests, ClientFixture)

BOOST_AUTO_TEST_CASE(get_sends_an_authenticated_get_to_the_resource_url) {
  transport->reply_json(200, kServiceJson, {{"x-ms-request-id", "rid"}});
  auto client = make();
  BOOST_TEST(client.get("rg-1", "svc-1") == kServiceJson);
  BOOST_REQUIRE_EQUAL(transport->request_count(), 1u);
  auto sent = transport->request(0);
  BOOST_TEST(sent.method == "GET");
  BOOST_TEST(sent.url == kServiceUrl);
  BOOST_TEST(sent.body.empty());
  BOOST_TEST(sent.headers.get("Authorization").value() == "Bearer admin-token");
  BOOST_TEST(sent.headers.get("Accept").value() == "application/json");
  BOOST_TEST(sent.headers.get("accept-language").value() == "en-US");
  BOOST_TEST(is_guid(sent.headers.get("x-ms-client-request-id").value()));
  BOOST_TEST(sent.headers.get("User-Agent").value().rfind("azml/", 0) == 0);
  BOOST_TEST(!sent.headers.has("Content-Type"));
  BOOST_TEST(sent.timeout.count() == 100000);
}

BOOST_AUTO_TEST_CASE(get_with_region_adds_the_region_query) {
  transport->reply_json(200, kServiceJson);
  make().get("rg-1", "svc-1", std::string("westcentralus"));
  BOOST_TEST(transport->request(0).url == kServiceUrl + "&region=westcentralus");
}

BOOST_AUTO_TEST_CASE(the_preview_api_version_is_sent_when_chosen) {
  options.api_version = "2016-05-01-preview";
  options.timeout = milliseconds(2500);
  transport->reply_json(200, kServiceJson);
  make().get("rg-1", "svc-1");
  BOOST_TEST(transport->request(0).url == kBase + "/svc-1?api-version=2016-05-01-preview");
  BOOST_TEST(transport->request(0).timeout.count() == 2500);
}

BOOST_AUTO_TEST_CASE(path_segments_are_percent_encoded) {
  options.subscription_id = "sub 1";
  transport->reply_json(200, kServiceJson);
  make().get("my group", "a/b?c#d");
  BOOST_TEST(transport->request(0).url ==
             "https://arm.test/subscriptions/sub%201/resourceGroups/my%20group/providers/"
             "Microsoft.MachineLearning/webServices/a%2Fb%3Fc%23d?api-version=2017-01-01");
}

BOOST_AUTO_TEST_CASE(an_endpoint_path_prefix_is_kept) {
  options.endpoint = "http://gateway.test:8080/azml//";
  transport->reply_json(200, kServiceJson);
  make().get("rg-1", "svc-1");
  BOOST_TEST(transport->request(0).url.rfind("http://gateway.test:8080/azml/subscriptions/sub-1/", 0) == 0);
}

BOOST_DATA_TEST_CASE(empty_resource_group_or_name_is_refused_before_any_request, data::make(kOperations), operation) {
  ClientFixture f;
  auto client = f.make();
  BOOST_CHECK_EXCEPTION(operation.run(client, "", "svc-1"), Error,
                        [](const Error& e) { return invalid_with_target(e, "resource_group"); });
  BOOST_CHECK_EXCEPTION(operation.run(client, "rg-1", ""), Error,
                        [](const Error& e) { return invalid_with_target(e, "name"); });
  BOOST_TEST(f.transport->request_count() == 0u);
}

BOOST_AUTO_TEST_CASE(create_puts_follows_the_operation_then_gets) {
  const std::string body = R"({"location":"South Central US","properties":{"packageType":"Graph"}})";
  transport->reply_json(201, R"({"properties":{"provisioningState":"Provisioning"}})",
                        {{"Azure-AsyncOperation", kStatusUrl}})
      .reply_json(200, R"({"status":"Provisioning"})")
      .reply_json(200, R"({"status":"Succeeded"})")
      .reply_json(200, kServiceJson);
  BOOST_TEST(make().create_or_update("rg-1", "svc-1", body) == kServiceJson);
  auto sent = transport->requests();
  BOOST_REQUIRE_EQUAL(sent.size(), 4u);
  BOOST_TEST(sent[0].method == "PUT");
  BOOST_TEST(sent[0].url == kServiceUrl);
  BOOST_TEST(sent[0].body == body);
  BOOST_TEST(sent[0].headers.get("Content-Type").value() == "application/json; charset=utf-8");
  BOOST_TEST(sent[1].method == "GET");
  BOOST_TEST(sent[1].url == kStatusUrl);
  BOOST_TEST(sent[1].headers.get("Authorization").value() == "Bearer admin-token");
  BOOST_TEST(sent[2].url == kStatusUrl);
  BOOST_TEST(sent[3].method == "GET");
  BOOST_TEST(sent[3].url == kServiceUrl);
  BOOST_TEST(time.sleeps().size() == 2u);
}

BOOST_AUTO_TEST_CASE(create_answered_200_without_an_operation_just_gets) {
  transport->reply_json(200, kServiceJson).reply_json(200, kServiceJson);
  make().create_or_update("rg-1", "svc-1", "{}");
  BOOST_TEST(transport->request_count() == 2u);
  BOOST_TEST(transport->request(1).method == "GET");
}

BOOST_AUTO_TEST_CASE(create_with_an_unexpected_success_status_is_an_error) {
  transport->reply_json(202, "{}", {{"x-ms-request-id", "rid-202"}});
  BOOST_CHECK_EXCEPTION(make().create_or_update("rg-1", "svc-1", "{}"), Error, [](const Error& e) {
    return e.code() == ErrorCode::Http && e.http_status() == 202 && e.request_id() == "rid-202";
  });
}

BOOST_AUTO_TEST_CASE(create_whose_operation_fails_reports_the_operation_error) {
  transport->reply_json(201, "{}", {{"Azure-AsyncOperation", kStatusUrl}})
      .reply_json(200, R"({"status":"Failed","error":{"code":"InvalidGraph","message":"node3 has no asset"}})");
  BOOST_CHECK_EXCEPTION(make().create_or_update("rg-1", "svc-1", "{}"), Error, [](const Error& e) {
    return e.code() == ErrorCode::OperationFailed && e.service_code() == "InvalidGraph";
  });
  BOOST_TEST(transport->request_count() == 2u);  // no GET after a failure
}

BOOST_AUTO_TEST_CASE(malformed_or_non_object_json_is_refused_before_any_request) {
  auto client = make();
  BOOST_CHECK_EXCEPTION(client.create_or_update("rg-1", "svc-1", "{\"properties\":"), Error,
                        [](const Error& e) { return invalid_with_target(e, "web_service_json"); });
  BOOST_CHECK_EXCEPTION(client.create_or_update("rg-1", "svc-1", "[1,2]"), Error,
                        [](const Error& e) { return invalid_with_target(e, "web_service_json"); });
  BOOST_CHECK_EXCEPTION(client.patch("rg-1", "svc-1", ""), Error,
                        [](const Error& e) { return invalid_with_target(e, "patch_json"); });
  BOOST_TEST(transport->request_count() == 0u);
}

BOOST_AUTO_TEST_CASE(patch_sends_the_patch_as_given_follows_the_operation_then_gets) {
  const std::string patch = R"({"properties":{"title":"New Web Service Title","packageType":"Graph"}})";
  transport->reply_json(200, "{}", {{"Azure-AsyncOperation", kStatusUrl}})
      .reply_json(200, R"({"status":"Succeeded"})")
      .reply_json(200, kServiceJson);
  BOOST_TEST(make().patch("rg-1", "svc-1", patch) == kServiceJson);
  auto sent = transport->requests();
  BOOST_REQUIRE_EQUAL(sent.size(), 3u);
  BOOST_TEST(sent[0].method == "PATCH");
  BOOST_TEST(sent[0].url == kServiceUrl);
  BOOST_TEST(sent[0].body == patch);
  BOOST_TEST(sent[2].method == "GET");
}

BOOST_AUTO_TEST_CASE(remove_deletes_and_follows_the_operation) {
  transport->reply(202, "", {{"Azure-AsyncOperation", kStatusUrl}}).reply_json(200, R"({"status":"Succeeded"})");
  make().remove("rg-1", "svc-1");
  auto sent = transport->requests();
  BOOST_REQUIRE_EQUAL(sent.size(), 2u);
  BOOST_TEST(sent[0].method == "DELETE");
  BOOST_TEST(sent[0].url == kServiceUrl);
  BOOST_TEST(sent[1].url == kStatusUrl);
}

BOOST_AUTO_TEST_CASE(remove_accepts_204_and_treats_404_as_removed) {
  transport->reply(204).reply_json(404, R"({"error":{"code":"NotFound","message":"gone"}})");
  auto client = make();
  client.remove("rg-1", "svc-1");
  client.remove("rg-1", "svc-1");
  BOOST_TEST(transport->request_count() == 2u);
}

BOOST_AUTO_TEST_CASE(remove_refused_by_the_service_is_an_error) {
  transport->reply_json(409, R"({"error":{"code":"Conflict","message":"read-only"}})");
  BOOST_CHECK_EXCEPTION(make().remove("rg-1", "svc-1"), Error,
                        [](const Error& e) { return e.code() == ErrorCode::Conflict && e.http_status() == 409; });
}

BOOST_AUTO_TEST_CASE(list_keys_gets_the_list_keys_url) {
  const std::string keys = read_fixture("arm-2017-01-01/getWebServiceKeys.json");
  const std::string body = json::parse(keys)["responses"]["200"]["body"].dump();
  transport->reply_json(200, body);
  BOOST_TEST(make().list_keys("rg-1", "svc-1") == body);
  BOOST_TEST(transport->request(0).method == "GET");
  BOOST_TEST(transport->request(0).url == kBase + "/svc-1/listKeys?api-version=2017-01-01");
}

BOOST_AUTO_TEST_CASE(list_follows_only_the_skiptoken_of_next_link) {
  // The nextLink names another host; only its $skiptoken is used, on the client's own endpoint.
  transport
      ->reply_json(200, R"({"value":[{"name":"a"},{"name":"b"}],
          "nextLink":"https://elsewhere.test/x?api-version=2017-01-01&$skiptoken=page%2B2%3D%3D"})")
      .reply_json(200, R"({"value":[{"name":"c"}],"nextLink":null})");
  json all = json::parse(make().list(std::string("rg-1")));
  BOOST_TEST(all.size() == 3u);
  BOOST_TEST(all[2]["name"] == "c");
  BOOST_TEST(transport->request(0).url == kBase + "?api-version=2017-01-01");
  BOOST_TEST(transport->request(1).url == kBase + "?api-version=2017-01-01&$skiptoken=page%2B2%3D%3D");
}

BOOST_AUTO_TEST_CASE(list_without_resource_group_lists_the_subscription) {
  transport->reply_json(200, R"({"value":[]})");
  BOOST_TEST(make().list() == "[]");
  BOOST_TEST(transport->request(0).url ==
             "https://arm.test/subscriptions/sub-1/providers/Microsoft.MachineLearning/webServices"
             "?api-version=2017-01-01");
}

BOOST_AUTO_TEST_CASE(list_reads_the_official_example_page) {
  json example = json::parse(read_fixture("arm-2017-01-01/getWebServicesByResourceGroup.json"));
  json page = example["responses"]["200"]["body"];
  page.erase("nextLink");
  transport->reply_json(200, page.dump());
  json all = json::parse(make().list(std::string("rg-1")));
  BOOST_TEST(all == page["value"]);
}

BOOST_AUTO_TEST_CASE(a_next_link_without_skiptoken_is_an_error_not_a_loop) {
  // The official example's nextLink ("https://the.next/link") carries no $skiptoken; reissuing the
  // list without one would fetch the first page again, forever.
  json example = json::parse(read_fixture("arm-2017-01-01/getWebServicesByResourceGroup.json"));
  transport->reply_json(200, example["responses"]["200"]["body"].dump());
  BOOST_CHECK_EXCEPTION(make().list(std::string("rg-1")), Error, [](const Error& e) {
    return e.code() == ErrorCode::Http && std::string(e.what()).find("$skiptoken") != std::string::npos;
  });
  BOOST_TEST(transport->request_count() == 1u);
}

BOOST_AUTO_TEST_CASE(a_repeated_skiptoken_is_an_error) {
  const std::string page = R"({"value":[{}],"nextLink":"https://arm.test/x?$skiptoken=same"})";
  transport->reply_json(200, page).reply_json(200, page);
  BOOST_CHECK_EXCEPTION(make().list(), Error, [](const Error& e) { return e.code() == ErrorCode::Http; });
  BOOST_TEST(transport->request_count() == 2u);
}

BOOST_AUTO_TEST_CASE(a_page_without_value_is_an_error) {
  transport->reply_json(200, R"({"items":[]})");
  BOOST_CHECK_EXCEPTION(make().list(), Error, [](const Error& e) { return e.code() == ErrorCode::Http; });
}

BOOST_DATA_TEST_CASE(error_statuses_map_to_error_codes_with_the_services_details, data::make(kStatusCases), c) {
  ClientFixture f;
  f.transport->reply_json(c.status,
                          R"({"error":{"code":"SomeCode","message":"Some message.","target":"properties.title",
                              "details":[{"code":"Inner","message":"inner message"}]}})",
                          {{"x-ms-request-id", "rid-err"}});
  BOOST_CHECK_EXCEPTION(f.make().get("rg-1", "svc-1"), Error, [&](const Error& e) {
    BOOST_TEST(e.code() == c.expected);
    BOOST_TEST(e.http_status() == c.status);
    BOOST_TEST(e.service_code() == "SomeCode");
    BOOST_TEST(std::string(e.what()) == "Some message.");
    BOOST_TEST(e.request_id() == "rid-err");
    BOOST_TEST(e.target() == "properties.title");
    BOOST_REQUIRE_EQUAL(e.details().size(), 1u);
    BOOST_TEST(e.details()[0].code == "Inner");
    return true;
  });
}

BOOST_AUTO_TEST_CASE(a_retried_status_is_reported_after_the_last_retry) {
  options.retry.max_retries = 2;
  for (int i = 0; i < 3; ++i) transport->reply_json(429, R"({"error":{"code":"TooManyRequests","message":"slow"}})");
  BOOST_CHECK_EXCEPTION(make().get("rg-1", "svc-1"), Error,
                        [](const Error& e) { return e.code() == ErrorCode::Throttled; });
  BOOST_TEST(transport->request_count() == 3u);
}

BOOST_AUTO_TEST_CASE(a_success_body_that_is_not_json_is_an_error) {
  transport->reply(200, "<html>proxy login</html>");
  BOOST_CHECK_EXCEPTION(make().get("rg-1", "svc-1"), Error, [](const Error& e) { return e.code() == ErrorCode::Http; });
}

BOOST_AUTO_TEST_CASE(retry_runs_after_request_id_and_before_auth_and_logging) {
  options.retry.max_retries = 1;
  transport->reply(503).reply_json(200, kServiceJson);
  make().get("rg-1", "svc-1");
  auto sent = transport->requests();
  BOOST_REQUIRE_EQUAL(sent.size(), 2u);
  // One logical call keeps its client request id across attempts...
  BOOST_TEST(sent[0].headers.get("x-ms-client-request-id").value() ==
             sent[1].headers.get("x-ms-client-request-id").value());
  // ...each attempt is authorised and logged on its own.
  BOOST_TEST(sent[1].headers.get("Authorization").value() == "Bearer admin-token");
  int logged_attempts = 0;
  for (const auto& line : log) logged_attempts += line.rfind("--> GET", 0) == 0 ? 1 : 0;
  BOOST_TEST(logged_attempts == 2);
}

BOOST_AUTO_TEST_CASE(logs_never_show_the_token_or_the_keys) {
  transport->reply_json(200, R"({"primary":"PRIMARY-SECRET","secondary":"SECONDARY-SECRET"})");
  make().list_keys("rg-1", "svc-1");
  BOOST_REQUIRE(!log.empty());
  bool redacted = false;
  for (const auto& line : log) {
    BOOST_TEST(line.find("admin-token") == std::string::npos);
    BOOST_TEST(line.find("PRIMARY-SECRET") == std::string::npos);
    BOOST_TEST(line.find("SECONDARY-SECRET") == std::string::npos);
    redacted = redacted || line.find("REDACTED") != std::string::npos;
  }
  BOOST_TEST(redacted);
}

BOOST_AUTO_TEST_CASE(subscription_is_discovered_once_from_the_endpoint) {
  options.subscription_id.clear();
  transport->reply_json(200, R"({"value":[{"id":"/subscriptions/found-sub","subscriptionId":"found-sub",
                                  "displayName":"azml","state":"Enabled"},{"subscriptionId":"second"}]})")
      .reply_json(200, kServiceJson)
      .reply_json(200, R"({"primary":"p","secondary":"s"})");
  auto client = make();
  client.get("rg-1", "svc-1");
  client.list_keys("rg-1", "svc-1");
  BOOST_TEST(client.subscription_id() == "found-sub");
  auto sent = transport->requests();
  BOOST_REQUIRE_EQUAL(sent.size(), 3u);
  BOOST_TEST(sent[0].method == "GET");
  BOOST_TEST(sent[0].url == "https://arm.test/subscriptions?api-version=2020-01-01");
  BOOST_TEST(sent[0].headers.get("Authorization").value() == "Bearer admin-token");
  BOOST_TEST(sent[1].url.find("/subscriptions/found-sub/resourceGroups/rg-1/") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(subscription_discovery_is_shared_by_concurrent_callers) {
  options.subscription_id.clear();
  constexpr int kThreads = 8;
  transport->reply_json(200, R"({"value":[{"subscriptionId":"found-sub"}]})");
  for (int i = 0; i < kThreads; ++i) transport->reply_json(200, kServiceJson);
  auto client = make();
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&] {
      try {
        client.get("rg-1", "svc-1");
      } catch (...) {
        ++failures;
      }
    });
  }
  for (auto& t : threads) t.join();
  BOOST_TEST(failures.load() == 0);
  BOOST_TEST(transport->request_count() == static_cast<std::size_t>(kThreads + 1));
  int discoveries = 0;
  for (const auto& r : transport->requests()) discoveries += r.url.find("/subscriptions?") != std::string::npos;
  BOOST_TEST(discoveries == 1);
}

BOOST_AUTO_TEST_CASE(an_endpoint_listing_no_subscription_is_not_found) {
  options.subscription_id.clear();
  transport->reply_json(200, R"({"value":[]})").reply_json(200, R"({"value":[{"subscriptionId":"late"}]})");
  auto client = make();
  BOOST_CHECK_EXCEPTION(client.get("rg-1", "svc-1"), Error,
                        [](const Error& e) { return e.code() == ErrorCode::NotFound; });
  // A failed discovery is not remembered: the next call asks again.
  BOOST_TEST(client.subscription_id() == "late");
}

BOOST_AUTO_TEST_CASE(bad_options_are_refused_naming_the_option) {
  auto refused = [&](const std::function<void(client::ManagementClientOptions&)>& change, const std::string& target) {
    client::ManagementClientOptions bad = options;
    change(bad);
    BOOST_TEST_CONTEXT(target) {
      BOOST_CHECK_EXCEPTION(client::ManagementClient(bad, transport), Error,
                            [&](const Error& e) { return invalid_with_target(e, target); });
    }
  };
  refused([](auto& o) { o.endpoint = ""; }, "endpoint");
  refused([](auto& o) { o.endpoint = "arm.test"; }, "endpoint");
  refused([](auto& o) { o.endpoint = "ftp://arm.test"; }, "endpoint");
  refused([](auto& o) { o.endpoint = "https://arm.test/?x=1"; }, "endpoint");
  refused([](auto& o) { o.api_version = "2020-01-01"; }, "api_version");
  refused([](auto& o) { o.timeout = milliseconds(0); }, "timeout_ms");
  refused([](auto& o) { o.async_operation.timeout = milliseconds(0); }, "lro_timeout_ms");
  refused([](auto& o) { o.token = "bad token"; }, "token");
  BOOST_TEST(transport->request_count() == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
