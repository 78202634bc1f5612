#include "recorded_session.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "common/json.hpp"
#include "common/url.hpp"

namespace azml::test {

namespace {

// Recorded header values are lists; HTTP folds repeated headers with commas.
http::Headers recorded_headers(const json& headers) {
  http::Headers out;
  for (auto it = headers.begin(); it != headers.end(); ++it) {
    std::string value;
    if (it->is_array()) {
      for (const auto& part : *it) value += (value.empty() ? "" : ",") + part.get<std::string>();
    } else {
      value = it->get<std::string>();
    }
    out.add(it.key(), value);
  }
  return out;
}

std::string text_or_empty(const json& value) { return value.is_string() ? value.get<std::string>() : std::string(); }

}  // namespace

RecordedSession::RecordedSession(const std::string& path, const std::vector<std::string>& uri_fragments) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read the recording " + path);
  std::stringstream text;
  text << in.rdbuf();
  const json recording = json::parse(text.str());
  for (const auto& item : recording.at("Entries")) {
    Entry entry;
    entry.method = item.at("RequestMethod").get<std::string>();
    entry.uri = item.at("RequestUri").get<std::string>();
    bool wanted = uri_fragments.empty();
    for (const auto& fragment : uri_fragments) wanted = wanted || entry.uri.find(fragment) != std::string::npos;
    if (!wanted) continue;
    entry.request_body = text_or_empty(item.value("RequestBody", json()));
    entry.response.status = item.at("StatusCode").get<int>();
    entry.response.headers = recorded_headers(item.value("ResponseHeaders", json::object()));
    entry.response.body = text_or_empty(item.value("ResponseBody", json()));
    entries_.push_back(std::move(entry));
  }
  for (auto it = recording.at("Variables").begin(); it != recording.at("Variables").end(); ++it) {
    variables_.emplace_back(it.key(), it->get<std::string>());
  }
}

http::Response RecordedSession::send(const http::Request& request) {
  const std::string uri = parse_url(request.url).path_and_query;
  std::lock_guard<std::mutex> lock(mutex_);
  requests_.push_back(request);
  for (auto& entry : entries_) {
    if (!entry.used && entry.method == request.method && entry.uri == uri) {
      entry.used = true;
      return entry.response;
    }
  }
  throw std::logic_error("the recording has no unused entry for " + request.method + " " + uri);
}

std::string RecordedSession::variable(const std::string& name) const {
  for (const auto& [key, value] : variables_) {
    if (key == name) return value;
  }
  throw std::out_of_range("the recording has no variable " + name);
}

std::string RecordedSession::recorded_request_body(const std::string& method, const std::string& uri) const {
  std::lock_guard<std::mutex> lock(mutex_);
  for (const auto& entry : entries_) {
    if (entry.method == method && entry.uri == uri) return entry.request_body;
  }
  throw std::out_of_range("the recording has no entry for " + method + " " + uri);
}

std::vector<std::string> RecordedSession::unused() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<std::string> out;
  for (const auto& entry : entries_) {
    if (!entry.used) out.push_back(entry.method + " " + entry.uri);
  }
  return out;
}

std::vector<http::Request> RecordedSession::requests() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return requests_;
}

std::size_t RecordedSession::entry_count() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return entries_.size();
}

}  // namespace azml::test
