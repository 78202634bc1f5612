// A graph's scoring plan (engine/scoring_plan.hpp) with the reader that feeds it
// (read_rrs_features_fast) must answer every call it takes with exactly the bytes that executing
// the graph gives, and must take only graphs whose answers cannot differ. Each case trains a real
// model, builds a web service graph around it, and sends many bodies both ways.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "definition/definition.hpp"
#include "engine/graph.hpp"
#include "engine/ilearner.hpp"
#include "engine/learners/learner.hpp"
#include "engine/scoring_plan.hpp"
#include "handlers/responses.hpp"
#include "runtime/rrs_exchange.hpp"
#include "runtime/rrs_fast_request.hpp"
#include "runtime/rrs_response_text.hpp"

using azml::json;
using azml::engine::Column;
using azml::engine::ColumnType;
using azml::engine::CompiledGraph;
using azml::engine::Parameters;
using azml::engine::ScoringPlan;
using azml::engine::Table;
using azml::engine::UntrainedModel;
using azml::host::runtime::RrsFormat;
using azml::host::runtime::RrsOptions;

namespace {

constexpr size_t kMaxRows = 4;
constexpr const char* kModelUri = "https://azmllocal.blob.core.windows.net/models/plan.ilearner";

// 240 rows of three features (x1, x2: Double; n: Integer) and a label of each kind.
Table training_table(const std::string& label_kind) {
  Column x1("x1", ColumnType::Double), x2("x2", ColumnType::Double), n("n", ColumnType::Integer);
  Column label("label", label_kind == "regression" ? ColumnType::Double : ColumnType::String);
  for (int i = 0; i < 240; ++i) {
    const double a = (i % 17) * 0.37 - 2.5;
    const double b = std::sin(i * 0.7) * 10;
    const int c = i % 7;
    x1.push_number(i % 23 == 0 ? std::nan("") : a);  // some missing, so trees learn default directions
    x2.push_number(b);
    n.push_number(c);
    if (label_kind == "binary") label.push_text(a + b / 4 + c * 0.2 > 0.5 ? "yes" : "no");
    if (label_kind == "multiclass") label.push_text(b < -3 ? "low" : b < 3 ? "mid" : "high");
    if (label_kind == "regression") label.push_number(2 * a - b + 0.5 * c);
  }
  return Table({x1, x2, n, label});
}

std::string model_bytes(const azml::engine::LearnerDefinition& learner, const std::string& label_kind) {
  auto model = train(UntrainedModel(learner, Parameters({})), training_table(label_kind), "label");
  return azml::engine::write_ilearner(*model);
}

// The service around a model: what its input declares, how Score Model is set, and what the
// Select Columns after it (if any) keep.
struct Shape {
  std::string model;  // .ilearner bytes
  json schema = json::parse(R"({"x1": {"type": "Number", "format": "Double"}, "x2": {"type": "Number", "format": "Double"},
                                "n": {"type": "Integer", "format": "Int32"}})");
  std::optional<std::string> append;    // "Append score columns to output"; absent: Azure's default (True)
  std::optional<std::vector<std::string>> keep;  // Select Columns after Score Model
  bool select_before = false;           // a Select Columns (every column) between the input and Score Model
  bool global_parameter = false;        // Score Model's append linked to a web service parameter
};

json select_node(const std::vector<std::string>& columns) {
  json rules = {{"isFilter", true},
                {"rules", columns.empty() ? json::array({{{"ruleType", "AllColumns"}, {"exclude", false}}})
                                          : json::array({{{"ruleType", "ColumnNames"}, {"columns", columns},
                                                          {"exclude", false}}})}};
  return {{"assetId", "select"}, {"parameters", {{"Select columns", {{"value", rules.dump()}}}}}};
}

std::shared_ptr<const CompiledGraph> compile(const Shape& shape) {
  json definition = json::parse(R"({
    "packageType": "Graph",
    "assets": {
      "model": {"name": "plan [trained model]", "type": "Resource",
                "locationInfo": {"uri": "https://azmllocal.blob.core.windows.net/models/plan.ilearner"}},
      "score": {"name": "Score Model", "type": "Module", "locationInfo": {"uri": "aml://module/score-model"}},
      "select": {"name": "Select Columns in Dataset", "type": "Module", "locationInfo": {"uri": "aml://module/select-columns"}}
    },
    "parameters": {},
    "output": {"type": "object", "properties": {"output1": {"type": "object", "properties": {}}}},
    "package": {"nodes": {"in": {"inputId": "input1"}, "m": {"assetId": "model"}, "out": {"outputId": "output1"}},
                "edges": [], "graphParameters": {}}
  })");
  definition["input"] = {{"type", "object"},
                         {"properties", {{"input1", {{"type", "object"}, {"properties", shape.schema}}}}}};
  json& package = definition["package"];
  json& edges = package["edges"];
  auto edge = [&](const std::string& from, const std::string& from_port, const std::string& to, const std::string& to_port) {
    json e = {{"sourceNodeId", from}, {"targetNodeId", to}};
    if (!from_port.empty()) e["sourcePortId"] = from_port;
    if (!to_port.empty()) e["targetPortId"] = to_port;
    edges.push_back(e);
  };
  package["nodes"]["score"] = {{"assetId", "score"}, {"parameters", json::object()}};
  if (shape.append) package["nodes"]["score"]["parameters"]["Append score columns to output"] = {{"value", *shape.append}};
  std::string dataset_source = "in", dataset_port;
  if (shape.select_before) {
    package["nodes"]["before"] = select_node({});
    edge("in", "", "before", "Dataset");
    dataset_source = "before";
    dataset_port = "Results dataset";
  }
  edge(dataset_source, dataset_port, "score", "Dataset");
  edge("m", "", "score", "Trained model");
  if (shape.keep) {
    package["nodes"]["after"] = select_node(*shape.keep);
    edge("score", "Scored dataset", "after", "Dataset");
    edge("after", "Results dataset", "out", "");
  } else {
    edge("score", "Scored dataset", "out", "");
  }
  if (shape.global_parameter) {
    package["graphParameters"] = {
        {"Append", {{"type", "Boolean"}, {"links", {{{"nodeId", "score"}, {"parameterKey", "Append score columns to output"}}}}}}};
    definition["parameters"] = {{"Append", {{"value", "False"}}}};
  }
  const std::string model = shape.model;
  return azml::engine::compile_graph(definition, [model](const std::string& uri) -> std::string {
    if (uri != kModelUri) throw azml::Error(azml::ErrorCode::NotFound, uri);
    return model;
  });
}

// The response body for these results, as the runtime writes it.
std::string response_body(const std::map<std::string, azml::engine::Value>& results, const CompiledGraph& graph,
                          const RrsOptions& options) {
  if (auto text = azml::host::runtime::rrs_response_text(results, graph, options)) return *text;
  return azml::host::handlers::json_response(200, azml::host::runtime::write_rrs_response(results, graph, options)).body;
}

enum class Path { Plan, Graph };

// Answers `body` both ways. When the plan's reader takes it, the general path must take it too
// and both must give the same bytes, with and without details. Returns the path that answered.
Path check_call(const CompiledGraph& graph, const ScoringPlan& plan, const std::string& body) {
  auto rows = azml::host::runtime::read_rrs_features_fast(body, plan, kMaxRows);
  if (!rows) return Path::Graph;
  std::optional<std::map<std::string, azml::engine::Value>> general;
  std::string general_error;
  try {
    auto call = azml::host::runtime::read_rrs_request(azml::definition::parse_json(body, "the request body"), graph,
                                                      RrsFormat::Table, kMaxRows);
    general = graph.execute(std::move(call.inputs), call.global_parameters);
  } catch (const azml::Error& e) {
    general_error = e.what();
  }
  BOOST_TEST_REQUIRE(general.has_value(), "the plan took a body the graph refuses (" << general_error << "): " << body);
  const auto planned = plan.score(rows->features, rows->rows);
  for (const bool details : {false, true}) {
    RrsOptions options;
    options.details = details;
    BOOST_TEST(response_body(planned, graph, options) == response_body(*general, graph, options), body);
  }
  return Path::Plan;
}

std::string body_of(const std::vector<std::string>& names, const std::vector<std::vector<std::string>>& rows) {
  std::string body = R"({"Inputs":{"input1":{"ColumnNames":[)";
  for (size_t i = 0; i < names.size(); ++i) body += (i ? ",\"" : "\"") + names[i] + "\"";
  body += R"(],"Values":[)";
  for (size_t r = 0; r < rows.size(); ++r) {
    body += r ? ",[" : "[";
    for (size_t c = 0; c < rows[r].size(); ++c) body += (c ? "," : "") + rows[r][c];
    body += "]";
  }
  return body + R"(]}},"GlobalParameters":{}})";
}

// Bodies of 1 to kMaxRows rows, the columns in several orders, cells drawn from what clients
// send: plain and awkward numbers, numbers as strings, missing values, and values of the wrong
// type (which the plan must leave to the graph, as the general path refuses them).
// `extra` gives the cells of the schema's columns other than x1, x2 and n.
void check_many_calls(const Shape& shape, const std::map<std::string, std::vector<std::string>>& extra = {}) {
  auto graph = compile(shape);
  auto plan = ScoringPlan::of(*graph);
  BOOST_TEST_REQUIRE(static_cast<bool>(plan), "the graph should have a scoring plan");
  const std::vector<std::string> numbers = {"0", "1", "-2", "3.25", "-0", "-0.0", "1e3", "2.5E-2", "-7.125",
                                            "12345678901", "0.1", "4.999999999999999", "null", "\"\"", "\"1.5\"",
                                            "\"-3\"", "\"NaN\""};
  const std::vector<std::string> integers = {"0", "1", "-6", "2147483647", "-2147483648", "3.0", "null", "\"\"", "\"4\""};
  const std::vector<std::string> refused = {"true", "\"abc\"", "[]", "{}", "2147483648", "1.5", "1e400"};
  std::vector<std::string> names = {"x1", "x2", "n"};
  for (const auto& column : extra) names.push_back(column.first);
  std::mt19937 random(20241127);
  auto pick = [&](const std::vector<std::string>& pool) { return pool[random() % pool.size()]; };
  size_t planned = 0;
  for (int call = 0; call < 400; ++call) {
    std::vector<std::string> order = names;
    if (call % 3 == 1) std::reverse(order.begin(), order.end());
    if (call % 3 == 2) std::shuffle(order.begin(), order.end(), random);
    std::vector<std::vector<std::string>> rows(1 + call % kMaxRows);
    for (auto& row : rows) {
      for (const auto& name : order) {
        if (call % 10 == 9 && random() % 6 == 0) {
          row.push_back(pick(refused));
        } else if (name == "n") {
          row.push_back(pick(integers));
        } else if (name == "x1" || name == "x2") {
          row.push_back(pick(numbers));
        } else {
          row.push_back(pick(extra.at(name)));
        }
      }
    }
    if (check_call(*graph, *plan, body_of(order, rows)) == Path::Plan) ++planned;
  }
  BOOST_TEST(planned >= 300u, "only " << planned << " of 400 calls took the plan");
}

const std::string& binary_tree() {
  static const std::string bytes = model_bytes(azml::engine::two_class_boosted_decision_tree(), "binary");
  return bytes;
}
const std::string& binary_logistic() {
  static const std::string bytes = model_bytes(azml::engine::two_class_logistic_regression(), "binary");
  return bytes;
}

// A service that returns only the model's scores, with its plan.
struct PlannedService {
  std::shared_ptr<const CompiledGraph> graph;
  std::unique_ptr<const ScoringPlan> plan;
};
PlannedService scores_only(const std::string& model) {
  Shape shape;
  shape.model = model;
  shape.append = "False";
  PlannedService service;
  service.graph = compile(shape);
  service.plan = ScoringPlan::of(*service.graph);
  BOOST_TEST_REQUIRE(static_cast<bool>(service.plan));
  return service;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(rrs_scoring_plan_tests)

BOOST_AUTO_TEST_CASE(a_boosted_tree_service_that_keeps_its_scores_answers_as_its_graph_does) {
  Shape shape;
  shape.model = binary_tree();
  shape.append = "False";
  shape.keep = std::vector<std::string>{"Scored Labels", "Scored Probabilities"};
  check_many_calls(shape);
}

BOOST_AUTO_TEST_CASE(appended_scores_of_which_only_scores_are_kept_answer_as_the_graph_does) {
  Shape shape;
  shape.model = binary_logistic();  // standardised features: the plan applies the model's shift and scale
  shape.keep = std::vector<std::string>{"Scored Probabilities", "Scored Labels"};
  check_many_calls(shape);
}

BOOST_AUTO_TEST_CASE(regression_and_multiclass_services_answer_as_their_graphs_do) {
  Shape regression;
  regression.model = model_bytes(azml::engine::linear_regression(), "regression");
  regression.append = "False";
  check_many_calls(regression);

  for (const auto* learner : {&azml::engine::multiclass_logistic_regression(), &azml::engine::multiclass_decision_forest()}) {
    Shape multiclass;
    multiclass.model = model_bytes(*learner, "multiclass");
    multiclass.keep = std::vector<std::string>{"Scored Labels", "Scored Probabilities for Class \"low\"",
                                               "Scored Probabilities for Class \"high\""};
    check_many_calls(multiclass);
  }
}

BOOST_AUTO_TEST_CASE(input_columns_the_model_does_not_read_are_checked_and_dropped) {
  Shape shape;
  shape.model = binary_tree();
  shape.schema["note"] = {{"type", "String"}};
  shape.schema["flag"] = {{"type", "Boolean"}};
  shape.schema["count"] = {{"type", "Integer"}, {"format", "Int32"}};
  shape.keep = std::vector<std::string>{"Scored Labels"};
  check_many_calls(shape, {{"note", {"\"text\"", "\"\"", "null", "true", "3", "-1.5", "\"x y\""}},
                          {"flag", {"true", "false", "\"True\"", "\"false\"", "null", "\"\""}},
                          {"count", {"3", "-7", "null", "\"12\""}}});
}

BOOST_AUTO_TEST_CASE(graphs_whose_answers_could_differ_have_no_plan) {
  auto has_plan = [](const Shape& shape) { return ScoringPlan::of(*compile(shape)) != nullptr; };
  Shape plain;
  plain.model = binary_tree();
  plain.append = "False";
  BOOST_TEST(has_plan(plain));

  Shape keeps_inputs = plain;  // the default appends the scores to the input's columns
  keeps_inputs.append.reset();
  BOOST_TEST(!has_plan(keeps_inputs));
  keeps_inputs.keep = std::vector<std::string>{"x1", "Scored Labels"};
  BOOST_TEST(!has_plan(keeps_inputs));

  Shape selects_first = plain;
  selects_first.select_before = true;
  BOOST_TEST(!has_plan(selects_first));

  Shape parameterised = plain;
  parameterised.global_parameter = true;
  BOOST_TEST(!has_plan(parameterised));

  Shape text_feature = plain;  // a feature declared as a string column is parsed, not read as a number
  text_feature.schema["x2"] = {{"type", "String"}};
  BOOST_TEST(!has_plan(text_feature));

  Shape feature_missing = plain;  // the graph fails on every call; the plan leaves it to fail so
  feature_missing.schema.erase("n");
  BOOST_TEST(!has_plan(feature_missing));

  Shape no_schema = plain;
  no_schema.schema = json::object();
  BOOST_TEST(!has_plan(no_schema));
}

BOOST_AUTO_TEST_CASE(bodies_the_plan_does_not_read_are_left_to_the_graph) {
  const PlannedService service = scores_only(binary_tree());
  auto read = [&](const std::string& body) {
    return azml::host::runtime::read_rrs_features_fast(body, *service.plan, kMaxRows).has_value();
  };
  BOOST_TEST(read(body_of({"x1", "x2", "n"}, {{"1", "2", "3"}})));
  BOOST_TEST(read(R"({"GlobalParameters":null,"Inputs":{"input1":{"ColumnNames":["n","x2","x1"],"Values":[[1,2,3]]}}})"));
  BOOST_TEST(!read(body_of({"x1", "x2", "n"}, {})));  // no rows
  BOOST_TEST(!read(body_of({"x1", "x2", "n"}, {{"1", "2", "3"}, {"1", "2", "3"}, {"1", "2", "3"}, {"1", "2", "3"}, {"1", "2", "3"}})));
  BOOST_TEST(!read(body_of({"x1", "x2"}, {{"1", "2"}})));                  // a column short
  BOOST_TEST(!read(body_of({"x1", "x2", "n", "z"}, {{"1", "2", "3", "4"}})));  // a column too many
  BOOST_TEST(!read(body_of({"x1", "x2", "x2"}, {{"1", "2", "3"}})));        // one twice
  BOOST_TEST(!read(body_of({"x1", "x2", "n"}, {{"1", "2"}})));             // a row short
  BOOST_TEST(!read(R"({"Inputs":{"input2":{"ColumnNames":["x1","x2","n"],"Values":[[1,2,3]]}}})"));
  BOOST_TEST(!read(R"({"Inputs":{"input1":{"ColumnNames":["x1","x2","n"],"Values":[[1,2,3]]}},"GlobalParameters":{"a":1}})"));
  BOOST_TEST(!read(R"({"Inputs":{"input1":{"ColumnNames":["x1","x2","n"],"Values":[[1,2,3]]}}} trailing)"));
  BOOST_TEST(!read(R"({"Inputs":{"input1":{"ColumnNames":["x\u0031","x2","n"],"Values":[[1,2,3]]}}})"));
}

BOOST_AUTO_TEST_CASE(column_names_remembered_from_the_last_call_serve_only_the_same_bytes_and_plan) {
  const PlannedService service = scores_only(binary_logistic());
  const CompiledGraph& graph = *service.graph;
  const ScoringPlan& plan = *service.plan;
  auto other_plan = ScoringPlan::of(graph);
  BOOST_TEST_REQUIRE(static_cast<bool>(other_plan));
  BOOST_TEST(plan.id() != other_plan->id());
  const std::vector<std::string> order = {"x1", "x2", "n"};
  BOOST_TEST((check_call(graph, plan, body_of(order, {{"1.5", "-2", "3"}})) == Path::Plan));
  BOOST_TEST((check_call(graph, plan, body_of(order, {{"-4", "7.25", "1"}, {"null", "0", "2"}})) == Path::Plan));
  BOOST_TEST((check_call(graph, plan, body_of({"n", "x2", "x1"}, {{"-4", "7.25", "1"}})) == Path::Plan));
  BOOST_TEST((check_call(graph, *other_plan, body_of({"n", "x2", "x1"}, {{"5", "0.5", "-1"}})) == Path::Plan));
  BOOST_TEST((check_call(graph, plan, body_of(order, {{"1.5", "-2", "3"}})) == Path::Plan));
  // Names that begin as the remembered ones do are read afresh, and refused here.
  BOOST_TEST((check_call(graph, plan, body_of({"x1", "x2", "n", "z"}, {{"1", "2", "3", "4"}})) == Path::Graph));
  BOOST_TEST((check_call(graph, plan, body_of({"x1", "x2", "x2"}, {{"1", "2", "3"}})) == Path::Graph));
  BOOST_TEST((check_call(graph, plan, body_of(order, {{"1", "2", "3"}})) == Path::Plan));
}

BOOST_AUTO_TEST_SUITE_END()
