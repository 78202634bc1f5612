// The resource group and web service name rules, as tables of accepted and refused names.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "common/error.hpp"
#include "domain/name_rules.hpp"

using azml::host::domain::check_resource_group_name;
using azml::host::domain::check_web_service_name;

namespace {

void check_refused(void (*rule)(const std::string&), const std::string& name, const std::string& target) {
  try {
    rule(name);
    BOOST_FAIL("accepted '" << name << "'");
  } catch (const azml::Error& e) {
    BOOST_TEST(static_cast<int>(e.code()) == static_cast<int>(azml::ErrorCode::Invalid));
    BOOST_TEST(e.service_code() == "InvalidResourceName");
    BOOST_TEST(e.target() == target);
    // The message names the value, control characters shown as '?'.
    std::string shown = name;
    for (char& c : shown) {
      if (static_cast<unsigned char>(c) < 0x20) c = '?';
    }
    BOOST_TEST(std::string(e.what()).find("'" + shown + "'") != std::string::npos, e.what());
  }
}

const std::vector<std::string> kGoodResourceGroups = {
    "a", "rg", "My-Resource_Group", "group.with.dots", "(parens)", "Retrain(2016)-v1.final", "0123456789",
    std::string(90, 'r'),
};

const std::vector<std::string> kBadResourceGroups = {
    "", "ends.with.dot.", "has space", "slash/inside", "back\\slash", "percent%20", "colon:", "star*",
    "caf\xc3\xa9",  // non-ASCII: azml keeps to ASCII
    std::string(91, 'r'), std::string("nul\0inside", 10),
};

const std::vector<std::string> kGoodWebServiceNames = {
    "a", "onesdk3495", "RetrainSamplePre.2016.8.17.0.3.51.237", "My_Service-2", "_leading_underscore",
    "trailing_underscore_", "9starts.with.digit", std::string(255, 'w'),
};

const std::vector<std::string> kBadWebServiceNames = {
    "", ".leading-dot", "trailing-dot.", "-leading-hyphen", "trailing-hyphen-", "has space", "slash/inside",
    "paren(", "question?", "hash#", "caf\xc3\xa9", std::string(256, 'w'), "-", ".",
};

}  // namespace

BOOST_AUTO_TEST_SUITE(name_rules)

BOOST_DATA_TEST_CASE(accepts_resource_group, boost::unit_test::data::make(kGoodResourceGroups), name) {
  BOOST_CHECK_NO_THROW(check_resource_group_name(name));
}

BOOST_DATA_TEST_CASE(refuses_resource_group, boost::unit_test::data::make(kBadResourceGroups), name) {
  check_refused(check_resource_group_name, name, "resourceGroupName");
}

BOOST_DATA_TEST_CASE(accepts_web_service_name, boost::unit_test::data::make(kGoodWebServiceNames), name) {
  BOOST_CHECK_NO_THROW(check_web_service_name(name));
}

BOOST_DATA_TEST_CASE(refuses_web_service_name, boost::unit_test::data::make(kBadWebServiceNames), name) {
  check_refused(check_web_service_name, name, "webServiceName");
}

BOOST_AUTO_TEST_CASE(cuts_a_very_long_name_in_the_message) {
  try {
    check_web_service_name(std::string(5000, 'x') + "!");
    BOOST_FAIL("accepted a 5001-character name");
  } catch (const azml::Error& e) {
    BOOST_TEST(std::string(e.what()).size() < 1000u);
    BOOST_TEST(std::string(e.what()).find("...") != std::string::npos);
  }
}

BOOST_AUTO_TEST_SUITE_END()
