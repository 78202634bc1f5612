// azml_buf_dispose and the one allocator behind azml_buf.
#include "capi/buffer.hpp"

#include <cstdlib>
#include <cstring>
#include <new>

namespace azml::capi {

void fill_buffer(azml_buf* out, std::string_view text) {
  char* memory = static_cast<char*>(std::malloc(text.size() + 1));
  if (!memory) throw std::bad_alloc();
  if (!text.empty()) std::memcpy(memory, text.data(), text.size());
  memory[text.size()] = '\0';
  out->ptr = memory;
  out->size = text.size();
}

}  // namespace azml::capi

extern "C" {

void azml_buf_dispose(azml_buf* buf) {
  if (!buf) return;
  std::free(buf->ptr);
  buf->ptr = nullptr;
  buf->size = 0;
}

}  // extern "C"
