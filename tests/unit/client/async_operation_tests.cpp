// Following Azure-AsyncOperation: polling cadence, terminal states, failures and the deadline.
#include <boost/test/unit_test.hpp>

#include "error_printing.hpp"
#include "client/async_operation.hpp"
#include "fake_time.hpp"
#include "fake_transport.hpp"

using namespace azml;
using namespace std::chrono;
using azml::test::FakeTime;
using azml::test::FakeTransport;

namespace {

const std::string kStatusUrl =
    "https://arm.test/subscriptions/s/providers/Microsoft.MachineLearning/locations/southcentralus/"
    "operationsStatus/op-1?api-version=2017-01-01";

std::string status_body(const std::string& status) { return R"({"name":"op-1","status":")" + status + R"("})"; }

struct OperationFixture {
  FakeTime time;
  std::shared_ptr<FakeTransport> transport = std::make_shared<FakeTransport>();
  client::Pipeline pipeline{{}, transport};
  client::AsyncOperationSettings settings;

  void wait(std::optional<milliseconds> first_delay = std::nullopt) {
    client::wait_for_async_operation(pipeline, time.source(), kStatusUrl, first_delay, settings);
  }
  std::vector<long long> sleeps_ms() const {
    std::vector<long long> out;
    for (auto d : time.sleeps()) out.push_back(d.count());
    return out;
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(async_operation_tests, OperationFixture)

BOOST_AUTO_TEST_CASE(polls_until_succeeded_quickly_at_first) {
  transport->reply_json(200, status_body("Provisioning"))
      .reply_json(200, status_body("InProgress"))
      .reply_json(200, status_body("Succeeded"));
  wait();
  BOOST_TEST(transport->request_count() == 3u);
  for (const auto& request : transport->requests()) {
    BOOST_TEST(request.method == "GET");
    BOOST_TEST(request.url == kStatusUrl);
  }
  BOOST_TEST(sleeps_ms() == std::vector<long long>({50, 100, 200}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(interval_doubles_up_to_two_seconds) {
  for (int i = 0; i < 8; ++i) transport->reply_json(200, status_body("Running"));
  transport->reply_json(200, status_body("succeeded"));  // status compared case-insensitively
  wait();
  BOOST_TEST(sleeps_ms() == std::vector<long long>({50, 100, 200, 400, 800, 1600, 2000, 2000, 2000}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(retry_after_of_the_start_and_of_each_poll_is_honoured) {
  transport->reply_json(200, status_body("Provisioning"), {{"Retry-After", "3"}})
      .reply_json(200, status_body("Succeeded"));
  wait(milliseconds(17000));
  BOOST_TEST(sleeps_ms() == std::vector<long long>({17000, 3000}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(failed_carries_the_operations_error) {
  transport->reply_json(200, R"({"status":"Failed","error":{"code":"ModuleLoadFailed",
      "message":"The model could not be loaded.","details":[{"code":"Inner","message":"bad blob"}]}})",
                        {{"x-ms-request-id", "rid-poll"}});
  BOOST_CHECK_EXCEPTION(wait(), Error, [](const Error& e) {
    BOOST_TEST(e.code() == ErrorCode::OperationFailed);
    BOOST_TEST(e.service_code() == "ModuleLoadFailed");
    BOOST_TEST(std::string(e.what()).find("The model could not be loaded.") != std::string::npos);
    BOOST_TEST(e.request_id() == "rid-poll");
    BOOST_REQUIRE_EQUAL(e.details().size(), 1u);
    BOOST_TEST(e.details()[0].code == "Inner");
    return true;
  });
}

BOOST_AUTO_TEST_CASE(swagger_shaped_error_info_is_read_too) {
  transport->reply_json(200, R"({"provisioningState":"Failed","errorInfo":{"code":"E1","message":"m1"}})");
  BOOST_CHECK_EXCEPTION(wait(), Error, [](const Error& e) {
    return e.code() == ErrorCode::OperationFailed && e.service_code() == "E1";
  });
}

BOOST_AUTO_TEST_CASE(canceled_without_error_names_the_status) {
  transport->reply_json(200, status_body("Canceled"));
  BOOST_CHECK_EXCEPTION(wait(), Error, [](const Error& e) {
    return e.code() == ErrorCode::OperationFailed && e.service_code() == "Canceled" &&
           std::string(e.what()).find("Canceled") != std::string::npos;
  });
}

BOOST_AUTO_TEST_CASE(an_operation_that_never_ends_times_out) {
  settings.timeout = milliseconds(1000);
  for (int i = 0; i < 20; ++i) transport->reply_json(200, status_body("Provisioning"));
  BOOST_CHECK_EXCEPTION(wait(), Error, [](const Error& e) {
    return e.code() == ErrorCode::Timeout && std::string(e.what()).find("Provisioning") != std::string::npos;
  });
  BOOST_TEST(time.total_slept().count() <= 1000);
  BOOST_TEST(transport->request_count() >= 4u);
}

BOOST_AUTO_TEST_CASE(a_failed_status_request_is_the_services_error) {
  transport->reply_json(404, R"({"error":{"code":"OperationNotFound","message":"gone"}})",
                        {{"x-ms-request-id", "rid-404"}});
  BOOST_CHECK_EXCEPTION(wait(), Error, [](const Error& e) {
    return e.code() == ErrorCode::NotFound && e.service_code() == "OperationNotFound" && e.http_status() == 404 &&
           e.request_id() == "rid-404";
  });
}

BOOST_AUTO_TEST_CASE(a_status_body_without_status_is_an_error) {
  transport->reply_json(200, R"({"name":"op-1"})");
  BOOST_CHECK_EXCEPTION(wait(), Error, [](const Error& e) { return e.code() == ErrorCode::Http; });
}

BOOST_AUTO_TEST_CASE(a_relative_status_url_is_refused_without_a_request) {
  BOOST_CHECK_EXCEPTION(
      client::wait_for_async_operation(pipeline, time.source(), "/operationsStatus/op-1", std::nullopt, settings),
      Error, [](const Error& e) { return e.code() == ErrorCode::Http; });
  BOOST_TEST(transport->request_count() == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
