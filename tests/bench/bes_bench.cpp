// bes_bench: a BES job training a Two-Class Boosted Decision Tree on a generated CSV (100,000 rows
// x 20 features by default, fixed seed), side by side with the xgboost command-line tool training
// the same rows with the same parameters (taken from the job's own .ilearner: tree_method hist,
// the same leaves, eta, min_child_weight, rounds and threads). Also the host's peak memory while
// the job ran (VmHWM from /proc, reset through clear_refs before the job starts).
// Prints figures; asserts nothing about time.
//
//   bes_bench [--rows N] [--trees N] [--threads N] [--xgboost PATH]
#include <sys/types.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>

#include "engine/ilearner.hpp"
#include "job_test_support.hpp"
#include "support/temp_dir.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using azml::test::json;

struct Settings {
  size_t rows = 100000;
  int trees = 100;
  int threads = 1;
  std::string xgboost = AZML_XGBOOST_CLI;
};

Settings parse(int argc, char** argv) {
  Settings settings;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::cerr << arg << " needs a value\n";
        std::exit(2);
      }
      return argv[++i];
    };
    if (arg == "--rows") {
      settings.rows = std::strtoull(next().c_str(), nullptr, 10);
    } else if (arg == "--trees") {
      settings.trees = std::max(1, std::atoi(next().c_str()));
    } else if (arg == "--threads") {
      settings.threads = std::max(1, std::atoi(next().c_str()));
    } else if (arg == "--xgboost") {
      settings.xgboost = next();
    } else {
      std::cerr << "usage: bes_bench [--rows N] [--trees N] [--threads N] [--xgboost PATH]\n";
      std::exit(arg == "--help" ? 0 : 2);
    }
  }
  return settings;
}

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// Seconds between two of the host's ISO 8601 UTC times ("2026-11-26T21:00:01.1234567Z").
double seconds_between(const std::string& from, const std::string& to) {
  auto seconds_of = [](const std::string& text) {
    std::tm tm{};
    std::istringstream in(text.substr(0, 19));
    in >> std::get_time(&tm, "%Y-%m-%dT%H:%M:%S");
    double fraction = text.size() > 20 && text[19] == '.' ? std::atof(("0" + text.substr(19, text.find('Z') - 19)).c_str()) : 0;
    return static_cast<double>(timegm(&tm)) + fraction;
  };
  return seconds_of(to) - seconds_of(from);
}

// A field of /proc/<pid>/status in kB ("VmHWM", "VmRSS"); -1 when it cannot be read.
long status_kb(pid_t pid, const std::string& field) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind(field + ":", 0) == 0) return std::atol(line.c_str() + field.size() + 1);
  }
  return -1;
}

// Resets the peak resident set size the kernel keeps for the process (Linux 4.0+).
bool reset_peak(pid_t pid) {
  std::ofstream clear("/proc/" + std::to_string(pid) + "/clear_refs");
  clear << "5";
  return static_cast<bool>(clear.flush());
}

// The shipped retraining graph cut down to what is measured: input -> Train Model -> output1.
json training_only_service(int trees) {
  return azml::test::edited_training_service([trees](json& properties) {
    auto& package = properties["package"];
    json nodes = {{"node1", package["nodes"]["node1"]},
                  {"node3", package["nodes"]["node3"]},
                  {"node4", package["nodes"]["node4"]},
                  {"node7", package["nodes"]["node7"]}};
    nodes["node3"]["parameters"]["Number of trees constructed"] = {{"value", std::to_string(trees)}};
    nodes["node4"]["parameters"]["Label column"] = {{"value", "label"}};
    package["nodes"] = nodes;
    package["edges"] = json::array(
        {{{"sourceNodeId", "node1"}, {"targetNodeId", "node4"}, {"targetPortId", "Dataset"}},
         {{"sourceNodeId", "node3"}, {"sourcePortId", "Untrained model"}, {"targetNodeId", "node4"},
          {"targetPortId", "Untrained model"}},
         {{"sourceNodeId", "node4"}, {"sourcePortId", "Trained model"}, {"targetNodeId", "node7"}}});
    package["graphParameters"] = json::object();
    properties["output"]["properties"].erase("output2");
    properties.erase("input");
    for (const char* unused : {"asset1", "asset4", "asset5"}) properties["assets"].erase(unused);
  });
}

// The same rows for the xgboost CLI: no header, the label (yes = 1) as the last column.
std::string cli_csv(const std::string& csv) {
  std::istringstream in(csv);
  std::string line;
  std::getline(in, line);  // header
  std::string out;
  out.reserve(csv.size());
  while (std::getline(in, line)) {
    const auto comma = line.rfind(',');
    out += line.substr(0, comma) + (line.compare(comma + 1, std::string::npos, "yes") == 0 ? ",1\n" : ",0\n");
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  const Settings settings = parse(argc, argv);
  azml::test::TempDir work("azml-bes-bench");

  std::printf("bes_bench: Two-Class Boosted Decision Tree, %d trees, %zu rows x 20 features, %d thread(s)\n",
              settings.trees, settings.rows, settings.threads);
  auto started = Clock::now();
  const std::string csv = azml::test::generated_training_csv(settings.rows);
  std::printf("  generated CSV: %.1f MB in %.2f s\n", csv.size() / 1e6, seconds_since(started));

  azml::test::JobHost host({"--job-workers", "1", "--job-threads", std::to_string(settings.threads),
                            "--max-body-bytes", std::to_string(csv.size() + (1 << 20))});
  const std::string api = host.deploy("benchtraining", training_only_service(settings.trees));
  started = Clock::now();
  host.upload("bench", "train.csv", csv);
  std::printf("  upload to the host's blob store: %.2f s\n", seconds_since(started));

  const json request = {{"Inputs", {{"input1", host.reference("bench", "train.csv")}}},
                        {"Outputs", {{"output1", host.reference("bench", "model.ilearner")}}}};
  const pid_t pid = host.process().pid();
  const long rss_before = status_kb(pid, "VmRSS");
  const bool peak_reset = reset_peak(pid);
  const std::string id = host.submit(api, request);
  started = Clock::now();
  host.start(api, id);
  json status;
  for (;;) {
    status = host.status(api, id);
    const std::string code = status["StatusCode"].get<std::string>();
    if (code == "Finished" || code == "Failed" || code == "Cancelled") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  const double observed_seconds = seconds_since(started);
  const long peak = status_kb(pid, "VmHWM");
  if (status["StatusCode"] != "Finished") {
    std::printf("  the job did not finish: %s\n", status.dump().c_str());
    return 1;
  }
  // The host's own StartTime and EndTime: what the worker spent (reading the blob, parsing the
  // CSV, training, writing the .ilearner), without the client's polling.
  const double job_seconds = seconds_between(status["StartTime"].get<std::string>(), status["EndTime"].get<std::string>());
  std::printf("  BES job, the host's StartTime -> EndTime (reads the blob, parses, trains, writes): %.2f s\n",
              job_seconds);
  std::printf("  BES job as the client saw it (POST start -> Finished, polled every 100 ms): %.2f s\n",
              observed_seconds);
  std::printf("  host memory: VmRSS %.1f MB before the job, peak (VmHWM%s) %.1f MB during it\n", rss_before / 1024.0,
              peak_reset ? "" : " since the host started: clear_refs refused", peak / 1024.0);

  const std::string model_bytes = host.blobs().get_blob("bench", "model.ilearner");
  const auto model = azml::engine::read_ilearner(model_bytes);

  if (settings.xgboost.empty()) {
    std::printf("  xgboost CLI: not found (install Debian's xgboost, or pass --xgboost PATH)\n");
    return 0;
  }
  const std::string data = (work.path() / "train.csv").string();
  std::ofstream(data, std::ios::binary) << cli_csv(csv);
  const std::string config = (work.path() / "train.conf").string();
  {
    std::ofstream out(config);
    for (const auto& [name, value] : model->header().booster_parameters) out << name << " = " << value << "\n";
    out << "num_round = " << model->header().boosting_rounds << "\nnthread = " << settings.threads << "\n";
    out << "data = \"" << data << "?format=csv&label_column=20\"\n";
    out << "model_out = \"" << (work.path() / "cli.model").string() << "\"\n";
  }
  started = Clock::now();
  const int exit_code = std::system(("\"" + settings.xgboost + "\" \"" + config + "\" > \"" +
                                     (work.path() / "cli.log").string() + "\" 2>&1").c_str());
  const double cli_seconds = seconds_since(started);
  if (exit_code != 0) {
    std::printf("  xgboost CLI failed (exit %d): %s\n", exit_code,
                azml::test::read_text_file(work.path() / "cli.log").c_str());
    return 1;
  }
  std::printf("  xgboost CLI, same rows and parameters (parses the CSV, trains, saves): %.2f s\n", cli_seconds);
  std::printf("  ratio BES job / xgboost CLI: %.2f\n", job_seconds / cli_seconds);
  std::printf("  parameters:");
  for (const auto& [name, value] : model->header().booster_parameters) std::printf(" %s=%s", name.c_str(), value.c_str());
  std::printf(" rounds=%d\n", model->header().boosting_rounds);
  return 0;
}
