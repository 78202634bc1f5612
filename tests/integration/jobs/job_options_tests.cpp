// azml-host's batch job options: --job-workers, --job-threads and --job-result-sas-seconds.
#include <boost/test/unit_test.hpp>

#include "app/options.hpp"
#include "common/error.hpp"

namespace azml::host::app {

namespace {

HostOptions parsed(std::vector<std::string> arguments) {
  arguments.insert(arguments.begin(), {"--data-dir", "d"});
  return parse_command_line(arguments).options;
}

std::string refusal(std::vector<std::string> arguments) {
  try {
    parsed(std::move(arguments));
  } catch (const Error& e) {
    return e.what();
  }
  return "(accepted)";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(job_options_tests)

BOOST_AUTO_TEST_CASE(defaults_are_two_workers_one_thread_and_a_day_of_sas) {
  HostOptions options = parsed({});
  BOOST_TEST(options.job_workers == 2u);
  BOOST_TEST(options.job_threads == 1);
  BOOST_TEST(options.job_result_sas_seconds == 86400u);
}

BOOST_AUTO_TEST_CASE(each_option_is_read) {
  HostOptions options = parsed({"--job-workers", "4", "--job-threads=3", "--job-result-sas-seconds", "60"});
  BOOST_TEST(options.job_workers == 4u);
  BOOST_TEST(options.job_threads == 3);
  BOOST_TEST(options.job_result_sas_seconds == 60u);
}

BOOST_AUTO_TEST_CASE(out_of_range_values_are_refused_naming_the_option) {
  BOOST_TEST(refusal({"--job-workers", "0"}).find("--job-workers must be between 1 and 64") != std::string::npos);
  BOOST_TEST(refusal({"--job-workers", "65"}).find("--job-workers must be between 1 and 64") != std::string::npos);
  BOOST_TEST(refusal({"--job-threads", "many"}).find("--job-threads needs a whole number") != std::string::npos);
  BOOST_TEST(refusal({"--job-result-sas-seconds", "0"}).find("--job-result-sas-seconds must be between 1") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_help_text_documents_the_operator_options) {
  const std::string help = usage_text();
  BOOST_TEST(help.find("--job-workers N") != std::string::npos);
  BOOST_TEST(help.find("--job-threads N") != std::string::npos);
  BOOST_TEST(help.find("--job-result-sas-seconds") == std::string::npos);  // for tests only
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace azml::host::app
