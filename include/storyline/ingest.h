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
// skipped), a file, or "-" (JSONL on standard input). Files are recognised by
// content first (gzip magic, "WARC/1.", an <rss>/<feed>/<rdf:RDF> document,
// "<!DOCTYPE html"/<html>), then by extension (.txt .md, .jsonl .ndjson,
// .html .htm, .xml .rss .atom, .warc, each also with .gz); see
// src/ingest/README.md. A path that does not exist is a Diagnostic.
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

// --- Feeds and web archives (src/ingest/feed.cc, warc.cc) ---------------

// Reads an RSS 2.0, RSS 1.0 (RDF) or Atom feed held in `bytes` (any encoding
// the XML declaration names, or UTF-8/UTF-16 by BOM). Each item becomes an
// article: title; link → url; guid / Atom id → id (else the link, else
// "file:N" for the N-th item); pubDate / dc:date / published / updated →
// published (RFC 822 or ISO 8601); content:encoded or description (Atom:
// content or summary) → text, HTML converted to text; the channel's title →
// source; its language (or xml:lang) → language; origin "file:line" of the
// item. Diagnostics: "empty file"; a file that is not XML or not a feed; a
// malformed feed gives one error at the line of the XML error, and the items
// closed before it are kept; a well-formed feed without items is a warning;
// an item without title and text is skipped with an error; an unparsable date
// is a warning (item kept). Calls sink.file_done(file) at the end.
void ReadFeed(std::string_view bytes, std::string_view file, const ReadOptions& options,
              const Sink& sink);

// Reads a WARC 1.0/1.1 archive from `in`, plain or gzip (told by the magic
// bytes; one member per record or one for all), as a stream: memory is bound
// by one record (at most 32 MiB a block; larger records are skipped with an
// error). Each `response` record with HTTP status 200 whose Content-Type is
// text/html or application/xhtml+xml (or missing/generic and the body sniffs
// as HTML) becomes an article, after chunked transfer coding and gzip/deflate
// content coding are undone (decoded size capped per record): url and id are
// WARC-Target-URI (unless the page names its own), origin is
// "file@offset" (offset of the record in the uncompressed stream), and
// WARC-Date becomes `published` only when the page gives no date. Other
// records are counted and reported in one warning at the end ("skipped 12
// records: 6 request, 5 metadata, 1 non-HTML response"). Errors name the
// record number and offset: a wrong Content-Length (the reader resynchronises
// at the next "WARC/1." header), truncated or corrupt gzip (records before it
// are kept), an undecodable body. Calls sink.file_done(file) at the end.
void ReadWarc(std::istream& in, std::string_view file, const ReadOptions& options,
              const Sink& sink);

// ---- HTML pages (src/ingest/html_*.cc) -------------------------------------

// Pages larger than this (after decompression) are rejected.
inline constexpr size_t kMaxHtmlBytes = 32u << 20;

// One HTML page read as a news article.
struct HtmlDocument {
  // text (body blocks: headings, paragraphs, list items, quotes, joined by
  // "\n", boilerplate removed), title, url (canonical, else the hint),
  // source (site name), language (ISO 639-1 when the page says), published.
  // id and origin are left empty for the caller.
  Article article;
  std::string author;   // as the page gives it; several joined by ", "
  std::string charset;  // encoding the bytes were read in, e.g. "windows-1252"
};

// Parses an HTML page (any encoding: BOM, <meta charset>, then detection).
// Metadata comes from JSON-LD (NewsArticle, Article, BlogPosting, ... also
// in @graph), then OpenGraph and other <meta>, <time datetime>, <html lang>,
// then the visible text. `url_hint` is the page's address when known (used
// when the page names no canonical URL). Errors name `file`: input over
// kMaxHtmlBytes, binary data, markup nested deeper than 1,500 elements, an
// undetectable encoding, a page with no text. Bytes without any markup are
// read as plain text (ParseTextArticle) with a warning. Warnings (converted
// encoding, unparsable date) are appended to *warnings when not null.
// Thread-safe; no shared state.
Result<HtmlDocument> ParseHtmlArticle(std::string_view bytes, std::string_view url_hint,
                                      std::string_view file, std::vector<Diagnostic>* warnings);

// Decompresses gzip data of at most `max_bytes` decompressed; a truncated or
// corrupt stream is an error naming `file`.
Result<std::string> GunzipHtml(std::string_view gz, std::string_view file,
                               size_t max_bytes = kMaxHtmlBytes);

// Reads an .html file, or an .html.gz / .htm.gz file (decompressed), capped
// at kMaxHtmlBytes. Errors name `path`.
Result<std::string> ReadHtmlFile(const std::string& path);

}  // namespace storyline::ingest

#endif  // STORYLINE_INGEST_H_
