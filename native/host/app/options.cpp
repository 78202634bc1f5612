#include "app/options.hpp"

#include <arpa/inet.h>

#include <cerrno>
#include <cstdlib>
#include <functional>
#include <limits>
#include <map>

#include "common/error.hpp"
#include "common/strings.hpp"

namespace azml::host::app {

namespace {

constexpr std::size_t kMaxListPageSize = 1000;
constexpr unsigned long long kMaxJobWorkers = 64;
constexpr unsigned long long kMaxServerThreads = 64;
constexpr unsigned long long kMaxJobThreads = 256;

Error usage_error(const std::string& message) {
  return Error(ErrorCode::Invalid, message + " (see azml-host --help)");
}

unsigned long long parse_unsigned(const std::string& option, const std::string& text, unsigned long long min,
                                  unsigned long long max) {
  if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos) {
    throw usage_error(option + " needs a whole number, not '" + text + "'");
  }
  errno = 0;
  unsigned long long value = std::strtoull(text.c_str(), nullptr, 10);
  if (errno == ERANGE || value < min || value > max) {
    throw usage_error(option + " must be between " + std::to_string(min) + " and " + std::to_string(max) + ", not " +
                      text);
  }
  return value;
}

std::string strip_brackets(const std::string& address) {
  if (address.size() >= 2 && address.front() == '[' && address.back() == ']') {
    return address.substr(1, address.size() - 2);
  }
  return address;
}

}  // namespace

bool is_loopback_address(const std::string& address) {
  const std::string plain = strip_brackets(address);
  if (iequals(plain, "localhost")) return true;
  in_addr v4{};
  if (::inet_pton(AF_INET, plain.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
  in6_addr v6{};
  if (::inet_pton(AF_INET6, plain.c_str(), &v6) == 1) return IN6_IS_ADDR_LOOPBACK(&v6);
  return false;
}

std::string usage_text() {
  return R"(Usage: azml-host --data-dir DIR [options]
       azml-host --help | --version

Serves the Azure Machine Learning Studio web-service management API
(Microsoft.MachineLearning/webServices, api-versions 2017-01-01 and 2016-05-01-preview).

Options:
  --data-dir DIR          Where the host keeps its state (required). Created with mode 0700
                          on first start, holding the SQLite database azml.db, the admin
                          bearer token admin-token (mode 0600) and, while the host runs,
                          host.json: {"endpoint", "pid", "subscriptionId"}.
  --listen ADDR           Address to listen on (default 127.0.0.1). An address other machines
                          can reach needs --tls-cert/--tls-key, or --insecure.
  --port N                TCP port (default 0: pick a free one; host.json and the
                          "azml-host listening on URL" line on stdout say which).
  --tls-cert PEM          Serve https with this certificate chain (PEM file). Needs --tls-key.
  --tls-key PEM           The private key of --tls-cert (PEM file, unencrypted).
  --insecure              Allow plain http on a non-loopback --listen address. Anyone on the
                          network could then read the admin token off the wire.
  --max-body-bytes N      Largest request body accepted (default 16777216). Larger ones are
                          answered 413.
  --job-workers N         Batch (BES) jobs that run at once (default 2, at most 64); more
                          started jobs wait, Running, for a free worker.
  --job-threads N         XGBoost threads each batch job trains with (default 1).
  --log-level LEVEL       error, warn, info (default) or debug. Logs go to stderr, one logfmt
                          line per event; request lines never hold credentials.
  --help                  Show this help and exit.
  --version               Show the version and exit.

Management requests need "Authorization: Bearer <contents of DIR/admin-token>".
SIGTERM or SIGINT stop the host cleanly: it finishes requests in flight, removes host.json
and exits 0.
)";
}

CommandLine parse_command_line(const std::vector<std::string>& arguments) {
  CommandLine command_line;
  HostOptions& options = command_line.options;
  bool data_dir_given = false;

  using Setter = std::function<void(const std::string& option, const std::string& value)>;
  const std::map<std::string, Setter> valued = {
      {"--data-dir",
       [&](const std::string& option, const std::string& value) {
         if (value.empty()) throw usage_error(option + " needs a directory");
         options.data_dir = value;
         data_dir_given = true;
       }},
      {"--listen",
       [&](const std::string& option, const std::string& value) {
         if (value.empty()) throw usage_error(option + " needs an address");
         options.listen_address = strip_brackets(value);
       }},
      {"--port",
       [&](const std::string& option, const std::string& value) {
         options.port = static_cast<std::uint16_t>(parse_unsigned(option, value, 0, 65535));
       }},
      {"--tls-cert",
       [&](const std::string& option, const std::string& value) {
         if (value.empty()) throw usage_error(option + " needs a PEM file");
         options.tls_certificate_file = value;
       }},
      {"--tls-key",
       [&](const std::string& option, const std::string& value) {
         if (value.empty()) throw usage_error(option + " needs a PEM file");
         options.tls_private_key_file = value;
       }},
      {"--max-body-bytes",
       [&](const std::string& option, const std::string& value) {
         options.max_body_bytes = static_cast<std::size_t>(
             parse_unsigned(option, value, 1, std::numeric_limits<std::size_t>::max()));
       }},
      {"--log-level",
       [&](const std::string& option, const std::string& value) {
         auto level = parse_log_level(value);
         if (!level) throw usage_error(option + " must be error, warn, info or debug, not '" + value + "'");
         options.log_level = *level;
       }},
      {"--job-workers",
       [&](const std::string& option, const std::string& value) {
         options.job_workers = static_cast<std::size_t>(parse_unsigned(option, value, 1, kMaxJobWorkers));
       }},
      {"--job-threads",
       [&](const std::string& option, const std::string& value) {
         options.job_threads = static_cast<int>(parse_unsigned(option, value, 1, kMaxJobThreads));
       }},
      {"--job-result-sas-seconds",
       [&](const std::string& option, const std::string& value) {
         options.job_result_sas_seconds = static_cast<std::uint32_t>(parse_unsigned(option, value, 1, 31536000));
       }},
      {"--server-threads",
       [&](const std::string& option, const std::string& value) {
         options.server_threads = static_cast<std::size_t>(parse_unsigned(option, value, 1, kMaxServerThreads));
       }},
      {"--list-page-size",
       [&](const std::string& option, const std::string& value) {
         options.list_page_size = static_cast<std::size_t>(parse_unsigned(option, value, 1, kMaxListPageSize));
       }},
  };

  for (size_t i = 0; i < arguments.size(); ++i) {
    std::string argument = arguments[i];
    if (argument == "--help" || argument == "-h") {
      command_line.action = CommandLineAction::ShowHelp;
      return command_line;
    }
    if (argument == "--version") {
      command_line.action = CommandLineAction::ShowVersion;
      return command_line;
    }
    if (argument == "--insecure") {
      options.insecure = true;
      continue;
    }
    std::optional<std::string> inline_value;
    if (auto eq = argument.find('='); starts_with(argument, "--") && eq != std::string::npos) {
      inline_value = argument.substr(eq + 1);
      argument = argument.substr(0, eq);
    }
    auto setter = valued.find(argument);
    if (setter == valued.end()) throw usage_error("unknown option '" + arguments[i] + "'");
    std::string value;
    if (inline_value) {
      value = *inline_value;
    } else {
      if (i + 1 >= arguments.size()) throw usage_error(argument + " needs a value");
      value = arguments[++i];
    }
    setter->second(argument, value);
  }

  if (!data_dir_given) throw usage_error("--data-dir is required");
  if (options.tls_certificate_file.empty() != options.tls_private_key_file.empty()) {
    throw usage_error("--tls-cert and --tls-key go together");
  }
  const bool tls = !options.tls_certificate_file.empty();
  if (!tls && !options.insecure && !is_loopback_address(options.listen_address)) {
    throw Error(ErrorCode::Invalid,
                "refusing to serve plain http on " + options.listen_address +
                    ": other machines could reach the management API and read its bearer token off the wire. "
                    "Give --tls-cert and --tls-key to serve https, or --insecure to accept the risk.");
  }
  return command_line;
}

}  // namespace azml::host::app
