#include "support/azurite_process.hpp"

#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <thread>

#include "transport/free_port.hpp"

namespace azml::test {

namespace {

bool port_accepts(std::uint16_t port) {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return false;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool connected = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  ::close(fd);
  return connected;
}

}  // namespace

AzuriteProcess::AzuriteProcess(const std::string& program)
    : port_(azml::host::transport::find_free_port("127.0.0.1")) {
  if (!std::filesystem::exists(program)) {
    throw std::runtime_error("Azurite is not installed at " + program +
                             ": the azurite_install test (npm install azurite) installs it and must pass first; "
                             "it needs Node.js and npm");
  }
  const std::string log = (dir_.path() / "azurite.log").string();
  const std::string port = std::to_string(port_);
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    int out = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (out >= 0) {
      ::dup2(out, 1);
      ::dup2(out, 2);
    }
    ::execl(program.c_str(), program.c_str(), "--blobHost", "127.0.0.1", "--blobPort", port.c_str(), "--silent",
            "--skipApiVersionCheck", "--location", dir_.path().c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  // Node starts in a second or two; the deadline only keeps a broken install from hanging the
  // suite, it asserts nothing about speed.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (!port_accepts(port_)) {
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("Azurite exited before listening:\n" + read_text_file(log));
    }
    if (std::chrono::steady_clock::now() > deadline) {
      throw std::runtime_error("Azurite did not listen on port " + port + ":\n" + read_text_file(log));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

AzuriteProcess::~AzuriteProcess() {
  if (pid_ > 0) {
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
  }
}

std::string AzuriteProcess::blob_endpoint() const {
  return "http://127.0.0.1:" + std::to_string(port_) + "/" + kAzuriteAccount;
}

std::string AzuriteProcess::connection_string() const {
  return std::string("DefaultEndpointsProtocol=http;AccountName=") + kAzuriteAccount + ";AccountKey=" + kAzuriteKey +
         ";BlobEndpoint=" + blob_endpoint();
}

}  // namespace azml::test
