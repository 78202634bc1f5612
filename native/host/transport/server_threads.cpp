#include "transport/server_threads.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <string_view>
#include <system_error>

#include "common/long_work.hpp"

namespace azml::host::transport {

namespace {

std::int64_t now_nanoseconds() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

template <class Duration>
std::int64_t nanoseconds(Duration duration) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(duration).count();
}

// The scheduler's state of one of this process's threads, as /proc tells it: 'R' running or
// runnable, 'S' asleep, 'D' asleep on I/O, ...; 0 when it cannot be read.
char thread_state(int tid) {
  if (tid <= 0) return 0;
  char path[64];
  std::snprintf(path, sizeof path, "/proc/self/task/%d/stat", tid);
  const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  char text[256];
  const ssize_t length = ::read(fd, text, sizeof text);
  ::close(fd);
  if (length <= 0) return 0;
  // "<tid> (<name>) <state> ...": the name may hold spaces and parentheses, what follows does not.
  const std::string_view stat(text, static_cast<std::size_t>(length));
  const auto name_end = stat.rfind(')');
  if (name_end == std::string_view::npos || name_end + 2 >= stat.size()) return 0;
  return stat[name_end + 2];
}

}  // namespace

thread_local ServerThreads::Slot* ServerThreads::current_slot_ = nullptr;

void ServerThreads::handler_started() noexcept {
  if (current_slot_) current_slot_->handler_since.store(now_nanoseconds(), std::memory_order_relaxed);
}

void ServerThreads::handler_finished() noexcept {
  if (current_slot_) current_slot_->handler_since.store(0, std::memory_order_relaxed);
}

ServerThreads::ServerThreads(std::size_t loops) {
  const std::size_t count = std::clamp<std::size_t>(loops, 1, kMaxThreads);
  for (std::size_t i = 0; i < count; ++i) {
    auto loop = std::make_unique<Loop>();
    loop->context = std::make_unique<boost::asio::io_context>();
    loop->keep_running.emplace(loop->context->get_executor());
    loops_.push_back(std::move(loop));
  }
  accept_loop_.context = std::make_unique<boost::asio::io_context>(1);
  accept_loop_.keep_running.emplace(accept_loop_.context->get_executor());
  for (std::size_t i = 0; i < kMaxThreads; ++i) slots_.push_back(std::make_unique<Slot>());
  try {
    accept_thread_ = std::thread([this] { run(*accept_loop_.context); });
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
    accept_loop_.context->stop();
    for (auto& slot : slots_) {
      if (slot->thread.joinable()) slot->thread.join();
    }
    if (accept_thread_.joinable()) accept_thread_.join();
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
  accept_loop_.keep_running.reset();
  accept_loop_.context->stop();
  for (auto& slot : slots_) {
    if (slot->thread.joinable()) slot->thread.join();
  }
  if (accept_thread_.joinable()) accept_thread_.join();
}

boost::asio::io_context& ServerThreads::next_loop() {
  return *loops_[next_loop_.fetch_add(1, std::memory_order_relaxed) % loops_.size()]->context;
}

std::size_t ServerThreads::thread_count() const noexcept {
  std::size_t count = 0;
  for (const auto& slot : slots_) {
    if (slot->taken && !slot->finished) ++count;
  }
  return count;
}

void ServerThreads::run(boost::asio::io_context& context) {
  for (;;) {
    try {
      context.run();
      return;
    } catch (...) {
      // Sessions catch what handlers throw; anything else must not end the thread.
    }
  }
}

void ServerThreads::start_server_thread(Slot& slot) {
  static const azml::LongWork::Hooks long_work_hooks{
      []() noexcept { current_slot_->long_work.store(true, std::memory_order_relaxed); },
      []() noexcept { current_slot_->long_work.store(false, std::memory_order_relaxed); }};
  current_slot_ = &slot;
  azml::LongWork::install_hooks(&long_work_hooks);
  slot.tid = static_cast<int>(::gettid());
}

void ServerThreads::run_core(Slot& slot) {
  start_server_thread(slot);
  run(*loops_[slot.loop]->context);
}

void ServerThreads::run_added(Slot& slot) {
  start_server_thread(slot);
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
    slot.long_work = false;
    slot.tid = 0;
    slot.loop = loop;
    try {
      slot.thread = std::thread([this, &slot] { run_added(slot); });
    } catch (const std::system_error&) {
      slot.taken = false;  // no thread to spare now; the next check tries again
    }
    return;
  }
}

// Whether every thread of `loop` waits in a handler. Called only once each has been in its
// handler for kBlockedAfter, so /proc is read only then, and only until one proves busy.
bool ServerThreads::all_blocked(std::size_t loop, std::int64_t now) const {
  for (const auto& entry : slots_) {
    const Slot& slot = *entry;
    if (!slot.taken || slot.finished || slot.loop != loop) continue;
    const std::int64_t since = slot.handler_since.load(std::memory_order_relaxed);
    if (since == 0 || now - since < nanoseconds(kBlockedAfter)) return false;
    if (now - since >= nanoseconds(kLongHandler)) continue;  // waiting or not, it has held the loop long enough
    if (slot.long_work.load(std::memory_order_relaxed)) continue;  // it said it would hold the loop long
    const char state = thread_state(slot.tid.load(std::memory_order_relaxed));
    if (state == 0) continue;  // no /proc: a slow handler counts as blocked, as it always did
    // A handler that ended meanwhile leaves its thread asleep waiting for the next request.
    if (slot.handler_since.load(std::memory_order_relaxed) != since) return false;
    if (state == 'R') return false;
  }
  return true;
}

void ServerThreads::supervise() {
  std::vector<std::size_t> running(loops_.size());
  std::vector<std::size_t> slow(loops_.size());  // in a handler for kBlockedAfter or more
  std::chrono::milliseconds interval = kIdleCheckInterval;
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stopping_changed_.wait_for(lock, interval, [this] { return stopping_; })) {
    std::fill(running.begin(), running.end(), 0);
    std::fill(slow.begin(), slow.end(), 0);
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
      if (since != 0 && now - since >= nanoseconds(kBlockedAfter)) ++slow[slot.loop];
    }
    interval = any_handler ? kCheckInterval : kIdleCheckInterval;
    for (std::size_t loop = 0; loop < loops_.size(); ++loop) {
      if (running[loop] == 0 || slow[loop] < running[loop] || !all_blocked(loop, now)) continue;
      loops_[loop]->last_blocked.store(now, std::memory_order_relaxed);
      add_thread(loop);
    }
  }
}

}  // namespace azml::host::transport
