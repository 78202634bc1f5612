#include "client/retry_policy.hpp"

#include <algorithm>
#include <random>

#include "client/retry_after.hpp"
#include "common/error.hpp"

namespace azml::client {

namespace {

double default_jitter() {
  // One generator per thread: the policy is shared by every thread using the client.
  thread_local std::mt19937 generator{std::random_device{}()};
  thread_local std::uniform_real_distribution<double> factor(0.8, 1.2);
  return factor(generator);
}

bool is_retriable_error(const Error& e) noexcept {
  return e.code() == ErrorCode::Transport || e.code() == ErrorCode::Timeout;
}

}  // namespace

RetryPolicy::RetryPolicy(RetryOptions options, TimeSource time, JitterSource jitter)
    : options_(options), time_(std::move(time)), jitter_(jitter ? std::move(jitter) : JitterSource(default_jitter)) {
  if (options_.initial_delay.count() < 0) {
    throw Error(ErrorCode::Invalid, "the retry delay must not be negative").with_target("retry_delay_ms");
  }
  if (options_.max_delay < options_.initial_delay) {
    throw Error(ErrorCode::Invalid, "the retry delay cap must not be below the first retry delay")
        .with_target("retry_delay_ms");
  }
  if (!time_.sleep_for || !time_.wall_now) throw Error(ErrorCode::Invalid, "the retry policy needs a time source");
}

bool RetryPolicy::is_retriable_status(int status) noexcept {
  switch (status) {
    case 408:
    case 429:
    case 500:
    case 502:
    case 503:
    case 504: return true;
    default: return false;
  }
}

std::chrono::milliseconds RetryPolicy::backoff(unsigned int retry) const {
  // Doubling stops once the cap is reached, which also keeps the shift from overflowing.
  double delay_ms = static_cast<double>(options_.initial_delay.count());
  const double cap_ms = static_cast<double>(options_.max_delay.count());
  for (unsigned int i = 0; i < retry && delay_ms < cap_ms; ++i) delay_ms *= 2;
  delay_ms = std::min(delay_ms, cap_ms) * jitter_();
  delay_ms = std::clamp(delay_ms, 0.0, cap_ms);
  return std::chrono::milliseconds(static_cast<long long>(delay_ms));
}

std::chrono::milliseconds RetryPolicy::delay_before_retry(unsigned int retry, const http::Response* response) const {
  if (response) {
    if (auto requested = requested_retry_delay(response->headers, time_.wall_now())) return *requested;
  }
  return backoff(retry);
}

http::Response RetryPolicy::send(http::Request& request, const NextPolicy& next) {
  for (unsigned int retry = 0;; ++retry) {
    const bool last_attempt = retry >= options_.max_retries;
    // Later policies change the request (headers); each attempt starts from the same one.
    http::Request attempt = request;
    http::Response response;
    try {
      response = next.send(attempt);
    } catch (const Error& e) {
      if (last_attempt || !is_retriable_error(e)) throw;
      time_.sleep_for(delay_before_retry(retry, nullptr));
      continue;
    }
    // After the last attempt the caller gets the failed response itself, so it can report the
    // service's own error (a 429 becomes "throttled", not a generic failure).
    if (last_attempt || !is_retriable_status(response.status)) return response;
    time_.sleep_for(delay_before_retry(retry, &response));
  }
}

}  // namespace azml::client
