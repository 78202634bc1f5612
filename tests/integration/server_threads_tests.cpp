// transport/server_threads: when the pool adds a thread to a loop. A handler that waits gets one,
// so the loop's other work goes on; handlers that compute do not, as another thread would only
// compete with them for the same CPUs.
#include <boost/test/unit_test.hpp>

#include <time.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <future>
#include <mutex>
#include <thread>

#include <boost/asio/post.hpp>

#include "common/long_work.hpp"
#include "transport/server_threads.hpp"

using azml::host::transport::ServerThreads;
using namespace std::chrono_literals;

namespace {

std::chrono::nanoseconds thread_cpu_time() {
  timespec now{};
  ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return std::chrono::seconds(now.tv_sec) + std::chrono::nanoseconds(now.tv_nsec);
}

// Keeps this thread's CPU busy until it has run for `cpu` (however long that takes in wall time).
void compute_for(std::chrono::nanoseconds cpu) {
  const auto start = thread_cpu_time();
  volatile std::uint64_t sink = 0;
  while (thread_cpu_time() - start < cpu) {
    for (int i = 0; i < 1000; ++i) sink = sink + static_cast<std::uint64_t>(i);
  }
}

void raise_to(std::atomic<std::int64_t>& maximum, std::int64_t value) {
  std::int64_t seen = maximum.load();
  while (seen < value && !maximum.compare_exchange_weak(seen, value)) {
  }
}

// Chains of handlers, each posting the next on its loop as a kept-alive connection does.
struct ComputingConnections {
  ComputingConnections(ServerThreads& pool, std::chrono::nanoseconds cpu, std::size_t chains)
      : threads(pool), cpu_per_handler(cpu), chains_left(chains) {}

  ServerThreads& threads;
  std::chrono::nanoseconds cpu_per_handler;
  std::atomic<std::int64_t> longest_handler_ns{0};  // wall time, from before start to after finish
  std::atomic<std::int64_t> most_threads{0};
  std::atomic<std::size_t> chains_left;
  std::promise<void> done;

  void handle(std::size_t loop, int handlers_left) {
    const auto start = std::chrono::steady_clock::now();
    ServerThreads::handler_started();
    compute_for(cpu_per_handler);
    ServerThreads::handler_finished();
    raise_to(longest_handler_ns, (std::chrono::steady_clock::now() - start) / 1ns);
    raise_to(most_threads, static_cast<std::int64_t>(threads.thread_count()));
    if (handlers_left > 1) {
      boost::asio::post(threads.loop(loop), [this, loop, handlers_left] { handle(loop, handlers_left - 1); });
    } else if (chains_left.fetch_sub(1) == 1) {
      done.set_value();
    }
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(server_threads_tests)

BOOST_AUTO_TEST_CASE(a_loop_whose_handler_waits_gets_a_thread_for_its_other_work_until_it_is_done) {
  std::mutex mutex;
  std::condition_variable changed;
  bool release = false;
  ServerThreads threads(1);
  // Lets the waiting handler go however the test ends, before `threads` joins it.
  struct Release {
    std::mutex& mutex;
    std::condition_variable& changed;
    bool& release;
    void operator()() {
      {
        std::lock_guard<std::mutex> lock(mutex);
        release = true;
      }
      changed.notify_all();
    }
    ~Release() { (*this)(); }
  } let_go{mutex, changed, release};

  BOOST_TEST(threads.thread_count() == 1u);
  boost::asio::post(threads.loop(0), [&] {
    ServerThreads::handler_started();
    std::unique_lock<std::mutex> lock(mutex);
    changed.wait_for(lock, 30s, [&] { return release; });
    ServerThreads::handler_finished();
  });
  std::promise<void> other;
  auto other_done = other.get_future();
  boost::asio::post(threads.loop(0), [&] { other.set_value(); });
  BOOST_TEST_REQUIRE((other_done.wait_for(10s) == std::future_status::ready));
  BOOST_TEST(threads.thread_count() == 2u);

  // Once no handler waits, the added thread leaves (after kRetireAfter).
  let_go();
  const auto deadline = std::chrono::steady_clock::now() + 10 * ServerThreads::kRetireAfter;
  while (threads.thread_count() > 1 && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(10ms);
  BOOST_TEST(threads.thread_count() == 1u);
}

// A handler that computes inside a LongWork scope (compiling a revision) has said it will hold
// its loop: the loop's other work is given a thread without waiting for kLongHandler. Timed by
// the handler's CPU time: without the scope nothing could run before it had held the loop for
// kLongHandler, and a busy machine only makes the help come later in wall time, not in the
// handler's CPU time.
BOOST_AUTO_TEST_CASE(a_handler_doing_long_work_has_its_loops_other_work_given_a_thread) {
  ServerThreads threads(1);
  std::atomic<bool> other_ran{false};
  std::promise<std::chrono::nanoseconds> helped_after;  // the long handler's CPU time then
  auto helped = helped_after.get_future();
  boost::asio::post(threads.loop(0), [&] {
    ServerThreads::handler_started();
    {
      const azml::LongWork long_work;
      const auto start = thread_cpu_time();
      const auto deadline = std::chrono::steady_clock::now() + 30s;
      while (!other_ran && std::chrono::steady_clock::now() < deadline) compute_for(100us);
      helped_after.set_value(thread_cpu_time() - start);
    }
    ServerThreads::handler_finished();
  });
  boost::asio::post(threads.loop(0), [&] { other_ran = true; });
  BOOST_TEST_REQUIRE((helped.wait_for(60s) == std::future_status::ready));
  BOOST_TEST_REQUIRE(other_ran.load());
  const auto cpu = helped.get();
  BOOST_TEST((cpu < ServerThreads::kLongHandler / 2), "the other work ran after " << cpu / 1us << " us of CPU");
}

// Every loop busy with handlers that each compute for 10 ms, longer than kBlockedAfter but far
// shorter than kLongHandler: no thread is added. The handlers are timed by CPU time, so a busy
// machine makes a round last longer but not fail; only a round in which some handler took
// kLongHandler in wall time (when a thread may rightly be added) says nothing, and is run again.
BOOST_AUTO_TEST_CASE(handlers_that_compute_on_every_connection_do_not_make_the_pool_grow) {
  constexpr std::size_t kLoops = 2;
  constexpr std::size_t kConnectionsPerLoop = 2;
  constexpr int kHandlersPerConnection = 10;
  constexpr int kRounds = 5;
  static_assert(10ms >= 2 * ServerThreads::kBlockedAfter && 10ms * 5 <= ServerThreads::kLongHandler);
  for (int round = 1; round <= kRounds; ++round) {
    ServerThreads threads(kLoops);
    ComputingConnections connections(threads, 10ms, kLoops * kConnectionsPerLoop);
    auto done = connections.done.get_future();
    for (std::size_t loop = 0; loop < kLoops; ++loop) {
      for (std::size_t c = 0; c < kConnectionsPerLoop; ++c) {
        boost::asio::post(threads.loop(loop),
                          [&connections, loop] { connections.handle(loop, kHandlersPerConnection); });
      }
    }
    BOOST_TEST_REQUIRE((done.wait_for(120s) == std::future_status::ready));
    // An added thread would stay for kRetireAfter, longer than a round takes on a quiet machine.
    raise_to(connections.most_threads, static_cast<std::int64_t>(threads.thread_count()));
    const auto longest = std::chrono::nanoseconds(connections.longest_handler_ns.load());
    if (longest < ServerThreads::kLongHandler) {
      BOOST_TEST(connections.most_threads.load() == static_cast<std::int64_t>(kLoops),
                 "round " << round << ", longest handler " << longest / 1us << " us");
      return;
    }
    BOOST_TEST_MESSAGE("round " << round << ": a handler took " << longest / 1ms
                                << " ms on a busy machine; running the round again");
  }
  BOOST_WARN_MESSAGE(false, "the machine was too busy for " << kRounds << " rounds: not checked");
}

BOOST_AUTO_TEST_SUITE_END()
