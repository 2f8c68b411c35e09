// Scores of the HTML article extractor against the two benchmark layouts of
// ../shared/bench/README.md (extraction/). Used by `storyline eval html-*`
// and the tests; not part of the public API.
#ifndef STORYLINE_INGEST_HTML_EVAL_H_
#define STORYLINE_INGEST_HTML_EVAL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "storyline/status.h"

namespace storyline::ingest::html {

// Word n-gram shingles. Tokens are the whitespace-separated words of the text,
// lowercased (ICU full case folding is not used: plain Unicode lowercase).
// Shingles are counted as a multiset; a text of fewer than n words is one
// shingle of all its words. precision = |pred ∩ gold| / |pred|, recall =
// |pred ∩ gold| / |gold|; both 1 when both texts are empty, 0 when exactly
// one is empty.
struct ShingleScore {
  double precision = 0;
  double recall = 0;
};
ShingleScore ShingleMatch(std::string_view predicted, std::string_view gold, int n = 4);

// Snippet counts as trafilatura's evaluation defines them: a `with` snippet
// found in the extracted text is a true positive, missing a false negative; a
// `without` snippet found is a false positive, avoided a true negative.
// Whitespace runs are collapsed to one space on both sides before matching.
struct SnippetCounts {
  int64_t true_pos = 0, false_neg = 0, false_pos = 0, true_neg = 0;
  double Precision() const;
  double Recall() const;
};
// `missed` and `leaked`, when given, receive the `with` snippets not found
// and the `without` snippets found.
void CountSnippets(std::string_view text, const std::vector<std::string>& with,
                   const std::vector<std::string>& without, SnippetCounts* counts,
                   std::vector<std::string>* missed = nullptr,
                   std::vector<std::string>* leaked = nullptr);

double F1(double precision, double recall);

// One page's score, for `--details`.
struct AebPage {
  std::string id;
  double precision = 0, recall = 0;
};
struct AebReport {
  int pages = 0;
  int failed = 0;  // pages that could not be read or parsed (scored as empty)
  double precision = 0, recall = 0, f1 = 0;  // F1 of the mean P and R
  std::vector<AebPage> page_scores;  // in the order of ground-truth.json
  std::vector<std::string> errors;
};
// DIR/ground-truth.json ({id: {articleBody, url}}) and DIR/html/ID.html.gz.
Result<AebReport> EvaluateAeb(const std::string& dir);

struct MetaAccuracy {
  int total = 0;
  int correct = 0;
};
// What one page got wrong, for `--details`: snippets missed and leaked,
// and the metadata that differs from the reference (expected, extracted).
struct SnippetPage {
  std::string file;
  std::vector<std::string> missed, leaked;
  struct Mismatch {
    std::string field, expected, extracted;
  };
  std::vector<Mismatch> meta;
};
struct SnippetReport {
  int pages = 0;
  int failed = 0;
  SnippetCounts counts;
  double precision = 0, recall = 0, f1 = 0;
  // Where meta gives a non-empty value: title equal after whitespace
  // collapse (ASCII case ignored), date equal to the day (YYYY-MM-DD), author
  // equal ignoring case.
  MetaAccuracy title, date, author;
  std::vector<SnippetPage> faulty_pages;  // pages with a miss, a leak or a mismatch, in index order
  std::vector<std::string> errors;
};
// DIR/index.jsonl lines {file, with, without, meta, url}.
Result<SnippetReport> EvaluateSnippets(const std::string& dir);

}  // namespace storyline::ingest::html

#endif  // STORYLINE_INGEST_HTML_EVAL_H_
