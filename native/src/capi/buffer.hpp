// azml_buf: strings the library hands to the caller, allocated here and freed by
// azml_buf_dispose, so caller and library never mix allocators.
#pragma once

#include <string_view>

#include "azml/azml.h"

namespace azml::capi {

// Copies text into a new library-owned buffer and stores it in *out (whatever *out held before
// is not freed: callers pass AZML_BUF_INIT or a disposed buffer). Throws std::bad_alloc.
void fill_buffer(azml_buf* out, std::string_view text);

}  // namespace azml::capi
