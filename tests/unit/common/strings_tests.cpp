// common/strings.hpp
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>

#include "common/error.hpp"
#include "common/strings.hpp"

namespace azml {
namespace {

BOOST_AUTO_TEST_SUITE(strings_tests)

BOOST_AUTO_TEST_CASE(case_insensitive_comparison_and_lowering) {
  BOOST_TEST(iequals("Api-Version", "api-version"));
  BOOST_TEST(iequals("", ""));
  BOOST_TEST(!iequals("abc", "abd"));
  BOOST_TEST(!iequals("abc", "abcd"));
  BOOST_TEST(to_lower("South Central US") == "south central us");
}

BOOST_AUTO_TEST_CASE(prefixes_suffixes_split_and_trim) {
  BOOST_TEST(starts_with("/subscriptions/x", "/subscriptions"));
  BOOST_TEST(!starts_with("/sub", "/subscriptions"));
  BOOST_TEST(starts_with("abc", ""));
  BOOST_TEST(ends_with("model.ilearner", ".ilearner"));
  BOOST_TEST(!ends_with("ilearner", "model.ilearner"));
  const std::vector<std::string> pieces = {"", "a", "", "b", ""};
  BOOST_TEST(split("/a//b/", '/') == pieces);
  BOOST_TEST(split("", ',') == std::vector<std::string>{""});
  BOOST_TEST(trim("  \t a b \r\n") == "a b");
  BOOST_TEST(trim(" \n ") == "");
}

BOOST_AUTO_TEST_CASE(url_encode_keeps_only_unreserved_characters) {
  BOOST_TEST(url_encode("AZaz09-_.~") == "AZaz09-_.~");
  BOOST_TEST(url_encode("a b/c?d=e&f+g") == "a%20b%2Fc%3Fd%3De%26f%2Bg");
  BOOST_TEST(url_encode("\xC3\xA9") == "%C3%A9");
  BOOST_TEST(url_encode("") == "");
}

BOOST_AUTO_TEST_CASE(url_decode_reverses_url_encode) {
  const std::string text = "Web service: R Script/1 + 2 = 3 \xC3\xA9";
  BOOST_TEST(url_decode(url_encode(text)) == text);
  BOOST_TEST(url_decode("%41%62c") == "Abc");
  BOOST_TEST(url_decode("%2b%2B") == "++");
  BOOST_TEST(url_decode("a+b") == "a+b");
  BOOST_TEST(url_decode("a+b", true) == "a b");
  BOOST_TEST(url_decode("a%2Bb", true) == "a+b");
}

struct Malformed {
  const char* text;
};
std::ostream& operator<<(std::ostream& os, const Malformed& m) { return os << '"' << m.text << '"'; }

const std::vector<Malformed> malformed = {{"%"}, {"%4"}, {"abc%"}, {"abc%4"}, {"%G1"}, {"%4G"}, {"%%41"}, {"a%zzb"}};

BOOST_DATA_TEST_CASE(url_decode_refuses_malformed_escapes, boost::unit_test::data::make(malformed), m) {
  try {
    url_decode(m.text);
    BOOST_FAIL("accepted");
  } catch (const Error& e) {
    BOOST_TEST((e.code() == ErrorCode::Invalid), "error code " << to_string(e.code()));
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace azml
