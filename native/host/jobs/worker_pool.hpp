// A fixed number of threads taking tasks from one queue in arrival order: at most that many
// batch jobs train at once, however many are started.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace azml::host::jobs {

class WorkerPool {
 public:
  // Starts `workers` threads (at least one). Throws azml::Error(Invalid) for zero.
  explicit WorkerPool(std::size_t workers);
  ~WorkerPool();  // stop()
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Queues a task. A task must not throw (the pool would end the process); tasks posted after
  // stop() are dropped.
  void post(std::function<void()> task);

  // Drops the tasks not yet begun, waits for those running to return and joins the threads.
  // Idempotent.
  void stop();

  std::size_t size() const noexcept { return threads_.size(); }
  // Tasks queued and not yet begun.
  std::size_t pending();

 private:
  void work();

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> queue_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace azml::host::jobs
