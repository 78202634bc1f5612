// One revision of a web service, compiled and with its models loaded: what the runtime serves.
// Immutable once built, so any number of requests may use it at once while a newer one is
// being prepared beside it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/json.hpp"
#include "domain/provisioner.hpp"
#include "engine/graph.hpp"
#include "engine/scoring_plan.hpp"

namespace azml::host::runtime {

class Revision final : public domain::PreparedRevision {
 public:
  // Compiles the record's definition, loading every Resource asset through `loader`. Throws
  // azml::Error (from the engine) naming the node, the module and the reason.
  static std::shared_ptr<const Revision> compile(const WebServiceRecord& record, const engine::ResourceLoader& loader);

  std::int64_t number() const noexcept { return number_; }
  const engine::CompiledGraph& graph() const noexcept { return *graph_; }
  std::shared_ptr<const engine::CompiledGraph> shared_graph() const noexcept { return graph_; }
  // The graph's scoring shortcut (engine/scoring_plan.hpp), or nullptr when it has none.
  const engine::ScoringPlan* scoring_plan() const noexcept { return scoring_plan_.get(); }
  // The definition's title and description, and its "input"/"output" specifications (Swagger
  // TableSpecifications by input and output name; null when the definition has none).
  const std::string& title() const noexcept { return title_; }
  const std::string& description() const noexcept { return description_; }
  const json& input_specification() const noexcept { return input_specification_; }
  const json& output_specification() const noexcept { return output_specification_; }

 private:
  std::int64_t number_ = 0;
  std::shared_ptr<const engine::CompiledGraph> graph_;
  std::unique_ptr<const engine::ScoringPlan> scoring_plan_;
  std::string title_;
  std::string description_;
  json input_specification_;
  json output_specification_;
};

}  // namespace azml::host::runtime
