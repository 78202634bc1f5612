// The pipeline and its header policies: request id, user agent, bearer token.
#include <boost/test/unit_test.hpp>

#include <regex>

#include "error_printing.hpp"
#include "client/bearer_token_policy.hpp"
#include "client/pipeline.hpp"
#include "client/request_id_policy.hpp"
#include "client/user_agent_policy.hpp"
#include "fake_transport.hpp"

using namespace azml;
using azml::test::FakeTransport;

namespace {

http::Request get_request() {
  http::Request r;
  r.method = "GET";
  r.url = "https://arm.test/subscriptions";
  return r;
}

// Records the request as it is when the policy runs, to show the order policies run in.
class SnapshotPolicy final : public client::Policy {
 public:
  explicit SnapshotPolicy(std::vector<http::Request>& seen) : seen_(seen) {}
  http::Response send(http::Request& request, const client::NextPolicy& next) override {
    seen_.push_back(request);
    return next.send(request);
  }

 private:
  std::vector<http::Request>& seen_;
};

template <typename... Policies>
client::Pipeline make_pipeline(std::shared_ptr<FakeTransport> transport, std::unique_ptr<Policies>... policies) {
  std::vector<std::unique_ptr<client::Policy>> list;
  (list.push_back(std::move(policies)), ...);
  return client::Pipeline(std::move(list), std::move(transport));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pipeline_tests)

BOOST_AUTO_TEST_CASE(policies_run_in_the_order_given_then_the_transport) {
  auto transport = std::make_shared<FakeTransport>();
  transport->reply(200, "ok");
  std::vector<http::Request> before, after;
  auto pipeline = make_pipeline(transport, std::make_unique<SnapshotPolicy>(before),
                                std::make_unique<client::BearerTokenPolicy>("t0ken"),
                                std::make_unique<SnapshotPolicy>(after));
  http::Response response = pipeline.send(get_request());
  BOOST_TEST(response.status == 200);
  BOOST_TEST(response.body == "ok");
  BOOST_REQUIRE_EQUAL(before.size(), 1u);
  BOOST_REQUIRE_EQUAL(after.size(), 1u);
  BOOST_TEST(!before[0].headers.has("Authorization"));
  BOOST_TEST(after[0].headers.get("Authorization").value() == "Bearer t0ken");
  BOOST_TEST(transport->request(0).headers.get("Authorization").value() == "Bearer t0ken");
}

BOOST_AUTO_TEST_CASE(a_pipeline_without_transport_is_refused) {
  BOOST_CHECK_EXCEPTION(client::Pipeline({}, nullptr), Error,
                        [](const Error& e) { return e.code() == ErrorCode::Invalid; });
}

BOOST_AUTO_TEST_CASE(request_id_is_a_fresh_guid_per_request) {
  auto transport = std::make_shared<FakeTransport>();
  transport->reply(200).reply(200);
  auto pipeline = make_pipeline(transport, std::make_unique<client::RequestIdPolicy>());
  pipeline.send(get_request());
  pipeline.send(get_request());
  const std::regex guid("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
  auto first = transport->request(0).headers.get("x-ms-client-request-id").value();
  auto second = transport->request(1).headers.get("x-ms-client-request-id").value();
  BOOST_TEST(std::regex_match(first, guid));
  BOOST_TEST(std::regex_match(second, guid));
  BOOST_TEST(first != second);
}

BOOST_AUTO_TEST_CASE(request_id_chosen_by_the_caller_is_kept) {
  auto transport = std::make_shared<FakeTransport>();
  transport->reply(200);
  auto pipeline = make_pipeline(transport, std::make_unique<client::RequestIdPolicy>());
  http::Request request = get_request();
  request.headers.set("X-MS-Client-Request-Id", "caller-id");
  pipeline.send(request);
  BOOST_TEST(transport->request(0).headers.get("x-ms-client-request-id").value() == "caller-id");
}

BOOST_AUTO_TEST_CASE(user_agent_names_azml_and_its_version_then_the_suffix) {
  auto transport = std::make_shared<FakeTransport>();
  transport->reply(200).reply(200);
  auto plain = make_pipeline(transport, std::make_unique<client::UserAgentPolicy>(""));
  auto suffixed = make_pipeline(transport, std::make_unique<client::UserAgentPolicy>("  runbook/2.1 "));
  plain.send(get_request());
  suffixed.send(get_request());
  BOOST_TEST(transport->request(0).headers.get("User-Agent").value() == std::string("azml/") + AZML_VERSION_STRING);
  BOOST_TEST(transport->request(1).headers.get("User-Agent").value() ==
             std::string("azml/") + AZML_VERSION_STRING + " runbook/2.1");
}

BOOST_AUTO_TEST_CASE(user_agent_suffix_with_a_line_break_is_refused) {
  BOOST_CHECK_EXCEPTION(client::UserAgentPolicy("app\r\nX-Injected: 1"), Error,
                        [](const Error& e) { return e.code() == ErrorCode::Invalid && e.target() == "user_agent"; });
}

BOOST_AUTO_TEST_CASE(empty_token_sends_no_authorization) {
  auto transport = std::make_shared<FakeTransport>();
  transport->reply(200);
  auto pipeline = make_pipeline(transport, std::make_unique<client::BearerTokenPolicy>(""));
  pipeline.send(get_request());
  BOOST_TEST(!transport->request(0).headers.has("Authorization"));
}

BOOST_AUTO_TEST_CASE(token_with_whitespace_is_refused) {
  BOOST_CHECK_EXCEPTION(client::BearerTokenPolicy("two words"), Error,
                        [](const Error& e) { return e.code() == ErrorCode::Invalid && e.target() == "token"; });
}

BOOST_AUTO_TEST_SUITE_END()
