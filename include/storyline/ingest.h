// Ingestion: files, directories, JSONL streams → raw articles.
//
// Readers never abort a batch on bad input: each problem becomes one
// Diagnostic naming the file (and line) and reading goes on with the next
// article. Articles come out with the fields the input gave (id, title, text,
// url, source, language, published, origin); the text is valid UTF-8 but not
// yet cleaned (that is the text stage's job).
#ifndef STORYLINE_INGEST_H_
#define STORYLINE_INGEST_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "storyline/article.h"
#include "storyline/status.h"

namespace storyline::ingest {

enum class Severity { kWarning, kError };

struct Diagnostic {
  Severity severity = Severity::kError;
  std::string file;      // as given by the user; "-" for standard input
  int64_t line = 0;      // 1-based; 0 when the problem is the whole file
  std::string message;   // what was wrong, for a user
  // "examples/bad.jsonl:3: error: not JSON: ..." / "x.txt: warning: ..."
  std::string ToString() const;
};

struct ReadOptions {
  // Larger articles (a file, or a JSONL line) are rejected with a Diagnostic
  // and skipped without being held in memory.
  size_t max_article_bytes = 8u << 20;
};

// Receives what readers produce. Called on the reading thread, in input order.
struct Sink {
  std::function<void(Article&&)> article;
  std::function<void(Diagnostic&&)> diagnostic;
  // Called once per input file after its last article; may be empty.
  std::function<void(std::string_view file)> file_done;
};

// Reads `path`: a directory (walked recursively in sorted order, hidden files
// skipped), a file (by content and extension: .txt, .jsonl / .ndjson), or
// "-" (JSONL on standard input). A path that does not exist is a Diagnostic.
void ReadPath(const std::string& path, const ReadOptions& options, const Sink& sink);

// Reads JSONL (the format of ../shared/bench/README.md; `gold` fields are
// ignored) from a stream. `name` is used in diagnostics.
void ReadJsonl(std::istream& in, std::string_view name, const ReadOptions& options,
               const Sink& sink);

// Parses one plain-text article. `bytes` may be in any encoding: UTF-8 is
// checked, other encodings are detected (uchardet), converted and reported as
// a warning. Optional `key value` metadata lines (date, title, source, url,
// lang) at the top are taken, also when the first sentence shares the line.
// A short first line without final punctuation becomes the title. `id` is the
// article id to use (the reader derives it from the path).
Result<Article> ParseTextArticle(std::string_view bytes, std::string_view id,
                                 std::string_view file, std::vector<Diagnostic>* warnings);

// Converts bytes to UTF-8: returns them unchanged when valid UTF-8, else
// detects the encoding and converts, setting *converted_from to its name.
// Fails for binary data and undetectable encodings.
Result<std::string> ToUtf8(std::string_view bytes, std::string* converted_from);

}  // namespace storyline::ingest

#endif  // STORYLINE_INGEST_H_
