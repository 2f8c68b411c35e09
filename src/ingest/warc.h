// Web archives (ISO 28500 WARC 1.0 and 1.1, plain or gzip) → articles
// (ReadWarc in include/storyline/ingest.h).
#ifndef STORYLINE_INGEST_WARC_H_
#define STORYLINE_INGEST_WARC_H_

#include <cstddef>
#include <istream>
#include <string>
#include <string_view>

#include "ingest/gzip.h"
#include "ingest/sniff.h"
#include "storyline/ingest.h"

namespace storyline::ingest::internal {

// ReadWarc with the page parser injected and the per-record cap (on the
// record block and on a decoded HTTP body) settable for tests.
void ReadWarcWith(std::istream& in, std::string_view file, const ReadOptions& options,
                  const Sink& sink, const HtmlPageParser& html,
                  size_t max_record_bytes = kMaxDecodedBytes);

// The same on an already decompressed stream (ReadPath has looked at the
// first bytes and decided on gzip itself).
void ReadWarcSource(ByteSource& source, std::string_view file, const ReadOptions& options,
                    const Sink& sink, const HtmlPageParser& html,
                    size_t max_record_bytes = kMaxDecodedBytes);

// Decodes an HTTP/1.1 chunked body (RFC 9112 section 7.1); chunk extensions
// and trailers are ignored. Fails on a malformed or cut body, or one that
// grows over `limit` bytes.
Result<std::string> Dechunk(std::string_view body, size_t limit);

}  // namespace storyline::ingest::internal

#endif  // STORYLINE_INGEST_WARC_H_
