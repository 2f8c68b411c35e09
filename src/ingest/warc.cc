// A streaming WARC reader: records are parsed one at a time from a byte
// stream (gzip members decoded on the fly), so an archive of any size reads
// in memory bounded by one record block.
#include "ingest/warc.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <istream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "ingest/ingest_internal.h"
#include "storyline/ingest.h"

namespace storyline::ingest {
namespace internal {
namespace {

constexpr size_t kMaxHeaderLine = 64u << 10;
constexpr size_t kMaxHeaderBytes = 1u << 20;
constexpr size_t kChunk = 1u << 16;

char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string Lower(std::string_view s) {
  std::string out;
  for (char c : s) out.push_back(AsciiLower(c));
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool ParseSize(std::string_view s, int base, uint64_t* value) {
  s = Trim(s);
  if (s.empty() || s.size() > 16) return false;
  uint64_t v = 0;
  for (char c : s) {
    int digit = -1;
    if (c >= '0' && c <= '9') digit = c - '0';
    if (base == 16 && c >= 'a' && c <= 'f') digit = c - 'a' + 10;
    if (base == 16 && c >= 'A' && c <= 'F') digit = c - 'A' + 10;
    if (digit < 0) return false;
    v = v * static_cast<uint64_t>(base) + static_cast<uint64_t>(digit);
  }
  *value = v;
  return true;
}

// "Name: value" lines, names lowercased; a later duplicate is ignored.
struct Headers {
  std::vector<std::pair<std::string, std::string>> fields;

  void Add(std::string_view line) {
    if (!line.empty() && (line.front() == ' ' || line.front() == '\t') && !fields.empty()) {
      fields.back().second += ' ';
      fields.back().second += Trim(line);  // obsolete line folding
      return;
    }
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) return;
    fields.emplace_back(Lower(Trim(line.substr(0, colon))), std::string(Trim(line.substr(colon + 1))));
  }
  std::string_view Get(std::string_view name) const {
    for (const auto& [key, value] : fields) {
      if (key == name) return value;
    }
    return {};
  }
};

// A buffered reader over a ByteSource that counts offsets and can take bytes
// back (to re-read a record that a wrong Content-Length swallowed).
class Input {
 public:
  explicit Input(ByteSource& source) : source_(source) {}

  uint64_t offset() const { return offset_; }
  const Status& status() const { return status_; }

  // One line without its LF (and CR); a longer line keeps its first `max`
  // bytes. False at the end of the data.
  bool ReadLine(std::string* line, size_t max) {
    line->clear();
    bool any = false;
    for (;;) {
      if (pos_ == buffer_.size() && !Fill()) break;
      any = true;
      const size_t newline = buffer_.find('\n', pos_);
      const size_t end = newline == std::string::npos ? buffer_.size() : newline;
      if (line->size() < max) line->append(buffer_, pos_, std::min(end - pos_, max - line->size()));
      Consume((newline == std::string::npos ? end : newline + 1) - pos_);
      if (newline != std::string::npos) break;
    }
    if (!line->empty() && line->back() == '\r') line->pop_back();
    return any;
  }

  // Appends up to `n` bytes to *out (fewer only at the end); a null `out`
  // discards them. Returns how many were taken.
  uint64_t Read(uint64_t n, std::string* out) {
    uint64_t taken = 0;
    while (taken < n) {
      if (pos_ == buffer_.size() && !Fill()) break;
      const size_t k = static_cast<size_t>(std::min<uint64_t>(n - taken, buffer_.size() - pos_));
      if (out != nullptr) out->append(buffer_, pos_, k);
      Consume(k);
      taken += k;
    }
    return taken;
  }

  void Unread(std::string_view bytes) {
    buffer_ = std::string(bytes) + buffer_.substr(pos_);
    pos_ = 0;
    offset_ -= bytes.size();
  }

 private:
  bool Fill() {
    if (!status_.ok() || eof_) return false;
    buffer_.resize(kChunk);
    pos_ = 0;
    Result<size_t> n = source_.Read(buffer_.data(), buffer_.size());
    if (!n.ok()) {
      status_ = n.status();
      buffer_.clear();
      return false;
    }
    buffer_.resize(*n);
    if (*n == 0) eof_ = true;
    return *n > 0;
  }
  void Consume(size_t n) {
    pos_ += n;
    offset_ += n;
  }

  ByteSource& source_;
  std::string buffer_;
  size_t pos_ = 0;
  uint64_t offset_ = 0;  // of buffer_[pos_] in the (decompressed) stream
  bool eof_ = false;
  Status status_;
};

class WarcReader {
 public:
  WarcReader(std::string_view file, const ReadOptions& options, const Sink& sink,
             const HtmlPageParser& html, size_t max_record_bytes)
      : file_(file), options_(options), sink_(sink), html_(html),
        max_record_bytes_(max_record_bytes) {}

  void Read(ByteSource& source);

 private:
  struct Record {
    int64_t number = 0;
    uint64_t offset = 0;
    std::string type;
    Headers headers;
  };

  void Response(const Record& record, std::string_view block);
  void Skip(std::string label) {
    ++skipped_total_;
    for (auto& [name, count] : skipped_) {
      if (name == label) {
        ++count;
        return;
      }
    }
    skipped_.emplace_back(std::move(label), 1);
  }
  std::string Where(const Record& r) const {
    return fmt::format("record {} ({}, offset {})", r.number, r.type.empty() ? "untyped" : r.type,
                       r.offset);
  }
  void Error(std::string message) {
    Emit(sink_, Diagnostic{Severity::kError, file_, 0, std::move(message)});
  }

  std::string file_;
  const ReadOptions& options_;
  const Sink& sink_;
  const HtmlPageParser& html_;
  size_t max_record_bytes_;
  std::vector<std::pair<std::string, int>> skipped_;  // in order of first sight
  int skipped_total_ = 0;
};

void WarcReader::Read(ByteSource& source) {
  Input input(source);
  std::string line;
  int64_t records = 0;
  bool scanning = false;  // after a broken record: skip to the next "WARC/" line
  bool source_error_reported = false;
  bool any_bytes = false;

  auto report_cut = [&](const Record& r, std::string_view what) {
    if (!input.status().ok()) {
      source_error_reported = true;
      Error(fmt::format("{}: {}; the records before it were kept", Where(r),
                        input.status().message()));
    } else {
      Error(fmt::format("{}: {}", Where(r), what));
    }
  };

  for (;;) {
    const uint64_t start = input.offset();
    if (!input.ReadLine(&line, kMaxHeaderLine)) break;
    any_bytes = true;
    if (Trim(line).empty()) continue;  // blank lines between records
    if (!line.starts_with("WARC/")) {
      if (!scanning) {
        Error(fmt::format("offset {}{}: expected a record header 'WARC/1.0' but found '{}'; "
                          "skipping to the next record",
                          start, records > 0 ? fmt::format(" (after record {})", records) : "",
                          line.substr(0, 40)));
        scanning = true;
      }
      continue;
    }
    scanning = false;
    Record record;
    record.number = ++records;
    record.offset = start;
    const std::string_view version = Trim(line);
    if (version != "WARC/1.0" && version != "WARC/1.1") {
      Error(fmt::format("{}: unsupported version '{}'; skipped", Where(record), version.substr(0, 20)));
      scanning = true;
      continue;
    }
    size_t header_bytes = 0;
    bool header_done = false;
    while (input.ReadLine(&line, kMaxHeaderLine)) {
      if (line.empty()) {
        header_done = true;
        break;
      }
      header_bytes += line.size();
      if (header_bytes > kMaxHeaderBytes) break;
      record.headers.Add(line);
    }
    record.type = Lower(record.headers.Get("warc-type"));
    if (!header_done) {
      if (header_bytes > kMaxHeaderBytes) {
        Error(fmt::format("{}: header over {} bytes; skipping to the next record", Where(record),
                          kMaxHeaderBytes));
        scanning = true;
        continue;
      }
      report_cut(record, "the file ends inside the record header");
      break;
    }
    uint64_t length = 0;
    if (!ParseSize(record.headers.Get("content-length"), 10, &length)) {
      Error(fmt::format("{}: {} Content-Length; skipping to the next record", Where(record),
                        record.headers.Get("content-length").empty() ? "no" : "invalid"));
      scanning = true;
      continue;
    }
    const bool oversized = length > max_record_bytes_;
    std::string block;
    const uint64_t got = input.Read(length, oversized ? nullptr : &block);
    if (got < length) {
      // Either the file is cut or Content-Length is too large; a record
      // header inside the block tells which.
      const size_t next = block.find("\nWARC/1.");
      if (input.status().ok() && next != std::string::npos) {
        Error(fmt::format("{}: Content-Length {} is wrong: the block runs into the next record "
                          "at offset {}; record skipped",
                          Where(record), length, input.offset() - block.size() + next + 1));
        input.Unread(std::string_view(block).substr(next + 1));
        continue;
      }
      report_cut(record, fmt::format("Content-Length {} runs past the end of the file ({} bytes "
                                     "follow the header); record skipped",
                                     length, got));
      break;
    }
    std::string trailer;
    input.Read(4, &trailer);
    if (trailer != "\r\n\r\n") {
      const size_t next = block.find("\nWARC/1.");
      if (next != std::string::npos) {
        Error(fmt::format("{}: Content-Length {} is wrong: the block runs into the next record "
                          "at offset {}; record skipped",
                          Where(record), length, input.offset() - trailer.size() - block.size() + next + 1));
        input.Unread(std::string(std::string_view(block).substr(next + 1)) + trailer);
      } else if (trailer.size() < 4 && std::string_view("\r\n\r\n").starts_with(trailer) &&
                 input.status().ok()) {
        // The last record with its CRLF CRLF cut: lenient, the block is whole.
        if (record.type == "response" && !oversized) {
          Response(record, block);
        } else {
          Skip(record.type.empty() ? "untyped" : record.type);
        }
        continue;
      } else {
        if (!input.status().ok()) {
          report_cut(record, "");
          break;
        }
        Error(fmt::format("{}: Content-Length {} is wrong: the block is not followed by "
                          "CRLF CRLF; record skipped, reading on at the next 'WARC/' line",
                          Where(record), length));
        input.Unread(trailer);
        scanning = true;
      }
      continue;
    }
    if (oversized) {
      Error(fmt::format("{}: block of {} bytes is over the limit of {} bytes; skipped",
                        Where(record), length, max_record_bytes_));
      continue;
    }
    if (record.type == "response") {
      Response(record, block);
    } else {
      Skip(record.type.empty() ? "untyped" : record.type);
    }
  }

  if (!input.status().ok() && !source_error_reported) {
    Error(fmt::format("{} after record {}; the records before it were kept",
                      input.status().message(), records));
  } else if (!any_bytes) {
    Error("empty file");
  }
  if (skipped_total_ > 0) {
    std::stable_sort(skipped_.begin(), skipped_.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    std::string parts;
    for (const auto& [name, count] : skipped_) {
      if (!parts.empty()) parts += ", ";
      parts += fmt::format("{} {}", count, name);
    }
    Emit(sink_, Diagnostic{Severity::kWarning, file_, 0,
                           fmt::format("skipped {} record{}: {}", skipped_total_,
                                       skipped_total_ == 1 ? "" : "s", parts)});
  }
}

void WarcReader::Response(const Record& record, std::string_view block) {
  // The HTTP message: status line, headers, body.
  if (!block.starts_with("HTTP/")) {
    Skip("non-HTTP response");
    return;
  }
  size_t header_end = block.find("\r\n\r\n");
  size_t body_start = header_end + 4;
  if (const size_t lf = block.find("\n\n"); lf != std::string_view::npos &&
                                            (header_end == std::string_view::npos || lf < header_end)) {
    header_end = lf;
    body_start = lf + 2;
  }
  if (header_end == std::string_view::npos) {
    Error(fmt::format("{}: HTTP header without an end; skipped", Where(record)));
    return;
  }
  const std::string_view head = block.substr(0, header_end);
  std::string_view body = block.substr(body_start);
  const size_t first_eol = head.find('\n');
  const std::string_view status_line = Trim(head.substr(0, first_eol));
  const size_t space = status_line.find(' ');
  uint64_t status = 0;
  if (space == std::string_view::npos ||
      !ParseSize(status_line.substr(space + 1, 3), 10, &status)) {
    Error(fmt::format("{}: bad HTTP status line '{}'; skipped", Where(record),
                      status_line.substr(0, 60)));
    return;
  }
  if (status != 200) {
    Skip("non-200 response");
    return;
  }
  Headers http;
  for (size_t pos = first_eol == std::string_view::npos ? head.size() : first_eol + 1;
       pos < head.size();) {
    size_t eol = head.find('\n', pos);
    if (eol == std::string_view::npos) eol = head.size();
    http.Add(Trim(head.substr(pos, eol - pos)));
    pos = eol + 1;
  }
  const std::string content_type = Lower(http.Get("content-type"));
  const std::string media(Trim(std::string_view(content_type).substr(0, content_type.find(';'))));
  std::string charset;
  if (const size_t at = content_type.find("charset="); at != std::string::npos) {
    std::string_view value = std::string_view(content_type).substr(at + 8);
    value = value.substr(0, value.find(';'));
    while (!value.empty() && (value.front() == '"' || value.front() == '\'')) value.remove_prefix(1);
    while (!value.empty() && (value.back() == '"' || value.back() == '\'' || value.back() == ' ')) {
      value.remove_suffix(1);
    }
    charset = value;
  }
  const bool declared_html = media == "text/html" || media == "application/xhtml+xml";
  const bool may_sniff = media.empty() || media == "application/octet-stream" ||
                         media == "text/plain" || media == "unknown/unknown";
  if (!declared_html && !may_sniff) {
    Skip("non-HTML response");
    return;
  }

  const std::string url(Trim(record.headers.Get("warc-target-uri")));
  auto fail = [&](std::string_view what) {
    Error(fmt::format("{}{}: {}; skipped", Where(record),
                      url.empty() ? "" : fmt::format(" <{}>", url), what));
  };
  // Bodies are decoded within the per-record cap: a small record can hold a
  // gzip bomb.
  const size_t limit = std::min(max_record_bytes_, options_.max_article_bytes);
  std::string decoded;
  if (Lower(http.Get("transfer-encoding")).find("chunked") != std::string::npos) {
    Result<std::string> plain = Dechunk(body, max_record_bytes_);
    if (!plain.ok()) return fail(plain.status().message());
    decoded = std::move(plain).value();
    body = decoded;
  }
  const std::string encoding = Lower(Trim(http.Get("content-encoding")));
  if (encoding == "gzip" || encoding == "x-gzip" || encoding == "deflate") {
    Result<std::string> plain = Inflate(body, encoding != "deflate", max_record_bytes_);
    if (!plain.ok()) return fail(plain.status().message());
    decoded = std::move(plain).value();
    body = decoded;
  } else if (!encoding.empty() && encoding != "identity") {
    Skip(fmt::format("response with Content-Encoding {}", encoding.substr(0, 20)));
    return;
  }
  if (!declared_html && SniffContent(body.substr(0, kSniffBytes)) != ContentKind::kHtml) {
    Skip("non-HTML response");
    return;
  }
  if (body.size() > limit) {
    return fail(fmt::format("page of {} bytes is over the limit of {} bytes", body.size(), limit));
  }

  std::vector<Diagnostic> warnings;
  Result<Article> parsed = html_(HtmlPage{body, url, charset, file_}, &warnings);
  for (Diagnostic& w : warnings) {
    w.file = file_;
    w.message = fmt::format("{}: {}", Where(record), w.message);
    Emit(sink_, std::move(w));
  }
  if (!parsed.ok()) return fail(parsed.status().message());
  Article article = std::move(parsed).value();
  if (article.url.empty()) article.url = url;
  if (article.id.empty()) article.id = !url.empty() ? url : fmt::format("{}@{}", file_, record.offset);
  // The capture date stands in for a publication date the page does not give.
  if (!article.published.known()) {
    if (Result<PublishedDate> date = ParsePublishedDate(record.headers.Get("warc-date")); date.ok()) {
      article.published = *date;
    }
  }
  article.origin = fmt::format("{}@{}", file_, record.offset);
  Emit(sink_, std::move(article));
}

}  // namespace

Result<std::string> Dechunk(std::string_view body, size_t limit) {
  std::string out;
  size_t pos = 0;
  for (;;) {
    const size_t eol = body.find('\n', pos);
    if (eol == std::string_view::npos) return Status::InvalidArgument("chunked body is cut off");
    std::string_view size_line = body.substr(pos, eol - pos);
    size_line = size_line.substr(0, size_line.find(';'));
    uint64_t size = 0;
    if (!ParseSize(size_line, 16, &size)) {
      return Status::InvalidArgument(
          fmt::format("bad chunk size '{}' in chunked body", Trim(size_line).substr(0, 20)));
    }
    pos = eol + 1;
    if (size == 0) return out;  // trailers, if any, are not needed
    if (size > body.size() - pos) return Status::InvalidArgument("chunked body is cut off");
    if (out.size() + size > limit) {
      return Status::InvalidArgument(
          fmt::format("chunked body is over the limit of {} bytes", limit));
    }
    out.append(body.substr(pos, static_cast<size_t>(size)));
    pos += static_cast<size_t>(size);
    if (body.substr(pos).starts_with("\r\n")) {
      pos += 2;
    } else if (body.substr(pos).starts_with("\n")) {
      pos += 1;
    } else {
      return Status::InvalidArgument("chunk not followed by CRLF in chunked body");
    }
  }
}

void ReadWarcSource(ByteSource& source, std::string_view file, const ReadOptions& options,
                    const Sink& sink, const HtmlPageParser& html, size_t max_record_bytes) {
  WarcReader reader(file, options, sink, html, max_record_bytes);
  reader.Read(source);
  EmitFileDone(sink, file);
}

void ReadWarcWith(std::istream& in, std::string_view file, const ReadOptions& options,
                  const Sink& sink, const HtmlPageParser& html, size_t max_record_bytes) {
  StreamSource raw(in);
  if (in.peek() == 0x1f) {  // first byte of the gzip magic; a WARC starts with 'W'
    GzipSource gzip(raw);
    ReadWarcSource(gzip, file, options, sink, html, max_record_bytes);
  } else {
    ReadWarcSource(raw, file, options, sink, html, max_record_bytes);
  }
}

}  // namespace internal

void ReadWarc(std::istream& in, std::string_view file, const ReadOptions& options,
              const Sink& sink) {
  internal::ReadWarcWith(in, file, options, sink, internal::DefaultHtmlPageParser());
}

}  // namespace storyline::ingest
