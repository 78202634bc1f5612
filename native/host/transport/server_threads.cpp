#include "transport/server_threads.hpp"

#include <algorithm>
#include <system_error>

namespace azml::host::transport {

namespace {

// The slot of the server thread running on this thread; null elsewhere.
thread_local std::atomic<std::int64_t>* current_handler_since = nullptr;

std::int64_t now_nanoseconds() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

template <class Duration>
std::int64_t nanoseconds(Duration duration) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(duration).count();
}

}  // namespace

void ServerThreads::handler_started() noexcept {
  if (current_handler_since) current_handler_since->store(now_nanoseconds(), std::memory_order_relaxed);
}

void ServerThreads::handler_finished() noexcept {
  if (current_handler_since) current_handler_since->store(0, std::memory_order_relaxed);
}

ServerThreads::ServerThreads(std::size_t loops) {
  const std::size_t count = std::clamp<std::size_t>(loops, 1, kMaxThreads);
  for (std::size_t i = 0; i < count; ++i) {
    auto loop = std::make_unique<Loop>();
    loop->context = std::make_unique<boost::asio::io_context>();
    loop->keep_running.emplace(loop->context->get_executor());
    loops_.push_back(std::move(loop));
  }
  for (std::size_t i = 0; i < kMaxThreads; ++i) slots_.push_back(std::make_unique<Slot>());
  try {
    for (std::size_t i = 0; i < count; ++i) {
      Slot& slot = *slots_[i];
      slot.taken = true;
      slot.loop = i;
      slot.thread = std::thread([this, &slot] { run_core(slot); });
    }
    supervisor_ = std::thread([this] { supervise(); });
  } catch (...) {
    // The threads that did start end before the loops they run go.
    for (auto& loop : loops_) {
      loop->keep_running.reset();
      loop->context->stop();
    }
    for (auto& slot : slots_) {
      if (slot->thread.joinable()) slot->thread.join();
    }
    throw;
  }
}

ServerThreads::~ServerThreads() { stop(); }

void ServerThreads::stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopping_) return;
    stopping_ = true;
  }
  stopping_changed_.notify_all();
  if (supervisor_.joinable()) supervisor_.join();
  for (auto& loop : loops_) {
    loop->keep_running.reset();
    loop->context->stop();
  }
  for (auto& slot : slots_) {
    if (slot->thread.joinable()) slot->thread.join();
  }
}

boost::asio::io_context& ServerThreads::next_loop() {
  return *loops_[next_loop_.fetch_add(1, std::memory_order_relaxed) % loops_.size()]->context;
}

void ServerThreads::run_core(Slot& slot) {
  current_handler_since = &slot.handler_since;
  auto& context = *loops_[slot.loop]->context;
  for (;;) {
    try {
      context.run();
      return;
    } catch (...) {
      // Sessions catch what handlers throw; anything else must not end the thread.
    }
  }
}

void ServerThreads::run_added(Slot& slot) {
  current_handler_since = &slot.handler_since;
  Loop& loop = *loops_[slot.loop];
  while (!loop.context->stopped()) {
    try {
      loop.context->run_one_for(std::chrono::milliseconds(100));
    } catch (...) {
    }
    if (now_nanoseconds() - loop.last_blocked.load(std::memory_order_relaxed) > nanoseconds(kRetireAfter)) break;
  }
  slot.finished = true;
}

void ServerThreads::add_thread(std::size_t loop) {
  for (auto& entry : slots_) {
    Slot& slot = *entry;
    if (slot.taken) continue;
    slot.taken = true;
    slot.finished = false;
    slot.handler_since = 0;
    slot.loop = loop;
    try {
      slot.thread = std::thread([this, &slot] { run_added(slot); });
    } catch (const std::system_error&) {
      slot.taken = false;  // no thread to spare now; the next check tries again
    }
    return;
  }
}

void ServerThreads::supervise() {
  std::vector<std::size_t> running(loops_.size());
  std::vector<std::size_t> blocked(loops_.size());
  std::chrono::milliseconds interval = kIdleCheckInterval;
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stopping_changed_.wait_for(lock, interval, [this] { return stopping_; })) {
    std::fill(running.begin(), running.end(), 0);
    std::fill(blocked.begin(), blocked.end(), 0);
    bool any_handler = false;
    const std::int64_t now = now_nanoseconds();
    for (std::size_t i = 0; i < slots_.size(); ++i) {
      Slot& slot = *slots_[i];
      if (!slot.taken) continue;
      if (slot.finished) {  // an added thread that retired gives its slot back
        slot.thread.join();
        slot.taken = false;
        continue;
      }
      ++running[slot.loop];
      const std::int64_t since = slot.handler_since.load(std::memory_order_relaxed);
      any_handler = any_handler || since != 0;
      if (since != 0 && now - since >= nanoseconds(kBlockedAfter)) ++blocked[slot.loop];
    }
    interval = any_handler ? kCheckInterval : kIdleCheckInterval;
    for (std::size_t loop = 0; loop < loops_.size(); ++loop) {
      if (running[loop] == 0 || blocked[loop] < running[loop]) continue;
      loops_[loop]->last_blocked.store(now, std::memory_order_relaxed);
      add_thread(loop);
    }
  }
}

}  // namespace azml::host::transport
