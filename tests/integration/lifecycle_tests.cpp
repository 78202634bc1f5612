// Starting and stopping azml-host: the data directory, host.json, the admin token, signals,
// restarts, refused starts and the request log.
#include <signal.h>
#include <sys/stat.h>

#include <boost/test/unit_test.hpp>

#include <regex>

#include "support/host_process.hpp"
#include "support/running_host.hpp"
#include "support/temp_dir.hpp"
#include "transport/free_port.hpp"

using azml::test::json;
using azml::test::RunningHost;

namespace {

unsigned mode_of(const std::filesystem::path& path) {
  struct stat info {};
  BOOST_REQUIRE(::stat(path.c_str(), &info) == 0);
  return info.st_mode & 0777;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(lifecycle_tests)

BOOST_AUTO_TEST_CASE(a_first_start_prepares_the_data_directory_and_announces_itself) {
  RunningHost host(AZML_HOST_EXECUTABLE);
  const auto& info = host.info();
  BOOST_TEST(std::regex_match(info.endpoint, std::regex(R"(http://127\.0\.0\.1:[1-9][0-9]*)")), info.endpoint);
  BOOST_TEST(info.pid == host.process().pid());
  BOOST_TEST(std::regex_match(info.subscription_id,
                              std::regex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")));
  BOOST_TEST(std::regex_match(info.admin_token, std::regex("[0-9a-f]{64}")));

  BOOST_TEST(mode_of(host.data_dir()) == 0700u);
  BOOST_TEST(mode_of(host.data_dir() / "admin-token") == 0600u);
  BOOST_TEST(std::filesystem::exists(host.data_dir() / "azml.db"));
  BOOST_TEST(host.process().stdout_text().find("azml-host listening on " + info.endpoint + "\n") != std::string::npos);

  auto subscriptions = host.client().get("/subscriptions?api-version=2016-06-01");
  BOOST_TEST(subscriptions.status == 200);
  BOOST_TEST(subscriptions.json_body()["value"][0]["subscriptionId"] == info.subscription_id);
}

BOOST_AUTO_TEST_CASE(sigterm_and_sigint_stop_the_host_cleanly) {
  for (int sig : {SIGTERM, SIGINT}) {
    RunningHost host(AZML_HOST_EXECUTABLE);
    BOOST_TEST(host.client().get("/subscriptions?api-version=2016-06-01").status == 200);
    BOOST_TEST(host.process().stop(sig) == 0, "signal " << sig << "; stderr:\n" << host.process().stderr_text());
    BOOST_TEST(!std::filesystem::exists(host.data_dir() / "host.json"));
    BOOST_TEST(host.process().stderr_text().find("event=stopped") != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(a_restart_keeps_the_services_the_token_and_the_subscription) {
  RunningHost first(AZML_HOST_EXECUTABLE);
  json service = azml::test::minimal_web_service("kept");
  service["properties"]["keys"] = {{"primary", "kept-primary"}, {"secondary", "kept-secondary"}};
  auto created = first.client().put(first.web_service_path("rg", "kept"), service);
  BOOST_TEST_REQUIRE(created.status == 201, created.body);
  const json before = first.client().get(first.web_service_path("rg", "kept")).json_body();
  BOOST_TEST_REQUIRE(first.process().stop(SIGTERM) == 0);

  azml::test::HostProcess second(AZML_HOST_EXECUTABLE, first.data_dir(), {}, first.dir().path() / "logs");
  auto info = second.wait_until_ready();
  BOOST_TEST(info.admin_token == first.info().admin_token);
  BOOST_TEST(info.subscription_id == first.info().subscription_id);
  azml::test::TestClient client(info.endpoint, info.admin_token);
  json after = client.get(azml::test::web_service_path(info.subscription_id, "rg", "kept")).json_body();
  // Only the URLs that name the host's port may differ.
  after["properties"].erase("swaggerLocation");
  json expected = before;
  expected["properties"].erase("swaggerLocation");
  BOOST_TEST(after == expected);
  auto keys = client.get(azml::test::web_service_path(info.subscription_id, "rg", "kept/listKeys"));
  BOOST_TEST(keys.json_body() == json({{"primary", "kept-primary"}, {"secondary", "kept-secondary"}}));
  BOOST_TEST(second.stop(SIGTERM) == 0);
}

BOOST_AUTO_TEST_CASE(a_second_host_on_the_same_data_directory_is_refused) {
  RunningHost host(AZML_HOST_EXECUTABLE);
  auto second = azml::test::run_host_to_exit(AZML_HOST_EXECUTABLE, {"--data-dir", host.data_dir().string()},
                                             host.dir().path() / "logs");
  BOOST_TEST(second.exit_code != 0);
  BOOST_TEST(second.stderr_text.find("another azml-host") != std::string::npos, second.stderr_text);
  // The first host is untouched.
  BOOST_TEST(host.client().get("/subscriptions?api-version=2016-06-01").status == 200);
  BOOST_TEST(azml::test::read_text_file(host.data_dir() / "host.json").find(std::to_string(host.info().pid)) !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(plain_http_on_a_network_address_needs_insecure) {
  azml::test::TempDir dir;
  auto refused = azml::test::run_host_to_exit(
      AZML_HOST_EXECUTABLE, {"--data-dir", (dir / "data").string(), "--listen", "0.0.0.0"}, dir / "logs");
  BOOST_TEST(refused.exit_code != 0);
  BOOST_TEST(refused.stderr_text.find("refusing to serve plain http on 0.0.0.0") != std::string::npos,
             refused.stderr_text);
  BOOST_TEST(refused.stderr_text.find("--insecure") != std::string::npos);
  BOOST_TEST(!std::filesystem::exists(dir / "data"));
}

BOOST_AUTO_TEST_CASE(insecure_serves_plain_http_on_every_address) {
  RunningHost host(AZML_HOST_EXECUTABLE, {"--listen", "0.0.0.0", "--insecure"});
  BOOST_TEST(host.info().endpoint.rfind("http://127.0.0.1:", 0) == 0u);
  BOOST_TEST(host.client().get("/subscriptions?api-version=2016-06-01").status == 200);
}

BOOST_AUTO_TEST_CASE(a_given_port_is_used) {
  const auto port = azml::host::transport::find_free_port("127.0.0.1");
  RunningHost host(AZML_HOST_EXECUTABLE, {"--port", std::to_string(port)});
  BOOST_TEST(host.info().endpoint == "http://127.0.0.1:" + std::to_string(port));
  BOOST_TEST(host.client().get("/subscriptions?api-version=2016-06-01").status == 200);

  // A port in use is a clear failure.
  azml::test::TempDir dir;
  auto busy = azml::test::run_host_to_exit(
      AZML_HOST_EXECUTABLE, {"--data-dir", (dir / "data").string(), "--port", std::to_string(port)}, dir / "logs");
  BOOST_TEST(busy.exit_code != 0);
  BOOST_TEST(busy.stderr_text.find("cannot listen") != std::string::npos, busy.stderr_text);
}

BOOST_AUTO_TEST_CASE(help_version_and_usage_errors) {
  azml::test::TempDir dir;
  auto help = azml::test::run_host_to_exit(AZML_HOST_EXECUTABLE, {"--help"}, dir / "logs");
  BOOST_TEST(help.exit_code == 0);
  for (const char* option : {"--data-dir", "--listen", "--port", "--tls-cert", "--tls-key", "--insecure",
                             "--max-body-bytes", "--log-level", "--version"}) {
    BOOST_TEST(help.stdout_text.find(option) != std::string::npos, option);
  }
  auto version = azml::test::run_host_to_exit(AZML_HOST_EXECUTABLE, {"--version"}, dir / "logs");
  BOOST_TEST(version.exit_code == 0);
  BOOST_TEST(std::regex_match(version.stdout_text, std::regex(R"(azml-host [0-9]+\.[0-9]+\.[0-9]+\n)")),
             version.stdout_text);
  auto unknown = azml::test::run_host_to_exit(AZML_HOST_EXECUTABLE, {"--data-dir", "x", "--bogus"}, dir / "logs");
  BOOST_TEST(unknown.exit_code == 2);
  BOOST_TEST(unknown.stderr_text.find("unknown option '--bogus'") != std::string::npos, unknown.stderr_text);
  auto no_dir = azml::test::run_host_to_exit(AZML_HOST_EXECUTABLE, {}, dir / "logs");
  BOOST_TEST(no_dir.exit_code == 2);
  BOOST_TEST(no_dir.stderr_text.find("--data-dir is required") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_data_directory_that_is_a_file_is_refused) {
  azml::test::TempDir dir;
  azml::test::write_text_file(dir / "not-a-dir", "x");
  auto refused = azml::test::run_host_to_exit(AZML_HOST_EXECUTABLE, {"--data-dir", (dir / "not-a-dir").string()},
                                              dir / "logs");
  BOOST_TEST(refused.exit_code == 1);
  BOOST_TEST(refused.stderr_text.find("is not a directory") != std::string::npos, refused.stderr_text);
}

BOOST_AUTO_TEST_CASE(requests_are_logged_without_credentials) {
  RunningHost host(AZML_HOST_EXECUTABLE, {"--log-level", "info"});
  json service = azml::test::minimal_web_service();
  service["properties"]["keys"] = {{"primary", "log-secret-primary"}, {"secondary", "log-secret-secondary"}};
  auto created = host.client().put(host.web_service_path("rg", "logged"), service);
  BOOST_TEST_REQUIRE(created.status == 201, created.body);
  host.client().get(host.web_service_path("rg", "logged") + "&region=x");
  azml::test::TestRequest wrong("GET", "/subscriptions?api-version=2016-06-01");
  wrong.authorization = "Bearer not-the-token-but-still-secret";
  host.client().send(wrong);
  BOOST_TEST_REQUIRE(host.process().stop(SIGTERM) == 0);

  const std::string log = host.process().stderr_text();
  const std::string request_id = created.header("x-ms-request-id").value_or("?");
  BOOST_TEST(log.find("event=request method=PUT path=/subscriptions/" + host.info().subscription_id +
                      "/resourceGroups/rg/providers/Microsoft.MachineLearning/webServices/logged status=201 ms=") !=
                 std::string::npos,
             log);
  BOOST_TEST(log.find("request_id=" + request_id) != std::string::npos);
  BOOST_TEST(log.find("status=401") != std::string::npos);
  for (const std::string& secret : {host.info().admin_token, std::string("log-secret-primary"),
                                    std::string("not-the-token-but-still-secret"), std::string("storage-secret-key"),
                                    std::string("region=x")}) {
    BOOST_TEST(log.find(secret) == std::string::npos, secret);
  }
}

BOOST_AUTO_TEST_SUITE_END()
