// The host:port spellings under which this data directory's host has ever been reached. Blob
// URLs handed out by an earlier run (model locations in stored definitions, BES results) name
// the port of that run; a host restarted on another port must still read them from its own blob
// store, so the authorities are remembered in the database and grow with each new port.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "storage/store.hpp"

namespace azml::host::app {

// How many authorities are kept: the most recent ones, so a host started on a free port at
// every run does not grow the list without bound.
inline constexpr std::size_t kMaxServedAuthorities = 64;

// "host:port" of an endpoint URL ("http://127.0.0.1:8080" -> "127.0.0.1:8080").
std::string authority_of(const std::string& endpoint);

// Records the authorities of this run (`endpoint`'s and the loopback spellings of `port`) in the
// store and returns them, followed by those remembered from earlier runs (newest first).
std::vector<std::string> remember_served_authorities(storage::Store& store, const std::string& endpoint,
                                                     std::uint16_t port);

}  // namespace azml::host::app
