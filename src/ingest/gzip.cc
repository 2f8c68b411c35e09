#include "ingest/gzip.h"

#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <utility>

#include <fmt/format.h>

namespace storyline::ingest::internal {

bool HasGzipMagic(std::string_view head) { return head.starts_with(kGzipMagic); }

Result<size_t> StreamSource::Read(char* out, size_t n) {
  if (n == 0) return size_t{0};
  in_.read(out, static_cast<std::streamsize>(n));
  if (in_.bad()) return Status::IoError("read error");
  return static_cast<size_t>(in_.gcount());
}

Result<size_t> PrefixSource::Read(char* out, size_t n) {
  if (pos_ < prefix_.size()) {
    const size_t k = std::min(n, prefix_.size() - pos_);
    std::memcpy(out, prefix_.data() + pos_, k);
    pos_ += k;
    return k;
  }
  return rest_.Read(out, n);
}

std::string ReadHead(ByteSource& source, size_t n) {
  std::string head(n, '\0');
  size_t got = 0;
  while (got < n) {
    Result<size_t> k = source.Read(head.data() + got, n - got);
    if (!k.ok() || *k == 0) break;
    got += *k;
  }
  head.resize(got);
  return head;
}

struct GzipSource::State {
  explicit State(ByteSource& source) : in(source), input(1u << 16) {}
  ByteSource& in;
  z_stream z{};
  bool initialized = false;
  std::vector<char> input;
  uint64_t read_total = 0;   // compressed bytes taken from `in`
  bool input_eof = false;
  bool in_member = false;    // inflate has begun a member and not ended it
  bool done = false;
  Status error;

  uint64_t consumed() const { return read_total - z.avail_in; }
};

GzipSource::GzipSource(ByteSource& in) : state_(std::make_unique<State>(in)) {
  // 16 + MAX_WBITS: gzip framing only, so a plain file is refused, not guessed.
  if (inflateInit2(&state_->z, 16 + MAX_WBITS) == Z_OK) {
    state_->initialized = true;
  } else {
    state_->error = Status::Internal("zlib failed to initialize");
  }
}

GzipSource::~GzipSource() {
  if (state_->initialized) inflateEnd(&state_->z);
}

uint64_t GzipSource::compressed_offset() const { return state_->consumed(); }

Result<size_t> GzipSource::Read(char* out, size_t n) {
  State& s = *state_;
  if (!s.error.ok()) return s.error;
  if (s.done || n == 0) return size_t{0};
  s.z.next_out = reinterpret_cast<Bytef*>(out);
  s.z.avail_out = static_cast<uInt>(std::min<size_t>(n, 1u << 30));
  const uInt wanted = s.z.avail_out;
  while (s.z.avail_out > 0) {
    if (s.z.avail_in == 0 && !s.input_eof) {
      Result<size_t> read = s.in.Read(s.input.data(), s.input.size());
      if (!read.ok()) {
        s.error = read.status();
        break;
      }
      const size_t got = *read;
      s.read_total += got;
      s.z.next_in = reinterpret_cast<Bytef*>(s.input.data());
      s.z.avail_in = static_cast<uInt>(got);
      if (got == 0) s.input_eof = true;
    }
    if (s.z.avail_in == 0 && s.input_eof) {
      if (s.in_member) {
        s.error = Status::InvalidArgument(fmt::format(
            "truncated gzip data: the file ends inside a gzip member after {} bytes",
            s.read_total));
      } else {
        s.done = true;
      }
      break;
    }
    if (!s.in_member && s.z.avail_in > 0 && s.z.next_in[0] != 0x1f) {
      // Between members: anything but a new member is not ours to guess at.
      s.error = Status::InvalidArgument(
          fmt::format("not gzip data at byte {}", s.consumed()));
      break;
    }
    s.in_member = true;
    const int rc = inflate(&s.z, Z_NO_FLUSH);
    if (rc == Z_STREAM_END) {
      s.in_member = false;
      inflateReset(&s.z);
    } else if (rc == Z_BUF_ERROR) {
      continue;  // needs more input; the loop fetches it
    } else if (rc != Z_OK) {
      s.error = Status::InvalidArgument(
          fmt::format("corrupt gzip data at byte {}: {}", s.consumed(),
                      s.z.msg != nullptr ? s.z.msg : zError(rc)));
      break;
    }
  }
  const size_t produced = wanted - s.z.avail_out;
  if (produced > 0) return produced;  // an error comes with the next call
  if (!s.error.ok()) return s.error;
  return size_t{0};
}

SourceStreambuf::int_type SourceStreambuf::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  if (!status_.ok()) return traits_type::eof();
  Result<size_t> n = source_.Read(buffer_.data(), buffer_.size());
  if (!n.ok()) {
    status_ = n.status();
    return traits_type::eof();
  }
  if (*n == 0) return traits_type::eof();
  setg(buffer_.data(), buffer_.data(), buffer_.data() + *n);
  return traits_type::to_int_type(*gptr());
}

Result<std::string> ReadAll(ByteSource& source, size_t limit, bool* over_limit) {
  *over_limit = false;
  std::string out;
  char buffer[1 << 16];
  for (;;) {
    Result<size_t> n = source.Read(buffer, sizeof buffer);
    if (!n.ok()) return n.status();
    if (*n == 0) return out;
    if (out.size() + *n > limit) {
      *over_limit = true;
      return Status::InvalidArgument(fmt::format("over the limit of {} bytes", limit));
    }
    out.append(buffer, *n);
  }
}

Result<std::string> Inflate(std::string_view data, bool gzip, size_t limit) {
  // Deflate bodies come zlib-wrapped or raw in the wild; 32 + MAX_WBITS
  // detects gzip and zlib headers, raw deflate is the retry.
  for (int attempt = 0; attempt < 2; ++attempt) {
    const int window_bits = gzip ? 16 + MAX_WBITS : (attempt == 0 ? 32 + MAX_WBITS : -MAX_WBITS);
    z_stream z{};
    if (inflateInit2(&z, window_bits) != Z_OK) return Status::Internal("zlib failed to initialize");
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    std::string out;
    char buffer[1 << 16];
    int rc = Z_OK;
    while (rc == Z_OK) {
      z.next_out = reinterpret_cast<Bytef*>(buffer);
      z.avail_out = sizeof buffer;
      rc = inflate(&z, Z_NO_FLUSH);
      const size_t produced = sizeof buffer - z.avail_out;
      if (out.size() + produced > limit) {
        inflateEnd(&z);
        return Status::InvalidArgument(fmt::format(
            "decompressed body is over the limit of {} bytes (a gzip bomb?)", limit));
      }
      out.append(buffer, produced);
      if (rc == Z_BUF_ERROR && z.avail_in == 0) break;
    }
    const std::string message = z.msg != nullptr ? z.msg : zError(rc);
    inflateEnd(&z);
    if (rc == Z_STREAM_END) return out;
    if (rc == Z_BUF_ERROR) {
      return Status::InvalidArgument("truncated compressed body");
    }
    if (gzip || attempt == 1) {
      return Status::InvalidArgument(fmt::format("corrupt compressed body: {}", message));
    }
  }
  return Status::Internal("unreachable");
}

}  // namespace storyline::ingest::internal
