#include "engine/modules/module.hpp"

#include "common/error.hpp"
#include "common/strings.hpp"

namespace azml::engine {

const char* to_string(PortKind kind) noexcept {
  switch (kind) {
    case PortKind::Dataset: return "dataset";
    case PortKind::TrainedModel: return "trained model";
    case PortKind::UntrainedModel: return "untrained model";
  }
  return "dataset";
}

Value::Value(std::shared_ptr<const Table> table) : table_(std::move(table)) {}
Value::Value(Table table) : table_(std::make_shared<const Table>(std::move(table))) {}
Value::Value(std::shared_ptr<const TrainedModel> model) : trained_model_(std::move(model)) {}
Value::Value(std::shared_ptr<const UntrainedModel> learner) : untrained_model_(std::move(learner)) {}

bool Value::empty() const noexcept { return !table_ && !trained_model_ && !untrained_model_; }

PortKind Value::kind() const {
  if (table_) return PortKind::Dataset;
  if (trained_model_) return PortKind::TrainedModel;
  if (untrained_model_) return PortKind::UntrainedModel;
  throw Error(ErrorCode::Generic, "empty value");
}

namespace {

[[noreturn]] void wrong_kind(const Value& value, PortKind wanted) {
  throw Error(ErrorCode::Invalid, std::string("expected a ") + to_string(wanted) + ", got " +
                                      (value.empty() ? "nothing" : std::string("a ") + to_string(value.kind())));
}

}  // namespace

const Table& Value::table() const { return *shared_table(); }

const std::shared_ptr<const Table>& Value::shared_table() const {
  if (!table_) wrong_kind(*this, PortKind::Dataset);
  return table_;
}

const std::shared_ptr<const TrainedModel>& Value::trained_model() const {
  if (!trained_model_) wrong_kind(*this, PortKind::TrainedModel);
  return trained_model_;
}

const UntrainedModel& Value::untrained_model() const {
  if (!untrained_model_) wrong_kind(*this, PortKind::UntrainedModel);
  return *untrained_model_;
}

const PortSpec* ModuleInfo::input(std::string_view port) const {
  for (const auto& spec : inputs) {
    if (iequals(spec.name, port)) return &spec;
  }
  return nullptr;
}

const PortSpec* ModuleInfo::output(std::string_view port) const {
  for (const auto& spec : outputs) {
    if (iequals(spec.name, port)) return &spec;
  }
  return nullptr;
}

std::shared_ptr<const Operation> configure_module(const Module& module, const Parameters& given) {
  const std::string owner = "module '" + module.info().name + "'";
  Parameters resolved = given.resolved(module.info().parameters, owner);
  try {
    return module.configure(resolved);
  } catch (const Error& e) {
    if (e.code() != ErrorCode::Invalid || starts_with(e.what(), owner)) throw;
    throw Error(ErrorCode::Invalid, owner + ": " + e.what());
  }
}

namespace {

class FunctionOperation : public Operation {
 public:
  explicit FunctionOperation(RunFunction run) : run_(std::move(run)) {}
  PortValues run(const PortValues& inputs) const override { return run_(inputs); }

 private:
  RunFunction run_;
};

class FunctionModule : public Module {
 public:
  FunctionModule(ModuleInfo info, ConfigureFunction configure) : info_(std::move(info)), configure_(std::move(configure)) {}
  const ModuleInfo& info() const override { return info_; }
  std::shared_ptr<const Operation> configure(const Parameters& parameters) const override {
    return std::make_shared<const FunctionOperation>(configure_(parameters));
  }

 private:
  ModuleInfo info_;
  ConfigureFunction configure_;
};

}  // namespace

std::unique_ptr<Module> make_module(ModuleInfo info, ConfigureFunction configure) {
  return std::make_unique<FunctionModule>(std::move(info), std::move(configure));
}

const Table& input_table(const PortValues& inputs, const std::string& port) {
  auto it = inputs.find(port);
  if (it == inputs.end() || it->second.empty()) {
    throw Error(ErrorCode::Invalid, "the input port '" + port + "' has no dataset");
  }
  try {
    return it->second.table();
  } catch (const Error& e) {
    throw Error(ErrorCode::Invalid, "input port '" + port + "': " + e.what());
  }
}

Value output_table(Table table) { return Value(std::move(table)); }

// --- registry ---

void ModuleRegistry::add(std::unique_ptr<Module> module) { modules_.push_back(std::move(module)); }

const Module* ModuleRegistry::find_by_name(std::string_view name) const {
  for (const auto& module : modules_) {
    if (iequals(module->info().name, trim(name))) return module.get();
  }
  return nullptr;
}

const Module* ModuleRegistry::find_by_uri(std::string_view uri) const {
  constexpr std::string_view kPrefix = "aml://module/";
  if (uri.size() <= kPrefix.size() || !iequals(uri.substr(0, kPrefix.size()), kPrefix)) return nullptr;
  std::string_view slug = uri.substr(kPrefix.size());
  for (const auto& module : modules_) {
    for (const auto& known : module->info().slugs) {
      if (iequals(known, slug)) return module.get();
    }
  }
  return nullptr;
}

std::vector<const Module*> ModuleRegistry::modules() const {
  std::vector<const Module*> out;
  for (const auto& module : modules_) out.push_back(module.get());
  return out;
}

const ModuleRegistry& ModuleRegistry::builtin() {
  static const ModuleRegistry registry = [] {
    ModuleRegistry r;
    r.add(make_select_columns_module());
    r.add(make_edit_metadata_module());
    r.add(make_clean_missing_data_module());
    r.add(make_normalize_data_module());
    r.add(make_split_data_module());
    r.add(make_score_model_module());
    r.add(make_train_model_module());
    r.add(make_evaluate_model_module());
    r.add(make_import_data_module());
    for (const auto* learner : learner_definitions()) r.add(make_learner_module(*learner));
    return r;
  }();
  return registry;
}

}  // namespace azml::engine
