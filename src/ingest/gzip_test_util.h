// Test helper: gzip with zlib, one member per call.
#ifndef STORYLINE_INGEST_GZIP_TEST_UTIL_H_
#define STORYLINE_INGEST_GZIP_TEST_UTIL_H_

#include <zlib.h>

#include <string>
#include <string_view>

namespace storyline::ingest::testing {

// One gzip member (RFC 1952) holding `data`; deflate without gzip framing
// when `raw_zlib` (Content-Encoding: deflate).
inline std::string Gzip(std::string_view data, bool raw_zlib = false) {
  z_stream z{};
  deflateInit2(&z, Z_BEST_SPEED, Z_DEFLATED, raw_zlib ? MAX_WBITS : 16 + MAX_WBITS, 9,
               Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

}  // namespace storyline::ingest::testing

#endif  // STORYLINE_INGEST_GZIP_TEST_UTIL_H_
