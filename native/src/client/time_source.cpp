#include "client/time_source.hpp"

#include <thread>

namespace azml::client {

TimeSource TimeSource::real() {
  TimeSource t;
  t.sleep_for = [](Duration d) {
    if (d.count() > 0) std::this_thread::sleep_for(d);
  };
  t.now = [] { return std::chrono::steady_clock::now(); };
  t.wall_now = [] { return std::chrono::system_clock::now(); };
  return t;
}

}  // namespace azml::client
