// Retry: which failures are retried, how often, and how long it waits in between.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "error_printing.hpp"
#include "client/retry_policy.hpp"
#include "fake_time.hpp"
#include "fake_transport.hpp"

using namespace azml;
using namespace std::chrono;
using azml::test::FakeTime;
using azml::test::FakeTransport;
namespace data = boost::unit_test::data;

namespace {

// Adds one header per attempt; shows whether an attempt starts from the original request.
class MarkAttemptPolicy final : public client::Policy {
 public:
  http::Response send(http::Request& request, const client::NextPolicy& next) override {
    request.headers.add("x-attempt", "1");
    return next.send(request);
  }
};

struct RetryFixture {
  FakeTime time;
  std::shared_ptr<FakeTransport> transport = std::make_shared<FakeTransport>();

  client::Pipeline pipeline(unsigned int max_retries, milliseconds initial = milliseconds(100),
                            milliseconds cap = milliseconds(1000)) {
    std::vector<std::unique_ptr<client::Policy>> policies;
    client::RetryOptions options;
    options.max_retries = max_retries;
    options.initial_delay = initial;
    options.max_delay = cap;
    policies.push_back(std::make_unique<client::RetryPolicy>(options, time.source(), [] { return 1.0; }));
    policies.push_back(std::make_unique<MarkAttemptPolicy>());
    return client::Pipeline(std::move(policies), transport);
  }

  static http::Request request() {
    http::Request r;
    r.method = "PUT";
    r.url = "https://arm.test/x";
    r.body = "{}";
    return r;
  }

  std::vector<long long> sleeps_ms() const {
    std::vector<long long> out;
    for (auto d : time.sleeps()) out.push_back(d.count());
    return out;
  }
};

const int kRetriedStatuses[] = {408, 429, 500, 502, 503, 504};
const int kFinalStatuses[] = {200, 201, 202, 204, 400, 401, 403, 404, 409, 412, 501, 505};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(retry_policy_tests, RetryFixture)

BOOST_DATA_TEST_CASE(transient_statuses_are_retried, data::make(kRetriedStatuses), status) {
  RetryFixture f;
  f.transport->reply(status).reply(200, "done");
  auto response = f.pipeline(3).send(request());
  BOOST_TEST(response.status == 200);
  BOOST_TEST(response.body == "done");
  BOOST_TEST(f.transport->request_count() == 2u);
  BOOST_TEST(f.sleeps_ms() == std::vector<long long>({100}), boost::test_tools::per_element());
}

BOOST_DATA_TEST_CASE(other_statuses_are_returned_at_once, data::make(kFinalStatuses), status) {
  RetryFixture f;
  f.transport->reply(status, "first");
  auto response = f.pipeline(3).send(request());
  BOOST_TEST(response.status == status);
  BOOST_TEST(f.transport->request_count() == 1u);
  BOOST_TEST(f.time.sleeps().empty());
}

BOOST_AUTO_TEST_CASE(gives_up_after_max_retries_and_returns_the_last_response) {
  for (int i = 0; i < 4; ++i) transport->reply(503, "busy " + std::to_string(i));
  auto response = pipeline(3).send(request());
  BOOST_TEST(response.status == 503);
  BOOST_TEST(response.body == "busy 3");
  BOOST_TEST(transport->request_count() == 4u);
  BOOST_TEST(transport->unused_steps() == 0u);
}

BOOST_AUTO_TEST_CASE(zero_retries_means_one_attempt) {
  transport->reply(503);
  BOOST_TEST(pipeline(0).send(request()).status == 503);
  BOOST_TEST(transport->request_count() == 1u);
}

BOOST_AUTO_TEST_CASE(back_off_doubles_up_to_the_cap) {
  for (int i = 0; i < 6; ++i) transport->reply(500);
  transport->reply(200);
  BOOST_TEST(pipeline(6).send(request()).status == 200);
  BOOST_TEST(sleeps_ms() == std::vector<long long>({100, 200, 400, 800, 1000, 1000}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(retry_after_seconds_replaces_the_back_off) {
  transport->reply(429, "", {{"Retry-After", "7"}}).reply(200);
  pipeline(3).send(request());
  BOOST_TEST(sleeps_ms() == std::vector<long long>({7000}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(retry_after_http_date_is_measured_from_the_wall_clock) {
  time.set_wall(system_clock::time_point(seconds(784111777 - 4)));
  transport->reply(503, "", {{"Retry-After", "Sun, 06 Nov 1994 08:49:37 GMT"}}).reply(200);
  pipeline(3).send(request());
  BOOST_TEST(sleeps_ms() == std::vector<long long>({4000}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(connection_failures_and_timeouts_are_retried) {
  transport->fail(Error(ErrorCode::Transport, "connection refused"))
      .fail(Error(ErrorCode::Timeout, "no answer"))
      .reply(200);
  BOOST_TEST(pipeline(3).send(request()).status == 200);
  BOOST_TEST(transport->request_count() == 3u);
  BOOST_TEST(sleeps_ms() == std::vector<long long>({100, 200}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(the_last_connection_failure_is_thrown_after_max_retries) {
  transport->fail(Error(ErrorCode::Transport, "refused 1")).fail(Error(ErrorCode::Transport, "refused 2"));
  BOOST_CHECK_EXCEPTION(pipeline(1).send(request()), Error, [](const Error& e) {
    return e.code() == ErrorCode::Transport && std::string(e.what()) == "refused 2";
  });
  BOOST_TEST(transport->request_count() == 2u);
}

BOOST_AUTO_TEST_CASE(other_errors_are_not_retried) {
  transport->fail(Error(ErrorCode::Invalid, "bad url")).reply(200);
  BOOST_CHECK_EXCEPTION(pipeline(3).send(request()), Error,
                        [](const Error& e) { return e.code() == ErrorCode::Invalid; });
  BOOST_TEST(transport->request_count() == 1u);
}

BOOST_AUTO_TEST_CASE(every_attempt_starts_from_the_original_request) {
  transport->reply(500).reply(500).reply(200);
  pipeline(3).send(request());
  for (const auto& sent : transport->requests()) {
    int marks = 0;
    for (const auto& [name, value] : sent.headers) marks += name == "x-attempt" ? 1 : 0;
    BOOST_TEST(marks == 1);
    BOOST_TEST(sent.body == "{}");
  }
}

BOOST_AUTO_TEST_CASE(default_jitter_stays_within_twenty_percent) {
  client::RetryOptions options;
  options.initial_delay = milliseconds(1000);
  options.max_delay = milliseconds(30000);
  client::RetryPolicy policy(options, time.source());
  for (int i = 0; i < 200; ++i) {
    auto first = policy.backoff(0).count();
    auto third = policy.backoff(2).count();
    BOOST_TEST(first >= 800);
    BOOST_TEST(first <= 1200);
    BOOST_TEST(third >= 3200);
    BOOST_TEST(third <= 4800);
    BOOST_TEST(policy.backoff(40).count() <= 30000);  // no overflow far past the cap
  }
}

BOOST_AUTO_TEST_CASE(a_cap_below_the_first_delay_is_refused) {
  client::RetryOptions options;
  options.initial_delay = milliseconds(500);
  options.max_delay = milliseconds(100);
  BOOST_CHECK_EXCEPTION(client::RetryPolicy(options, time.source()), Error,
                        [](const Error& e) { return e.code() == ErrorCode::Invalid; });
}

BOOST_AUTO_TEST_SUITE_END()
