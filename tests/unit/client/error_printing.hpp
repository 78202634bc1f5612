// Lets Boost.Test print an ErrorCode when a comparison of two fails.
#pragma once

#include <ostream>

#include "common/error.hpp"

namespace azml {
inline std::ostream& operator<<(std::ostream& out, ErrorCode code) { return out << to_string(code); }
}  // namespace azml
