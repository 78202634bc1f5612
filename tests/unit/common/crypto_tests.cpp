// common/crypto.hpp
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <cctype>
#include <ostream>
#include <set>
#include <thread>

#include "common/crypto.hpp"
#include "common/error.hpp"

namespace azml {
namespace {

std::string hex_of(const std::string& bytes) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out += digits[c >> 4];
    out += digits[c & 15];
  }
  return out;
}

bool is_lower_hex(const std::string& s) {
  for (char c : s) {
    if (!std::isxdigit(static_cast<unsigned char>(c)) || std::isupper(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

BOOST_AUTO_TEST_SUITE(crypto_tests)

BOOST_AUTO_TEST_CASE(uuids_are_canonical_version_4) {
  for (int i = 0; i < 100; ++i) {
    const std::string id = i % 2 ? new_uuid() : new_request_id();
    BOOST_TEST_REQUIRE(id.size() == 36u, id);
    for (size_t dash : {8u, 13u, 18u, 23u}) BOOST_TEST(id[dash] == '-', id);
    std::string digits = id.substr(0, 8) + id.substr(9, 4) + id.substr(14, 4) + id.substr(19, 4) + id.substr(24);
    BOOST_TEST(is_lower_hex(digits), id);
    BOOST_TEST(id[14] == '4', id);  // version
    BOOST_TEST(std::string("89ab").find(id[19]) != std::string::npos, id);  // RFC 4122 variant
  }
  BOOST_TEST(new_uuid() != new_uuid());
}

BOOST_AUTO_TEST_CASE(request_ids_differ_within_and_between_threads) {
  std::set<std::string> ids;
  for (int i = 0; i < 1000; ++i) ids.insert(new_request_id());
  std::string other_thread;
  std::thread([&other_thread] { other_thread = new_request_id(); }).join();
  ids.insert(other_thread);
  BOOST_TEST(ids.size() == 1001u);
}

BOOST_AUTO_TEST_CASE(random_values_have_the_requested_size) {
  const std::string hex = random_hex(16);
  BOOST_TEST(hex.size() == 32u);
  BOOST_TEST(is_lower_hex(hex));
  BOOST_TEST(base64_decode(random_key_base64()).size() == 64u);
  BOOST_TEST(base64_decode(random_key_base64(32)).size() == 32u);
  BOOST_TEST(random_key_base64() != random_key_base64());
}

struct Base64Vector {
  std::string plain;
  std::string encoded;
};
std::ostream& operator<<(std::ostream& os, const Base64Vector& v) { return os << '"' << v.encoded << '"'; }

// RFC 4648 §10.
const std::vector<Base64Vector> rfc4648 = {{"", ""},         {"f", "Zg=="},         {"fo", "Zm8="},
                                           {"foo", "Zm9v"},  {"foob", "Zm9vYg=="},  {"fooba", "Zm9vYmE="},
                                           {"foobar", "Zm9vYmFy"}};

BOOST_DATA_TEST_CASE(base64_matches_rfc_4648, boost::unit_test::data::make(rfc4648), v) {
  BOOST_TEST(base64_encode(v.plain) == v.encoded);
  BOOST_TEST(base64_decode(v.encoded) == v.plain);
}

BOOST_AUTO_TEST_CASE(base64_round_trips_binary_data) {
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes += static_cast<char>(i);
  for (size_t n = 0; n <= bytes.size(); n += 37) {
    const std::string part = bytes.substr(0, n);
    BOOST_TEST(base64_decode(base64_encode(part)) == part);
  }
}

const std::vector<std::string> bad_base64 = {"abc", "Zg=", "ab!d", "@@@@", "Zm9v Yg=="};

BOOST_DATA_TEST_CASE(base64_decode_refuses_malformed_text, boost::unit_test::data::make(bad_base64), text) {
  try {
    base64_decode(text);
    BOOST_FAIL("accepted");
  } catch (const Error& e) {
    BOOST_TEST((e.code() == ErrorCode::Invalid), "error code " << to_string(e.code()));
  }
}

BOOST_AUTO_TEST_CASE(constant_time_equals_compares_content_and_length) {
  BOOST_TEST(constant_time_equals("secret-key", "secret-key"));
  BOOST_TEST(!constant_time_equals("secret-key", "secret-kez"));
  BOOST_TEST(!constant_time_equals("secret-key", "secret-key2"));
  BOOST_TEST(!constant_time_equals("", "x"));
  BOOST_TEST(constant_time_equals("", ""));
}

BOOST_AUTO_TEST_CASE(hmac_sha256_matches_rfc_4231_test_case_2) {
  BOOST_TEST(hex_of(hmac_sha256("Jefe", "what do ya want for nothing?")) ==
             "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

BOOST_AUTO_TEST_CASE(sha256_hex_matches_fips_180_2) {
  BOOST_TEST(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  BOOST_TEST(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace azml
