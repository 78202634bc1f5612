#include "client/pipeline.hpp"

#include "common/error.hpp"

namespace azml::client {

Policy::~Policy() = default;

http::Response NextPolicy::send(http::Request& request) const { return pipeline_->send_from(index_, request); }

Pipeline::Pipeline(std::vector<std::unique_ptr<Policy>> policies, std::shared_ptr<Transport> transport)
    : policies_(std::move(policies)), transport_(std::move(transport)) {
  if (!transport_) throw Error(ErrorCode::Invalid, "the HTTP pipeline needs a transport");
  for (const auto& policy : policies_) {
    if (!policy) throw Error(ErrorCode::Invalid, "the HTTP pipeline was given an empty policy");
  }
}

http::Response Pipeline::send(http::Request request) const { return send_from(0, request); }

http::Response Pipeline::send_from(std::size_t index, http::Request& request) const {
  if (index == policies_.size()) return transport_->send(request);
  return policies_[index]->send(request, NextPolicy(*this, index + 1));
}

}  // namespace azml::client
