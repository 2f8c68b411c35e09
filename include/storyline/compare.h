// Story briefings: what the articles of one story say, side by side.
//
// A briefing is built from a story's articles, their extractions
// (extract::Extraction) and their fingerprints (dedup::Fingerprint), and says:
// a headline and a short extractive summary; which outlets report it and how
// much text they share; the people involved and their roles; who said what
// (one entry per statement, with every outlet that carries it, verbatim or
// paraphrased); the figures each outlet gives for the same thing and whether
// they agree; what only one outlet reports; a timeline of dated happenings;
// and the other stories of the storyline.
//
// Everything is extractive: every piece of text in a briefing is a span of an
// article (or its title), with the id of the article it comes from. How
// statements, figures and sentences are matched across articles (thresholds
// and their reasons) is described in src/compare/README.md.
//
// BuildBriefing is a pure function (thread-safe; it owns its own analyzers).
// The renderers are pure too. Cost: linear in the story's text plus pairwise
// work between its articles, which is capped (BriefingOptions).
#ifndef STORYLINE_COMPARE_H_
#define STORYLINE_COMPARE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "storyline/article.h"
#include "storyline/dedup.h"
#include "storyline/extract.h"
#include "storyline/status.h"

namespace storyline::compare {

// One article of the story. Nothing is owned: the pointees must outlive the
// BuildBriefing call. `extraction` and `fingerprint` may be null: without an
// extraction the article contributes no people, quotes, figures or dates;
// a missing fingerprint is computed (dedup::ComputeFingerprint).
struct StoryArticle {
  const Article* article = nullptr;  // prepared (see PrepareArticle); required
  const extract::Extraction* extraction = nullptr;
  const dedup::Fingerprint* fingerprint = nullptr;
};

// Another story of the same storyline.
struct RelatedStory {
  int64_t id = 0;
  PublishedDate first;   // its earliest publication date; unknown when none
  std::string headline;  // e.g. the headline of its own briefing
};

struct StoryInput {
  int64_t id = 0;         // the story
  int64_t storyline = 0;  // its storyline
  // In arrival order (the order they joined the story): among articles with
  // equal or unknown dates, an earlier one is the original a later one copies.
  std::vector<StoryArticle> articles;
  std::vector<RelatedStory> related;  // copied to Briefing::related, by date
};

struct BriefingOptions {
  int summary_sentences = 5;  // at most this many (fewer when the story is short)
  // MMR trade-off: lambda * centrality - (1 - lambda) * redundancy.
  double mmr_lambda = 0.7;
  int only_in_per_source = 5;  // sentences listed per source (the most central)
  // Pairwise comparisons (shared paragraphs, sentence overlap, only-in) are
  // made between the first `max_compared_articles` articles only; later ones
  // get a source row without shares. Keeps huge stories linear.
  int max_compared_articles = 64;
  int max_sentences_per_article = 80;  // candidates per article for summary / only-in
};

// --- The briefing --------------------------------------------------------------

struct SummarySentence {
  std::string text;
  std::string article_id;
};

struct Share {
  std::string other_id;        // the other article
  int shared_paragraphs = 0;   // of this article's fingerprinted paragraphs
  int paragraphs = 0;          // this article's fingerprinted paragraphs
  int shared_sentences = 0;    // of this article's sentences with a near-identical one there
  int sentences = 0;           // this article's sentences
};

struct SourceRow {
  std::string article_id;
  std::string outlet;          // Article::source, or the id when unknown
  PublishedDate published;
  int words = 0;
  std::vector<Share> shares;   // only others it shares text with, most shared first
  // Empty for an independent source; else the earlier article it mostly
  // copies (at least half of its paragraphs or sentences).
  std::string copied_from;
};

struct Person {
  std::string name;                    // the longest form seen: "John Kelly"
  std::string key;                     // the canonical key: "john kelly"
  std::vector<std::string> roles;      // distinct, as written, most frequent first
  std::vector<std::string> article_ids;  // articles that mention the person
  int mentions = 0;
};

struct QuoteReport {
  std::string article_id;
  std::string outlet;
  std::string text;  // the message as this article gives it
  extract::QuoteKind kind = extract::QuoteKind::kDirect;
};

// One statement, with every article that reports it.
struct QuoteEntry {
  std::string speaker;      // display name; "" when the speaker is unknown
  std::string speaker_key;  // Person::key; "" when unknown
  std::vector<QuoteReport> reports;  // in article order; at least one
  int sources() const;      // distinct articles among the reports
};

struct FigureValue {
  std::string article_id;
  std::string outlet;
  std::string text;       // "5,8 Millionen"
  double value = 0;
  std::string unit;
  std::string counted;
  std::string qualifier;
  std::string sentence;   // the sentence it stands in
};

// Figures from different articles that count the same thing.
struct FigureGroup {
  std::string counted;    // a label: the most informative `counted`
  std::string unit;
  std::vector<FigureValue> values;  // in article order
  bool agree = true;      // all values within 2% of each other
  int sources() const;    // distinct articles
};

struct OnlyIn {
  std::string article_id;
  std::string outlet;
  int count = 0;                       // statements carried by no other article
  std::vector<std::string> sentences;  // the most central of them, in text order
};

struct TimelineItem {
  std::string article_id;
  std::string text;      // the date expression ("am Dienstag"), or "published"
  std::string sentence;  // where it stands; empty for a publication
};

struct TimelineEntry {
  // What is known about when: an ISO date ("2017-02-21", "2017-02", "2016")
  // and/or a weekday (1 = Monday ... 7 = Sunday, 0 when none). An entry may
  // have neither when it stays relative ("gestern" in an undated article).
  std::string date;
  DatePrecision precision = DatePrecision::kNone;
  int weekday = 0;
  std::string label;     // "2017-02", "Tuesday", "relative: gestern"
  bool publication = false;  // a publication date rather than a happening
  std::vector<TimelineItem> items;
};

struct Briefing {
  int64_t id = 0;
  int64_t storyline = 0;
  std::string headline;
  std::string headline_article_id;
  std::vector<SummarySentence> summary;
  std::vector<SourceRow> sources;
  int independent_sources = 0;  // rows with an empty copied_from
  std::vector<Person> people;   // most sources first
  std::vector<QuoteEntry> quotes;   // most sources first
  std::vector<FigureGroup> figures; // multi-source groups first
  std::vector<OnlyIn> only_in;
  std::vector<TimelineEntry> timeline;  // in time order
  std::vector<RelatedStory> related;    // by date
};

// Builds the briefing of one story. Asserts that every StoryArticle has an
// article; everything else may be missing or empty.
Briefing BuildBriefing(const StoryInput& input, const BriefingOptions& options = {});

// --- Batches --------------------------------------------------------------------

struct BatchBriefings {
  // Multi-article stories first (by story id), then single-article ones.
  std::vector<Briefing> briefings;
  // Wall time of the stages, for reporting.
  double cluster_seconds = 0;  // clustering and fingerprints
  double extract_seconds = 0;
  double brief_seconds = 0;    // BuildBriefing over all stories
};

// Briefs a batch of prepared articles (see PrepareArticle) without a store:
// clusters them in cluster::ArrivalOrder with a fresh cluster::Clusterer,
// fingerprints (dedup) and extracts each one (`extractor` may be null: no
// extractions), then builds every story's briefing, with the other stories of
// its storyline as related. Articles of a story keep their arrival order.
BatchBriefings BriefArticles(const std::vector<Article>& articles, const extract::Extractor* extractor,
                             const BriefingOptions& options = {});

// --- Rendering -----------------------------------------------------------------

enum class Format { kText, kMarkdown, kJson, kHtml };

// "text", "md" (or "markdown"), "json", "html".
Result<Format> ParseFormat(std::string_view name);

// Plain text wrapped to `width` columns (code points).
std::string RenderText(const Briefing& briefing, int width = 80);
std::string RenderMarkdown(const Briefing& briefing);
// One JSON object (no trailing newline) with the keys id, storyline, headline
// ({text, article}), summary, sources ({independent, articles}), people,
// quotes, figures, only_in, timeline, related; every item names the article
// ids it comes from ("article" or "articles").
std::string RenderJson(const Briefing& briefing);
// A self-contained HTML page (inline CSS, no scripts); all article text is
// HTML-escaped. The second form puts several briefings on one page.
std::string RenderHtml(const Briefing& briefing);
std::string RenderHtml(const std::vector<Briefing>& briefings);
// The renderer for `format` (text at 80 columns).
std::string Render(const Briefing& briefing, Format format);

// Escapes & < > " ' for HTML text and attribute values.
std::string HtmlEscape(std::string_view s);

}  // namespace storyline::compare

#endif  // STORYLINE_COMPARE_H_
