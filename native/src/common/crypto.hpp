// Randomness and comparisons for secrets.
#pragma once

#include <string>
#include <string_view>

namespace azml {

// Cryptographically random bytes (OpenSSL RAND_bytes), as base64. Throws azml::Error on failure.
std::string random_key_base64(size_t bytes = 64);
// Random bytes as lowercase hex.
std::string random_hex(size_t bytes);
// A random version-4 UUID in the canonical 8-4-4-4-12 form.
std::string new_uuid();
// A version-4 UUID for naming one request (x-ms-request-id): unique, not secret. Drawn from a
// per-thread generator seeded once from RAND_bytes, because a RAND_bytes call per request was
// 5% of the host's CPU when scoring. Never use it for anything that must be unguessable.
std::string new_request_id();
// Compares two secrets in time that depends only on their lengths, never on where they differ.
bool constant_time_equals(std::string_view a, std::string_view b) noexcept;

std::string base64_encode(std::string_view data);
// Throws azml::Error(Invalid) on malformed input.
std::string base64_decode(std::string_view text);

// HMAC-SHA256 of data with key, raw bytes.
std::string hmac_sha256(std::string_view key, std::string_view data);
// SHA-256, lowercase hex.
std::string sha256_hex(std::string_view data);

}  // namespace azml
