#include "common/long_work.hpp"

namespace azml {

namespace {

thread_local const LongWork::Hooks* thread_hooks = nullptr;

}  // namespace

void LongWork::install_hooks(const Hooks* hooks) noexcept { thread_hooks = hooks; }

// A scope inside another announces nothing more: the outer one already covers it.
LongWork::LongWork() noexcept : hooks_(thread_hooks) {
  if (!hooks_) return;
  thread_hooks = nullptr;
  hooks_->begin();
}

LongWork::~LongWork() {
  if (!hooks_) return;
  hooks_->end();
  thread_hooks = hooks_;
}

}  // namespace azml
