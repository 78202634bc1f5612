// The worker pool: every task runs, never more at once than the pool has workers, and stop()
// drops what has not begun.
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

#include <boost/test/unit_test.hpp>

#include "common/error.hpp"
#include "jobs/worker_pool.hpp"

namespace azml::host::jobs {

BOOST_AUTO_TEST_SUITE(worker_pool_tests)

BOOST_AUTO_TEST_CASE(no_more_tasks_run_at_once_than_there_are_workers) {
  std::mutex mutex;
  std::condition_variable changed;
  int running = 0;
  int most = 0;
  int done = 0;
  bool release = false;
  {
    WorkerPool pool(2);
    for (int i = 0; i < 6; ++i) {
      pool.post([&] {
        std::unique_lock<std::mutex> lock(mutex);
        most = std::max(most, ++running);
        changed.notify_all();
        changed.wait(lock, [&] { return release; });
        --running;
        ++done;
        changed.notify_all();
      });
    }
    std::unique_lock<std::mutex> lock(mutex);
    changed.wait(lock, [&] { return running == 2; });
    release = true;
    changed.notify_all();
    changed.wait(lock, [&] { return done == 6; });
  }
  BOOST_TEST(most == 2);
}

BOOST_AUTO_TEST_CASE(stop_waits_for_running_tasks_and_drops_the_rest) {
  std::mutex mutex;
  std::condition_variable changed;
  bool started = false;
  bool release = false;
  std::atomic<int> finished{0};
  WorkerPool pool(1);
  pool.post([&] {
    std::unique_lock<std::mutex> lock(mutex);
    started = true;
    changed.notify_all();
    changed.wait(lock, [&] { return release; });
    ++finished;
  });
  pool.post([&] { ++finished; });  // queued behind the first: dropped by stop()
  {
    std::unique_lock<std::mutex> lock(mutex);
    changed.wait(lock, [&] { return started; });
  }
  std::thread stopper([&] { pool.stop(); });
  while (pool.pending() != 0) std::this_thread::yield();  // stop() has dropped the queued task
  {
    std::lock_guard<std::mutex> lock(mutex);
    release = true;
    changed.notify_all();
  }
  stopper.join();
  BOOST_TEST(finished == 1);
  pool.post([&] { ++finished; });  // after stop: dropped
  pool.stop();                     // idempotent
  BOOST_TEST(finished == 1);
}

BOOST_AUTO_TEST_CASE(a_pool_needs_a_worker) { BOOST_CHECK_THROW(WorkerPool(0), Error); }

BOOST_AUTO_TEST_SUITE_END()

}  // namespace azml::host::jobs
