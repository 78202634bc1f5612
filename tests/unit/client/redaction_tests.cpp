// What may be logged: secrets never, structure always.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "error_printing.hpp"
#include "client/logging_policy.hpp"
#include "client/redaction.hpp"
#include "common/json.hpp"
#include "fake_time.hpp"
#include "fake_transport.hpp"

using namespace azml;
using azml::test::FakeTime;
using azml::test::FakeTransport;
namespace data = boost::unit_test::data;

namespace {
const char* const kSecretHeaders[] = {"Authorization", "authorization", "Proxy-Authorization", "x-api-key",
                                      "Ocp-Apim-Subscription-Key", "x-ms-session-token", "Cookie", "Set-Cookie"};
const char* const kPlainHeaders[] = {"Content-Type", "x-ms-request-id", "x-ms-client-request-id", "User-Agent",
                                     "Azure-AsyncOperation", "Retry-After"};
}  // namespace

BOOST_AUTO_TEST_SUITE(redaction_tests)

BOOST_DATA_TEST_CASE(credential_headers_are_secret, data::make(kSecretHeaders), name) {
  BOOST_TEST(client::is_secret_header(name));
}

BOOST_DATA_TEST_CASE(ordinary_headers_are_shown, data::make(kPlainHeaders), name) {
  BOOST_TEST(!client::is_secret_header(name));
}

BOOST_AUTO_TEST_CASE(keys_are_redacted_at_any_depth_and_the_rest_kept) {
  const std::string body = R"({"primary":"P-KEY","secondary":"S-KEY",
    "properties":{"title":"t","storageAccount":{"name":"acct","key":"STORAGE-KEY"},
                  "keys":{"primary":"P2","secondary":"S2"}, "list":[{"Key":"K3"}]}})";
  const std::string shown = client::redact_body(body);
  for (const char* secret : {"P-KEY", "S-KEY", "STORAGE-KEY", "P2", "S2", "K3"}) {
    BOOST_TEST_CONTEXT(secret) { BOOST_TEST(shown.find(secret) == std::string::npos); }
  }
  json parsed = json::parse(shown);
  BOOST_TEST(parsed["primary"] == "REDACTED");
  BOOST_TEST(parsed["properties"]["storageAccount"]["key"] == "REDACTED");
  BOOST_TEST(parsed["properties"]["storageAccount"]["name"] == "acct");
  BOOST_TEST(parsed["properties"]["title"] == "t");
  BOOST_TEST(parsed["properties"]["list"][0]["Key"] == "REDACTED");
}

BOOST_AUTO_TEST_CASE(a_body_that_is_not_json_is_not_shown) {
  const std::string shown = client::redact_body("primary=P-KEY&secondary=S-KEY");
  BOOST_TEST(shown.find("P-KEY") == std::string::npos);
  BOOST_TEST(shown.find("29 bytes") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(long_bodies_are_cut_saying_so) {
  json big = {{"title", std::string(500, 'x')}};
  const std::string shown = client::redact_body(big.dump(), 100);
  BOOST_TEST(shown.size() < 200u);
  BOOST_TEST(shown.find("more characters") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(logging_policy_writes_both_directions_without_secrets) {
  FakeTime time;
  auto transport = std::make_shared<FakeTransport>();
  transport->reply_json(200, R"({"primary":"P-KEY","secondary":"S-KEY"})", {{"x-ms-request-id", "rid-1"}});
  std::vector<std::string> lines;
  std::vector<std::unique_ptr<client::Policy>> policies;
  policies.push_back(std::make_unique<client::LoggingPolicy>([&](const std::string& m) { lines.push_back(m); },
                                                             time.source()));
  client::Pipeline pipeline(std::move(policies), transport);
  http::Request request;
  request.method = "GET";
  request.url = "https://arm.test/keys";
  request.headers.set("Authorization", "Bearer SECRET-TOKEN");
  pipeline.send(request);

  BOOST_REQUIRE_EQUAL(lines.size(), 2u);
  BOOST_TEST(lines[0].rfind("--> GET https://arm.test/keys", 0) == 0);
  BOOST_TEST(lines[0].find("Authorization: REDACTED") != std::string::npos);
  BOOST_TEST(lines[1].rfind("<-- 200 OK GET https://arm.test/keys", 0) == 0);
  BOOST_TEST(lines[1].find("x-ms-request-id: rid-1") != std::string::npos);
  for (const auto& line : lines) {
    BOOST_TEST(line.find("SECRET-TOKEN") == std::string::npos);
    BOOST_TEST(line.find("P-KEY") == std::string::npos);
    BOOST_TEST(line.find("S-KEY") == std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(logging_policy_reports_a_failed_exchange_and_rethrows) {
  FakeTime time;
  auto transport = std::make_shared<FakeTransport>();
  transport->fail(Error(ErrorCode::Transport, "connection refused"));
  std::vector<std::string> lines;
  std::vector<std::unique_ptr<client::Policy>> policies;
  policies.push_back(std::make_unique<client::LoggingPolicy>([&](const std::string& m) { lines.push_back(m); },
                                                             time.source()));
  client::Pipeline pipeline(std::move(policies), transport);
  http::Request request;
  request.method = "GET";
  request.url = "https://arm.test/";
  BOOST_CHECK_THROW(pipeline.send(request), Error);
  BOOST_REQUIRE_EQUAL(lines.size(), 2u);
  BOOST_TEST(lines[1].find("failed") != std::string::npos);
  BOOST_TEST(lines[1].find("connection refused") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
