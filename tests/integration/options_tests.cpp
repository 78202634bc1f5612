// app/options: azml-host's command line.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>

#include "app/options.hpp"
#include "common/error.hpp"

using azml::host::app::CommandLineAction;
using azml::host::app::is_loopback_address;
using azml::host::app::LogLevel;
using azml::host::app::parse_command_line;

namespace {

using Args = std::vector<std::string>;

struct Refusal {
  Args arguments;
  const char* message_fragment;
};

std::ostream& operator<<(std::ostream& out, const Refusal& r) {
  for (const auto& a : r.arguments) out << a << ' ';
  return out;
}

const Refusal kRefusals[] = {
    {{}, "--data-dir is required"},
    {{"--port", "80"}, "--data-dir is required"},
    {{"--data-dir"}, "--data-dir needs a value"},
    {{"--data-dir", "d", "--port", "65536"}, "--port must be between 0 and 65535"},
    {{"--data-dir", "d", "--port", "-1"}, "--port needs a whole number"},
    {{"--data-dir", "d", "--port", "eighty"}, "--port needs a whole number"},
    {{"--data-dir", "d", "--max-body-bytes", "0"}, "--max-body-bytes must be between 1"},
    {{"--data-dir", "d", "--log-level", "verbose"}, "--log-level must be error, warn, info or debug"},
    {{"--data-dir", "d", "--list-page-size", "0"}, "--list-page-size must be between 1 and 1000"},
    {{"--data-dir", "d", "--list-page-size", "1001"}, "--list-page-size must be between 1 and 1000"},
    {{"--data-dir", "d", "--server-threads", "0"}, "--server-threads must be between 1 and 64"},
    {{"--data-dir", "d", "--server-threads", "65"}, "--server-threads must be between 1 and 64"},
    {{"--data-dir", "d", "--tls-cert", "c.pem"}, "--tls-cert and --tls-key go together"},
    {{"--data-dir", "d", "--tls-key", "k.pem"}, "--tls-cert and --tls-key go together"},
    {{"--data-dir", "d", "--frobnicate"}, "unknown option '--frobnicate'"},
    {{"--data-dir", "d", "positional"}, "unknown option 'positional'"},
    {{"--data-dir", "d", "--listen", "0.0.0.0"}, "refusing to serve plain http on 0.0.0.0"},
    {{"--data-dir", "d", "--listen", "::"}, "--insecure"},
    {{"--data-dir", "d", "--listen", "192.168.1.10"}, "--tls-cert and --tls-key"},
};

struct Address {
  const char* text;
  bool loopback;
};

std::ostream& operator<<(std::ostream& out, const Address& a) { return out << a.text; }

const Address kAddresses[] = {
    {"127.0.0.1", true}, {"127.1.2.3", true},  {"::1", true},      {"[::1]", true},        {"localhost", true},
    {"LOCALHOST", true}, {"0.0.0.0", false},   {"::", false},      {"10.0.0.1", false},    {"128.0.0.1", false},
    {"example.com", false}, {"::ffff:127.0.0.1", false},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(options_tests)

BOOST_AUTO_TEST_CASE(defaults_follow_the_documented_contract) {
  auto command_line = parse_command_line({"--data-dir", "some/dir"});
  BOOST_TEST((command_line.action == CommandLineAction::Run));
  const auto& options = command_line.options;
  BOOST_TEST(options.data_dir.string() == "some/dir");
  BOOST_TEST(options.listen_address == "127.0.0.1");
  BOOST_TEST(options.port == 0);
  BOOST_TEST(options.tls_certificate_file.empty());
  BOOST_TEST(!options.insecure);
  BOOST_TEST(options.max_body_bytes == 16u * 1024u * 1024u);
  BOOST_TEST((options.log_level == LogLevel::Info));
  BOOST_TEST(options.list_page_size == 100u);
  BOOST_TEST(options.server_threads == 0u);
}

BOOST_AUTO_TEST_CASE(every_option_is_read_in_both_spellings) {
  auto options = parse_command_line({"--data-dir=d", "--listen", "0.0.0.0", "--port=8443", "--tls-cert", "c.pem",
                                     "--tls-key=k.pem", "--max-body-bytes", "1024", "--log-level=debug",
                                     "--list-page-size", "2", "--server-threads=3"})
                     .options;
  BOOST_TEST(options.data_dir.string() == "d");
  BOOST_TEST(options.listen_address == "0.0.0.0");
  BOOST_TEST(options.port == 8443);
  BOOST_TEST(options.tls_certificate_file == "c.pem");
  BOOST_TEST(options.tls_private_key_file == "k.pem");
  BOOST_TEST(options.max_body_bytes == 1024u);
  BOOST_TEST((options.log_level == LogLevel::Debug));
  BOOST_TEST(options.list_page_size == 2u);
  BOOST_TEST(options.server_threads == 3u);
}

BOOST_AUTO_TEST_CASE(insecure_allows_plain_http_on_a_network_address) {
  auto options = parse_command_line({"--data-dir", "d", "--listen", "0.0.0.0", "--insecure"}).options;
  BOOST_TEST(options.insecure);
  BOOST_TEST(options.listen_address == "0.0.0.0");
  BOOST_TEST(parse_command_line({"--data-dir", "d", "--listen", "[::1]"}).options.listen_address == "::1");
}

BOOST_AUTO_TEST_CASE(help_and_version_win_over_everything_else) {
  BOOST_TEST((parse_command_line({"--help"}).action == CommandLineAction::ShowHelp));
  BOOST_TEST((parse_command_line({"--data-dir", "d", "-h"}).action == CommandLineAction::ShowHelp));
  // --help needs no --data-dir and stops reading, so nothing after it can make it fail.
  BOOST_TEST((parse_command_line({"--help", "--port", "x"}).action == CommandLineAction::ShowHelp));
  BOOST_TEST((parse_command_line({"--version"}).action == CommandLineAction::ShowVersion));
}

BOOST_AUTO_TEST_CASE(help_explains_every_public_option) {
  const std::string help = azml::host::app::usage_text();
  for (const char* option : {"--data-dir", "--listen", "--port", "--tls-cert", "--tls-key", "--insecure",
                             "--max-body-bytes", "--log-level", "--help", "--version"}) {
    BOOST_TEST(help.find(option) != std::string::npos, option);
  }
  BOOST_TEST(help.find("host.json") != std::string::npos);
  BOOST_TEST(help.find("admin-token") != std::string::npos);
}

BOOST_DATA_TEST_CASE(bad_command_lines_are_refused_with_a_clear_message, boost::unit_test::data::make(kRefusals),
                     refusal) {
  try {
    parse_command_line(refusal.arguments);
    BOOST_FAIL("accepted");
  } catch (const azml::Error& e) {
    BOOST_TEST((e.code() == azml::ErrorCode::Invalid));
    BOOST_TEST(std::string(e.what()).find(refusal.message_fragment) != std::string::npos, e.what());
  }
}

BOOST_DATA_TEST_CASE(loopback_addresses_are_recognised, boost::unit_test::data::make(kAddresses), address) {
  BOOST_TEST(is_loopback_address(address.text) == address.loopback);
}

BOOST_AUTO_TEST_SUITE_END()
