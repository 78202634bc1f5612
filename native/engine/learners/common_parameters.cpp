#include "common/error.hpp"
#include "engine/learners/learner.hpp"

namespace azml::engine {

ParameterSpec trainer_mode_parameter() { return {"Create trainer mode", "SingleParameter", {}}; }

ParameterSpec random_seed_parameter() { return {"Random number seed", "", {}}; }

ParameterSpec unknown_levels_parameter() {
  return {"Allow unknown categorical levels", "True", {"Allow unknown values for categorical features"}};
}

void require_single_parameter_mode(const Parameters& parameters) {
  std::string mode = parameters.choice("Create trainer mode", {"SingleParameter", "ParameterRange"});
  if (mode != "SingleParameter") {
    throw Error(ErrorCode::Invalid,
                "parameter 'Create trainer mode': ParameterRange (parameter sweeps with Tune Model "
                "Hyperparameters) is not implemented by azml; use SingleParameter");
  }
}

std::string seed_value(const Parameters& parameters) {
  auto seed = parameters.optional_integer("Random number seed");
  // Blank means "any seed" in Azure; azml picks 0 so that training is repeatable.
  return std::to_string(seed.value_or(0));
}

}  // namespace azml::engine
