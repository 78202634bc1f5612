// azml-host's command line.
//
//   azml-host --data-dir DIR [--listen ADDR] [--port N] [--tls-cert PEM --tls-key PEM]
//             [--insecure] [--max-body-bytes N] [--log-level error|warn|info|debug]
//   azml-host --help | --version
//
// One more option is left out of --help on purpose: --list-page-size N (1-1000, default 100)
// sets how many web services a list page holds. It exists so that tests can page through a
// few services instead of hundreds; operators have no reason to change it.
// Likewise --job-result-sas-seconds N (1-31536000, default 86400): how long the SAS tokens of a
// batch job's result locations stay valid, so that tests can see one expire.
// And --server-threads N (1-64, default: one per CPU): the threads that serve connections while
// handlers are quick (transport::ServerOptions::threads), so that tests can have more calls in
// progress at once than the machine has CPUs (maxConcurrentCalls refusing the excess).
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "app/logger.hpp"

namespace azml::host::app {

struct HostOptions {
  std::filesystem::path data_dir;
  std::string listen_address = "127.0.0.1";
  std::uint16_t port = 0;  // 0: a free port
  std::string tls_certificate_file;
  std::string tls_private_key_file;
  bool insecure = false;  // allow plain HTTP on a non-loopback address
  std::size_t max_body_bytes = 16 * 1024 * 1024;
  LogLevel log_level = LogLevel::Info;
  std::size_t list_page_size = 100;
  std::size_t job_workers = 2;                 // batch jobs that run at once
  int job_threads = 1;                         // XGBoost threads per batch job
  std::uint32_t job_result_sas_seconds = 86400;
  std::size_t server_threads = 0;              // 0: one per CPU
};

enum class CommandLineAction { Run, ShowHelp, ShowVersion };

struct CommandLine {
  CommandLineAction action = CommandLineAction::Run;
  HostOptions options;
};

// Parses argv ("--name value" and "--name=value"). Throws azml::Error(Invalid) with a message
// fit for the user for an unknown option, a missing or malformed value, a missing --data-dir,
// only one of --tls-cert/--tls-key, or plain HTTP on a non-loopback address without --insecure.
CommandLine parse_command_line(const std::vector<std::string>& arguments);

// The --help text.
std::string usage_text();

// True for addresses only this machine can reach: 127.0.0.0/8, ::1 and "localhost".
bool is_loopback_address(const std::string& address);

}  // namespace azml::host::app
