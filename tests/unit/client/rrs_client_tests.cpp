// The RRS client's requests (URL, query, key, body as given) against a scripted transport. The
// behaviour against a real host is in tests/capi/endpoint_abi_tests.c.
#include <boost/test/unit_test.hpp>

#include "client/rrs_client.hpp"
#include "error_printing.hpp"
#include "fake_time.hpp"
#include "fake_transport.hpp"

using namespace azml;
using azml::test::FakeTime;
using azml::test::FakeTransport;

namespace {

const std::string kLocation = "https://host.test/workspaces/ws/services/0123456789abcdef0123456789abcdef";
const std::string kResults = R"({"Results":{"output1":[]}})";

struct RrsFixture {
  FakeTime time;
  std::shared_ptr<FakeTransport> transport = std::make_shared<FakeTransport>();
  client::RrsClientOptions options;

  RrsFixture() {
    options.api_location = kLocation + "/execute?api-version=2.0&details=true";
    options.api_key = "endpoint-key";
    options.time = time.source();
    options.retry.max_retries = 0;
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(rrs_client_tests, RrsFixture)

BOOST_AUTO_TEST_CASE(execute_posts_the_request_as_given_with_the_key) {
  // Numbers keep the caller's spelling: the body is not re-serialised.
  const std::string request = R"({"Inputs":{"input1":{"ColumnNames":["x"],"Values":[[1.50]]}}, "GlobalParameters":{}})";
  transport->reply_json(200, kResults).reply_json(200, kResults).reply_json(200, kResults);
  client::RrsClient rrs(options, transport);
  BOOST_TEST(rrs.api_location() == kLocation);
  BOOST_TEST(rrs.execute(request) == kResults);
  rrs.execute(request, {true, false});
  rrs.execute(request, {true, true});

  const auto sent = transport->requests();
  BOOST_TEST(sent[0].method == "POST");
  BOOST_TEST(sent[0].url == kLocation + "/execute?api-version=2.0");
  BOOST_TEST(sent[0].body == request);
  BOOST_TEST(sent[0].headers.get("Authorization").value() == "Bearer endpoint-key");
  BOOST_TEST(sent[0].headers.get("Content-Type").value() == "application/json; charset=utf-8");
  BOOST_TEST(sent[1].url == kLocation + "/execute?api-version=2.0&details=true");
  BOOST_TEST(sent[2].url == kLocation + "/execute?api-version=2.0&details=true&format=swagger");
}

BOOST_AUTO_TEST_CASE(a_request_that_is_not_a_json_object_is_refused_before_sending) {
  client::RrsClient rrs(options, transport);
  BOOST_CHECK_EXCEPTION(rrs.execute("[]"), Error,
                        [](const Error& e) { return e.code() == ErrorCode::Invalid && e.target() == "request_json"; });
  BOOST_TEST(transport->request_count() == 0u);
}

BOOST_AUTO_TEST_CASE(errors_carry_the_service_code_target_and_status) {
  transport->reply_json(400, R"({"error":{"code":"BadArgument","message":"input 'input1', row 1: 2 values for 3 columns","target":"input1"}})");
  client::RrsClient rrs(options, transport);
  BOOST_CHECK_EXCEPTION(rrs.execute("{}"), Error, [](const Error& e) {
    return e.code() == ErrorCode::Invalid && e.service_code() == "BadArgument" && e.http_status() == 400 &&
           e.target() == "input1" && std::string(e.what()).find("row 1") != std::string::npos;
  });
}

BOOST_AUTO_TEST_SUITE_END()
