// azml_version: lets a caller compare the header it was built with against the library it runs with.
#include "azml/azml.h"
#include "capi/error_state.hpp"

extern "C" {

int azml_version(int* major, int* minor, int* patch) {
  if (major) *major = AZML_VERSION_MAJOR;
  if (minor) *minor = AZML_VERSION_MINOR;
  if (patch) *patch = AZML_VERSION_PATCH;
  // Like every call that returns a status, success leaves no last error behind.
  azml::capi::clear_last_error();
  return AZML_OK;
}

const char* azml_version_string(void) { return AZML_VERSION_STRING; }

}  // extern "C"
