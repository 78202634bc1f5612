#include "common/content_md5.hpp"

#include <openssl/evp.h>

#include <memory>

#include "common/crypto.hpp"
#include "common/error.hpp"

namespace azml {

std::string content_md5(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  if (!context || EVP_DigestInit_ex(context.get(), EVP_md5(), nullptr) != 1 ||
      EVP_DigestUpdate(context.get(), data.data(), data.size()) != 1 ||
      EVP_DigestFinal_ex(context.get(), digest, &length) != 1) {
    throw Error(ErrorCode::Generic, "computing an MD5 digest failed");
  }
  return base64_encode(std::string_view(reinterpret_cast<const char*>(digest), length));
}

}  // namespace azml
