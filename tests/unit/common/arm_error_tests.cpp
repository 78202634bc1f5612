// common/arm_error.hpp: the ARM error body in both directions.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>

#include "common/arm_error.hpp"

namespace azml {
namespace {

BOOST_AUTO_TEST_SUITE(arm_error_tests)

BOOST_AUTO_TEST_CASE(arm_error_body_has_the_arm_shape) {
  const json body = arm_error_body(Error(ErrorCode::NotFound, "The specified resource was not found."));
  BOOST_TEST(body == json::parse(R"({"error": {"code": "NotFound", "message": "The specified resource was not found.",
                                                "details": []}})"),
             body.dump());
}

BOOST_AUTO_TEST_CASE(arm_error_body_carries_service_code_target_and_details) {
  Error e(ErrorCode::NotFound, "NotFound", "The specified resource was not found.");
  e.add_detail({"WebServiceNotFound", "No Web Service could be found with the provided name: onesdk3495.", ""});
  e.add_detail({"InvalidWebServiceDefinition", "bad", "properties.title"});
  e.with_target("webServiceName");
  const json body = arm_error_body(e);
  BOOST_TEST(body == json::parse(R"({"error": {"code": "NotFound", "message": "The specified resource was not found.",
      "target": "webServiceName",
      "details": [{"code": "WebServiceNotFound", "message": "No Web Service could be found with the provided name: onesdk3495."},
                  {"code": "InvalidWebServiceDefinition", "message": "bad", "target": "properties.title"}]}})"),
             body.dump());
}

struct StatusCase {
  ErrorCode code;
  int status;
  const char* arm_code;
};
std::ostream& operator<<(std::ostream& os, const StatusCase& c) { return os << to_string(c.code); }

const std::vector<StatusCase> status_cases = {
    {ErrorCode::NotFound, 404, "NotFound"},
    {ErrorCode::Unauthorized, 401, "AuthenticationFailed"},
    {ErrorCode::Conflict, 409, "Conflict"},
    {ErrorCode::Invalid, 400, "BadRequest"},
    {ErrorCode::Timeout, 504, "GatewayTimeout"},
    {ErrorCode::TooLarge, 413, "RequestEntityTooLarge"},
    {ErrorCode::MethodNotAllowed, 405, "MethodNotAllowed"},
    {ErrorCode::Throttled, 429, "TooManyRequests"},
    {ErrorCode::Generic, 500, "InternalServerError"},
    {ErrorCode::Transport, 500, "InternalServerError"},
};

BOOST_DATA_TEST_CASE(host_errors_map_to_status_and_arm_code, boost::unit_test::data::make(status_cases), c) {
  const Error e(c.code, "message");
  BOOST_TEST(http_status_for(e) == c.status);
  BOOST_TEST(arm_code_for(e) == c.arm_code);
}

BOOST_AUTO_TEST_CASE(an_explicit_status_and_service_code_win) {
  Error e(ErrorCode::Generic, "busy");
  e.with_http_status(503).with_service_code("ServiceUnavailable");
  BOOST_TEST(http_status_for(e) == 503);
  BOOST_TEST(arm_code_for(e) == "ServiceUnavailable");
}

BOOST_AUTO_TEST_CASE(error_from_an_arm_body) {
  // The 404 recorded from production (contract §1.3).
  const std::string body = R"({"error":{"code":"NotFound","message":"The specified resource was not found.",
      "details":[{"code":"WebServiceNotFound","message":"No Web Service could be found with the provided name: onesdk3495."}]}})";
  const Error e = error_from_response(404, body, "req-1");
  BOOST_TEST((e.code() == ErrorCode::NotFound), "error code " << to_string(e.code()));
  BOOST_TEST(e.service_code() == "NotFound");
  BOOST_TEST(std::string(e.what()) == "The specified resource was not found.");
  BOOST_TEST(e.http_status() == 404);
  BOOST_TEST(e.request_id() == "req-1");
  BOOST_TEST_REQUIRE(e.details().size() == 1u);
  BOOST_TEST(e.details()[0].code == "WebServiceNotFound");
  BOOST_TEST(e.details()[0].target == "");
}

BOOST_AUTO_TEST_CASE(error_from_a_pascal_case_body) {
  const std::string body = R"({"Error":{"Code":"BadArgument","Message":"Invalid column name","Target":"Inputs",
      "Details":[{"Code":"ColumnNotFound","Message":"no column 'x'","Target":"input1"}]}})";
  const Error e = error_from_response(400, body, "");
  BOOST_TEST((e.code() == ErrorCode::Invalid), "error code " << to_string(e.code()));
  BOOST_TEST(e.service_code() == "BadArgument");
  BOOST_TEST(std::string(e.what()) == "Invalid column name");
  BOOST_TEST(e.target() == "Inputs");
  BOOST_TEST_REQUIRE(e.details().size() == 1u);
  BOOST_TEST(e.details()[0].target == "input1");
}

BOOST_AUTO_TEST_CASE(error_from_a_flat_classic_body) {
  const Error e = error_from_response(409, R"({"code":"Conflict","message":"Endpoint exists"})", "");
  BOOST_TEST((e.code() == ErrorCode::Conflict), "error code " << to_string(e.code()));
  BOOST_TEST(e.service_code() == "Conflict");
  BOOST_TEST(std::string(e.what()) == "Endpoint exists");
}

BOOST_AUTO_TEST_CASE(error_from_a_non_json_body) {
  Error e = error_from_response(503, "Service Unavailable", "r");
  BOOST_TEST((e.code() == ErrorCode::Http), "error code " << to_string(e.code()));
  BOOST_TEST(e.service_code() == "");
  BOOST_TEST(std::string(e.what()) == "Service Unavailable");
  BOOST_TEST(e.http_status() == 503);

  e = error_from_response(502, "", "r");
  BOOST_TEST(std::string(e.what()) == "the service answered HTTP 502");

  e = error_from_response(500, "<html>" + std::string(5000, 'x') + "</html>", "r");
  BOOST_TEST(std::string(e.what()).size() == 2000u);  // long pages are cut
}

struct StatusMapping {
  int status;
  ErrorCode code;
};
std::ostream& operator<<(std::ostream& os, const StatusMapping& m) { return os << m.status; }

const std::vector<StatusMapping> status_mappings = {
    {400, ErrorCode::Invalid},  {401, ErrorCode::Unauthorized}, {403, ErrorCode::Unauthorized},
    {404, ErrorCode::NotFound}, {405, ErrorCode::MethodNotAllowed}, {408, ErrorCode::Timeout},
    {409, ErrorCode::Conflict}, {412, ErrorCode::Conflict},     {413, ErrorCode::TooLarge},
    {429, ErrorCode::Throttled}, {500, ErrorCode::Http},        {502, ErrorCode::Http},
    {503, ErrorCode::Http},     {504, ErrorCode::Timeout},
};

BOOST_DATA_TEST_CASE(statuses_map_to_error_codes, boost::unit_test::data::make(status_mappings), m) {
  BOOST_TEST((error_code_for_status(m.status) == m.code), "error code " << to_string(error_code_for_status(m.status)));
  BOOST_TEST((error_from_response(m.status, "{}", "").code() == m.code), "error code " << to_string(error_from_response(m.status, "{}", "").code()));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace azml
