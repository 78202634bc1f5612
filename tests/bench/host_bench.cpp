// host_bench: management API throughput of a real azml-host over loopback. Starts the host on
// a fresh data directory, stores 100 web services, then measures PUT (replace) and GET with
// several client threads, each on its own keep-alive connection. Prints figures; asserts
// nothing about time.
//
//   host_bench [--threads N] [--requests-per-thread N] [--services N] [--host PATH]
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include <cpprest/http_client.h>

#include "support/running_host.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using azml::test::json;

struct Settings {
  int threads = 4;
  int requests_per_thread = 500;
  int services = 100;
  std::string host_executable = AZML_HOST_EXECUTABLE;
};

Settings parse(int argc, char** argv) {
  Settings settings;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::cerr << arg << " needs a value\n";
        std::exit(2);
      }
      return argv[++i];
    };
    if (arg == "--threads") {
      settings.threads = std::max(1, std::atoi(next().c_str()));
    } else if (arg == "--requests-per-thread") {
      settings.requests_per_thread = std::max(1, std::atoi(next().c_str()));
    } else if (arg == "--services") {
      settings.services = std::max(1, std::atoi(next().c_str()));
    } else if (arg == "--host") {
      settings.host_executable = next();
    } else {
      std::cerr << "usage: host_bench [--threads N] [--requests-per-thread N] [--services N] [--host PATH]\n";
      std::exit(arg == "--help" ? 0 : 2);
    }
  }
  return settings;
}

struct Figures {
  std::string name;
  size_t requests = 0;
  size_t failures = 0;
  double seconds = 0;
  std::vector<double> latencies_ms;
};

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  size_t index = static_cast<size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
  return values[std::min(index, values.size() - 1)];
}

void print(const Figures& f) {
  std::printf("%-28s %8zu req %6zu fail %8.2f s %10.1f req/s   p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms\n",
              f.name.c_str(), f.requests, f.failures, f.seconds,
              f.seconds > 0 ? static_cast<double>(f.requests) / f.seconds : 0.0, percentile(f.latencies_ms, 0.50),
              percentile(f.latencies_ms, 0.95), percentile(f.latencies_ms, 0.99));
  std::fflush(stdout);
}

// Runs `threads` clients, each sending `per_thread` requests made by make_request(thread, i).
template <typename MakeRequest>
Figures run(const std::string& name, const azml::test::HostInfo& info, int threads, int per_thread,
            int expected_status, MakeRequest make_request) {
  Figures figures;
  figures.name = name;
  std::vector<std::vector<double>> latencies(static_cast<size_t>(threads));
  std::atomic<size_t> failures{0};
  const auto started = Clock::now();
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      web::http::client::http_client client(web::uri(info.endpoint));
      for (int i = 0; i < per_thread; ++i) {
        web::http::http_request request = make_request(t, i);
        request.headers().add("Authorization", "Bearer " + info.admin_token);
        const auto sent = Clock::now();
        try {
          auto response = client.request(request).get();
          response.extract_vector().get();
          if (response.status_code() != expected_status) ++failures;
        } catch (const std::exception&) {
          ++failures;
        }
        latencies[static_cast<size_t>(t)].push_back(
            std::chrono::duration<double, std::milli>(Clock::now() - sent).count());
      }
    });
  }
  for (auto& worker : workers) worker.join();
  figures.seconds = std::chrono::duration<double>(Clock::now() - started).count();
  for (auto& l : latencies) figures.latencies_ms.insert(figures.latencies_ms.end(), l.begin(), l.end());
  figures.requests = figures.latencies_ms.size();
  figures.failures = failures;
  return figures;
}

}  // namespace

int main(int argc, char** argv) {
  const Settings settings = parse(argc, argv);
  azml::test::RunningHost host(settings.host_executable, {"--log-level", "warn"});
  const auto& info = host.info();
  std::printf("azml-host %s, %d services, %d client threads, %d requests per thread and operation\n",
              info.endpoint.c_str(), settings.services, settings.threads, settings.requests_per_thread);

  auto service_path = [&](int n) {
    return azml::test::web_service_path(info.subscription_id, "bench", "service" + std::to_string(n));
  };
  const std::string body = azml::test::minimal_web_service("bench").dump();
  auto put_request = [&](int n) {
    web::http::http_request request(web::http::methods::PUT);
    request.set_request_uri(service_path(n));
    request.headers().set_content_type("application/json");
    request.set_body(std::vector<unsigned char>(body.begin(), body.end()));
    return request;
  };

  print(run("PUT create (1 thread)", info, 1, settings.services, 201, [&](int, int i) { return put_request(i); }));
  print(run("PUT replace", info, settings.threads, settings.requests_per_thread, 200,
            [&](int t, int i) { return put_request((t * 7919 + i) % settings.services); }));
  print(run("GET", info, settings.threads, settings.requests_per_thread, 200, [&](int t, int i) {
    web::http::http_request request(web::http::methods::GET);
    request.set_request_uri(service_path((t * 104729 + i * 31) % settings.services));
    return request;
  }));
  print(run("GET listKeys", info, settings.threads, settings.requests_per_thread, 200, [&](int t, int i) {
    web::http::http_request request(web::http::methods::GET);
    request.set_request_uri(azml::test::web_service_path(
        info.subscription_id, "bench", "service" + std::to_string((t + i) % settings.services) + "/listKeys"));
    return request;
  }));
  print(run("GET list (page of 100)", info, settings.threads, std::max(1, settings.requests_per_thread / 10), 200,
            [&](int, int) {
              web::http::http_request request(web::http::methods::GET);
              request.set_request_uri("/subscriptions/" + info.subscription_id +
                                      "/resourceGroups/bench/providers/Microsoft.MachineLearning/webServices"
                                      "?api-version=2017-01-01");
              return request;
            }));
  host.process().stop(SIGTERM);
  return 0;
}
