// A minimal HTTP/1.1 server on 127.0.0.1 for testing the real transport: it reads each request
// and answers every one with the same canned response, or, in silent mode, never answers.
#pragma once

#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace azml::test {

class LoopbackHttpServer {
 public:
  enum class Mode { Answer, Silent };

  // Listens on a free port at once. Throws std::runtime_error when it cannot.
  explicit LoopbackHttpServer(std::string raw_response, Mode mode = Mode::Answer);
  ~LoopbackHttpServer();
  LoopbackHttpServer(const LoopbackHttpServer&) = delete;
  LoopbackHttpServer& operator=(const LoopbackHttpServer&) = delete;

  int port() const { return port_; }
  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  // The raw text (head and body) of every request received so far.
  std::vector<std::string> received() const;

  // A port on which nothing listens (bound, then released).
  static int unused_port();

 private:
  void serve();
  void handle(int connection);

  std::string raw_response_;
  Mode mode_;
  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  mutable std::mutex mutex_;
  std::vector<std::string> received_;
  std::thread thread_;
};

}  // namespace azml::test
