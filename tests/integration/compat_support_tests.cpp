// The comparisons the compatibility tests rely on, checked against differences they must see.
#include <boost/test/unit_test.hpp>

#include "compat_support.hpp"

using azml::test::json;
using azml::test::compat::missing_from;
using azml::test::compat::shape_differences;

BOOST_AUTO_TEST_SUITE(compat_support_tests)

BOOST_AUTO_TEST_CASE(missing_from_sees_lost_changed_and_badly_renamed_fields) {
  const json sent = json::parse(R"({"properties":{"Title":"t","keys":{"primary":"p"},"Package":{"Nodes":{"n1":{}}},
                                    "readOnly":"false","count":"20","list":[1,2]}})");
  BOOST_TEST(missing_from(sent, json::parse(R"({"properties":{"title":"t","package":{"nodes":{"n1":{}}},
                                    "readOnly":false,"count":20,"list":[1,2]}})"),
                          {"properties.keys"})
                 .empty());
  BOOST_TEST(missing_from(sent, json::parse(R"({"properties":{"title":"t","package":{"nodes":{}},
                                    "readOnly":false,"count":20,"list":[1,2]}})"),
                          {"properties.keys"})
                 .size() == 1u);
  BOOST_TEST(missing_from(sent, json::parse(R"({"properties":{"title":"x","package":{"nodes":{"n1":{}}},
                                    "readOnly":true,"count":21,"list":[1]}})"),
                          {"properties.keys"})
                 .size() == 4u);
  // Renamed, but not to camelCase.
  BOOST_TEST(missing_from(json::parse(R"({"title":"t"})"), json::parse(R"({"TITLE":"t"})"), {}).size() == 1u);
  // Keys that are data keep their spelling and must match exactly or case-insensitively.
  BOOST_TEST(missing_from(json::parse(R"({"Account Key":{"value":1}})"), json::parse(R"({"Account Key":{"value":1}})"),
                          {})
                 .empty());
}

BOOST_AUTO_TEST_CASE(shape_differences_see_missing_keys_and_other_kinds) {
  const json recorded = json::parse(R"({"id":"x","properties":{"state":"Provisioning","n":0.6}})");
  BOOST_TEST(shape_differences(recorded, json::parse(R"({"id":"y","extra":1,"properties":{"state":"Succeeded","n":1.0}})"))
                 .empty());
  BOOST_TEST(shape_differences(recorded, json::parse(R"({"id":"y","properties":{"n":1.0}})")).size() == 1u);
  BOOST_TEST(shape_differences(recorded, json::parse(R"({"id":1,"properties":{"state":"s","n":"1"}})")).size() == 2u);
}

BOOST_AUTO_TEST_SUITE_END()
