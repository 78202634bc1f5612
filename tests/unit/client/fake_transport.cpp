#include "fake_transport.hpp"

#include <stdexcept>

namespace azml::test {

FakeTransport& FakeTransport::reply(int status, std::string body, http::Headers headers) {
  http::Response response;
  response.status = status;
  response.body = std::move(body);
  response.headers = std::move(headers);
  std::lock_guard<std::mutex> lock(mutex_);
  script_.push_back({std::move(response), std::nullopt});
  return *this;
}

FakeTransport& FakeTransport::reply_json(int status, const std::string& json_body, http::Headers headers) {
  headers.set("Content-Type", "application/json; charset=utf-8");
  return reply(status, json_body, std::move(headers));
}

FakeTransport& FakeTransport::fail(Error error) {
  std::lock_guard<std::mutex> lock(mutex_);
  script_.push_back({std::nullopt, std::move(error)});
  return *this;
}

http::Response FakeTransport::send(const http::Request& request) {
  std::lock_guard<std::mutex> lock(mutex_);
  requests_.push_back(request);
  if (script_.empty()) {
    throw std::logic_error("unexpected request beyond the script: " + request.method + " " + request.url);
  }
  Step step = std::move(script_.front());
  script_.pop_front();
  if (step.error) throw *step.error;
  return *step.response;
}

std::vector<http::Request> FakeTransport::requests() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return requests_;
}

http::Request FakeTransport::request(std::size_t index) const {
  std::lock_guard<std::mutex> lock(mutex_);
  if (index >= requests_.size()) {
    throw std::out_of_range("request " + std::to_string(index) + " was never sent (" +
                            std::to_string(requests_.size()) + " were)");
  }
  return requests_[index];
}

std::size_t FakeTransport::request_count() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return requests_.size();
}

std::size_t FakeTransport::unused_steps() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return script_.size();
}

}  // namespace azml::test
