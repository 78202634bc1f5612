// A Beast body type for requests: the bytes are kept in a string up to a limit; past it they
// are dropped as they arrive and only the fact is remembered. The parser still reads an
// oversized body to its end (Content-Length or chunked), so the connection's framing stays
// intact and the client, which sends its whole body before it reads, gets to read the 413,
// while the host never holds more than the limit.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include <boost/asio/buffer.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/optional.hpp>

namespace azml::host::transport {

struct LimitedBody {
  struct value_type {
    std::string bytes;
    std::size_t limit = 0;
    bool over_limit = false;
  };

  class reader {
   public:
    template <bool isRequest, class Fields>
    reader(boost::beast::http::header<isRequest, Fields>&, value_type& body) : body_(body) {}

    void init(const boost::optional<std::uint64_t>& content_length, boost::beast::error_code& ec) {
      ec = {};
      if (!content_length) return;
      if (*content_length > body_.limit) {
        body_.over_limit = true;
      } else {
        body_.bytes.reserve(static_cast<std::size_t>(*content_length));
      }
    }

    template <class ConstBufferSequence>
    std::size_t put(const ConstBufferSequence& buffers, boost::beast::error_code& ec) {
      ec = {};
      const std::size_t size = boost::asio::buffer_size(buffers);
      if (!body_.over_limit && body_.bytes.size() + size > body_.limit) {
        body_.over_limit = true;
        std::string().swap(body_.bytes);
      }
      if (body_.over_limit) return size;
      for (auto it = boost::asio::buffer_sequence_begin(buffers); it != boost::asio::buffer_sequence_end(buffers);
           ++it) {
        const boost::asio::const_buffer buffer = *it;
        body_.bytes.append(static_cast<const char*>(buffer.data()), buffer.size());
      }
      return size;
    }

    void finish(boost::beast::error_code& ec) { ec = {}; }

   private:
    value_type& body_;
  };
};

}  // namespace azml::host::transport
