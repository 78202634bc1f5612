// Waiting and reading the clock go through one small seam, so that retry back-off and
// long-running-operation polling can be tested without real waits: a test supplies a sleep that
// only advances its own clock.
#pragma once

#include <chrono>
#include <functional>

namespace azml::client {

struct TimeSource {
  using Duration = std::chrono::milliseconds;
  using TimePoint = std::chrono::steady_clock::time_point;
  using WallTime = std::chrono::system_clock::time_point;

  std::function<void(Duration)> sleep_for;
  // Measures deadlines.
  std::function<TimePoint()> now;
  // Reads HTTP-dates (Retry-After) against.
  std::function<WallTime()> wall_now;

  // std::this_thread::sleep_for, steady_clock::now and system_clock::now.
  static TimeSource real();
};

}  // namespace azml::client
