// JSONL articles (the format of shared/bench/README.md), streamed in chunks
// so that an oversized line is skipped without ever being held in memory.
#include <simdjson.h>

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <cstring>
#include <istream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "ingest/feed.h"
#include "ingest/html_internal.h"
#include "ingest/ingest_internal.h"
#include "storyline/article.h"
#include "storyline/ingest.h"

namespace storyline::ingest {
namespace {

constexpr size_t kChunkBytes = 1u << 20;
// Binary input (a gzip file named .jsonl) is refused as a whole instead of
// producing one "not JSON" per line.
constexpr size_t kBinarySniffBytes = 8192;

enum class Field { kUnknown, kId, kLang, kPublished, kTitle, kText, kSource, kUrl };

Field FieldByName(std::string_view key) {
  switch (key.size()) {
    case 2: return key == "id" ? Field::kId : Field::kUnknown;
    case 3: return key == "url" ? Field::kUrl : Field::kUnknown;
    case 4:
      if (key == "lang") return Field::kLang;
      if (key == "text") return Field::kText;
      return Field::kUnknown;
    case 5: return key == "title" ? Field::kTitle : Field::kUnknown;
    case 6: return key == "source" ? Field::kSource : Field::kUnknown;
    case 9: return key == "published" ? Field::kPublished : Field::kUnknown;
    default: return Field::kUnknown;
  }
}

// Other names that exporters, scrapers and news APIs give these fields. Each
// is read only where the file has no field of the project's own name: with
// both, "published" wins over "date" in whichever order they come. "id" has
// no other name, so that a file of other records ("doc_id") is not taken for
// articles.
Field FieldByOtherName(std::string_view key) {
  static constexpr std::pair<std::string_view, Field> kOtherNames[] = {
      {"date", Field::kPublished},          {"published_at", Field::kPublished},
      {"publication_date", Field::kPublished}, {"datePublished", Field::kPublished},
      {"pubDate", Field::kPublished},       {"outlet", Field::kSource},
      {"publisher", Field::kSource},        {"language", Field::kLang},
      {"headline", Field::kTitle},          {"body", Field::kText},
      {"content", Field::kText},            {"link", Field::kUrl},
  };
  for (const auto& [name, field] : kOtherNames) {
    if (key == name) return field;
  }
  return Field::kUnknown;
}

class JsonlReader {
 public:
  JsonlReader(std::string_view name, const ReadOptions& options, const Sink& sink)
      : name_(name), options_(options), sink_(sink) {}

  void Read(std::istream& in);

 private:
  void EndLine();
  void ProcessLine(std::string_view line, size_t capacity);
  // Parses one JSON object into `article`; "" on success, else what was wrong.
  // The date is returned as written, with the name of its field.
  std::string ParseObject(std::string_view json, size_t capacity, Article* article,
                          std::string_view* published, std::string_view* published_key);
  void Report(Severity severity, int64_t line, std::string message) {
    internal::Emit(sink_, Diagnostic{severity, name_, line, std::move(message)});
  }

  std::string name_;
  const ReadOptions& options_;
  const Sink& sink_;
  simdjson::ondemand::parser parser_;
  std::string line_;  // reused for every line; padded for simdjson
  int64_t line_number_ = 0;
  bool skipping_ = false;  // the current line is over the limit
  size_t skipped_bytes_ = 0;
  bool saw_content_ = false;
};

void JsonlReader::Read(std::istream& in) {
  std::vector<char> chunk(kChunkBytes);
  bool first_chunk = true;
  bool pending = false;  // a line has begun but not ended
  while (in) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    const size_t n = static_cast<size_t>(in.gcount());
    if (n == 0) break;
    if (first_chunk) {
      first_chunk = false;
      const size_t sniff = n < kBinarySniffBytes ? n : kBinarySniffBytes;
      if (std::memchr(chunk.data(), '\0', sniff) != nullptr) {
        Report(Severity::kError, 0, "binary data (NUL bytes), not JSONL");
        internal::EmitFileDone(sink_, name_);
        return;
      }
    }
    size_t pos = 0;
    while (pos < n) {
      const char* begin = chunk.data() + pos;
      const auto* newline = static_cast<const char*>(std::memchr(begin, '\n', n - pos));
      const size_t len = newline != nullptr ? static_cast<size_t>(newline - begin) : n - pos;
      if (skipping_) {
        skipped_bytes_ += len;
      } else if (line_.size() + len > options_.max_article_bytes) {
        skipping_ = true;
        skipped_bytes_ = line_.size() + len;
        line_.clear();
        line_.shrink_to_fit();
      } else {
        line_.append(begin, len);
      }
      pending = true;
      pos += len;
      if (newline != nullptr) {
        ++pos;
        EndLine();
        pending = false;
      }
    }
  }
  if (pending) EndLine();
  if (in.bad()) {
    Report(Severity::kError, line_number_ + 1, "read error; the rest of the input is lost");
  } else if (!saw_content_) {
    Report(Severity::kError, 0, name_ == "-" ? "empty input" : "empty file");
  }
  internal::EmitFileDone(sink_, name_);
}

void JsonlReader::EndLine() {
  ++line_number_;
  if (skipping_) {
    saw_content_ = true;
    Report(Severity::kError, line_number_,
           fmt::format("line of {} bytes is over the limit of {} bytes, skipped", skipped_bytes_,
                       options_.max_article_bytes));
    skipping_ = false;
    skipped_bytes_ = 0;
    return;
  }
  if (line_.capacity() < line_.size() + simdjson::SIMDJSON_PADDING) {
    line_.reserve(line_.size() + simdjson::SIMDJSON_PADDING);
  }
  std::string_view line = line_;
  if (line_number_ == 1 && line.starts_with(internal::kUtf8Bom)) {
    line.remove_prefix(internal::kUtf8Bom.size());
  }
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  const size_t capacity = line_.capacity() - static_cast<size_t>(line.data() - line_.data());
  try {
    ProcessLine(line, capacity);
  } catch (const simdjson::simdjson_error& e) {
    // The error-code API is used throughout; this only guards the adapter.
    Report(Severity::kError, line_number_, fmt::format("not JSON: {}", e.what()));
  }
  line_.clear();
}

void JsonlReader::ProcessLine(std::string_view line, size_t capacity) {
  if (line.find_first_not_of(" \t\r") == std::string_view::npos) return;
  saw_content_ = true;

  // JSON is UTF-8. A line that is not keeps its article: read as
  // Windows-1252 where none of its bytes above ASCII forms a UTF-8 sequence
  // (a legacy export: "Stra\xDFe"), else with each bad byte as U+FFFD (a
  // stray byte in UTF-8 text).
  std::string recoded;
  if (const size_t bad = internal::FindInvalidUtf8(line); bad != std::string_view::npos) {
    size_t replaced = 0;
    std::string repaired = internal::RepairUtf8(line, &replaced);
    const auto high = static_cast<size_t>(
        std::count_if(line.begin(), line.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }));
    std::string how;
    if (replaced == high) {
      if (Result<std::string> legacy = internal::ConvertToUtf8(line, "windows-1252"); legacy.ok()) {
        recoded = std::move(*legacy);
        how = "read as Windows-1252";
      }
    }
    if (how.empty()) {
      recoded = std::move(repaired);
      how = fmt::format("{} byte{} replaced by U+FFFD", replaced, replaced == 1 ? "" : "s");
    }
    Report(Severity::kWarning, line_number_,
           fmt::format("not UTF-8 (first bad byte at column {}); {}", bad + 1, how));
    recoded.reserve(recoded.size() + simdjson::SIMDJSON_PADDING);
    line = recoded;
    capacity = recoded.capacity();
  }

  Article article;
  std::string_view published;
  std::string_view published_key;
  std::string error = ParseObject(line, capacity, &article, &published, &published_key);
  if (!error.empty()) {
    Report(Severity::kError, line_number_, std::move(error));
    return;
  }
  if (article.id.empty()) {
    Report(Severity::kError, line_number_, "no 'id'; article skipped");
    return;
  }
  if (article.text.empty() && article.title.empty()) {
    Report(Severity::kError, line_number_,
           fmt::format("article '{}' has neither 'text' nor 'title'; skipped", article.id));
    return;
  }
  if (!published.empty()) {
    // ISO 8601 as the format asks, and the other ways exporters write dates
    // (RFC 822 as in feeds, "23. Februar 2017", "February 23, 2017").
    Result<PublishedDate> date = internal::ParseFeedDate(published);
    if (!date.ok()) {
      if (Result<PublishedDate> loose = html::ParseLooseDate(published); loose.ok()) date = loose;
    }
    if (date.ok()) {
      article.published = *date;
    } else {
      Report(Severity::kWarning, line_number_,
             fmt::format("'{}' of article '{}': {}; kept without a date", published_key,
                         article.id, date.status().message()));
    }
  }
  article.origin.reserve(name_.size() + 21);
  article.origin.append(name_).push_back(':');
  char digits[20];
  const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, line_number_);
  (void)ec;
  article.origin.append(digits, end);
  internal::Emit(sink_, std::move(article));
}

std::string JsonlReader::ParseObject(std::string_view json, size_t capacity, Article* article,
                                     std::string_view* published,
                                     std::string_view* published_key) {
  simdjson::ondemand::document doc;
  simdjson::padded_string_view padded(json.data(), json.size(), capacity);
  if (auto e = parser_.iterate(padded).get(doc); e) {
    return fmt::format("not JSON: {}", simdjson::error_message(e));
  }
  simdjson::ondemand::object object;
  if (auto e = doc.get_object().get(object); e) {
    if (e == simdjson::INCORRECT_TYPE) {
      const size_t first = json.find_first_not_of(" \t");
      return first != std::string_view::npos && json[first] == '['
                 ? "not a JSON object but an array"
                 : "not JSON: expected an object starting with '{'";
    }
    return fmt::format("not JSON: {}", simdjson::error_message(e));
  }
  unsigned own_names = 0;  // bit per Field read under the project's own name
  for (auto field_result : object) {
    simdjson::ondemand::field field;
    if (auto e = std::move(field_result).get(field); e) {
      return fmt::format("not JSON: {}", simdjson::error_message(e));
    }
    std::string_view key;
    if (auto e = field.unescaped_key().get(key); e) {
      return fmt::format("not JSON: {}", simdjson::error_message(e));
    }
    Field f = FieldByName(key);
    bool other_name = false;
    if (f == Field::kUnknown) {
      f = FieldByOtherName(key);
      other_name = true;
    }
    if (f == Field::kUnknown) continue;  // gold labels, section, ...: skipped unread
    const auto bit = 1u << static_cast<unsigned>(f);
    if (other_name && (own_names & bit) != 0) continue;
    if (!other_name) own_names |= bit;
    simdjson::ondemand::value value = field.value();
    simdjson::ondemand::json_type type;
    if (auto e = value.type().get(type); e) {
      return fmt::format("not JSON: {}", simdjson::error_message(e));
    }
    if (type == simdjson::ondemand::json_type::null) continue;
    if (f == Field::kId && type == simdjson::ondemand::json_type::number) {
      std::string_view token = value.raw_json_token();
      while (!token.empty() && (token.back() == ' ' || token.back() == '\t' ||
                                token.back() == '\r' || token.back() == '\n')) {
        token.remove_suffix(1);
      }
      article->id.assign(token);
      continue;
    }
    if (type != simdjson::ondemand::json_type::string) {
      return fmt::format("'{}' must be a string{}", key, f == Field::kId ? " or a number" : "");
    }
    std::string_view s;
    if (auto e = value.get_string().get(s); e) {
      return fmt::format("not JSON: {}", simdjson::error_message(e));
    }
    switch (f) {
      case Field::kId: article->id.assign(s); break;
      case Field::kLang: article->language.assign(s); break;
      case Field::kPublished:
        *published = s;
        *published_key = key;
        break;
      case Field::kTitle: article->title.assign(s); break;
      case Field::kText: article->text.assign(s); break;
      case Field::kSource: article->source.assign(s); break;
      case Field::kUrl: article->url.assign(s); break;
      case Field::kUnknown: break;
    }
  }
  // After the object only the end of the input may follow.
  if (doc.current_location().error() != simdjson::OUT_OF_BOUNDS) {
    return "not JSON: trailing content after the object";
  }
  return "";
}

}  // namespace

void ReadJsonl(std::istream& in, std::string_view name, const ReadOptions& options,
               const Sink& sink) {
  JsonlReader reader(name, options, sink);
  reader.Read(in);
}

}  // namespace storyline::ingest
