#include "client/transport.hpp"

namespace azml::client {

Transport::~Transport() = default;

}  // namespace azml::client
