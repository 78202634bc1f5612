// rrs_stage_bench: what one single-row scoring call costs inside azml-host, stage by stage and
// with no HTTP, for the shipped breast-cancer predictive service: read the body, score, write the
// answer; through the graph (the body read into tables, the graph executed) and through the
// service's scoring plan, taking turns in one run. A benchmark: it prints figures and asserts
// only that both ways give the same bytes.
//
//   rrs_stage_bench [calls per round (200000)] [rounds (5)]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "common/json.hpp"
#include "engine/csv.hpp"
#include "engine/graph.hpp"
#include "engine/ilearner.hpp"
#include "engine/learners/learner.hpp"
#include "engine/scoring_plan.hpp"
#include "runtime/rrs_exchange.hpp"
#include "runtime/rrs_fast_request.hpp"
#include "runtime/rrs_response_text.hpp"

namespace {

using Clock = std::chrono::steady_clock;
constexpr std::size_t kMaxRows = 1000;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

double nanoseconds(Clock::time_point from, Clock::time_point to) {
  return std::chrono::duration<double, std::nano>(to - from).count();
}

// Nanoseconds per call of each stage, summed over a round.
struct Stages {
  double read = 0, score = 0, write = 0;
  double total() const { return read + score + write; }
};

// The first row of the data set without its label, in the table form.
std::string one_row_body(const azml::engine::Table& data, const std::string& label) {
  azml::json names = azml::json::array(), values = azml::json::array();
  for (const auto& column : data.columns()) {
    if (column.name() == label) continue;
    names.push_back(column.name());
    values.push_back(column.number(0));
  }
  return azml::json{{"Inputs", {{"input1", {{"ColumnNames", names}, {"Values", {values}}}}}}, {"GlobalParameters", azml::json::object()}}
      .dump();
}

}  // namespace

int main(int argc, char** argv) {
  const int calls = argc > 1 ? std::atoi(argv[1]) : 200000;
  const int rounds = argc > 2 ? std::atoi(argv[2]) : 5;
  const azml::engine::Table data = azml::engine::read_csv_file(std::string(AZML_TEST_DATA_DIR) + "/breast_cancer.csv");
  const std::string model = azml::engine::write_ilearner(*azml::engine::train(
      azml::engine::UntrainedModel(azml::engine::two_class_boosted_decision_tree(), azml::engine::Parameters({})), data,
      "diagnosis"));
  const azml::json service = azml::json::parse(read_file(std::string(AZML_EXAMPLES_DIR) + "/predictive-service.json"));
  const auto graph = azml::engine::compile_graph(service.at("properties"), [&](const std::string&) { return model; });
  const auto plan = azml::engine::ScoringPlan::of(*graph);
  if (!plan) {
    std::fprintf(stderr, "rrs_stage_bench: the predictive service has no scoring plan\n");
    return 1;
  }
  const std::string body = one_row_body(data, "diagnosis");
  const azml::host::runtime::RrsOptions options;

  std::printf("single-row call, breast-cancer predictive service, %d calls per round, %d rounds (ns per call)\n", calls,
              rounds);
  std::printf("%-8s %-22s %8s %8s %8s %8s\n", "round", "path", "read", "score", "write", "total");
  std::vector<double> ratios;
  for (int round = 1; round <= rounds; ++round) {
    Stages through_graph, through_plan;
    for (int call = 0; call < calls; ++call) {
      const auto a = Clock::now();
      auto tables = azml::host::runtime::read_rrs_request_fast(body, *graph, kMaxRows);
      const auto b = Clock::now();
      const auto graph_results = graph->execute(std::move(tables->inputs), tables->global_parameters);
      const auto c = Clock::now();
      const auto graph_answer = azml::host::runtime::rrs_response_text(graph_results, *graph, options);
      const auto d = Clock::now();
      const auto rows = azml::host::runtime::read_rrs_features_fast(body, *plan, kMaxRows);
      const auto e = Clock::now();
      const auto plan_results = plan->score(rows->features, rows->rows);
      const auto f = Clock::now();
      const auto plan_answer = azml::host::runtime::rrs_response_text(plan_results, *graph, options);
      const auto g = Clock::now();
      if (!graph_answer || !plan_answer || *graph_answer != *plan_answer) {
        std::fprintf(stderr, "rrs_stage_bench: the plan's answer differs from the graph's\n");
        return 1;
      }
      through_graph.read += nanoseconds(a, b);
      through_graph.score += nanoseconds(b, c);
      through_graph.write += nanoseconds(c, d);
      through_plan.read += nanoseconds(d, e);
      through_plan.score += nanoseconds(e, f);
      through_plan.write += nanoseconds(f, g);
    }
    for (const auto& [name, stages] : {std::pair<const char*, Stages>{"tables + graph", through_graph},
                                       std::pair<const char*, Stages>{"scoring plan", through_plan}}) {
      std::printf("%-8d %-22s %8.0f %8.0f %8.0f %8.0f\n", round, name, stages.read / calls, stages.score / calls,
                  stages.write / calls, stages.total() / calls);
    }
    ratios.push_back(through_graph.total() / through_plan.total());
  }
  std::sort(ratios.begin(), ratios.end());
  std::printf("\nscoring plan: %.2fx faster per call than tables + graph (median of rounds; %.2f .. %.2f)\n",
              ratios[ratios.size() / 2], ratios.front(), ratios.back());
  return 0;
}
