// Paths → readers: directories are walked, files dispatched by extension
// (or by content when the user names a file with an unknown extension).
#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "ingest/ingest_internal.h"
#include "storyline/ingest.h"

namespace storyline::ingest {
namespace {

namespace fs = std::filesystem;

enum class FileKind { kText, kJsonl, kUnknown };

std::string AsciiLower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

FileKind KindByExtension(const fs::path& path) {
  const std::string ext = AsciiLower(path.extension().string());
  if (ext == ".txt" || ext == ".text" || ext == ".md") return FileKind::kText;
  if (ext == ".jsonl" || ext == ".ndjson" || ext == ".json-lines") return FileKind::kJsonl;
  return FileKind::kUnknown;
}

std::string ErrnoMessage(int error) {
  return std::error_code(error, std::generic_category()).message();
}

class PathReader {
 public:
  PathReader(const ReadOptions& options, const Sink& sink) : options_(options), sink_(sink) {}

  void ReadRoot(const std::string& path);

 private:
  void Walk(const fs::path& root, const fs::path& dir);
  void ReadFile(const fs::path& path, FileKind kind, const std::string& id);
  void ReadTextFile(const std::string& file, const std::string& id);
  void ReadJsonlFile(const std::string& file);
  FileKind Sniff(const std::string& file);

  void Error(const std::string& file, std::string message) {
    internal::Emit(sink_, Diagnostic{Severity::kError, file, 0, std::move(message)});
  }
  void Warning(const std::string& file, std::string message) {
    internal::Emit(sink_, Diagnostic{Severity::kWarning, file, 0, std::move(message)});
  }

  const ReadOptions& options_;
  const Sink& sink_;
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
    // Also a pipe named by the user, e.g. <(zcat x.jsonl.gz).
    ReadFile(p, KindByExtension(p), p.stem().string());
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
      const FileKind kind = KindByExtension(entry);
      if (kind == FileKind::kUnknown) {
        Warning(entry.string(),
                "unsupported file type, skipped (expected .txt, .md, .jsonl or .ndjson)");
        continue;
      }
      fs::path id = entry.lexically_relative(root);
      id.replace_extension();
      ReadFile(entry, kind, id.generic_string());
    } else {
      Warning(entry.string(), "not a regular file, skipped");
    }
  }
}

void PathReader::ReadFile(const fs::path& path, FileKind kind, const std::string& id) {
  const std::string file = path.string();
  if (kind == FileKind::kUnknown) kind = Sniff(file);
  if (kind == FileKind::kJsonl) {
    ReadJsonlFile(file);
  } else {
    ReadTextFile(file, id);
  }
}

FileKind PathReader::Sniff(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  char head[4096];
  in.read(head, sizeof head);
  std::string_view s(head, static_cast<size_t>(in.gcount()));
  if (s.starts_with(internal::kUtf8Bom)) s.remove_prefix(internal::kUtf8Bom.size());
  const size_t first = s.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && s[first] == '{' ? FileKind::kJsonl : FileKind::kText;
}

void PathReader::ReadJsonlFile(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    Error(file, fmt::format("cannot open: {}", ErrnoMessage(errno)));
    internal::EmitFileDone(sink_, file);
    return;
  }
  ReadJsonl(in, file, options_, sink_);
}

void PathReader::ReadTextFile(const std::string& file, const std::string& id) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    Error(file, fmt::format("cannot open: {}", ErrnoMessage(errno)));
    internal::EmitFileDone(sink_, file);
    return;
  }
  // Read at most one byte over the limit: a huge file is never held whole.
  std::string bytes;
  std::error_code ec;
  const uintmax_t size = fs::file_size(file, ec);
  if (!ec && size > options_.max_article_bytes) {
    Error(file, fmt::format("file of {} bytes is over the limit of {} bytes, skipped", size,
                            options_.max_article_bytes));
    internal::EmitFileDone(sink_, file);
    return;
  }
  if (!ec) bytes.reserve(static_cast<size_t>(size));
  char buffer[1 << 16];
  while (in) {
    in.read(buffer, sizeof buffer);
    bytes.append(buffer, static_cast<size_t>(in.gcount()));
    if (bytes.size() > options_.max_article_bytes) {
      Error(file,
            fmt::format("file is over the limit of {} bytes, skipped", options_.max_article_bytes));
      internal::EmitFileDone(sink_, file);
      return;
    }
  }
  if (in.bad()) {
    Error(file, "read error");
    internal::EmitFileDone(sink_, file);
    return;
  }
  std::vector<Diagnostic> warnings;
  Result<Article> article = internal::ParseText(bytes, id, file, &warnings);
  for (Diagnostic& w : warnings) internal::Emit(sink_, std::move(w));
  if (article.ok()) {
    internal::Emit(sink_, std::move(article).value());
  } else {
    Error(file, article.status().message());
  }
  internal::EmitFileDone(sink_, file);
}

}  // namespace

void ReadPath(const std::string& path, const ReadOptions& options, const Sink& sink) {
  PathReader reader(options, sink);
  reader.ReadRoot(path);
}

}  // namespace storyline::ingest
