#include "engine/run_context.hpp"

#include "common/error.hpp"

namespace azml::engine {

namespace {
thread_local const RunContext* current = nullptr;
}  // namespace

const RunContext* current_run_context() noexcept { return current; }

void throw_if_cancelled() {
  if (current && current->cancelled && current->cancelled->load(std::memory_order_relaxed)) {
    throw Error(ErrorCode::Cancelled, "the run was cancelled");
  }
}

RunContextScope::RunContextScope(const RunContext& context) noexcept : previous_(current) { current = &context; }

RunContextScope::~RunContextScope() { current = previous_; }

}  // namespace azml::engine
