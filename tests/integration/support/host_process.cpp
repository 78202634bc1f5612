#include "support/host_process.hpp"

#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <stdexcept>
#include <thread>

#include <nlohmann/json.hpp>

#include "support/temp_dir.hpp"

namespace azml::test {

namespace {

// Starts a child with an empty signal mask and default dispositions, whatever the test
// process blocked or ignored, so the host sees signals as it would in production. The child
// gets SIGTERM if the test process dies (PR_SET_PDEATHSIG), so a crashed test run leaves no
// host behind. Between fork and exec only async-signal-safe calls are made.
pid_t spawn(const std::vector<std::string>& argv, const std::filesystem::path& out, const std::filesystem::path& err) {
  std::vector<char*> raw;
  for (const auto& arg : argv) raw.push_back(const_cast<char*>(arg.c_str()));
  raw.push_back(nullptr);
  const std::string out_path = out.string();
  const std::string err_path = err.string();
  const pid_t parent = ::getpid();

  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("cannot start " + argv[0] + ": " + std::strerror(errno));
  if (pid == 0) {
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (::getppid() != parent) ::_exit(127);  // the parent died before prctl took effect
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    for (int sig : {SIGPIPE, SIGTERM, SIGINT, SIGHUP}) ::signal(sig, SIG_DFL);
    int in_fd = ::open("/dev/null", O_RDONLY);
    int out_fd = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int err_fd = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (in_fd < 0 || out_fd < 0 || err_fd < 0) ::_exit(127);
    ::dup2(in_fd, STDIN_FILENO);
    ::dup2(out_fd, STDOUT_FILENO);
    ::dup2(err_fd, STDERR_FILENO);
    ::execv(raw[0], raw.data());
    ::_exit(127);
  }
  return pid;
}

int exit_code_of(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

std::string read_if_exists(const std::filesystem::path& path) {
  try {
    return read_text_file(path);
  } catch (...) {
    return {};
  }
}

}  // namespace

HostProcess::HostProcess(const std::string& executable, const std::filesystem::path& data_dir,
                         const std::vector<std::string>& extra_arguments, const std::filesystem::path& log_dir)
    : data_dir_(data_dir) {
  std::filesystem::create_directories(log_dir);
  static int counter = 0;
  const std::string stem = "host-" + std::to_string(::getpid()) + "-" + std::to_string(++counter);
  stdout_path_ = log_dir / (stem + ".stdout");
  stderr_path_ = log_dir / (stem + ".stderr");
  std::vector<std::string> argv = {executable, "--data-dir", data_dir.string()};
  argv.insert(argv.end(), extra_arguments.begin(), extra_arguments.end());
  pid_ = spawn(argv, stdout_path_, stderr_path_);
}

HostProcess::~HostProcess() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    reap(0);
  }
}

int HostProcess::reap(int options) {
  int status = 0;
  for (;;) {
    pid_t done = ::waitpid(pid_, &status, options);
    if (done == pid_) {
      pid_ = -1;
      return exit_code_of(status);
    }
    if (done == 0) return -1;  // still running
    if (errno == EINTR) continue;
    pid_ = -1;
    return -1;
  }
}

HostInfo HostProcess::wait_until_ready() {
  using namespace std::chrono;
  const auto ready_file = data_dir_ / "host.json";
  const auto deadline = steady_clock::now() + seconds(120);
  while (steady_clock::now() < deadline) {
    if (pid_ <= 0) throw std::runtime_error("azml-host is not running; stderr:\n" + stderr_text());
    if (int code = reap(WNOHANG); code != -1 || pid_ <= 0) {
      throw std::runtime_error("azml-host exited with code " + std::to_string(code) + " before it was ready; stderr:\n" +
                               stderr_text());
    }
    if (std::filesystem::exists(ready_file)) {
      auto parsed = nlohmann::ordered_json::parse(read_if_exists(ready_file), nullptr, false);
      if (!parsed.is_discarded() && parsed.value("pid", 0LL) == static_cast<long long>(pid_)) {
        HostInfo info;
        info.endpoint = parsed.at("endpoint").get<std::string>();
        info.pid = parsed.at("pid").get<long long>();
        info.subscription_id = parsed.at("subscriptionId").get<std::string>();
        info.admin_token = read_text_file(data_dir_ / "admin-token");
        return info;
      }
    }
    std::this_thread::sleep_for(milliseconds(20));
  }
  throw std::runtime_error("azml-host did not write host.json; stderr:\n" + stderr_text());
}

int HostProcess::stop(int sig) {
  if (pid_ <= 0) return -1;
  ::kill(pid_, sig);
  return reap(0);
}

int HostProcess::wait_for_exit() {
  if (pid_ <= 0) return -1;
  return reap(0);
}

std::string HostProcess::stdout_text() const { return read_if_exists(stdout_path_); }
std::string HostProcess::stderr_text() const { return read_if_exists(stderr_path_); }

FinishedProcess run_host_to_exit(const std::string& executable, const std::vector<std::string>& arguments,
                                 const std::filesystem::path& log_dir) {
  std::filesystem::create_directories(log_dir);
  static int counter = 0;
  const std::string stem = "run-" + std::to_string(::getpid()) + "-" + std::to_string(++counter);
  const auto out = log_dir / (stem + ".stdout");
  const auto err = log_dir / (stem + ".stderr");
  std::vector<std::string> argv = {executable};
  argv.insert(argv.end(), arguments.begin(), arguments.end());
  pid_t pid = spawn(argv, out, err);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return FinishedProcess{exit_code_of(status), read_if_exists(out), read_if_exists(err)};
}

}  // namespace azml::test
