// Replays a session recorded by the Azure PowerShell test framework (HttpMockServer's JSON:
// Entries of RequestUri, RequestMethod, RequestBody, ResponseHeaders, ResponseBody, StatusCode).
// Like the mock server, it answers each request with the first unused entry of the same method
// and URI, so a request the recording does not know fails the test.
#pragma once

#include <mutex>
#include <string>
#include <vector>

#include "client/transport.hpp"

namespace azml::test {

class RecordedSession final : public client::Transport {
 public:
  struct Entry {
    std::string method;
    std::string uri;  // path and query, as recorded
    std::string request_body;
    http::Response response;
    bool used = false;
  };

  // Loads the entries whose URI contains one of the fragments (all entries when none is given).
  // Throws std::runtime_error when the file cannot be read.
  RecordedSession(const std::string& path, const std::vector<std::string>& uri_fragments);

  http::Response send(const http::Request& request) override;

  // A variable of the recording ("SubscriptionId").
  std::string variable(const std::string& name) const;
  // The recorded request body of the first entry with this method and URI.
  std::string recorded_request_body(const std::string& method, const std::string& uri) const;
  // "METHOD URI" of every entry not replayed yet.
  std::vector<std::string> unused() const;
  std::vector<http::Request> requests() const;
  std::size_t entry_count() const;

 private:
  mutable std::mutex mutex_;
  std::vector<Entry> entries_;
  std::vector<std::pair<std::string, std::string>> variables_;
  std::vector<http::Request> requests_;
};

}  // namespace azml::test
