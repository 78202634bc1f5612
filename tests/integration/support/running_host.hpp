// A real azml-host on loopback with a fresh data directory, for one test or one suite.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "support/host_process.hpp"
#include "support/temp_dir.hpp"
#include "support/test_client.hpp"

namespace azml::test {

class RunningHost {
 public:
  // Starts `executable --data-dir <fresh dir> <arguments...>` and waits until it is ready.
  RunningHost(const std::string& executable, const std::vector<std::string>& arguments = {},
              const std::string& ca_file = "");

  const HostInfo& info() const { return info_; }
  TestClient& client() { return *client_; }
  HostProcess& process() { return *process_; }
  const TempDir& dir() const { return *dir_; }
  std::filesystem::path data_dir() const { return dir_->path() / "data"; }

  // ARM paths on this host's subscription, with ?api-version=.
  std::string web_service_path(const std::string& group, const std::string& name,
                               const std::string& api_version = "2017-01-01") const;
  std::string group_list_path(const std::string& group, const std::string& api_version = "2017-01-01") const;
  std::string subscription_list_path(const std::string& api_version = "2017-01-01") const;

 private:
  std::unique_ptr<TempDir> dir_;
  std::unique_ptr<HostProcess> process_;
  HostInfo info_;
  std::unique_ptr<TestClient> client_;
};

// "/subscriptions/{s}/resourceGroups/{g}/providers/Microsoft.MachineLearning/webServices/{n}?api-version=v"
std::string web_service_path(const std::string& subscription, const std::string& group, const std::string& name,
                             const std::string& api_version = "2017-01-01");

// A small valid web service (2017-01-01, camelCase) that provisions: one input, one module
// (Select Columns in Dataset, keeping "age"), one output.
json minimal_web_service(const std::string& title = "a service", const std::string& location = "South Central US");

}  // namespace azml::test
