// azml_error_last / azml_error_clear: the thread's last error, kept by error_state.
#include "azml/azml.h"
#include "capi/error_state.hpp"

extern "C" {

const azml_error* azml_error_last(void) { return azml::capi::last_error(); }

void azml_error_clear(void) { azml::capi::clear_last_error(); }

}  // extern "C"
