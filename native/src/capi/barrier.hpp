// The exception barrier every C entry point goes through: no C++ exception crosses the C ABI.
// A body that returns normally clears the thread's last error and yields AZML_OK; a body that
// throws records the error and yields its status code.
#pragma once

#include <new>
#include <stdexcept>

#include "capi/error_state.hpp"
#include "common/error.hpp"

namespace azml::capi {

template <typename Body>
int guarded(Body&& body) noexcept {
  try {
    body();
    clear_last_error();
    return AZML_OK;
  } catch (const Error& e) {
    return record_error(e);
  } catch (const std::bad_alloc&) {
    record_out_of_memory();
    return AZML_ERROR;
  } catch (const std::exception& e) {
    return record_failure(e.what());
  } catch (...) {
    return record_failure("an unexpected exception was raised inside libazml");
  }
}

// AZML_EINVALID naming the argument when it is NULL.
inline void require_argument(const void* argument, const char* name) {
  if (!argument) throw Error(ErrorCode::Invalid, std::string(name) + " must not be NULL").with_target(name);
}

}  // namespace azml::capi
