// Parsing BES job requests against a service's shape, and the blob references in them.
#include <boost/test/unit_test.hpp>

#include "common/error.hpp"
#include "jobs/batch_request.hpp"
#include "../../unit/client/error_printing.hpp"

namespace azml::host::jobs {

namespace {

ServiceShape shape() { return ServiceShape{{"input1"}, {"output1", "output2"}, {"Number of trees"}}; }

json reference(const std::string& location) {
  return json{{"ConnectionString", "DefaultEndpointsProtocol=https;AccountName=a;AccountKey=a2V5"},
              {"RelativeLocation", location}};
}

// The error a bad request raises: its target.
std::string target_of(const json& body) {
  try {
    BatchRequest::parse(body, shape());
  } catch (const Error& e) {
    BOOST_TEST(e.code() == ErrorCode::Invalid);
    BOOST_TEST(e.service_code() == "BadArgument");
    return e.target();
  }
  BOOST_FAIL("the request was accepted");
  return "";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(batch_request_tests)

BOOST_AUTO_TEST_CASE(the_full_form_is_read_with_the_services_spelling) {
  json body = {{"inputs", {{"INPUT1", reference("/data/in.csv")}}},
               {"Outputs", {{"output1", reference("data/model.ilearner")}}},
               {"GlobalParameters", {{"number of trees", 5}}}};
  BatchRequest request = BatchRequest::parse(body, shape());
  BOOST_TEST_REQUIRE(request.inputs.count("input1") == 1u);
  BOOST_TEST(request.inputs.at("input1").container == "data");
  BOOST_TEST(request.inputs.at("input1").blob == "in.csv");
  BOOST_TEST(request.outputs.at("output1").has_extension(".ILEARNER"));
  BOOST_TEST(request.global_parameters.at("Number of trees") == "5");

  BatchRequest again = BatchRequest::from_json(request.to_json());
  BOOST_TEST(again.to_json() == request.to_json());
}

BOOST_AUTO_TEST_CASE(the_single_input_form_feeds_the_only_input) {
  BatchRequest request = BatchRequest::parse(json{{"Input", reference("c/nested/path/in.tsv")}}, shape());
  BOOST_TEST(request.inputs.at("input1").blob == "nested/path/in.tsv");
  ServiceShape two{{"a", "b"}, {}, {}};
  BOOST_CHECK_THROW(BatchRequest::parse(json{{"Input", reference("c/in.csv")}}, two), Error);
}

BOOST_AUTO_TEST_CASE(a_sas_blob_needs_its_token_only) {
  json sas_only = {{"BaseLocation", "https://acct.blob.core.windows.net/"},
                   {"RelativeLocation", "c/in.csv"},
                   {"SasBlobToken", "?sv=2021-08-06&sig=x"}};
  BatchRequest request = BatchRequest::parse(json{{"Inputs", {{"input1", sas_only}}}}, shape());
  BOOST_TEST(request.inputs.at("input1").base_location == "https://acct.blob.core.windows.net/");
}

BOOST_AUTO_TEST_CASE(each_mistake_is_named_by_its_target) {
  const json good = reference("c/in.csv");
  BOOST_TEST(target_of(json::array()) == "");
  BOOST_TEST(target_of(json::object()) == "Inputs.input1");
  BOOST_TEST(target_of(json{{"Inputs", {{"input2", good}}}}) == "Inputs.input2");
  BOOST_TEST(target_of(json{{"Inputs", {{"input1", good}}}, {"Input", good}}) == "Input");
  BOOST_TEST(target_of(json{{"Inputs", {{"input1", good}, {"INPUT1", good}}}}) == "Inputs.INPUT1");
  BOOST_TEST(target_of(json{{"Inputs", {{"input1", "c/in.csv"}}}}) == "Inputs.input1");
  BOOST_TEST(target_of(json{{"Inputs", {{"input1", {{"RelativeLocation", "c/in.csv"}}}}}}) == "Inputs.input1");
  BOOST_TEST(target_of(json{{"Inputs", {{"input1", reference("/in.csv")}}}}) == "Inputs.input1.RelativeLocation");
  BOOST_TEST(target_of(json{{"Inputs", {{"input1", reference("c/")}}}}) == "Inputs.input1.RelativeLocation");
  BOOST_TEST(target_of(json{{"Inputs", {{"input1", good}}}, {"Outputs", {{"output3", good}}}}) == "Outputs.output3");
  BOOST_TEST(target_of(json{{"Inputs", {{"input1", good}}}, {"Outputs", 5}}) == "Outputs");
  BOOST_TEST(target_of(json{{"Inputs", {{"input1", good}}}, {"GlobalParameters", {{"Depth", "3"}}}}) ==
             "GlobalParameters.Depth");
  BOOST_TEST(target_of(json{{"Inputs", {{"input1", good}}}, {"GlobalParameters", {{"Number of trees", {1}}}}}) ==
             "GlobalParameters.Number of trees");
  BOOST_TEST(target_of(json{{"Inputs", {{"input1", good}}}, {"ConnetionString", ""}}) == "ConnetionString");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace azml::host::jobs
