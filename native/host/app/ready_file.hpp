// Files the host writes into its data directory for the programs that start it.
#pragma once

#include <filesystem>
#include <string>

namespace azml::host::app {

// Writes content to path so that a reader sees either the old file or the whole new one:
// a temporary name in the same directory, flushed to disk, then renamed over path.
// mode is applied to the temporary file before any byte is written (0600 for secrets).
void write_file_atomically(const std::filesystem::path& path, const std::string& content, unsigned mode = 0644);

}  // namespace azml::host::app
