#include "engine/ilearner.hpp"

#include <cstdio>
#include <fstream>
#include <sstream>

#include "common/crypto.hpp"
#include "common/error.hpp"
#include "common/json.hpp"

namespace azml::engine {

namespace {

// 0x89 keeps text tools from taking the file for text; CR LF and 0x1A reveal line-end
// translation, as in PNG's signature.
constexpr char kSignature[] = "\x89" "AZMLILRN\r\n\x1a";
constexpr size_t kSignatureSize = sizeof(kSignature) - 1;                  // 12
constexpr size_t kPreambleSize = kSignatureSize + 4 + 8 + 8;               // 32
constexpr size_t kChecksumSize = 32;                                       // SHA-256

[[noreturn]] void reject(const std::string& reason) {
  throw Error(ErrorCode::Invalid, "not a usable .ilearner file: " + reason);
}

void put_u32(std::string& out, std::uint32_t value) {
  for (int i = 0; i < 4; ++i) out += static_cast<char>((value >> (8 * i)) & 0xFF);
}

void put_u64(std::string& out, std::uint64_t value) {
  for (int i = 0; i < 8; ++i) out += static_cast<char>((value >> (8 * i)) & 0xFF);
}

std::uint64_t get_le(std::string_view bytes, size_t offset, size_t width) {
  std::uint64_t value = 0;
  for (size_t i = 0; i < width; ++i) {
    value |= static_cast<std::uint64_t>(static_cast<unsigned char>(bytes[offset + i])) << (8 * i);
  }
  return value;
}

std::string sha256_bytes(std::string_view data) {
  std::string hex = sha256_hex(data);
  std::string raw;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) raw += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  return raw;
}

}  // namespace

bool looks_like_ilearner(std::string_view bytes) noexcept {
  return bytes.size() >= kSignatureSize && bytes.substr(0, kSignatureSize) == std::string_view(kSignature, kSignatureSize);
}

std::string write_ilearner(const ModelHeader& header, std::string_view booster_bytes) {
  std::string header_text = header.to_json().dump();
  std::string out(kSignature, kSignatureSize);
  put_u32(out, kIlearnerFormatVersion);
  put_u64(out, header_text.size());
  put_u64(out, booster_bytes.size());
  out += header_text;
  out.append(booster_bytes.data(), booster_bytes.size());
  out += sha256_bytes(out);
  return out;
}

std::string write_ilearner(const TrainedModel& model) {
  return write_ilearner(model.header(), model.booster_bytes());
}

std::shared_ptr<const TrainedModel> read_ilearner(std::string_view bytes, const ModelOptions& options) {
  const std::string_view signature(kSignature, kSignatureSize);
  if (bytes.size() < kSignatureSize) {
    if (!bytes.empty() && signature.substr(0, bytes.size()) == bytes) {
      reject("truncated (" + std::to_string(bytes.size()) + " bytes)");
    }
    reject(bytes.empty() ? "the file is empty" : "unrecognised signature (not written by azml)");
  }
  if (bytes.substr(0, kSignatureSize) != signature) {
    reject("unrecognised signature (not written by azml; Azure ML Studio's own .ilearner files cannot be read, "
           "retrain the model with azml)");
  }
  if (bytes.size() < kPreambleSize) reject("truncated (" + std::to_string(bytes.size()) + " bytes)");
  auto version = static_cast<std::uint32_t>(get_le(bytes, kSignatureSize, 4));
  if (version == 0) reject("format version 0 does not exist (corrupt file)");
  if (version > kIlearnerFormatVersion) {
    reject("format version " + std::to_string(version) + " is newer than this azml reads (" +
           std::to_string(kIlearnerFormatVersion) + "); upgrade azml to load it");
  }
  std::uint64_t header_size = get_le(bytes, kSignatureSize + 4, 8);
  std::uint64_t booster_size = get_le(bytes, kSignatureSize + 12, 8);
  // Compare without overflowing: each length alone must fit in what is left.
  const std::uint64_t available = bytes.size() - kPreambleSize;
  if (header_size > available || booster_size > available - header_size ||
      available - header_size - booster_size < kChecksumSize) {
    if (header_size > (1ull << 40) || booster_size > (1ull << 40)) reject("corrupt section lengths");
    reject("truncated (" + std::to_string(bytes.size()) + " bytes; the file says it has " +
           std::to_string(kPreambleSize + header_size + booster_size + kChecksumSize) + ")");
  }
  const size_t total = kPreambleSize + header_size + booster_size + kChecksumSize;
  if (bytes.size() > total) reject("corrupt (" + std::to_string(bytes.size() - total) + " bytes after the checksum)");
  if (sha256_bytes(bytes.substr(0, total - kChecksumSize)) != bytes.substr(total - kChecksumSize)) {
    reject("checksum mismatch: the file is corrupt");
  }
  if (header_size == 0 || booster_size == 0) reject("corrupt (empty header or model section)");

  json header_json;
  try {
    header_json = json::parse(bytes.substr(kPreambleSize, header_size));
  } catch (const json::parse_error& e) {
    reject(std::string("the header is not valid JSON: ") + e.what());
  }
  ModelHeader header;
  try {
    header = ModelHeader::from_json(header_json);
  } catch (const Error& e) {
    reject(e.what());
  }
  std::string booster(bytes.substr(kPreambleSize + header_size, booster_size));
  try {
    return std::make_shared<const TrainedModel>(std::move(header), std::move(booster), options);
  } catch (const Error& e) {
    reject(e.what());
  }
}

void write_ilearner_file(const TrainedModel& model, const std::string& path) {
  const std::string bytes = write_ilearner(model);
  const std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) throw Error(ErrorCode::Generic, "cannot open '" + temporary + "' for writing");
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush()) throw Error(ErrorCode::Generic, "cannot write '" + temporary + "'");
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    std::remove(temporary.c_str());
    throw Error(ErrorCode::Generic, "cannot rename '" + temporary + "' to '" + path + "'");
  }
}

std::shared_ptr<const TrainedModel> read_ilearner_file(const std::string& path, const ModelOptions& options) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::NotFound, "cannot open '" + path + "' for reading");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  try {
    return read_ilearner(buffer.str(), options);
  } catch (const Error& e) {
    throw Error(e.code(), path + ": " + e.what());
  }
}

}  // namespace azml::engine
