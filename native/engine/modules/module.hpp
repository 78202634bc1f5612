// Modules: Azure ML Studio's modules by their names, ports and parameters. A Module is a
// description plus configure(), which reads parameters once and returns an Operation; an
// Operation is immutable and runs on any number of threads at once.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/learners/learner.hpp"
#include "engine/parameters.hpp"
#include "engine/table.hpp"
#include "engine/trained_model.hpp"

namespace azml::engine {

// What a port carries. Azure typed every port "Dataset" in definitions; azml tells them
// apart so that a graph wiring a dataset into "Trained model" fails when it is compiled.
enum class PortKind { Dataset, TrainedModel, UntrainedModel };
const char* to_string(PortKind kind) noexcept;  // "dataset", "trained model", "untrained model"

// A value on an edge: a table, a trained model or a configured learner, shared, never changed.
class Value {
 public:
  Value() = default;
  explicit Value(std::shared_ptr<const Table> table);
  explicit Value(Table table);
  explicit Value(std::shared_ptr<const TrainedModel> model);
  explicit Value(std::shared_ptr<const UntrainedModel> learner);

  bool empty() const noexcept;
  PortKind kind() const;
  // Each throws azml::Error(Invalid) naming what the value is instead.
  const Table& table() const;
  const std::shared_ptr<const Table>& shared_table() const;
  const std::shared_ptr<const TrainedModel>& trained_model() const;
  const UntrainedModel& untrained_model() const;

 private:
  std::shared_ptr<const Table> table_;
  std::shared_ptr<const TrainedModel> trained_model_;
  std::shared_ptr<const UntrainedModel> untrained_model_;
};

using PortValues = std::map<std::string, Value>;  // by port name

struct PortSpec {
  std::string name;
  PortKind kind = PortKind::Dataset;
  bool optional = false;
};

struct ModuleInfo {
  std::string name;                // Azure's display name, "Score Model"
  std::vector<std::string> slugs;  // for aml://module/<slug>; the first is azml's own
  std::vector<PortSpec> inputs;
  std::vector<PortSpec> outputs;
  std::vector<ParameterSpec> parameters;

  const PortSpec* input(std::string_view port) const;   // case-insensitive
  const PortSpec* output(std::string_view port) const;  // case-insensitive
};

class Operation {
 public:
  virtual ~Operation() = default;
  // Inputs by port name (optional ports may be absent); outputs by port name.
  virtual PortValues run(const PortValues& inputs) const = 0;
};

class Module {
 public:
  virtual ~Module() = default;
  virtual const ModuleInfo& info() const = 0;
  // Reads parameters already resolved against info().parameters (canonical names, defaults
  // filled); throws azml::Error(Invalid) naming a bad parameter.
  virtual std::shared_ptr<const Operation> configure(const Parameters& parameters) const = 0;
};

// Resolves the given parameters against the module's specs and configures it. Errors name
// the module.
std::shared_ptr<const Operation> configure_module(const Module& module, const Parameters& given);

// A module made of two functions, which is how every built-in module is written.
using RunFunction = std::function<PortValues(const PortValues& inputs)>;
using ConfigureFunction = std::function<RunFunction(const Parameters& parameters)>;
std::unique_ptr<Module> make_module(ModuleInfo info, ConfigureFunction configure);

class ModuleRegistry {
 public:
  // Every module azml implements.
  static const ModuleRegistry& builtin();

  void add(std::unique_ptr<Module> module);
  const Module* find_by_name(std::string_view name) const;  // case-insensitive
  // "aml://module/<slug>"; nullptr for another scheme or an unknown slug.
  const Module* find_by_uri(std::string_view uri) const;
  std::vector<const Module*> modules() const;

 private:
  std::vector<std::unique_ptr<Module>> modules_;
};

// Helpers shared by the module implementations.
const Table& input_table(const PortValues& inputs, const std::string& port);
Value output_table(Table table);

// The built-in modules, one per file in modules/.
std::unique_ptr<Module> make_select_columns_module();
std::unique_ptr<Module> make_edit_metadata_module();
std::unique_ptr<Module> make_clean_missing_data_module();
std::unique_ptr<Module> make_normalize_data_module();
std::unique_ptr<Module> make_split_data_module();
std::unique_ptr<Module> make_score_model_module();
std::unique_ptr<Module> make_train_model_module();
std::unique_ptr<Module> make_evaluate_model_module();
std::unique_ptr<Module> make_import_data_module();
std::unique_ptr<Module> make_learner_module(const LearnerDefinition& learner);

}  // namespace azml::engine
