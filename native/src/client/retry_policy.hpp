// Retries a request that failed for a reason that may pass: HTTP 408, 429, 500, 502, 503, 504,
// or no answer at all (azml::Error Transport or Timeout). The wait between attempts is what the
// server asked for (Retry-After and friends) or else a bounded exponential back-off with jitter,
// so that many clients do not come back at the same instant.
#pragma once

#include <chrono>
#include <functional>

#include "client/pipeline.hpp"
#include "client/time_source.hpp"

namespace azml::client {

struct RetryOptions {
  unsigned int max_retries = 3;                      // attempts after the first one
  std::chrono::milliseconds initial_delay{800};      // first back-off step, doubled each retry
  std::chrono::milliseconds max_delay{30000};        // back-off cap (not applied to Retry-After)
};

class RetryPolicy final : public Policy {
 public:
  // A factor drawn for each back-off step; the default is uniform in [0.8, 1.2].
  using JitterSource = std::function<double()>;

  // Throws azml::Error(Invalid) for a negative delay or a cap below the first step.
  RetryPolicy(RetryOptions options, TimeSource time, JitterSource jitter = {});

  http::Response send(http::Request& request, const NextPolicy& next) override;

  static bool is_retriable_status(int status) noexcept;
  // The back-off before retry number `retry` (0 for the first retry), jitter applied, capped.
  std::chrono::milliseconds backoff(unsigned int retry) const;

 private:
  std::chrono::milliseconds delay_before_retry(unsigned int retry, const http::Response* response) const;

  RetryOptions options_;
  TimeSource time_;
  JitterSource jitter_;
};

}  // namespace azml::client
