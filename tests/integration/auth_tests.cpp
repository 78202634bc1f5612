// auth/: the admin token file and the bearer check.
#include <sys/stat.h>

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>

#include "auth/admin_token.hpp"
#include "auth/bearer_auth.hpp"
#include "common/error.hpp"
#include "support/temp_dir.hpp"

using azml::host::auth::AdminAuthenticator;
using azml::host::auth::load_or_create_admin_token;
using azml::test::TempDir;

namespace {

const std::string kToken = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

unsigned mode_of(const std::filesystem::path& path) {
  struct stat info {};
  BOOST_REQUIRE(::stat(path.c_str(), &info) == 0);
  return info.st_mode & 0777;
}

struct Credential {
  const char* description;
  std::optional<std::string> header;  // nullopt: no Authorization header
  const char* expected_code;          // "" when accepted
};

std::ostream& operator<<(std::ostream& out, const Credential& c) { return out << c.description; }

const Credential kCredentials[] = {
    {"the admin token", "Bearer " + kToken, ""},
    {"scheme in another case", "bearer " + kToken, ""},
    {"extra spaces", "  Bearer   " + kToken + "  ", ""},
    {"no header", std::nullopt, "AuthenticationFailed"},
    {"empty header", "", "AuthenticationFailed"},
    {"another scheme", "Basic " + kToken, "AuthenticationFailed"},
    {"scheme only", "Bearer", "AuthenticationFailed"},
    {"token without scheme", kToken, "AuthenticationFailed"},
    {"wrong token", "Bearer " + std::string(64, 'a'), "InvalidAuthenticationToken"},
    {"token prefix", "Bearer " + kToken.substr(0, 63), "InvalidAuthenticationToken"},
    {"token with a suffix", "Bearer " + kToken + "0", "InvalidAuthenticationToken"},
    {"token in another case", "Bearer " + std::string("0123456789ABCDEF") + kToken.substr(16),
     "InvalidAuthenticationToken"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(auth_tests)

BOOST_DATA_TEST_CASE(bearer_credentials_are_checked, boost::unit_test::data::make(kCredentials), credential) {
  AdminAuthenticator auth(kToken);
  azml::http::Headers headers;
  if (credential.header) headers.set("Authorization", *credential.header);
  if (std::string(credential.expected_code).empty()) {
    BOOST_CHECK_NO_THROW(auth.authenticate(headers));
    return;
  }
  try {
    auth.authenticate(headers);
    BOOST_FAIL("accepted " << credential.description);
  } catch (const azml::Error& e) {
    BOOST_TEST((e.code() == azml::ErrorCode::Unauthorized));
    BOOST_TEST(e.service_code() == credential.expected_code);
    // The message never repeats what was sent.
    BOOST_TEST(std::string(e.what()).find(kToken.substr(0, 16)) == std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(an_empty_admin_token_is_refused) {
  BOOST_CHECK_THROW(AdminAuthenticator(""), azml::Error);
}

BOOST_AUTO_TEST_CASE(the_first_start_makes_a_private_random_token) {
  TempDir dir;
  auto token = load_or_create_admin_token(dir.path());
  BOOST_TEST(token.created);
  BOOST_TEST(token.value.size() == 64u);  // 32 random bytes, hex
  BOOST_TEST(token.value.find_first_not_of("0123456789abcdef") == std::string::npos);
  const auto file = dir / "admin-token";
  BOOST_TEST(mode_of(file) == 0600u);
  BOOST_TEST(azml::test::read_text_file(file) == token.value);

  TempDir other;
  BOOST_TEST(load_or_create_admin_token(other.path()).value != token.value);
}

BOOST_AUTO_TEST_CASE(later_starts_reuse_the_token) {
  TempDir dir;
  auto first = load_or_create_admin_token(dir.path());
  auto second = load_or_create_admin_token(dir.path());
  BOOST_TEST(!second.created);
  BOOST_TEST(second.value == first.value);
}

BOOST_AUTO_TEST_CASE(a_token_written_by_hand_is_trimmed_and_used) {
  TempDir dir;
  azml::test::write_text_file(dir / "admin-token", kToken + "\n");
  ::chmod((dir / "admin-token").c_str(), 0600);
  auto token = load_or_create_admin_token(dir.path());
  BOOST_TEST(token.value == kToken);
  BOOST_TEST(!token.permissions_tightened);
}

BOOST_AUTO_TEST_CASE(a_token_readable_by_others_is_made_private) {
  TempDir dir;
  azml::test::write_text_file(dir / "admin-token", kToken);
  ::chmod((dir / "admin-token").c_str(), 0644);
  auto token = load_or_create_admin_token(dir.path());
  BOOST_TEST(token.permissions_tightened);
  BOOST_TEST(mode_of(dir / "admin-token") == 0600u);
}

BOOST_AUTO_TEST_CASE(an_unusable_token_file_is_an_error_that_says_what_to_do) {
  for (const std::string& content : {std::string(), std::string("short"), std::string(40, 'x') + " spaces inside"}) {
    TempDir dir;
    azml::test::write_text_file(dir / "admin-token", content);
    try {
      load_or_create_admin_token(dir.path());
      BOOST_FAIL("accepted a token file holding '" << content << "'");
    } catch (const azml::Error& e) {
      BOOST_TEST((e.code() == azml::ErrorCode::Invalid));
      BOOST_TEST(std::string(e.what()).find("delete it") != std::string::npos);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
