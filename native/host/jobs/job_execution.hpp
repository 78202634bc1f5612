// One batch job's work, start to end: read each input blob as a CSV/TSV dataset, run the graph,
// and write each output: a trained model as an .ilearner file, a dataset (Evaluate Model's
// results, scored data) as CSV or TSV.
#pragma once

#include <string>

#include "common/json.hpp"
#include "engine/graph.hpp"
#include "jobs/batch_request.hpp"
#include "jobs/job_blobs.hpp"

namespace azml::host::jobs {

// Where an output goes when the request does not say: beside the job's first input, as
// "<its container>/<job id>/<output name>.ilearner" (or ".csv"), in the same storage. nullopt
// when the job has no inputs.
std::optional<BlobReference> default_output_location(const BatchRequest& request, const std::string& job_id,
                                                     const std::string& output_name, bool trained_model);

// Runs the job and returns its results as stored: {output name: BlobReference::to_json()}.
// Throws azml::Error saying what failed, in words fit for the job's Details: the input or output
// and its blob, or the node and module (a missing label column, a malformed CSV line, no rows,
// a parameter out of range); Error(Cancelled) when context.cancelled was set. Nothing is
// written once the flag is set.
json execute_batch_job(const engine::CompiledGraph& graph, const BatchRequest& request, const std::string& job_id,
                       const JobBlobs& blobs, const engine::RunContext& context);

}  // namespace azml::host::jobs
