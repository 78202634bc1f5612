// azml's .ilearner file: one trained model in one self-checking file. The layout is
// documented in ILEARNER.md beside this file; keep the two in step.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "engine/trained_model.hpp"

namespace azml::engine {

// The version this build writes, and the newest it reads.
constexpr std::uint32_t kIlearnerFormatVersion = 1;

// The file's bytes for a model (header JSON + the booster's UBJSON bytes + SHA-256).
std::string write_ilearner(const TrainedModel& model);
std::string write_ilearner(const ModelHeader& header, std::string_view booster_bytes);

// Reads and loads a model. Throws azml::Error(Invalid) with a reason a person can act on:
// not an .ilearner file (foreign signature), truncated, written by a newer format version,
// checksum mismatch (corrupt), malformed header, or a booster XGBoost cannot load.
std::shared_ptr<const TrainedModel> read_ilearner(std::string_view bytes, const ModelOptions& options = {});

// True when the bytes start with the .ilearner signature.
bool looks_like_ilearner(std::string_view bytes) noexcept;

// Files, written atomically (temporary name, then rename).
void write_ilearner_file(const TrainedModel& model, const std::string& path);
std::shared_ptr<const TrainedModel> read_ilearner_file(const std::string& path, const ModelOptions& options = {});

}  // namespace azml::engine
