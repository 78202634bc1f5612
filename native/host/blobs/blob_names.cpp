#include "blobs/blob_names.hpp"

#include "common/error.hpp"
#include "common/strings.hpp"

namespace azml::host::blobs {

namespace {

constexpr size_t kMaxBlobNameBytes = 1024;
// NAME_MAX of the file systems the store lives on (ext4, xfs, tmpfs).
constexpr size_t kMaxSegmentBytes = 255;

Error invalid_name(const std::string& what, const std::string& name, const std::string& rule) {
  // The name may be anything a client sent; quote a printable prefix of it.
  std::string shown;
  for (char c : name.substr(0, 80)) shown += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? '?' : c;
  return Error(ErrorCode::Invalid, "InvalidResourceName",
               "The specified " + what + " name '" + shown + "' is not valid: " + rule + ".")
      .with_http_status(400);
}

bool is_lower_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// Length of the UTF-8 sequence starting at text[i], 0 when it is not a valid one.
size_t utf8_sequence_length(const std::string& text, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  size_t length = 0;
  unsigned min = 0;
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF)
    length = 2, min = 0x80;
  else if (lead >= 0xE0 && lead <= 0xEF)
    length = 3, min = 0x800;
  else if (lead >= 0xF0 && lead <= 0xF4)
    length = 4, min = 0x10000;
  else
    return 0;
  if (i + length > text.size()) return 0;
  unsigned code = lead & (0x7F >> length);
  for (size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    code = (code << 6) | (byte(i + k) & 0x3F);
  }
  if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return 0;
  return length;
}

}  // namespace

void check_account_name(const std::string& name) {
  if (name.size() < 3 || name.size() > 24) {
    throw invalid_name("account", name, "it must be 3 to 24 characters long");
  }
  for (char c : name) {
    if (!is_lower_alnum(c)) throw invalid_name("account", name, "it may hold only lower-case letters and digits");
  }
}

void check_container_name(const std::string& name) {
  if (name.size() < 3 || name.size() > 63) {
    throw invalid_name("container", name, "it must be 3 to 63 characters long");
  }
  for (char c : name) {
    if (!is_lower_alnum(c) && c != '-') {
      throw invalid_name("container", name, "it may hold only lower-case letters, digits and '-'");
    }
  }
  if (!is_lower_alnum(name.front()) || !is_lower_alnum(name.back())) {
    throw invalid_name("container", name, "it must start and end with a letter or digit");
  }
  if (name.find("--") != std::string::npos) {
    throw invalid_name("container", name, "it must not hold two '-' in a row");
  }
}

void check_blob_name(const std::string& name) {
  if (name.empty()) throw invalid_name("blob", name, "it is empty");
  if (name.size() > kMaxBlobNameBytes) throw invalid_name("blob", name, "it is longer than 1024 bytes");
  for (size_t i = 0; i < name.size();) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    if (c < 0x20 || c == 0x7f) throw invalid_name("blob", name, "it holds a NUL or another control character");
    if (c == '\\') throw invalid_name("blob", name, "it holds a backslash (use '/' between virtual directories)");
    const size_t length = utf8_sequence_length(name, i);
    if (length == 0) throw invalid_name("blob", name, "it is not valid UTF-8");
    i += length;
  }
  if (name.front() == '/') throw invalid_name("blob", name, "it must not start with '/'");
  if (name.back() == '/') throw invalid_name("blob", name, "it must not end with '/'");
  for (const auto& segment : split(name, '/')) {
    if (segment.empty()) throw invalid_name("blob", name, "it holds an empty path segment ('//')");
    if (segment == "." || segment == "..") {
      throw invalid_name("blob", name, "it holds a '.' or '..' path segment");
    }
    if (segment.size() > kMaxSegmentBytes) {
      throw invalid_name("blob", name, "a path segment is longer than 255 bytes");
    }
  }
}

}  // namespace azml::host::blobs
