#include "fake_time.hpp"

namespace azml::test {

FakeTime::FakeTime()
    : steady_(std::chrono::steady_clock::time_point(std::chrono::hours(1000))),
      wall_(std::chrono::system_clock::time_point(std::chrono::seconds(1500000000))) {}

client::TimeSource FakeTime::source() {
  client::TimeSource t;
  t.sleep_for = [this](std::chrono::milliseconds d) {
    std::lock_guard<std::mutex> lock(mutex_);
    sleeps_.push_back(d);
    steady_ += d;
    wall_ += d;
  };
  t.now = [this] {
    std::lock_guard<std::mutex> lock(mutex_);
    return steady_;
  };
  t.wall_now = [this] {
    std::lock_guard<std::mutex> lock(mutex_);
    return wall_;
  };
  return t;
}

std::vector<std::chrono::milliseconds> FakeTime::sleeps() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return sleeps_;
}

std::chrono::milliseconds FakeTime::total_slept() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::chrono::milliseconds total{0};
  for (auto d : sleeps_) total += d;
  return total;
}

void FakeTime::set_wall(std::chrono::system_clock::time_point t) {
  std::lock_guard<std::mutex> lock(mutex_);
  wall_ = t;
}

std::chrono::system_clock::time_point FakeTime::wall() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return wall_;
}

}  // namespace azml::test
