// Runs the real azml-host executable for integration tests: a child process with its stdout
// and stderr in files, started on a data directory and stopped with a signal.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace azml::test {

// What a host that is ready to serve says about itself (DATA/host.json).
struct HostInfo {
  std::string endpoint;        // "http://127.0.0.1:PORT"
  long long pid = 0;
  std::string subscription_id;
  std::string admin_token;     // DATA/admin-token
};

class HostProcess {
 public:
  // Starts `executable --data-dir data_dir <extra_arguments...>`; output goes to files in
  // log_dir (created if needed). Does not wait for anything.
  HostProcess(const std::string& executable, const std::filesystem::path& data_dir,
              const std::vector<std::string>& extra_arguments, const std::filesystem::path& log_dir);
  // Kills the host (SIGKILL) if it still runs: a test that wants a clean stop calls stop().
  ~HostProcess();
  HostProcess(const HostProcess&) = delete;
  HostProcess& operator=(const HostProcess&) = delete;

  // Waits until DATA/host.json names this process, and returns it. Throws std::runtime_error
  // with the host's stderr if the process exits first. A generous deadline guards against a
  // hung host so that a broken build fails instead of stalling the suite; it asserts nothing
  // about speed.
  HostInfo wait_until_ready();

  // Sends sig and waits for the process to end; returns its exit code (128 + signal when a
  // signal killed it).
  int stop(int sig);
  // Waits for the process to end by itself; returns its exit code as stop() does.
  int wait_for_exit();

  bool running() const { return pid_ > 0; }
  pid_t pid() const { return pid_; }
  std::string stdout_text() const;
  std::string stderr_text() const;
  const std::filesystem::path& data_dir() const { return data_dir_; }

 private:
  int reap(int options);  // waitpid wrapper; -1 while still running (WNOHANG)

  std::filesystem::path data_dir_;
  std::filesystem::path stdout_path_;
  std::filesystem::path stderr_path_;
  pid_t pid_ = -1;
};

// Runs the host with these arguments until it exits by itself (for refused starts).
struct FinishedProcess {
  int exit_code = -1;
  std::string stdout_text;
  std::string stderr_text;
};
FinishedProcess run_host_to_exit(const std::string& executable, const std::vector<std::string>& arguments,
                                 const std::filesystem::path& log_dir);

}  // namespace azml::test
