// Online event clustering: decides, as each article arrives, which story
// (one event, reported by many outlets) it belongs to, and groups stories into
// storylines (a looser, longer-lived level: the same people, places and topic).
//
// How an article is placed (see src/cluster/README.md for the reasoning):
//   * it becomes a weighted term vector: sub-linear term frequencies of stems
//     (text::Analyzer, one per language; title terms count more), plus
//     language-independent name features (folded capitalized words that do not
//     open a sentence, pairs of adjacent ones, numbers), weighted by an inverse
//     document frequency that is kept incrementally over the articles seen so
//     far (the future is never consulted);
//   * candidate stories come only from an inverted index from the article's
//     most distinctive terms to stories active within a time window around its
//     date; the number of candidates and of postings per term is bounded, so
//     the cost per article does not grow with the stream;
//   * the similarity to a candidate is the larger of the cosine to the
//     story's (truncated) centroid and the cosine to the closest of a few
//     recent member articles of the best candidates (a bounded link check:
//     an event's reports are often closer to one another than to their
//     average), damped by the time gap between the article and the story;
//     the best candidate above a threshold is joined, else a new story starts;
//   * two stories that converge (an article fits both) are merged: the older
//     id survives and the younger becomes an alias (see ResolveStory);
//   * the first article that joins a story wrongly lets every later report of
//     the other event join through it (the closest-member link): so a small
//     story (up to split_limit articles) is tested, as it grows to 4, 6, 8, 12,
//     16, … articles, for two events in one (a two-means split of its
//     articles whose parts compare like two stories that would not have been
//     joined); if so, the part without its first article becomes a new story
//     in the same storyline and its earlier articles are reported as moves
//     (Assignment::moved): a placed article can change stories;
//   * a new story picks its storyline from its first article; when the story
//     has grown to 3, 7, 15, … articles its latest article may also merge the
//     story's storyline with another one it clearly fits (storylines span
//     years, so their time damping is weak).
//
// An undated article that arrives among dated ones (at most 16 articles after
// the last dated one) is taken to appear at the latest date seen so far (as a
// crawler's fetch time stands in for a missing date) and is compared and
// indexed as if it had that date. Other undated articles are compared without
// a time penalty and kept in the index by input order (the last
// `undated_window` articles).
//
// Ids are positive integers handed out in order of creation and never reused
// or renamed; after a merge the absorbed id resolves to the survivor; after a
// split the part holding the story's first article keeps the id.
//
// Thread safety: a Clusterer is for one thread at a time.
#ifndef STORYLINE_CLUSTER_H_
#define STORYLINE_CLUSTER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "storyline/article.h"
#include "storyline/text.h"

namespace storyline::cluster {

using StoryId = int64_t;
using StorylineId = int64_t;

// An earlier article that Add moved to another story (see Assignment).
struct Move {
  std::string article_id;
  int64_t sequence = 0;  // the article's position in Add order: 1 for the first article added
  StoryId from = 0;      // the story it was in, as of this Add (resolved)
  StoryId to = 0;        // the story it is in now: a story this Add created by a split
};

// Where an article went at the moment it was added. Later merges may make
// `story` an alias: use Clusterer::ResolveStory for the current id. Later
// splits may move the article: they are reported in the `moved` of the
// Assignment of the Add that made them.
struct Assignment {
  StoryId story = 0;
  StorylineId storyline = 0;
  bool new_story = false;  // the article started the story
  // Earlier articles this Add moved out of their story (a split, see
  // Clusterer::Add), in the order they were added. The article itself is
  // never listed: `story` already says where it ended up. Callers that keep
  // per-article stories (the engine's store, `storyline cluster`) must apply
  // these before the next Add; the ids in them are current as of this Add.
  std::vector<Move> moved;
};

// The one default configuration used for every input; the fields exist for
// tests and experiments. Thresholds for title-only articles (no body text)
// are separate because short vectors give systematically lower cosines.
struct Options {
  // Story level.
  double join_threshold = 0.30;        // article with body text
  double join_threshold_short = 0.18;  // title-only article
  // Languages that write compounds as one word (de, nl, sv, da, no, fi) share
  // fewer terms between reports of one event ("Heimatschutzminister" vs
  // "Minister"): their thresholds are multiplied by this.
  double compound_language_factor = 0.85;
  double merge_threshold = 0.60;       // centroid cosine to merge two stories
  double time_scale_days = 2.0;        // similarity *= 1 / (1 + gap / scale)
  // Headline feeds (title-only articles with publication times) report one
  // event within hours, and a headline carries too few words to tell two
  // similar events apart: time has to do more of the work.
  double time_scale_days_short = 0.5;
  double window_days = 7.0;            // stories idle longer leave the index
  // Storyline level: a looser threshold over a longer window.
  double storyline_threshold = 0.10;
  double storyline_threshold_short = 0.10;
  // Storylines link events years apart (a visit in 2017, the next in 2025).
  double storyline_time_scale_days = 365.0;
  double storyline_window_days = 3650.0;
  // An existing story may merge two storylines when its latest article fits
  // the other one at this multiple of the storyline threshold (merging two
  // threads needs more evidence than placing a new story).
  double storyline_merge_factor = 1.5;
  // Undated input: stories not touched in this many articles leave the index.
  int64_t undated_window = 50000;
  // Weights of the parts of an article vector.
  double title_weight = 2.0;
  double name_weight = 1.5;     // folded capitalized words and name pairs
  double number_weight = 1.0;
  // Share of the name cosine (names and numbers) in the similarity; the rest
  // is the cosine over word stems.
  double name_share = 0.5;
  // Bounds that keep the cost per article constant.
  int article_terms = 400;      // most distinctive terms kept per article
  int query_terms = 16;         // distinctive terms used to find candidates
  int storyline_query_terms = 48;  // the same for storylines (a broader net)
  int max_candidates = 48;      // stories scored in full per article
  int max_postings = 200;       // most recent stories kept per term
  int centroid_terms = 120;     // terms kept in a story centroid
  int story_members = 8;        // recent member vectors kept per story (link check)
  int member_terms = 128;       // terms kept per member vector
  int member_candidates = 2;    // best candidates (by centroid) also checked by members
  int storyline_terms = 200;    // terms kept in a storyline centroid
  // Splits. Stories of at most `split_limit` articles keep a trace of each
  // (its vector) and, when they grow to 4, 6, 8, 12, 16, 24, … articles, are
  // tested for two events in one: a two-means split of their articles is
  // made when
  //   * the two parts' centroids compare below `split_factor` × the join
  //     threshold of the article that triggered the test (parts that close
  //     are one event told in two ways), and
  //   * each part's articles are, on average, closer to the rest of their own
  //     part than the two parts are to each other by `split_margin` (the lower
  //     of the two parts counts): both parts are events of their own, not an
  //     event and its stragglers;
  //   * each part holds at least `split_min_part` articles.
  // Tuned on the odd ECB+ dev topics (see src/cluster/README.md).
  int split_limit = 64;
  double split_factor = 1.5;
  double split_margin = 0.12;
  int split_min_part = 2;
  // A story still holding at most `recheck_max_size` articles this many
  // articles after its first is compared again, through that first article,
  // with the stories known by then (the article may have come before the
  // others of its event, or before the document frequencies told its words
  // apart) and merged into the closest one that now clears the join
  // threshold. Articles with body text only. 0: never. Tuned on the odd ECB+
  // dev topics (see src/cluster/README.md).
  int recheck_after = 128;
  int recheck_max_size = 4;
  // A story that left the window (see window_days, undated_window) keeps the
  // ids of its articles for Stories() and Story(). false frees them when it
  // leaves: a stream that never lists stories (the engine, which keeps them in
  // its store) then holds memory for the live window only.
  bool keep_evicted_articles = true;
  // Collect the ids of stories that leave the window for TakeEvictedStories
  // (for a caller that keeps state per story and would otherwise keep it
  // for every story ever made).
  bool report_evicted_stories = false;
};

// A story as it stands now.
struct StorySummary {
  StoryId id = 0;
  StorylineId storyline = 0;       // resolved
  // In the order they were added; empty for a story that left the window
  // when Options::keep_evicted_articles is false.
  std::vector<std::string> article_ids;
  // Earliest and latest publication dates of its dated articles; unknown
  // (precision kNone) when it has none.
  PublishedDate first;
  PublishedDate last;
};

class Clusterer {
 public:
  explicit Clusterer(Options options = Options());
  ~Clusterer();
  Clusterer(const Clusterer&) = delete;
  Clusterer& operator=(const Clusterer&) = delete;

  // Places one prepared article (see PrepareArticle: cleaned title and text,
  // language set or empty, published with its precision). Articles should
  // arrive roughly in publication order; an article's id is only recorded,
  // never interpreted. An article with neither title nor text starts a story
  // of its own.
  Assignment Add(const Article& article);
  // The same with the analysis of the article's text made by the caller,
  // `text_terms` = text::Analyzer(article.language).Analyze(article.text),
  // which dedup::ComputeFingerprint reads too (the title is analyzed here).
  Assignment Add(const Article& article, const std::vector<text::Term>& text_terms);

  // The current id of a story or storyline: follows merges. Unknown ids are
  // returned unchanged.
  StoryId ResolveStory(StoryId id) const;
  StorylineId ResolveStoryline(StorylineId id) const;
  // The current storyline of a story (resolving both).
  StorylineId StorylineOf(StoryId story) const;

  // Every live (not merged-away) story in order of id.
  std::vector<StorySummary> Stories() const;
  // One story by id (resolved); nullopt for an unknown id.
  std::optional<StorySummary> Story(StoryId id) const;

  int64_t article_count() const;
  int64_t story_count() const;  // live stories
  // Story and storyline merges so far: a caller that maps ids elsewhere (the
  // engine) knows from a change that some ids now resolve to others.
  int64_t merge_count() const;
  // The stories that left the window for good since the last call (no
  // article joins them, they merge with none), when
  // Options::report_evicted_stories is set; empty otherwise.
  std::vector<StoryId> TakeEvictedStories();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The order in which to feed a batch of articles to a Clusterer: by
// publication time (the earliest instant the date can mean), stable. An
// undated article stays right behind the article that precedes it in the
// input (so input order decides where it goes; undated articles before the
// first dated one come first). Returns indexes into `articles`.
std::vector<size_t> ArrivalOrder(const std::vector<Article>& articles);

}  // namespace storyline::cluster

#endif  // STORYLINE_CLUSTER_H_
