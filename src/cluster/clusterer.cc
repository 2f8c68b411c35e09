#include <algorithm>
#include <climits>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cluster/level.h"
#include "cluster/vectorizer.h"
#include "storyline/cluster.h"

namespace storyline::cluster {

using internal::ArticleVector;
using internal::Level;
using internal::LevelParams;
using internal::Scored;
using internal::Vectorizer;

namespace {

// How often groups that left their window are dropped from the index.
constexpr int64_t kCompactEvery = 4096;

LevelParams StoryParams(const Options& o) {
  LevelParams p;
  p.time_scale_days = o.time_scale_days;
  p.window_days = o.window_days;
  p.undated_window = o.undated_window;
  p.centroid_terms = o.centroid_terms;
  p.max_postings = o.max_postings;
  p.max_candidates = o.max_candidates;
  p.name_share = o.name_share;
  p.query_terms = o.query_terms;
  p.time_scale_days_short = o.time_scale_days_short;
  p.max_members = o.story_members;
  p.member_terms = o.member_terms;
  p.member_candidates = o.member_candidates;
  p.trace_limit = o.split_limit;
  return p;
}

LevelParams StorylineParams(const Options& o) {
  LevelParams p = StoryParams(o);
  p.time_scale_days = o.storyline_time_scale_days;
  p.time_scale_days_short = o.storyline_time_scale_days;
  p.window_days = o.storyline_window_days;
  p.centroid_terms = o.storyline_terms;
  p.max_indexed_terms = 256;
  p.query_terms = o.storyline_query_terms;
  p.max_members = 0;
  p.trace_limit = 0;
  return p;
}

PublishedDate Earlier(const PublishedDate& a, const PublishedDate& b) {
  if (!a.known()) return b;
  if (!b.known()) return a;
  return b.EpochSeconds() < a.EpochSeconds() ? b : a;
}

PublishedDate Later(const PublishedDate& a, const PublishedDate& b) {
  if (!a.known()) return b;
  if (!b.known()) return a;
  return b.EpochSeconds() > a.EpochSeconds() ? b : a;
}

// The sizes at which a traced story is tested for a split: 4, 6, 8, 12, 16,
// 24, … (a bounded number of tests per story, each at most split_limit
// articles).
bool SplitCheckAt(int64_t size) {
  if (size < 4) return false;
  if ((size & (size - 1)) == 0) return true;
  return size % 3 == 0 && ((size / 3) & (size / 3 - 1)) == 0;
}

// An undated article takes the latest date seen only while dated articles
// keep arriving around it: at most this many articles after the last dated
// one. A longer run of undated articles (a folder of files after a feed) says
// nothing about when they appeared.
const int64_t kEstimateRun = 16;

bool WritesCompounds(const std::string& lang) {
  return lang == "de" || lang == "nl" || lang == "sv" || lang == "da" || lang == "no" ||
         lang == "nb" || lang == "fi";
}

}  // namespace

struct Clusterer::Impl {
  explicit Impl(const Options& o)
      : options(o), vectorizer(o), stories(StoryParams(o)), storylines(StorylineParams(o)) {}

  struct Held {
    std::string id;
    int64_t seq = 0;
    PublishedDate published;
  };
  struct StoryInfo {
    uint32_t storyline = 0;  // index in `storylines`, resolve before use
    std::vector<Held> articles;  // in the order added
    PublishedDate first;
    PublishedDate last;
  };

  Assignment Add(const Article& article, const std::vector<text::Term>* text_terms);
  // A new story's first article, kept for the recheck (Options::recheck_after).
  struct Recheck {
    uint32_t story = 0;
    int64_t seq = 0;
    double threshold = 0;
    ArticleVector vec;
  };
  void RecheckSmall(Recheck& r);
  uint32_t NewStoryline(const ArticleVector& a, double factor);
  void MergeStories(uint32_t a, uint32_t b);
  // Tests `story` for two events in one and splits it; returns the new part
  // (or nullopt) and appends the moved articles but the current one to `moved`.
  std::optional<uint32_t> MaybeSplit(uint32_t story, double threshold, std::vector<Move>* moved);
  StorySummary Summary(uint32_t story) const;

  const Options options;
  Vectorizer vectorizer;
  Level stories;
  Level storylines;
  std::vector<StoryInfo> info;  // by story index
  int64_t seq = 0;
  int64_t live_stories = 0;
  // The sequence number of the last dated article (0: none yet), and the end
  // of the latest publication interval seen, in days since the epoch: when an
  // undated article is taken to appear.
  int64_t last_dated_seq = 0;
  double stream_latest = 0;
  // Scratch.
  ArticleVector vec;
  std::vector<Scored> candidates;
  std::vector<Scored> line_candidates;
  std::vector<uint32_t> evicted;
  std::vector<StoryId> evicted_to_report;  // since the last TakeEvictedStories
  std::deque<Recheck> rechecks;  // new stories in order, awaiting their recheck
  std::vector<Scored> recheck_candidates;
};

void Clusterer::Impl::RecheckSmall(Recheck& r) {
  const uint32_t story = stories.Resolve(r.story);
  if (story != r.story || stories.group(story).size > options.recheck_max_size ||
      stories.group(story).evicted) {
    return;
  }
  // Weighted with today's document frequencies, as a new article would be.
  vectorizer.Weigh(&r.vec);
  stories.Candidates(r.vec, vectorizer, seq, &recheck_candidates);
  for (const Scored& c : recheck_candidates) {
    const uint32_t other = stories.Resolve(c.group);
    if (other == story) continue;
    if (c.similarity >= r.threshold) MergeStories(story, other);
    return;
  }
}

uint32_t Clusterer::Impl::NewStoryline(const ArticleVector& a, double factor) {
  storylines.Candidates(a, vectorizer, seq, &line_candidates);
  const double threshold =
      factor * (a.title_only ? options.storyline_threshold_short : options.storyline_threshold);
  if (!line_candidates.empty() && line_candidates[0].similarity >= threshold) {
    return line_candidates[0].group;
  }
  return storylines.Create();
}

void Clusterer::Impl::MergeStories(uint32_t a, uint32_t b) {
  // The older story (smaller id) survives so that ids seen earlier stay valid.
  const uint32_t into = std::min(a, b);
  const uint32_t from = std::max(a, b);
  stories.Merge(into, from, vectorizer);
  --live_stories;
  StoryInfo& dst = info[into];
  StoryInfo& src = info[from];
  dst.articles.insert(dst.articles.end(), std::make_move_iterator(src.articles.begin()),
                      std::make_move_iterator(src.articles.end()));
  std::vector<Held>().swap(src.articles);
  dst.first = Earlier(dst.first, src.first);
  dst.last = Later(dst.last, src.last);
  const uint32_t line_a = storylines.Resolve(dst.storyline);
  const uint32_t line_b = storylines.Resolve(src.storyline);
  if (line_a != line_b) {
    storylines.Merge(std::min(line_a, line_b), std::max(line_a, line_b), vectorizer);
  }
  dst.storyline = storylines.Resolve(dst.storyline);
}

Assignment Clusterer::Impl::Add(const Article& article,
                                const std::vector<text::Term>* text_terms) {
  ++seq;
  vectorizer.Vectorize(article, text_terms, &vec);
  // An undated article in a dated stream is taken to appear now, at the
  // latest date seen, as a crawler's fetch time stands in for a missing date:
  // without a time of its own it would join an old story of the same words
  // as readily as the current one (OG2021 with half its dates removed: B-cubed
  // 0.660 against 0.783 with all dates; see src/cluster/README.md).
  if (vec.dated) {
    stream_latest = last_dated_seq > 0 ? std::max(stream_latest, vec.hi) : vec.hi;
    last_dated_seq = seq;
  } else if (last_dated_seq > 0 && seq - last_dated_seq <= kEstimateRun) {
    vec.dated = true;
    vec.lo = vec.hi = stream_latest;
  }
  stories.Candidates(vec, vectorizer, seq, &candidates);
  const double factor = WritesCompounds(article.language) ? options.compound_language_factor : 1.0;
  const double threshold =
      factor * (vec.title_only ? options.join_threshold_short : options.join_threshold);

  Assignment result;
  uint32_t story = 0;
  if (!candidates.empty() && candidates[0].similarity >= threshold) {
    story = candidates[0].group;
  } else {
    story = stories.Create();
    info.emplace_back();
    info[story].storyline = NewStoryline(vec, factor);
    result.new_story = true;
    ++live_stories;
    // Headlines are not rechecked: their few words gain little from better
    // document frequencies, and their short time scale has usually
    // separated them from everything new by then.
    if (options.recheck_after > 0 && !vec.title_only) {
      rechecks.push_back({story, seq, threshold, vec});
    }
  }
  stories.Add(story, vec, vectorizer, seq);
  StoryInfo& si = info[story];
  si.articles.push_back({article.id, seq, article.published});
  if (article.published.known()) {
    si.first = Earlier(si.first, article.published);
    si.last = Later(si.last, article.published);
  }
  uint32_t line = storylines.Resolve(si.storyline);
  // A story's storyline was chosen from its first article alone; as the story
  // grows (3, 7, 15, … articles: a bounded number of checks) its latest
  // article may show that it also belongs to another storyline.
  const int64_t size = stories.group(story).size;
  if (!result.new_story && ((size + 1) & size) == 0) {
    storylines.Candidates(vec, vectorizer, seq, &line_candidates);
    const double merge = options.storyline_merge_factor * factor *
                         (vec.title_only ? options.storyline_threshold_short
                                         : options.storyline_threshold);
    for (const Scored& c : line_candidates) {
      if (c.similarity < merge) break;
      const uint32_t other = storylines.Resolve(c.group);
      if (other == line) continue;
      storylines.Merge(std::min(line, other), std::max(line, other), vectorizer);
      line = storylines.Resolve(line);
      break;
    }
  }
  storylines.Add(line, vec, vectorizer, seq);

  // Converging stories: another candidate the article also fits and whose
  // centroid is now close to the joined one.
  if (!result.new_story) {
    for (size_t i = 1; i < candidates.size() && candidates[i].similarity >= threshold; ++i) {
      const uint32_t other = stories.Resolve(candidates[i].group);
      story = stories.Resolve(story);
      if (other == story) continue;
      if (stories.Similarity(story, other, vectorizer) >= options.merge_threshold) {
        MergeStories(story, other);
      }
    }
  }
  story = stories.Resolve(story);
  if (!result.new_story && SplitCheckAt(stories.group(story).size) && stories.Traced(story)) {
    if (std::optional<uint32_t> part = MaybeSplit(story, threshold, &result.moved)) {
      const std::vector<Held>& held = info[*part].articles;
      if (!held.empty() && held.back().seq == seq) story = *part;
    }
  }

  while (!rechecks.empty() && seq - rechecks.front().seq >= options.recheck_after) {
    RecheckSmall(rechecks.front());
    rechecks.pop_front();
  }
  story = stories.Resolve(story);  // a recheck may have merged it

  if (seq % kCompactEvery == 0) {
    evicted.clear();
    stories.Compact(seq, &evicted);
    if (!options.keep_evicted_articles) {
      for (uint32_t s : evicted) std::vector<Held>().swap(info[s].articles);
    }
    if (options.report_evicted_stories) {
      for (uint32_t s : evicted) evicted_to_report.push_back(static_cast<StoryId>(s) + 1);
    }
    storylines.Compact(seq);
  }
  result.story = static_cast<StoryId>(story) + 1;
  result.storyline = static_cast<StorylineId>(storylines.Resolve(info[story].storyline)) + 1;
  return result;
}

std::optional<uint32_t> Clusterer::Impl::MaybeSplit(uint32_t story, double threshold,
                                                    std::vector<Move>* moved) {
  const internal::Bisection split = stories.Bisect(story, vectorizer);
  const size_t min_part = static_cast<size_t>(std::max(options.split_min_part, 1));
  if (split.leaving < min_part || split.side.size() - split.leaving < min_part ||
      split.similarity >= options.split_factor * threshold ||
      split.cohesion - split.similarity < options.split_margin) {
    return std::nullopt;
  }
  std::vector<int64_t> leaving;  // sequence numbers, ascending (traces are in order)
  const std::vector<internal::Trace>& traces = stories.group(story).traces;
  for (size_t i = 0; i < traces.size(); ++i) {
    if (split.side[i] == 1) leaving.push_back(traces[i].seq);
  }
  const uint32_t part = stories.Split(story, split, vectorizer);
  ++live_stories;
  info.emplace_back();
  StoryInfo& src = info[story];
  StoryInfo& dst = info[part];
  dst.storyline = storylines.Resolve(src.storyline);
  std::vector<Held> stay;
  src.first = src.last = PublishedDate();
  for (Held& h : src.articles) {
    const bool leaves = std::binary_search(leaving.begin(), leaving.end(), h.seq);
    StoryInfo& to = leaves ? dst : src;
    if (h.published.known()) {
      to.first = Earlier(to.first, h.published);
      to.last = Later(to.last, h.published);
    }
    if (leaves && h.seq != seq) {
      moved->push_back({h.id, h.seq, static_cast<StoryId>(story) + 1, static_cast<StoryId>(part) + 1});
    }
    (leaves ? dst.articles : stay).push_back(std::move(h));
  }
  src.articles = std::move(stay);
  return part;
}

StorySummary Clusterer::Impl::Summary(uint32_t story) const {
  StorySummary s;
  s.id = static_cast<StoryId>(story) + 1;
  s.storyline = static_cast<StorylineId>(storylines.Resolve(info[story].storyline)) + 1;
  s.article_ids.reserve(info[story].articles.size());
  for (const Held& h : info[story].articles) s.article_ids.push_back(h.id);
  s.first = info[story].first;
  s.last = info[story].last;
  return s;
}

Clusterer::Clusterer(Options options) : impl_(std::make_unique<Impl>(options)) {}
Clusterer::~Clusterer() = default;

Assignment Clusterer::Add(const Article& article) { return impl_->Add(article, nullptr); }

std::vector<StoryId> Clusterer::TakeEvictedStories() {
  std::vector<StoryId> out;
  out.swap(impl_->evicted_to_report);
  return out;
}

Assignment Clusterer::Add(const Article& article, const std::vector<text::Term>& text_terms) {
  return impl_->Add(article, &text_terms);
}

StoryId Clusterer::ResolveStory(StoryId id) const {
  if (id < 1 || static_cast<size_t>(id) > impl_->stories.size()) return id;
  return static_cast<StoryId>(impl_->stories.Resolve(static_cast<uint32_t>(id - 1))) + 1;
}

StorylineId Clusterer::ResolveStoryline(StorylineId id) const {
  if (id < 1 || static_cast<size_t>(id) > impl_->storylines.size()) return id;
  return static_cast<StorylineId>(impl_->storylines.Resolve(static_cast<uint32_t>(id - 1))) + 1;
}

StorylineId Clusterer::StorylineOf(StoryId story) const {
  if (story < 1 || static_cast<size_t>(story) > impl_->stories.size()) return 0;
  const uint32_t s = impl_->stories.Resolve(static_cast<uint32_t>(story - 1));
  return static_cast<StorylineId>(impl_->storylines.Resolve(impl_->info[s].storyline)) + 1;
}

std::vector<StorySummary> Clusterer::Stories() const {
  std::vector<StorySummary> out;
  for (uint32_t s = 0; s < impl_->stories.size(); ++s) {
    if (impl_->stories.group(s).alias == 0) out.push_back(impl_->Summary(s));
  }
  return out;
}

std::optional<StorySummary> Clusterer::Story(StoryId id) const {
  if (id < 1 || static_cast<size_t>(id) > impl_->stories.size()) return std::nullopt;
  return impl_->Summary(impl_->stories.Resolve(static_cast<uint32_t>(id - 1)));
}

std::vector<size_t> ArrivalOrder(const std::vector<Article>& articles) {
  // Sort key: the article's own instant, or that of the last dated article
  // before it in the input.
  std::vector<std::pair<int64_t, size_t>> keys;
  keys.reserve(articles.size());
  int64_t last = INT64_MIN;
  for (size_t i = 0; i < articles.size(); ++i) {
    if (articles[i].published.known()) last = articles[i].published.EpochSeconds();
    keys.emplace_back(last, i);
  }
  std::stable_sort(keys.begin(), keys.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<size_t> order;
  order.reserve(keys.size());
  for (const auto& k : keys) order.push_back(k.second);
  return order;
}

int64_t Clusterer::article_count() const { return impl_->seq; }
int64_t Clusterer::story_count() const { return impl_->live_stories; }
int64_t Clusterer::merge_count() const { return impl_->stories.merges() + impl_->storylines.merges(); }

}  // namespace storyline::cluster
