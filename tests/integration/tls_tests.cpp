// --tls-cert/--tls-key: the host serves https with the given certificate, and a client that
// trusts that certificate (and only such a client) talks to it.
#include <boost/test/unit_test.hpp>

#include <cpprest/http_client.h>

#include "client/management_client.hpp"
#include "common/error.hpp"
#include "support/host_process.hpp"
#include "support/running_host.hpp"
#include "support/test_certificate.hpp"
#include "support/temp_dir.hpp"

using azml::test::json;

BOOST_AUTO_TEST_SUITE(tls_tests)

BOOST_AUTO_TEST_CASE(https_with_a_self_signed_certificate) {
  azml::test::TempDir certificates("azml-tls");
  auto files = azml::test::make_self_signed_certificate(certificates.path());
  azml::test::RunningHost host(AZML_HOST_EXECUTABLE,
                               {"--tls-cert", files.certificate.string(), "--tls-key", files.private_key.string()},
                               files.certificate.string());
  BOOST_TEST(host.info().endpoint.rfind("https://127.0.0.1:", 0) == 0u, host.info().endpoint);
  BOOST_TEST(host.process().stdout_text().find("azml-host listening on https://") != std::string::npos);

  auto subscriptions = host.client().get("/subscriptions?api-version=2016-06-01");
  BOOST_TEST(subscriptions.status == 200);

  auto created = host.client().put(host.web_service_path("rg", "secure"), azml::test::minimal_web_service());
  BOOST_TEST_REQUIRE(created.status == 201, created.body);
  const std::string status_url = created.header("azure-asyncoperation").value_or("");
  BOOST_TEST(status_url.rfind(host.info().endpoint + "/", 0) == 0u, status_url);
  BOOST_TEST(host.client().get(status_url).json_body()["status"] == "Succeeded");
  BOOST_TEST(created.json_body()["properties"]["swaggerLocation"].get<std::string>().rfind("https://", 0) == 0u);

  // A client that does not trust the certificate cannot talk to the host.
  web::http::client::http_client untrusting(web::uri(host.info().endpoint));
  BOOST_CHECK_THROW(untrusting.request(web::http::methods::GET, "/subscriptions?api-version=2016-06-01").get(),
                    web::http::http_exception);

  // Plain http on the https port gets nowhere either.
  std::string plain = host.info().endpoint;
  plain.replace(0, 5, "http");
  azml::test::TestClient plain_client(plain, host.info().admin_token);
  bool refused = false;
  try {
    refused = plain_client.get("/subscriptions?api-version=2016-06-01").status != 200;
  } catch (const std::exception&) {
    refused = true;
  }
  BOOST_TEST(refused);
}

// libazml's own client (what the C ABI and the PowerShell module use) verifies the host's
// certificate: it talks when given the certificate as its CA file, and refuses otherwise.
BOOST_AUTO_TEST_CASE(libazml_client_verifies_the_certificate_against_its_ca_file) {
  azml::test::TempDir certificates("azml-tls");
  auto files = azml::test::make_self_signed_certificate(certificates.path());
  azml::test::RunningHost host(AZML_HOST_EXECUTABLE,
                               {"--tls-cert", files.certificate.string(), "--tls-key", files.private_key.string()},
                               files.certificate.string());

  azml::client::ManagementClientOptions options;
  options.endpoint = host.info().endpoint;
  options.token = host.info().admin_token;
  options.retry.max_retries = 0;
  options.ca_file = files.certificate.string();
  azml::client::ManagementClient trusting(options);
  BOOST_TEST(trusting.subscription_id() == host.info().subscription_id);
  auto created = json::parse(trusting.create_or_update("rg", "via-libazml", azml::test::minimal_web_service().dump()));
  BOOST_TEST(created["name"] == "via-libazml");

  options.ca_file.clear();  // the system store does not know a self-signed certificate
  azml::client::ManagementClient untrusting(options);
  try {
    untrusting.get("rg", "via-libazml");
    BOOST_FAIL("a client without the CA file talked to the host");
  } catch (const azml::Error& e) {
    BOOST_TEST(static_cast<int>(e.code()) == static_cast<int>(azml::ErrorCode::Transport), e.what());
  }
}

BOOST_AUTO_TEST_CASE(a_key_that_does_not_match_the_certificate_is_refused_at_start) {
  azml::test::TempDir dir("azml-tls");
  auto first = azml::test::make_self_signed_certificate(dir.path(), "first");
  auto second = azml::test::make_self_signed_certificate(dir.path(), "second");
  auto refused = azml::test::run_host_to_exit(
      AZML_HOST_EXECUTABLE,
      {"--data-dir", (dir / "data").string(), "--tls-cert", first.certificate.string(), "--tls-key",
       second.private_key.string()},
      dir / "logs");
  BOOST_TEST(refused.exit_code == 1);
  BOOST_TEST(refused.stderr_text.find("does not belong to the certificate") != std::string::npos, refused.stderr_text);
  BOOST_TEST(!std::filesystem::exists(dir / "data"));
}

BOOST_AUTO_TEST_CASE(missing_or_garbage_tls_files_are_refused_at_start) {
  azml::test::TempDir dir("azml-tls");
  auto files = azml::test::make_self_signed_certificate(dir.path());
  azml::test::write_text_file(dir / "garbage.pem", "not a certificate");
  struct Case {
    std::string certificate;
    std::string key;
    const char* fragment;
  };
  const Case cases[] = {
      {(dir / "absent.pem").string(), files.private_key.string(), "cannot read the TLS certificate"},
      {files.certificate.string(), (dir / "absent.pem").string(), "cannot read the TLS private key"},
      {(dir / "garbage.pem").string(), files.private_key.string(), "cannot use the TLS certificate"},
      {files.certificate.string(), (dir / "garbage.pem").string(), "cannot use the TLS private key"},
  };
  for (const auto& c : cases) {
    auto refused = azml::test::run_host_to_exit(
        AZML_HOST_EXECUTABLE, {"--data-dir", (dir / "data").string(), "--tls-cert", c.certificate, "--tls-key", c.key},
        dir / "logs");
    BOOST_TEST(refused.exit_code == 1);
    BOOST_TEST(refused.stderr_text.find(c.fragment) != std::string::npos, refused.stderr_text);
    // Nothing was created for a host that could not start.
    BOOST_TEST(!std::filesystem::exists(dir / "data"));
  }
}

BOOST_AUTO_TEST_SUITE_END()
