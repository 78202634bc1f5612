#include "jobs/job_execution.hpp"

#include "common/error.hpp"
#include "engine/csv.hpp"
#include "engine/ilearner.hpp"

namespace azml::host::jobs {

namespace {

engine::Table read_input(const std::string& name, const BlobReference& reference, const JobBlobs& blobs) {
  const std::string bytes = blobs.read(reference);
  try {
    return engine::read_csv(bytes, engine::CsvReadOptions{engine::delimiter_for_path(reference.blob)});
  } catch (const Error& e) {
    throw Error(e.code(), "input '" + name + "' (" + JobBlobs::describe(reference) + "): " + e.what());
  }
}

void write_output(const std::string& name, const engine::Value& value, const BlobReference& reference,
                  const JobBlobs& blobs) {
  if (value.kind() == engine::PortKind::UntrainedModel) {
    throw Error(ErrorCode::Invalid, "output '" + name + "' is an untrained model, which a batch job cannot write; "
                                        "connect it to Train Model");
  }
  const bool model = value.kind() == engine::PortKind::TrainedModel;
  const bool ilearner_location = reference.has_extension(".ilearner");
  if (model && !ilearner_location) {
    throw Error(ErrorCode::Invalid, "output '" + name + "' is a trained model: its RelativeLocation must end in "
                                        ".ilearner, not '" + reference.relative_location + "'");
  }
  if (!model && ilearner_location) {
    throw Error(ErrorCode::Invalid, "output '" + name + "' is a dataset: its RelativeLocation ends in .ilearner, "
                                        "which is for trained models; use .csv or .tsv");
  }
  if (model) {
    blobs.write(reference, engine::write_ilearner(*value.trained_model()), "application/octet-stream");
  } else {
    const char delimiter = engine::delimiter_for_path(reference.blob);
    blobs.write(reference, engine::write_csv(value.table(), engine::CsvWriteOptions{delimiter}),
                delimiter == '\t' ? "text/tab-separated-values" : "text/csv");
  }
}

bool cancelled(const engine::RunContext& context) {
  return context.cancelled && context.cancelled->load(std::memory_order_relaxed);
}

}  // namespace

std::optional<BlobReference> default_output_location(const BatchRequest& request, const std::string& job_id,
                                                     const std::string& output_name, bool trained_model) {
  if (request.inputs.empty()) return std::nullopt;
  BlobReference location = request.inputs.begin()->second;
  location.blob = job_id + "/" + output_name + (trained_model ? ".ilearner" : ".csv");
  location.relative_location = location.container + "/" + location.blob;
  return location;
}

json execute_batch_job(const engine::CompiledGraph& graph, const BatchRequest& request, const std::string& job_id,
                       const JobBlobs& blobs, const engine::RunContext& context) {
  std::map<std::string, engine::Table> inputs;
  for (const auto& [name, reference] : request.inputs) {
    if (cancelled(context)) throw Error(ErrorCode::Cancelled, "the job was cancelled");
    inputs.emplace(name, read_input(name, reference, blobs));
  }

  std::map<std::string, engine::Value> values = graph.execute(inputs, request.global_parameters, context);

  json results = json::object();
  for (const auto& output : graph.outputs()) {
    if (cancelled(context)) throw Error(ErrorCode::Cancelled, "the job was cancelled");
    const engine::Value& value = values.at(output.name);
    const bool model = !value.empty() && value.kind() == engine::PortKind::TrainedModel;
    auto given = request.outputs.find(output.name);
    std::optional<BlobReference> reference =
        given != request.outputs.end() ? std::optional<BlobReference>(given->second)
                                       : default_output_location(request, job_id, output.name, model);
    if (!reference) {
      throw Error(ErrorCode::Invalid, "output '" + output.name + "' has no location: give Outputs." + output.name);
    }
    write_output(output.name, value, *reference, blobs);
    results[output.name] = reference->to_json();
  }
  return results;
}

}  // namespace azml::host::jobs
