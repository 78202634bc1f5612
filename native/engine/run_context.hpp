// What one run of a graph may need beyond its inputs: a flag that cancels it, a way to fetch
// data from outside (Import Data), and how many threads training may use.
//
// A batch job runs a whole training graph on one worker thread; the modules deep inside it
// (Train Model's boosting rounds, Import Data) need the job's context without every module's
// signature carrying it. So CompiledGraph::execute(inputs, parameters, context) installs the
// context for the calling thread while it runs, and the modules read it with
// current_run_context(). Outside such a run (scoring requests, azml-train) there is none: no
// cancellation, no data fetching, one training thread.
#pragma once

#include <atomic>
#include <functional>
#include <string>

namespace azml::engine {

// Where Import Data reads from. The engine has no network code: the host's fetcher turns this
// into bytes (its own blob store, a remote blob service, an http(s) GET).
struct ImportSource {
  enum class Kind {
    Url,        // a web URL, or a public/SAS blob URI ("Web URL via HTTP", "PublicOrSAS")
    AzureBlob,  // an Azure storage account with its key ("Account" authentication)
  };
  Kind kind = Kind::Url;
  std::string url;           // Url
  std::string account_name;  // AzureBlob
  std::string account_key;   // AzureBlob, base64
  std::string path;          // AzureBlob: "container/blob"
};

// Returns the bytes at the source; throws azml::Error (NotFound, Unauthorized, Transport, ...)
// saying what went wrong.
using DataFetcher = std::function<std::string(const ImportSource& source)>;

struct RunContext {
  const std::atomic<bool>* cancelled = nullptr;  // checked between nodes and boosting rounds
  DataFetcher fetch_data;                        // empty: Import Data refuses to run
  int training_threads = 1;                      // XGBoost threads for Train Model
  // Told after each boosting round of Train Model (1-based) and how many there may be at most.
  std::function<void(int round, int rounds)> on_boosting_round;
};

// The context of the run on this thread, or nullptr outside one.
const RunContext* current_run_context() noexcept;

// Throws azml::Error(Cancelled) when the current run's flag is set; returns otherwise (and
// always outside a run).
void throw_if_cancelled();

// Installs a context for this thread until destroyed; scopes nest (the inner one wins).
class RunContextScope {
 public:
  explicit RunContextScope(const RunContext& context) noexcept;
  ~RunContextScope();
  RunContextScope(const RunContextScope&) = delete;
  RunContextScope& operator=(const RunContextScope&) = delete;

 private:
  const RunContext* previous_;
};

}  // namespace azml::engine
