// A Transport that answers from a script and remembers what it was sent, so tests can check
// every request the client makes without a network.
#pragma once

#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "client/transport.hpp"
#include "common/error.hpp"

namespace azml::test {

class FakeTransport final : public client::Transport {
 public:
  // Queues the next answer.
  FakeTransport& reply(int status, std::string body = "", http::Headers headers = {});
  FakeTransport& reply_json(int status, const std::string& json_body, http::Headers headers = {});
  // Queues a failure to reach the server.
  FakeTransport& fail(Error error);

  // Answers with the next scripted step; a request beyond the script fails with
  // std::logic_error so that the test reports it.
  http::Response send(const http::Request& request) override;

  std::vector<http::Request> requests() const;
  http::Request request(std::size_t index) const;
  std::size_t request_count() const;
  std::size_t unused_steps() const;

 private:
  struct Step {
    std::optional<http::Response> response;
    std::optional<Error> error;
  };
  mutable std::mutex mutex_;
  std::deque<Step> script_;
  std::vector<http::Request> requests_;
};

}  // namespace azml::test
