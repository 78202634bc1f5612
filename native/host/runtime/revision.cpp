#include "runtime/revision.hpp"

#include "common/long_work.hpp"

namespace azml::host::runtime {

namespace {

std::string string_property(const json& properties, const char* name) {
  auto found = properties.find(name);
  return found != properties.end() && found->is_string() ? found->get<std::string>() : std::string();
}

json object_property(const json& properties, const char* name) {
  auto found = properties.find(name);
  return found != properties.end() && found->is_object() ? *found : json();
}

}  // namespace

std::shared_ptr<const Revision> Revision::compile(const WebServiceRecord& record, const engine::ResourceLoader& loader) {
  // Loading models (XGBoost's parse, the evaluator's check) takes milliseconds of CPU: on a
  // server thread, the other connections of its loop go to another thread meanwhile.
  const LongWork long_work;
  auto revision = std::make_shared<Revision>();
  revision->number_ = record.revision;
  revision->graph_ = engine::compile_graph(record.properties, loader);
  revision->scoring_plan_ = engine::ScoringPlan::of(*revision->graph_);
  revision->title_ = string_property(record.properties, "title");
  revision->description_ = string_property(record.properties, "description");
  revision->input_specification_ = object_property(record.properties, "input");
  revision->output_specification_ = object_property(record.properties, "output");
  return revision;
}

}  // namespace azml::host::runtime
