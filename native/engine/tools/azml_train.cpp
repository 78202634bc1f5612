// azml-train: trains an .ilearner from a CSV/TSV file with one of azml's learners, so that
// predictive web services can be built and tested before batch retraining exists.
//
//   azml-train --data breast_cancer.csv --label diagnosis
//              --learner "Two-Class Boosted Decision Tree"
//              --param "Number of trees constructed=50" --split 0.8 --seed 42
//              --output breast-cancer.ilearner
//
// With --split the model is trained on that fraction of the rows and evaluated (Evaluate
// Model's metrics) on the rest; the metrics are printed and kept in the .ilearner header.
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "common/json.hpp"
#include "engine/csv.hpp"
#include "engine/evaluation.hpp"
#include "engine/ilearner.hpp"
#include "engine/learners/learner.hpp"
#include "engine/row_split.hpp"
#include "engine/scoring.hpp"
#include "engine/value_text.hpp"

namespace {

using namespace azml::engine;

constexpr const char* kUsage =
    "usage: azml-train --data FILE --label COLUMN --learner NAME [--param 'NAME=VALUE']...\n"
    "                  [--split FRACTION [--seed N] [--stratified]] [--threads N]\n"
    "                  [--output MODEL.ilearner] [--metrics-json FILE]\n"
    "       azml-train --list-learners\n"
    "\n"
    "  --data FILE        training data, CSV (or TSV for .tsv/.tab) with a header row\n"
    "  --label COLUMN     the label column\n"
    "  --learner NAME     an Azure ML Studio learner name (see --list-learners) or its slug\n"
    "  --param NAME=VALUE a learner parameter by its Azure name, e.g. 'Learning rate=0.1'\n"
    "  --split FRACTION   train on this fraction of the rows, evaluate on the rest\n"
    "  --seed N           random seed of the split (default 0)\n"
    "  --stratified       split each label value separately\n"
    "  --threads N        XGBoost threads for training (default 1)\n"
    "  --output FILE      where to write the model (.ilearner)\n"
    "  --metrics-json FILE  write the evaluation metrics as JSON\n";

struct Options {
  std::string data;
  std::string label;
  std::string learner;
  std::vector<std::pair<std::string, std::string>> parameters;
  double split = 0;
  std::uint64_t seed = 0;
  bool stratified = false;
  int threads = 1;
  std::string output;
  std::string metrics_json;
  bool list_learners = false;
};

[[noreturn]] void usage_error(const std::string& message) {
  std::cerr << "azml-train: " << message << "\n\n" << kUsage;
  std::exit(2);
}

Options parse_options(int argc, char** argv) {
  Options options;
  auto value = [&](int& i) -> std::string {
    if (i + 1 >= argc) usage_error(std::string(argv[i]) + " needs a value");
    return argv[++i];
  };
  auto number = [&](const std::string& name, const std::string& text) {
    auto parsed = parse_number(text);
    if (!parsed) usage_error(name + ": '" + text + "' is not a number");
    return *parsed;
  };
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      std::cout << kUsage;
      std::exit(0);
    } else if (arg == "--list-learners") {
      options.list_learners = true;
    } else if (arg == "--data") {
      options.data = value(i);
    } else if (arg == "--label") {
      options.label = value(i);
    } else if (arg == "--learner") {
      options.learner = value(i);
    } else if (arg == "--param") {
      std::string pair = value(i);
      auto equals = pair.find('=');
      if (equals == std::string::npos || equals == 0) usage_error("--param needs NAME=VALUE, not '" + pair + "'");
      options.parameters.emplace_back(pair.substr(0, equals), pair.substr(equals + 1));
    } else if (arg == "--split") {
      options.split = number(arg, value(i));
      if (!(options.split > 0 && options.split < 1)) usage_error("--split must be between 0 and 1 (exclusive)");
    } else if (arg == "--seed") {
      double seed = number(arg, value(i));
      if (seed < 0) usage_error("--seed must not be negative");
      options.seed = static_cast<std::uint64_t>(seed);
    } else if (arg == "--stratified") {
      options.stratified = true;
    } else if (arg == "--threads") {
      options.threads = static_cast<int>(number(arg, value(i)));
      if (options.threads < 1) usage_error("--threads must be at least 1");
    } else if (arg == "--output") {
      options.output = value(i);
    } else if (arg == "--metrics-json") {
      options.metrics_json = value(i);
    } else {
      usage_error("unknown argument '" + arg + "'");
    }
  }
  if (options.list_learners) return options;
  if (options.data.empty()) usage_error("--data is required");
  if (options.label.empty()) usage_error("--label is required");
  if (options.learner.empty()) usage_error("--learner is required");
  if (options.output.empty() && options.split == 0) usage_error("give --output, --split or both");
  return options;
}

void list_learners() {
  for (const auto* definition : learner_definitions()) {
    std::cout << definition->name << "  (" << to_string(definition->kind) << ", aml://module/" << definition->slug
              << ")\n";
    for (const auto& parameter : definition->parameters) {
      std::cout << "    " << parameter.name << " = " << parameter.default_value.value_or("(required)") << "\n";
    }
  }
}

void print_metrics(const Metrics& metrics) {
  for (const auto& [name, value] : metrics) {
    std::cout << "  " << name << ": ";
    if (std::holds_alternative<std::string>(value)) {
      std::cout << std::get<std::string>(value);
    } else {
      std::cout << format_number(std::get<double>(value));
    }
    std::cout << "\n";
  }
}

int run(const Options& options) {
  const LearnerDefinition* definition = find_learner(options.learner);
  if (!definition) {
    throw azml::Error(azml::ErrorCode::Invalid, "unknown learner '" + options.learner + "'; see --list-learners");
  }
  Parameters given;
  for (const auto& [name, value] : options.parameters) given.set(name, value);
  UntrainedModel learner(*definition, given);

  Table data = read_csv_file(options.data);
  Table training = data;
  Table held_out;
  if (options.split > 0) {
    const Column* strata = options.stratified ? &data.column(options.label) : nullptr;
    RowSplit split = split_rows(data.row_count(), options.split, true, options.seed, strata);
    if (split.first.empty() || split.second.empty()) {
      throw azml::Error(azml::ErrorCode::Invalid, "the split leaves one side empty; use more rows or another fraction");
    }
    training = data.take_rows(split.first);
    held_out = data.take_rows(split.second);
  }

  TrainingOptions training_options;
  training_options.threads = options.threads;
  auto model = train(learner, training, options.label, training_options);
  std::cout << definition->name << ": trained on " << model->header().training_rows << " rows, "
            << model->header().features.features().size() << " features, " << model->header().boosting_rounds
            << " boosting round(s)\n";

  ModelHeader header = model->header();
  if (options.split > 0) {
    Metrics metrics = evaluate_scored(score(*model, held_out, true));
    std::cout << "Evaluation on " << held_out.row_count() << " held-out rows:\n";
    print_metrics(metrics);
    header.metrics["evaluation"] = metrics_json(metrics);
    if (!options.metrics_json.empty()) {
      FILE* file = std::fopen(options.metrics_json.c_str(), "wb");
      if (!file) throw azml::Error(azml::ErrorCode::Generic, "cannot write '" + options.metrics_json + "'");
      std::string text = metrics_json(metrics).dump(2) + "\n";
      std::fwrite(text.data(), 1, text.size(), file);
      std::fclose(file);
    }
  }
  if (!options.output.empty()) {
    // The header with the evaluation metrics, around the same booster.
    TrainedModel with_metrics(header, model->booster_bytes());
    write_ilearner_file(with_metrics, options.output);
    std::cout << "Wrote " << options.output << "\n";
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options options = parse_options(argc, argv);
  if (options.list_learners) {
    list_learners();
    return 0;
  }
  try {
    return run(options);
  } catch (const std::exception& e) {
    std::cerr << "azml-train: " << e.what() << "\n";
    return 1;
  }
}
