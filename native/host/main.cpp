// azml-host: the embedded Azure ML Studio web-service host. See app/options.hpp for the command
// line and app/host.hpp for what starting it does.
#include <signal.h>

#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "app/host.hpp"
#include "app/logger.hpp"
#include "app/options.hpp"
#include "common/error.hpp"

namespace {

constexpr int kExitUsage = 2;
constexpr int kExitFailure = 1;

// SIGTERM and SIGINT are blocked in every thread (threads inherit the mask of the one that
// creates them, so this runs first) and taken synchronously with sigwait in main: no work
// happens in a signal handler. SIGPIPE is ignored so a client hanging up is an error code on a
// write, not the death of the host.
sigset_t block_stop_signals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  signal(SIGPIPE, SIG_IGN);
  return signals;
}

int wait_for_stop_signal(const sigset_t& signals) {
  for (;;) {
    int received = 0;
    if (sigwait(&signals, &received) == 0) return received;
  }
}

}  // namespace

int main(int argc, char** argv) {
  const sigset_t stop_signals = block_stop_signals();

  azml::host::app::CommandLine command_line;
  try {
    command_line = azml::host::app::parse_command_line(std::vector<std::string>(argv + 1, argv + argc));
  } catch (const azml::Error& e) {
    std::cerr << "azml-host: " << e.what() << "\n";
    return kExitUsage;
  }
  switch (command_line.action) {
    case azml::host::app::CommandLineAction::ShowHelp:
      std::cout << azml::host::app::usage_text();
      return 0;
    case azml::host::app::CommandLineAction::ShowVersion:
      std::cout << "azml-host " << AZML_VERSION_STRING << "\n";
      return 0;
    case azml::host::app::CommandLineAction::Run:
      break;
  }

  azml::host::app::Logger logger(command_line.options.log_level, std::cerr);
  azml::host::app::Host host(command_line.options, logger);
  try {
    host.start();
  } catch (const std::exception& e) {
    std::cerr << "azml-host: " << e.what() << "\n";
    return kExitFailure;
  }
  std::cout << "azml-host listening on " << host.endpoint() << std::endl;

  const int signal_number = wait_for_stop_signal(stop_signals);
  logger.log(azml::host::app::LogLevel::Info, "stopping", {{"signal", signal_number == SIGINT ? "SIGINT" : "SIGTERM"}});
  try {
    host.stop();
  } catch (const std::exception& e) {
    logger.log(azml::host::app::LogLevel::Error, "stop_failed", {{"error", e.what()}});
    return kExitFailure;
  }
  return 0;
}
