#include "client/logging_policy.hpp"

#include "client/redaction.hpp"
#include "common/error.hpp"

namespace azml::client {

namespace {

void append_headers(std::string& out, const http::Headers& headers) {
  for (const auto& [name, value] : headers) {
    out += "\n  " + name + ": " + (is_secret_header(name) ? std::string(kRedacted) : value);
  }
}

void append_body(std::string& out, const std::string& body) {
  std::string shown = redact_body(body);
  if (!shown.empty()) out += "\n  " + shown;
}

std::string describe_request(const http::Request& request) {
  std::string out = "--> " + request.method + " " + request.url;
  append_headers(out, request.headers);
  append_body(out, request.body);
  return out;
}

std::string elapsed_text(TimeSource::TimePoint start, TimeSource::TimePoint end) {
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(end - start).count();
  return "(" + std::to_string(ms) + " ms)";
}

}  // namespace

LoggingPolicy::LoggingPolicy(LogSink sink, TimeSource time) : sink_(std::move(sink)), time_(std::move(time)) {}

http::Response LoggingPolicy::send(http::Request& request, const NextPolicy& next) {
  if (!sink_) return next.send(request);
  sink_(describe_request(request));
  const auto start = time_.now();
  try {
    http::Response response = next.send(request);
    std::string out = "<-- " + std::to_string(response.status) + " " + http::reason_phrase(response.status) + " " +
                      request.method + " " + request.url + " " + elapsed_text(start, time_.now());
    append_headers(out, response.headers);
    append_body(out, response.body);
    sink_(out);
    return response;
  } catch (const Error& e) {
    sink_("<-- failed " + request.method + " " + request.url + " " + elapsed_text(start, time_.now()) + ": " +
          to_string(e.code()) + ": " + e.what());
    throw;
  }
}

}  // namespace azml::client
