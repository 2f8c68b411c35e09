// Benchmark scoring for the HTML extractor.
#include "ingest/html_eval.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>
#include <simdjson.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "ingest/html_internal.h"
#include "storyline/ingest.h"

namespace storyline::ingest::html {
namespace {

std::string LowerWord(std::string_view word) {
  bool ascii = true;
  for (char c : word) ascii &= static_cast<unsigned char>(c) < 0x80;
  if (ascii) return AsciiLower(word);
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<int32_t>(word.size())))
      .toLower(icu::Locale::getRoot())
      .toUTF8String(out);
  return out;
}

std::unordered_map<std::string, int> Shingles(std::string_view text, int n) {
  std::vector<std::string> words;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t' || text[i] == '\r')) ++i;
    size_t j = i;
    while (j < text.size() && !(text[j] == ' ' || text[j] == '\n' || text[j] == '\t' || text[j] == '\r')) ++j;
    if (j > i) words.push_back(LowerWord(text.substr(i, j - i)));
    i = j;
  }
  std::unordered_map<std::string, int> out;
  if (words.empty()) return out;
  const size_t width = std::min(words.size(), static_cast<size_t>(n));
  for (size_t k = 0; k + width <= words.size(); ++k) {
    std::string key;
    for (size_t m = 0; m < width; ++m) key.append(words[k + m]).push_back('\x1F');
    ++out[key];
  }
  return out;
}

int64_t Total(const std::unordered_map<std::string, int>& m) {
  int64_t t = 0;
  for (const auto& [k, v] : m) t += v;
  return t;
}

Result<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(fmt::format("{}: cannot open", path));
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool SameText(std::string_view a, std::string_view b) {
  return AsciiLower(CollapseWhitespace(a)) == AsciiLower(CollapseWhitespace(b));
}

}  // namespace

ShingleScore ShingleMatch(std::string_view predicted, std::string_view gold, int n) {
  const auto p = Shingles(predicted, n);
  const auto g = Shingles(gold, n);
  if (p.empty() && g.empty()) return {1.0, 1.0};
  if (p.empty() || g.empty()) return {0.0, 0.0};
  int64_t common = 0;
  for (const auto& [k, v] : p) {
    auto it = g.find(k);
    if (it != g.end()) common += std::min(v, it->second);
  }
  return {static_cast<double>(common) / static_cast<double>(Total(p)),
          static_cast<double>(common) / static_cast<double>(Total(g))};
}

double SnippetCounts::Precision() const {
  return true_pos + false_pos == 0 ? 0 : static_cast<double>(true_pos) / static_cast<double>(true_pos + false_pos);
}
double SnippetCounts::Recall() const {
  return true_pos + false_neg == 0 ? 0 : static_cast<double>(true_pos) / static_cast<double>(true_pos + false_neg);
}

double F1(double precision, double recall) {
  return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
}

void CountSnippets(std::string_view text, const std::vector<std::string>& with,
                   const std::vector<std::string>& without, SnippetCounts* counts,
                   std::vector<std::string>* missed, std::vector<std::string>* leaked) {
  const std::string haystack = CollapseWhitespace(text);
  for (const std::string& s : with) {
    const std::string needle = CollapseWhitespace(s);
    if (haystack.find(needle) != std::string::npos) {
      ++counts->true_pos;
    } else {
      ++counts->false_neg;
      if (missed != nullptr) missed->push_back(s);
    }
  }
  for (const std::string& s : without) {
    const std::string needle = CollapseWhitespace(s);
    if (haystack.find(needle) != std::string::npos) {
      ++counts->false_pos;
      if (leaked != nullptr) leaked->push_back(s);
    } else {
      ++counts->true_neg;
    }
  }
}

Result<AebReport> EvaluateAeb(const std::string& dir) {
  const std::string truth_path = dir + "/ground-truth.json";
  Result<std::string> truth = ReadWholeFile(truth_path);
  if (!truth.ok()) return truth.status();
  simdjson::dom::parser parser;
  simdjson::dom::object root;
  if (parser.parse(*truth).get(root) != simdjson::SUCCESS) {
    return Status::InvalidArgument(fmt::format("{}: not a JSON object", truth_path));
  }
  AebReport report;
  double sum_p = 0, sum_r = 0;
  for (auto [key, value] : root) {
    std::string_view body;
    if (value["articleBody"].get_string().get(body) != simdjson::SUCCESS) {
      return Status::InvalidArgument(fmt::format("{}: '{}' has no articleBody string", truth_path, key));
    }
    std::string_view url;
    if (value["url"].get_string().get(url) != simdjson::SUCCESS) url = {};
    const std::string file = fmt::format("{}/html/{}.html.gz", dir, key);
    std::string text;
    Result<std::string> bytes = ReadHtmlFile(file);
    if (bytes.ok()) {
      Result<HtmlDocument> doc = ParseHtmlArticle(*bytes, url, file, nullptr);
      if (doc.ok()) {
        text = std::move(doc->article.text);
      } else {
        report.errors.push_back(doc.status().message());
      }
    } else {
      report.errors.push_back(bytes.status().message());
    }
    if (text.empty()) ++report.failed;
    const ShingleScore s = ShingleMatch(text, body);
    report.page_scores.push_back({std::string(key), s.precision, s.recall});
    sum_p += s.precision;
    sum_r += s.recall;
    ++report.pages;
  }
  if (report.pages > 0) {
    report.precision = sum_p / report.pages;
    report.recall = sum_r / report.pages;
    report.f1 = F1(report.precision, report.recall);
  }
  return report;
}

Result<SnippetReport> EvaluateSnippets(const std::string& dir) {
  const std::string index_path = dir + "/index.jsonl";
  std::ifstream in(index_path);
  if (!in) return Status::NotFound(fmt::format("{}: cannot open", index_path));
  SnippetReport report;
  simdjson::dom::parser parser;
  std::string line;
  int64_t line_no = 0;
  auto strings = [](simdjson::dom::element e) {
    std::vector<std::string> out;
    simdjson::dom::array arr;
    if (e.get_array().get(arr) == simdjson::SUCCESS) {
      for (simdjson::dom::element x : arr) {
        std::string_view s;
        if (x.get_string().get(s) == simdjson::SUCCESS) out.emplace_back(s);
      }
    }
    return out;
  };
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty()) continue;
    simdjson::dom::object obj;
    if (parser.parse(line).get(obj) != simdjson::SUCCESS) {
      return Status::InvalidArgument(fmt::format("{}:{}: not a JSON object", index_path, line_no));
    }
    std::string_view rel;
    if (obj["file"].get_string().get(rel) != simdjson::SUCCESS) {
      return Status::InvalidArgument(fmt::format("{}:{}: no 'file'", index_path, line_no));
    }
    const std::vector<std::string> with = strings(obj["with"].value_unsafe());
    const std::vector<std::string> without = strings(obj["without"].value_unsafe());
    std::string meta_title, meta_date, meta_author;
    simdjson::dom::object meta;
    if (obj["meta"].get_object().get(meta) == simdjson::SUCCESS) {
      std::string_view s;
      if (meta["title"].get_string().get(s) == simdjson::SUCCESS) meta_title = s;
      if (meta["date"].get_string().get(s) == simdjson::SUCCESS) meta_date = s;
      if (meta["author"].get_string().get(s) == simdjson::SUCCESS) meta_author = s;
    }
    const std::string file = fmt::format("{}/{}", dir, rel);
    HtmlDocument doc;
    bool ok = false;
    Result<std::string> bytes = ReadHtmlFile(file);
    if (bytes.ok()) {
      Result<HtmlDocument> parsed = ParseHtmlArticle(*bytes, "", file, nullptr);
      if (parsed.ok()) {
        doc = std::move(parsed).value();
        ok = true;
      } else {
        report.errors.push_back(parsed.status().message());
      }
    } else {
      report.errors.push_back(bytes.status().message());
    }
    report.failed += !ok;
    ++report.pages;
    SnippetPage page;
    page.file = std::string(rel);
    CountSnippets(doc.article.text, with, without, &report.counts, &page.missed, &page.leaked);
    if (!meta_title.empty()) {
      ++report.title.total;
      const bool same = SameText(doc.article.title, meta_title);
      report.title.correct += same;
      if (!same) page.meta.push_back({"title", meta_title, doc.article.title});
    }
    if (!meta_date.empty()) {
      ++report.date.total;
      const std::string date = doc.article.published.known() ? doc.article.published.ToIso() : "";
      const bool same = !date.empty() && date.substr(0, 10) == meta_date.substr(0, 10);
      report.date.correct += same;
      if (!same) page.meta.push_back({"date", meta_date, date});
    }
    if (!meta_author.empty()) {
      ++report.author.total;
      const bool same = SameText(doc.author, meta_author);
      report.author.correct += same;
      if (!same) page.meta.push_back({"author", meta_author, doc.author});
    }
    if (!page.missed.empty() || !page.leaked.empty() || !page.meta.empty()) {
      report.faulty_pages.push_back(std::move(page));
    }
  }
  report.precision = report.counts.Precision();
  report.recall = report.counts.Recall();
  report.f1 = F1(report.precision, report.recall);
  return report;
}

}  // namespace storyline::ingest::html
