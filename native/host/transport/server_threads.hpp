// The threads that run the HTTP server: one event loop (io_context) per CPU, each run by its own
// thread, so a connection's reads, handler and writes stay on one thread with no hand-off
// between threads, which is what serves most requests per second. A handler may block, though
// (a model downloaded while a web service provisions, a lock another thread holds long):
// when every thread of a loop is blocked in a handler, one more thread is added to that loop (up
// to kMaxThreads in all), so its other connections keep being read and answered and a service's
// maxConcurrentCalls can still be reached and enforced. Added threads leave once their loop has
// had no blocked thread for kRetireAfter.
//
// Blocked means waiting, not merely slow: a handler in progress for kBlockedAfter counts only
// when its thread sleeps (on I/O, a lock, a condition variable). One that is running, or
// runnable but preempted on a busy machine, would gain nothing from another thread competing
// for the same CPUs and the loop's scheduler lock, so it counts only once it has been in
// progress for kLongHandler, which bounds how long a CPU-bound handler (a 1,000-row scoring
// call) holds up the other connections of its loop. A handler inside an azml::LongWork scope
// (common/long_work.hpp: compiling a revision and loading its models) has said it will hold
// its thread for long, and counts as blocked from kBlockedAfter whatever its thread does.
//
// Connections are accepted on a loop of their own, whose thread runs no handler, so that a busy
// loop never delays new connections.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>

namespace azml::host::transport {

class ServerThreads {
 public:
  static constexpr std::size_t kMaxThreads = 64;
  static constexpr std::chrono::milliseconds kBlockedAfter{2};
  // A handler in progress this long counts as blocked even while it runs (see above).
  static constexpr std::chrono::milliseconds kLongHandler{100};
  static constexpr std::chrono::milliseconds kCheckInterval{1};
  // While no handler runs at all, the supervisor looks less often: a first slow handler then
  // waits at most about kIdleCheckInterval + kBlockedAfter for help, and an idle server does not
  // wake 200 times a second.
  static constexpr std::chrono::milliseconds kIdleCheckInterval{25};
  static constexpr std::chrono::seconds kRetireAfter{1};

  // Makes `loops` event loops (at least 1) and starts a thread for each, and the supervisor
  // that adds more.
  explicit ServerThreads(std::size_t loops);
  // Stops every loop and joins every thread; what is still queued on a loop stays there until
  // the loops are destroyed with this object. Idempotent.
  void stop();
  ~ServerThreads();  // stop(), then the loops go
  ServerThreads(const ServerThreads&) = delete;
  ServerThreads& operator=(const ServerThreads&) = delete;

  std::size_t loop_count() const noexcept { return loops_.size(); }
  boost::asio::io_context& loop(std::size_t index) { return *loops_[index]->context; }
  // The loops in turn, to spread connections over them.
  boost::asio::io_context& next_loop();
  // Where the acceptor runs.
  boost::asio::io_context& accept_loop() { return *accept_loop_.context; }
  // Threads running loops now: loop_count() plus those added and not yet retired (the accept
  // loop's thread aside).
  std::size_t thread_count() const noexcept;

  // Called on a server thread around each handler. Cheap: one clock read and two atomic stores.
  static void handler_started() noexcept;
  static void handler_finished() noexcept;

 private:
  struct Loop {
    std::unique_ptr<boost::asio::io_context> context;
    std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> keep_running;
    std::atomic<std::int64_t> last_blocked{0};  // when every thread of the loop was last seen blocked
  };
  struct Slot {
    std::atomic<std::int64_t> handler_since{0};  // steady clock nanoseconds; 0: not in a handler
    std::atomic<int> tid{0};                     // the thread's kernel id; 0: not known (yet)
    std::atomic<bool> long_work{false};          // inside an azml::LongWork scope
    std::atomic<bool> taken{false};
    std::atomic<bool> finished{false};
    std::size_t loop = 0;
    std::thread thread;
  };

  static void run(boost::asio::io_context& context);
  // Makes `slot` this thread's: handler_started(), handler_finished() and LongWork scopes mark it.
  static void start_server_thread(Slot& slot);
  void run_core(Slot& slot);
  void run_added(Slot& slot);
  void supervise();
  bool all_blocked(std::size_t loop, std::int64_t now) const;
  void add_thread(std::size_t loop);

  static thread_local Slot* current_slot_;  // the slot of the server thread running here; null elsewhere

  std::vector<std::unique_ptr<Loop>> loops_;
  Loop accept_loop_;
  std::thread accept_thread_;
  std::vector<std::unique_ptr<Slot>> slots_;  // kMaxThreads; slot i < loop count is loop i's own thread
  std::atomic<std::size_t> next_loop_{0};

  std::mutex mutex_;
  std::condition_variable stopping_changed_;
  bool stopping_ = false;
  std::thread supervisor_;
};

}  // namespace azml::host::transport
