// A clock that only moves when the code under test sleeps: waits cost nothing and every wait is
// recorded, so tests check back-off and polling intervals without timing anything.
#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <vector>

#include "client/time_source.hpp"

namespace azml::test {

class FakeTime {
 public:
  FakeTime();
  // A TimeSource bound to this clock; the FakeTime must outlive it.
  client::TimeSource source();

  std::vector<std::chrono::milliseconds> sleeps() const;
  std::chrono::milliseconds total_slept() const;
  // Sets the wall clock (for HTTP-date Retry-After).
  void set_wall(std::chrono::system_clock::time_point t);
  std::chrono::system_clock::time_point wall() const;

 private:
  mutable std::mutex mutex_;
  std::chrono::steady_clock::time_point steady_;
  std::chrono::system_clock::time_point wall_;
  std::vector<std::chrono::milliseconds> sleeps_;
};

}  // namespace azml::test
