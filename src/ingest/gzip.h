// Streaming gzip (RFC 1952) on zlib: concatenated members, as in .warc.gz
// where every record is its own member, are read as one byte stream. Nothing
// is held beyond one input buffer, so a file of any size streams.
#ifndef STORYLINE_INGEST_GZIP_H_
#define STORYLINE_INGEST_GZIP_H_

#include <cstddef>
#include <cstdint>
#include <istream>
#include <memory>
#include <utility>
#include <streambuf>
#include <string>
#include <string_view>
#include <vector>

#include "storyline/status.h"

namespace storyline::ingest::internal {

inline constexpr std::string_view kGzipMagic = "\x1f\x8b";

// The most bytes one decompressed unit (a WARC record, a feed, a .gz page, an
// HTTP body) may grow to: the guard against gzip bombs.
inline constexpr size_t kMaxDecodedBytes = 32u << 20;

bool HasGzipMagic(std::string_view head);

// A stream of bytes that can fail. Read returns how many bytes were stored
// (0 only at the end) or the error that ended the stream; after an error
// every later call returns the same error.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  virtual Result<size_t> Read(char* out, size_t n) = 0;
};

// Reads `in` as is. The stream must outlive the source.
class StreamSource : public ByteSource {
 public:
  explicit StreamSource(std::istream& in) : in_(in) {}
  Result<size_t> Read(char* out, size_t n) override;

 private:
  std::istream& in_;
};

// Yields `prefix`, then the rest of `rest` (must outlive it): the bytes a
// reader looked at to recognise a file, put back in front of the stream.
class PrefixSource : public ByteSource {
 public:
  PrefixSource(std::string prefix, ByteSource& rest) : prefix_(std::move(prefix)), rest_(rest) {}
  Result<size_t> Read(char* out, size_t n) override;

 private:
  std::string prefix_;
  size_t pos_ = 0;
  ByteSource& rest_;
};

// Reads up to `n` bytes, fewer only at the end or on an error (which is
// then left for the next Read to report).
std::string ReadHead(ByteSource& source, size_t n);

// Decompresses concatenated gzip members from `in` (must outlive it).
// Errors (messages without the file name): "truncated gzip data: ...",
// "corrupt gzip data at byte N: ...", "not gzip data at byte N".
class GzipSource : public ByteSource {
 public:
  explicit GzipSource(ByteSource& in);
  ~GzipSource() override;
  GzipSource(const GzipSource&) = delete;
  GzipSource& operator=(const GzipSource&) = delete;

  Result<size_t> Read(char* out, size_t n) override;
  // Compressed bytes consumed so far.
  uint64_t compressed_offset() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// An istream buffer over a ByteSource, for readers that take a stream
// (ReadJsonl). A source error ends the stream; status() then tells it.
class SourceStreambuf : public std::streambuf {
 public:
  explicit SourceStreambuf(ByteSource& source) : source_(source), buffer_(1u << 16) {}
  const Status& status() const { return status_; }

 protected:
  int_type underflow() override;

 private:
  ByteSource& source_;
  std::vector<char> buffer_;
  Status status_;
};

// Reads the whole source. Fails with the source's error, or when the data
// grows over `limit` bytes (then *over_limit is set; no more than `limit`
// bytes are ever held).
Result<std::string> ReadAll(ByteSource& source, size_t limit, bool* over_limit);

// Decodes an HTTP body with Content-Encoding gzip, x-gzip or deflate (zlib or
// raw) in memory, failing when the result would grow over `limit` bytes.
Result<std::string> Inflate(std::string_view data, bool gzip, size_t limit);

}  // namespace storyline::ingest::internal

#endif  // STORYLINE_INGEST_GZIP_H_
