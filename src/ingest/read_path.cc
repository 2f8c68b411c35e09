// Paths → readers: directories are walked, files recognised by content
// (gzip, WARC, feed and HTML signatures) and else by extension, or sniffed as
// JSONL/text when the user names a file with an unknown extension.
#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <istream>
#include <set>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "ingest/gzip.h"
#include "ingest/ingest_internal.h"
#include "ingest/sniff.h"
#include "ingest/warc.h"
#include "storyline/ingest.h"

namespace storyline::ingest {
namespace {

namespace fs = std::filesystem;

using internal::ContentKind;

std::string ErrnoMessage(int error) {
  return std::error_code(error, std::generic_category()).message();
}

bool IsGzipName(const fs::path& path) {
  std::string ext = path.extension().string();
  for (char& c : ext) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return ext == ".gz";
}

// The id a path gives: without its extension, and without ".gz" before it.
std::string IdFromPath(fs::path path) {
  if (IsGzipName(path)) path.replace_extension();
  path.replace_extension();
  return path.generic_string();
}

class PathReader {
 public:
  PathReader(const ReadOptions& options, const Sink& sink, const internal::HtmlPageParser& html)
      : options_(options), sink_(sink), html_(html) {}

  void ReadRoot(const std::string& path);

 private:
  void Walk(const fs::path& root, const fs::path& dir);
  void ReadFile(const fs::path& path, const std::string& id, bool in_walk);
  void ReadTextFile(const std::string& file, const std::string& id, internal::ByteSource& bytes,
                    bool compressed);
  void ReadHtmlFile(const std::string& file, const std::string& id, internal::ByteSource& bytes,
                    bool compressed);
  void ReadFeedFile(const std::string& file, internal::ByteSource& bytes, bool compressed);
  void ReadJsonlFile(const std::string& file, internal::ByteSource& bytes);
  // The whole (decompressed) file within `limit`, or an error already reported.
  bool ReadWhole(const std::string& file, internal::ByteSource& bytes, size_t limit,
                 bool compressed, std::string* out);

  void Error(const std::string& file, std::string message) {
    internal::Emit(sink_, Diagnostic{Severity::kError, file, 0, std::move(message)});
  }
  void Warning(const std::string& file, std::string message) {
    internal::Emit(sink_, Diagnostic{Severity::kWarning, file, 0, std::move(message)});
  }

  const ReadOptions& options_;
  const Sink& sink_;
  const internal::HtmlPageParser& html_;
  std::set<fs::path> visited_dirs_;  // canonical; guards against symlink loops
};

void PathReader::ReadRoot(const std::string& path) {
  if (path == "-") {
    ReadJsonl(std::cin, "-", options_, sink_);
    return;
  }
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    Error(path, ec && ec != std::errc::no_such_file_or_directory
                    ? fmt::format("cannot access: {}", ec.message())
                    : "no such file or directory");
    return;
  }
  const fs::path p(path);
  if (fs::is_directory(status)) {
    Walk(p, p);
  } else {
    // Also a pipe named by the user, e.g. <(zcat x.jsonl.gz): it is opened
    // once and what recognition read is put back in front.
    ReadFile(p, IdFromPath(p.filename()), /*in_walk=*/false);
  }
}

void PathReader::Walk(const fs::path& root, const fs::path& dir) {
  std::error_code ec;
  const fs::path canonical = fs::canonical(dir, ec);
  if (!ec && !visited_dirs_.insert(canonical).second) return;

  std::vector<fs::path> entries;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    Error(dir.string(), fmt::format("cannot read directory: {}", ec.message()));
    return;
  }
  for (const fs::directory_iterator end; it != end; it.increment(ec)) {
    const fs::path name = it->path().filename();
    if (!name.empty() && name.native().front() != '.') entries.push_back(it->path());
  }
  if (ec) Error(dir.string(), fmt::format("cannot read directory: {}", ec.message()));
  std::sort(entries.begin(), entries.end(),
            [](const fs::path& a, const fs::path& b) { return a.native() < b.native(); });

  for (const fs::path& entry : entries) {
    const fs::file_status status = fs::status(entry, ec);
    if (ec) {
      Error(entry.string(), fmt::format("cannot access: {}", ec.message()));
      continue;
    }
    if (fs::is_directory(status)) {
      Walk(root, entry);
    } else if (fs::is_regular_file(status)) {
      ReadFile(entry, IdFromPath(entry.lexically_relative(root)), /*in_walk=*/true);
    } else {
      Warning(entry.string(), "not a regular file, skipped");
    }
  }
}

void PathReader::ReadFile(const fs::path& path, const std::string& id, bool in_walk) {
  const std::string file = path.string();
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    Error(file, fmt::format("cannot open: {}", ErrnoMessage(errno)));
    internal::EmitFileDone(sink_, file);
    return;
  }
  internal::StreamSource raw(in);
  const std::string head = internal::ReadHead(raw, internal::kSniffBytes);
  const bool compressed = internal::HasGzipMagic(head);
  internal::PrefixSource plain(head, raw);
  internal::GzipSource gunzip(plain);  // read from only when compressed
  std::string inner_head;
  if (compressed) inner_head = internal::ReadHead(gunzip, internal::kSniffBytes);
  internal::PrefixSource unpacked(inner_head, gunzip);
  internal::ByteSource& bytes = compressed ? static_cast<internal::ByteSource&>(unpacked) : plain;
  std::string_view content = compressed ? inner_head : head;

  // Content that proves its kind wins over a misleading name.
  bool gzip_name = false;
  ContentKind kind = internal::SniffContent(content);
  if (kind == ContentKind::kUnknown) kind = internal::KindByName(path.filename().string(), &gzip_name);
  if (kind == ContentKind::kUnknown) {
    if (in_walk) {
      Warning(file,
              "unsupported file type, skipped (expected .txt, .md, .jsonl, .ndjson, .html, .htm, "
              ".xml, .rss, .atom or .warc, also gzipped)");
      return;
    }
    if (content.starts_with(internal::kUtf8Bom)) content.remove_prefix(internal::kUtf8Bom.size());
    const size_t first = content.find_first_not_of(" \t\r\n");
    kind = first != std::string_view::npos && content[first] == '{' ? ContentKind::kJsonl
                                                                    : ContentKind::kText;
  }
  switch (kind) {
    case ContentKind::kJsonl: ReadJsonlFile(file, bytes); break;
    case ContentKind::kHtml: ReadHtmlFile(file, id, bytes, compressed); break;
    case ContentKind::kFeed: ReadFeedFile(file, bytes, compressed); break;
    case ContentKind::kWarc:
      internal::ReadWarcSource(bytes, file, options_, sink_, html_);
      break;
    case ContentKind::kText:
    case ContentKind::kUnknown:
      ReadTextFile(file, id, bytes, compressed);
      break;
  }
}

bool PathReader::ReadWhole(const std::string& file, internal::ByteSource& bytes, size_t limit,
                           bool compressed, std::string* out) {
  bool over_limit = false;
  Result<std::string> data = internal::ReadAll(bytes, limit, &over_limit);
  if (data.ok()) {
    *out = std::move(data).value();
    return true;
  }
  if (over_limit) {
    Error(file, compressed ? fmt::format("decompressed file is over the limit of {} bytes "
                                         "(a gzip bomb?), skipped",
                                         limit)
                           : fmt::format("file is over the limit of {} bytes, skipped", limit));
  } else {
    Error(file, data.status().message());
  }
  return false;
}

void PathReader::ReadJsonlFile(const std::string& file, internal::ByteSource& bytes) {
  internal::SourceStreambuf buffer(bytes);
  std::istream in(&buffer);
  ReadJsonl(in, file, options_, sink_);
  if (!buffer.status().ok()) {
    Error(file, fmt::format("{}; the lines before it were read", buffer.status().message()));
  }
}

void PathReader::ReadTextFile(const std::string& file, const std::string& id,
                              internal::ByteSource& bytes, bool compressed) {
  if (!compressed) {
    // A huge file is refused by its size, without reading it.
    std::error_code ec;
    const uintmax_t size = fs::file_size(file, ec);
    if (!ec && size > options_.max_article_bytes) {
      Error(file, fmt::format("file of {} bytes is over the limit of {} bytes, skipped", size,
                              options_.max_article_bytes));
      internal::EmitFileDone(sink_, file);
      return;
    }
  }
  std::string data;
  if (!ReadWhole(file, bytes, options_.max_article_bytes, compressed, &data)) {
    internal::EmitFileDone(sink_, file);
    return;
  }
  std::vector<Diagnostic> warnings;
  Result<Article> article = internal::ParseText(data, id, file, &warnings);
  for (Diagnostic& w : warnings) internal::Emit(sink_, std::move(w));
  if (article.ok()) {
    internal::Emit(sink_, std::move(article).value());
  } else {
    Error(file, article.status().message());
  }
  internal::EmitFileDone(sink_, file);
}

void PathReader::ReadHtmlFile(const std::string& file, const std::string& id,
                              internal::ByteSource& bytes, bool compressed) {
  std::string data;
  if (ReadWhole(file, bytes, options_.max_article_bytes, compressed, &data)) {
    if (data.find_first_not_of(" \t\r\n") == std::string::npos) {
      Error(file, "empty file");
    } else {
      std::vector<Diagnostic> warnings;
      Result<Article> article = html_(internal::HtmlPage{data, "", "", file}, &warnings);
      for (Diagnostic& w : warnings) {
        w.file = file;
        internal::Emit(sink_, std::move(w));
      }
      if (article.ok()) {
        if (article->id.empty()) article->id = id;
        article->origin = file;
        internal::Emit(sink_, std::move(article).value());
      } else {
        Error(file, article.status().message());
      }
    }
  }
  internal::EmitFileDone(sink_, file);
}

void PathReader::ReadFeedFile(const std::string& file, internal::ByteSource& bytes,
                              bool compressed) {
  // A feed holds many articles: its cap is the per-record one, not the
  // per-article one.
  const size_t limit = std::max(internal::kMaxDecodedBytes, options_.max_article_bytes);
  std::string data;
  if (!ReadWhole(file, bytes, limit, compressed, &data)) {
    internal::EmitFileDone(sink_, file);
    return;
  }
  ReadFeed(data, file, options_, sink_);
}

}  // namespace

namespace internal {

void ReadPathWith(const std::string& path, const ReadOptions& options, const Sink& sink,
                  const HtmlPageParser& html) {
  PathReader reader(options, sink, html);
  reader.ReadRoot(path);
}

}  // namespace internal

void ReadPath(const std::string& path, const ReadOptions& options, const Sink& sink) {
  internal::ReadPathWith(path, options, sink, internal::DefaultHtmlPageParser());
}

}  // namespace storyline::ingest
