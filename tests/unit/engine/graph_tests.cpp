#include <boost/test/unit_test.hpp>

#include <thread>

#include "engine/graph.hpp"
#include "engine/ilearner.hpp"
#include "engine/learners/learner.hpp"
#include "engine/scoring.hpp"
#include "engine_test_support.hpp"

using namespace azml::engine;
using azml::json;
using azml::engine::test::check_error;

namespace {

constexpr const char* kModelUri = "https://azmllocal.blob.core.windows.net/models/breast-cancer.ilearner";

const std::string& model_bytes() {
  static const std::string bytes = [] {
    Table data = azml::engine::test::load_data("breast_cancer.csv");
    auto model = train(UntrainedModel(two_class_boosted_decision_tree(), Parameters({{"Number of trees constructed", "20"}})),
                       data, "diagnosis");
    return write_ilearner(*model);
  }();
  return bytes;
}

// Serves the test model at kModelUri and nothing else.
std::string load(const std::string& uri) {
  if (uri == kModelUri) return model_bytes();
  throw azml::Error(azml::ErrorCode::NotFound, "no blob at " + uri);
}

// The predictive service: input -> Score Model <- trained model -> Select Columns -> output.
json predictive_definition() {
  return json::parse(R"({
    "packageType": "Graph",
    "assets": {
      "asset1": {"name": "Breast cancer diagnosis [trained model]", "type": "Resource",
                 "locationInfo": {"uri": "https://azmllocal.blob.core.windows.net/models/breast-cancer.ilearner"},
                 "outputPorts": {"Results dataset": {"type": "Dataset"}}},
      "asset2": {"name": "Score Model", "type": "Module", "locationInfo": {"uri": "aml://module/score-model"}},
      "asset3": {"name": "Select Columns in Dataset", "type": "Module", "locationInfo": {"uri": "aml://module/select-columns"}}
    },
    "parameters": {},
    "input": {"type": "object", "properties": {"input1": {"type": "object", "properties": {
      "mean radius": {"type": "Number", "format": "Double"}}}}},
    "output": {"type": "object", "properties": {"output1": {"type": "object", "properties": {}}}},
    "package": {
      "nodes": {
        "node1": {"inputId": "input1"},
        "node2": {"assetId": "asset1"},
        "node3": {"assetId": "asset2", "parameters": {"Append score columns to output": {"value": "True"}}},
        "node4": {"assetId": "asset3", "parameters": {"Select columns": {"value":
          "{\"isFilter\":true,\"rules\":[{\"ruleType\":\"ColumnNames\",\"columns\":[\"Scored Labels\",\"Scored Probabilities\"],\"exclude\":false}]}"}}},
        "node5": {"outputId": "output1"}
      },
      "edges": [
        {"sourceNodeId": "node1", "targetNodeId": "node3", "targetPortId": "Dataset"},
        {"sourceNodeId": "node2", "sourcePortId": "Results dataset", "targetNodeId": "node3", "targetPortId": "Trained model"},
        {"sourceNodeId": "node3", "sourcePortId": "Scored dataset", "targetNodeId": "node4", "targetPortId": "Dataset"},
        {"sourceNodeId": "node4", "sourcePortId": "Results dataset", "targetNodeId": "node5"}
      ],
      "graphParameters": {}
    }
  })");
}

Table first_rows(size_t count) {
  Table data = azml::engine::test::load_data("breast_cancer.csv");
  std::vector<size_t> rows;
  for (size_t row = 0; row < count; ++row) rows.push_back(row);
  return data.take_rows(rows);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(graph_tests)

BOOST_AUTO_TEST_CASE(predictive_graph_scores_breast_cancer_rows) {
  auto graph = compile_graph(predictive_definition(), load);
  BOOST_REQUIRE(graph->inputs().size() == 1u);
  BOOST_TEST(graph->inputs()[0].name == "input1");
  BOOST_REQUIRE(graph->input_schema("input1") != nullptr);
  BOOST_TEST(graph->input_schema("input1")->front().name == "mean radius");
  BOOST_TEST(graph->outputs()[0].name == "output1");

  Table rows = first_rows(20);
  auto results = graph->execute({{"input1", rows}});
  const Table& output = results.at("output1").table();
  BOOST_TEST(output.column_names() == (std::vector<std::string>{"Scored Labels", "Scored Probabilities"}),
             boost::test_tools::per_element());
  BOOST_TEST(output.row_count() == 20u);
  // The same as scoring with the model directly.
  Table direct = score(*read_ilearner(model_bytes()), rows, false);
  BOOST_TEST(write_csv(output) == write_csv(direct));
  BOOST_TEST(output.column("Scored Labels").text(0) == "malignant");  // row 1 of the data set is malignant
}

BOOST_AUTO_TEST_CASE(the_shipped_example_service_scores_its_example_request) {
  const json resource = json::parse(azml::engine::test::read_file(std::string(AZML_EXAMPLES_DIR) + "/predictive-service.json"));
  auto graph = compile_graph(resource, load);
  const json& properties = resource.at("properties");
  // exampleRequest rows carry no column names; they follow the data set's column order.
  std::vector<std::string> names = azml::engine::test::load_data("breast_cancer.csv").column_names();
  names.pop_back();  // the label
  json input = {{"ColumnNames", names}, {"Values", properties.at("exampleRequest").at("inputs").at("input1")}};
  Table rows = table_from_rrs(input, "input1", graph->input_schema("input1"));
  json output = table_to_rrs(graph->execute({{"input1", rows}}).at("output1").table());
  BOOST_TEST(output.at("ColumnNames") == json::parse(R"(["Scored Labels","Scored Probabilities"])"));
  BOOST_TEST(output.at("ColumnTypes") == json::parse(R"(["String","Double"])"));
  BOOST_TEST(output.at("Values").at(0).at(0) == "malignant");
}

BOOST_AUTO_TEST_CASE(pascal_case_and_a_whole_resource_are_accepted) {
  std::string text = predictive_definition().dump();
  for (auto [from, to] : {std::pair<std::string, std::string>{"\"nodes\"", "\"Nodes\""}, {"\"edges\"", "\"Edges\""},
                          {"\"assetId\"", "\"AssetId\""}, {"\"sourceNodeId\"", "\"SourceNodeId\""},
                          {"\"value\"", "\"Value\""}, {"\"locationInfo\"", "\"LocationInfo\""}}) {
    for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
      text.replace(at, from.size(), to);
    }
  }
  json resource{{"location", "South Central US"}, {"properties", json::parse(text)}};
  auto graph = compile_graph(resource, load);
  BOOST_TEST(graph->execute({{"input1", first_rows(3)}}).at("output1").table().row_count() == 3u);
}

BOOST_AUTO_TEST_CASE(executions_run_concurrently) {
  auto graph = compile_graph(predictive_definition(), load);
  Table rows = first_rows(50);
  const std::string expected = write_csv(graph->execute({{"input1", rows}}).at("output1").table());
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (size_t t = 0; t < mismatches.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 10; ++i) {
        if (write_csv(graph->execute({{"input1", rows}}).at("output1").table()) != expected) ++mismatches[t];
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (int count : mismatches) BOOST_TEST(count == 0);
}

BOOST_AUTO_TEST_CASE(global_parameters_override_linked_node_parameters) {
  json definition = predictive_definition();
  definition["package"]["graphParameters"] = json::parse(
      R"({"Append score columns": {"type": "Boolean", "links": [{"nodeId": "node3", "parameterKey": "Append score columns to output"}]},
          "Selection": {"type": "ColumnPicker", "links": [{"nodeId": "node4", "parameterKey": "select columns"}]}})");
  definition["parameters"] = json::parse(R"({"selection": {"value": "Scored Labels"}})");
  auto graph = compile_graph(definition, load);
  BOOST_TEST(graph->global_parameter_names() == (std::vector<std::string>{"Append score columns", "Selection"}),
             boost::test_tools::per_element());
  Table rows = first_rows(4);
  // The web service parameter is the default.
  BOOST_TEST(graph->execute({{"input1", rows}}).at("output1").table().column_names() ==
             std::vector<std::string>{"Scored Labels"}, boost::test_tools::per_element());
  // A request overrides it, matching the name case-insensitively.
  auto results = graph->execute({{"input1", rows}}, {{"selection", "mean radius, Scored Probabilities"}});
  BOOST_TEST(results.at("output1").table().column_names() ==
             (std::vector<std::string>{"mean radius", "Scored Probabilities"}), boost::test_tools::per_element());
  check_error([&] { graph->execute({{"input1", rows}}, {{"Colour", "x"}}); },
              {"unknown global parameter 'Colour'", "'Selection'"});
  check_error([&] { graph->execute({{"input1", rows}}, {{"Append score columns", "maybe"}}); },
              {"node3 (Score Model)", "'maybe' is neither True nor False"});
  check_error([&] { graph->execute({{"input1", rows}}, {{"Selection", "nope"}}); },
              {"node4 (Select Columns in Dataset)", "column 'nope' not found"});
}

BOOST_AUTO_TEST_CASE(a_global_parameter_without_default_is_required) {
  json definition = predictive_definition();
  definition["package"]["nodes"]["node4"]["parameters"] = json::object();
  definition["package"]["graphParameters"] =
      json::parse(R"({"Columns": {"type": "ColumnPicker", "links": [{"nodeId": "node4", "parameterKey": "Select columns"}]}})");
  auto graph = compile_graph(definition, load);
  check_error([&] { graph->execute({{"input1", first_rows(2)}}); }, {"global parameter 'Columns' is required"});
  BOOST_TEST(graph->execute({{"input1", first_rows(2)}}, {{"Columns", "Scored Labels"}}).at("output1").table().column_count() == 1u);
}

BOOST_AUTO_TEST_CASE(inputs_are_checked_at_execution) {
  auto graph = compile_graph(predictive_definition(), load);
  check_error([&] { graph->execute({}); }, {"input 'input1' is required"});
  check_error([&] { graph->execute({{"input1", first_rows(1)}, {"input2", first_rows(1)}}); }, {"unknown input 'input2'"});
  check_error([&] { graph->execute({{"input1", read_csv("mean radius\n1\n")}}); },
              {"node3 (Score Model)", "no column 'mean texture'"});
}

struct CompileCase {
  std::string name;
  std::function<void(json&)> change;
  std::vector<std::string> fragments;
};

BOOST_AUTO_TEST_CASE(compilation_errors_name_node_module_and_reason) {
  const CompileCase cases[] = {
      {"unknown module",
       [](json& d) {
         d["assets"]["asset3"] = json::parse(R"({"name": "Execute R Script", "type": "Module",
             "locationInfo": {"uri": "aml://module/506153734175476c4f62416c57734963.30cae3f2a1ff4b5e99eb9e2a8a8e1b9d.v1-default-1675"}})");
       },
       {"node4: module 'Execute R Script' is not implemented by azml"}},
      {"missing model",
       [](json& d) { d["assets"]["asset1"]["locationInfo"]["uri"] = "https://azmllocal.blob.core.windows.net/models/gone.ilearner"; },
       {"node2", "trained model 'Breast cancer diagnosis [trained model]'", "gone.ilearner", "no blob"}},
      {"corrupt model",
       [](json& d) { d["assets"]["asset1"]["locationInfo"]["uri"] = "https://example.invalid/corrupt.ilearner"; },
       {"node2", "checksum mismatch"}},
      {"bad target port",
       [](json& d) { d["package"]["edges"][0]["targetPortId"] = "Data"; },
       {"edge 1 (node1 -> node3)", "module 'Score Model' has no input port 'Data'", "'Trained model', 'Dataset'"}},
      {"bad source port",
       [](json& d) { d["package"]["edges"][2]["sourcePortId"] = "Scores"; },
       {"edge 3", "no output port 'Scores'", "'Scored dataset'"}},
      {"dataset into a model port",
       [](json& d) {
         d["package"]["edges"][0]["targetPortId"] = "Trained model";
         d["package"]["edges"][1]["targetPortId"] = "Dataset";
       },
       {"edge 1", "'Trained model' of node3 (Score Model) takes a trained model", "gives a dataset"}},
      {"unconnected port",
       [](json& d) { d["package"]["edges"].erase(1); },
       {"node3 (Score Model)", "input port 'Trained model' is not connected"}},
      {"two edges into one port",
       [](json& d) { d["package"]["edges"].push_back(d["package"]["edges"][0]); },
       {"edge 5", "'Dataset' of node3 (Score Model) already has an incoming edge"}},
      {"unknown asset", [](json& d) { d["package"]["nodes"]["node3"]["assetId"] = "asset9"; },
       {"node3: asset 'asset9' is not in the definition's assets"}},
      {"unknown node in edge", [](json& d) { d["package"]["edges"][0]["targetNodeId"] = "node9"; },
       {"edge 1 (node1 -> node9)", "node 'node9' does not exist"}},
      {"node with two roles", [](json& d) { d["package"]["nodes"]["node1"]["outputId"] = "output1"; },
       {"node1: a node needs exactly one of assetId, inputId and outputId"}},
      {"undeclared input", [](json& d) { d["package"]["nodes"]["node1"]["inputId"] = "input7"; },
       {"node1: input 'input7' is not declared", "'input1'"}},
      {"unknown parameter",
       [](json& d) { d["package"]["nodes"]["node3"]["parameters"]["Threshold"] = {{"value", "0.3"}}; },
       {"node3: module 'Score Model' has no parameter 'Threshold'", "'Append score columns to output'"}},
      {"bad parameter value",
       [](json& d) { d["package"]["nodes"]["node3"]["parameters"]["Append score columns to output"] = {{"value", "yes"}}; },
       {"node3", "'Append score columns to output'", "'yes' is neither True nor False"}},
      {"encrypted parameter",
       [](json& d) {
         d["package"]["nodes"]["node3"]["parameters"]["Append score columns to output"] =
             {{"value", "ENCRYPTED"}, {"certificateThumbprint", "ABC"}};
       },
       {"node3: parameter 'Append score columns to output' is encrypted"}},
      {"cycle",
       [](json& d) {
         d["package"]["edges"][0] = json::parse(R"({"sourceNodeId": "node4", "sourcePortId": "Results dataset", "targetNodeId": "node3", "targetPortId": "Dataset"})");
         d["package"]["edges"][2]["targetNodeId"] = "node4";
         d["package"]["edges"][3] = json::parse(R"({"sourceNodeId": "node3", "sourcePortId": "Scored dataset", "targetNodeId": "node5"})");
       },
       {"cycle", "'node3', 'node4'"}},
      {"output without edge", [](json& d) { d["package"]["edges"].erase(3); }, {"node5 (output 'output1')", "no edge"}},
      {"graph parameter on a missing module parameter",
       [](json& d) {
         d["package"]["graphParameters"] =
             json::parse(R"({"P": {"type": "String", "links": [{"nodeId": "node3", "parameterKey": "Nope"}]}})");
       },
       {"graph parameter 'P'", "has no parameter 'Nope'"}},
      {"no package", [](json& d) { d.erase("package"); }, {"no graph package"}},
      {"uri and name disagree",
       [](json& d) { d["assets"]["asset2"]["locationInfo"]["uri"] = "aml://module/select-columns"; },
       {"node3", "named 'Score Model'", "is module 'Select Columns in Dataset'"}},
  };
  auto loader = [](const std::string& uri) -> std::string {
    if (uri == "https://example.invalid/corrupt.ilearner") {
      std::string bytes = model_bytes();
      bytes[bytes.size() / 2] ^= 0x01;
      return bytes;
    }
    return load(uri);
  };
  for (const auto& c : cases) {
    BOOST_TEST_CONTEXT(c.name) {
      json definition = predictive_definition();
      c.change(definition);
      bool thrown = false;
      try {
        compile_graph(definition, loader);
      } catch (const azml::Error& e) {
        thrown = true;
        BOOST_TEST(e.code() == azml::ErrorCode::Invalid);
        for (const auto& fragment : c.fragments) {
          BOOST_TEST(std::string(e.what()).find(fragment) != std::string::npos, e.what() << " lacks '" << fragment << "'");
        }
      }
      BOOST_TEST(thrown);
    }
  }
}

BOOST_AUTO_TEST_CASE(retraining_graph_outputs_a_model_and_its_evaluation) {
  json definition = json::parse(R"({
    "assets": {
      "learner": {"name": "Two-Class Logistic Regression", "type": "Module", "locationInfo": {"uri": "aml://module/two-class-logistic-regression"}},
      "split": {"name": "Split Data", "type": "Module", "locationInfo": {"uri": "aml://module/split-data"}},
      "train": {"name": "Train Model", "type": "Module", "locationInfo": {"uri": "aml://module/train-model"}},
      "score": {"name": "Score Model", "type": "Module", "locationInfo": {"uri": "aml://module/score-model"}},
      "evaluate": {"name": "Evaluate Model", "type": "Module", "locationInfo": {"uri": "aml://module/evaluate-model"}}
    },
    "package": {
      "nodes": {
        "in": {"inputId": "input1"},
        "learner": {"assetId": "learner", "parameters": {"L2 regularization weight": "0.5"}},
        "split": {"assetId": "split", "parameters": {"Fraction of rows in the first output dataset": "0.8", "Random seed": "3"}},
        "train": {"assetId": "train", "parameters": {"Label column": "{\"isFilter\":true,\"rules\":[{\"ruleType\":\"ColumnNames\",\"columns\":[\"diagnosis\"],\"exclude\":false}]}"}},
        "score": {"assetId": "score"},
        "evaluate": {"assetId": "evaluate"},
        "model": {"outputId": "output1"},
        "metrics": {"outputId": "output2"}
      },
      "edges": [
        {"sourceNodeId": "in", "targetNodeId": "split", "targetPortId": "Dataset"},
        {"sourceNodeId": "learner", "sourcePortId": "Untrained model", "targetNodeId": "train", "targetPortId": "Untrained model"},
        {"sourceNodeId": "split", "sourcePortId": "Results dataset1", "targetNodeId": "train", "targetPortId": "Dataset"},
        {"sourceNodeId": "train", "sourcePortId": "Trained model", "targetNodeId": "score", "targetPortId": "Trained model"},
        {"sourceNodeId": "split", "sourcePortId": "Results dataset2", "targetNodeId": "score", "targetPortId": "Dataset"},
        {"sourceNodeId": "score", "sourcePortId": "Scored dataset", "targetNodeId": "evaluate", "targetPortId": "Scored dataset"},
        {"sourceNodeId": "train", "sourcePortId": "Trained model", "targetNodeId": "model"},
        {"sourceNodeId": "evaluate", "sourcePortId": "Evaluation results", "targetNodeId": "metrics"}
      ]
    }
  })");
  auto graph = compile_graph(definition, load);
  auto results = graph->execute({{"input1", azml::engine::test::load_data("breast_cancer.csv")}});
  const auto& model = results.at("output1").trained_model();
  BOOST_TEST(model->header().learner == "Two-Class Logistic Regression");
  BOOST_TEST(model->header().training_rows == 455u);
  BOOST_TEST(model->header().parameters.at("L2 regularization weight") == "0.5");
  BOOST_TEST(results.at("output2").table().column("AUC").number(0) > 0.95);
  check_error([&] { results.at("output1").table(); }, {"expected a dataset, got a trained model"});
}

BOOST_AUTO_TEST_SUITE_END()
