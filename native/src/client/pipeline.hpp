// The HTTP pipeline: a fixed chain of policies ending in a Transport, after the Azure SDK for
// C++ (azure-core's HttpPipeline). Each policy sees the request on the way out and the response
// on the way back, and hands on to the next one through NextPolicy.
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

#include "client/transport.hpp"
#include "common/http.hpp"

namespace azml::client {

class Pipeline;

// The rest of the chain after the current policy.
class NextPolicy {
 public:
  http::Response send(http::Request& request) const;

 private:
  friend class Pipeline;
  NextPolicy(const Pipeline& pipeline, std::size_t index) : pipeline_(&pipeline), index_(index) {}
  const Pipeline* pipeline_;
  std::size_t index_;
};

class Policy {
 public:
  virtual ~Policy();
  // Policies are shared by every thread using the client, so send must be safe to call
  // concurrently. It may change the request before passing it on and may call next more than
  // once (retry).
  virtual http::Response send(http::Request& request, const NextPolicy& next) = 0;
};

class Pipeline {
 public:
  // Throws azml::Error(Invalid) when transport is null.
  Pipeline(std::vector<std::unique_ptr<Policy>> policies, std::shared_ptr<Transport> transport);

  // Runs the request through every policy, then the transport.
  http::Response send(http::Request request) const;

 private:
  friend class NextPolicy;
  http::Response send_from(std::size_t index, http::Request& request) const;

  std::vector<std::unique_ptr<Policy>> policies_;
  std::shared_ptr<Transport> transport_;
};

}  // namespace azml::client
