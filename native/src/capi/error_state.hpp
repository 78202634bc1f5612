// The calling thread's last error (azml_error_last) and the one mapping from azml::ErrorCode to
// azml_error_code.
#pragma once

#include <string>

#include "azml/azml.h"
#include "common/error.hpp"

namespace azml::capi {

// The azml_error_code for an ErrorCode; the only place the two are matched.
int status_for(ErrorCode code) noexcept;

// Records e as this thread's last error and returns its status code. Never throws: when even
// recording fails (out of memory) it records a fixed out-of-memory error instead.
int record_error(const Error& e) noexcept;
// A failure that is not an azml::Error (a foreign exception): AZML_ERROR with the message.
int record_failure(const char* message) noexcept;
// "out of memory" with the given status, recorded without allocating: what is left when even
// the error cannot be recorded.
void record_out_of_memory(int status = AZML_ERROR) noexcept;

void clear_last_error() noexcept;
const azml_error* last_error() noexcept;

}  // namespace azml::capi
