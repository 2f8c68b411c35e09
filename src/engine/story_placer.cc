#include "engine/story_placer.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "storyline/cluster.h"
#include "storyline/dedup.h"
#include "storyline/text.h"

namespace storyline::engine {
namespace {

constexpr size_t kHeadlineChars = 200;
constexpr int64_t kReplayPage = 1000;
constexpr int64_t kSecondsPerDay = 86400;
// A state kept for later runs (PlacementCache) is built with this much more
// history than the run needs, so that the next runs' articles may be up to a
// month older than this run's without forcing a rebuild: a stream posted in
// small batches is only roughly in order.
constexpr int64_t kCacheSlackDays = 30;

// Cuts a UTF-8 string to at most `max_chars` code points, adding "…".
std::string Cut(std::string_view s, size_t max_chars) {
  size_t chars = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && chars++ == max_chars) {
      return std::string(s.substr(0, i)) + "…";
    }
  }
  return std::string(s);
}

}  // namespace

// Maps the ids of one in-memory Clusterer to stored ids.
// Several clusterer ids may map to one stored id: a replay that does not
// reproduce the stored clustering exactly (a window, revised texts) may split
// a stored story; its parts keep their stored id.
class IdMap {
 public:
  // The stored id of clusterer id `cid` (after merges done by this run); 0
  // when unmapped.
  int64_t Get(int64_t cid) const {
    auto it = by_cluster_.find(cid);
    return it == by_cluster_.end() ? 0 : Resolve(it->second);
  }
  void SetIfAbsent(int64_t cid, int64_t stored) { by_cluster_.try_emplace(cid, stored); }
  void NoteMerged(int64_t absorbed, int64_t survivor) { merged_[absorbed] = survivor; }
  // Drops clusterer ids that can never be asked for again (stories that left
  // the clusterer's window), so the map holds the live stories only.
  void Forget(const std::vector<int64_t>& cids) {
    for (int64_t cid : cids) by_cluster_.erase(cid);
  }

  // Applies the clusterer's merges (`resolve` gives a clusterer id's current
  // id): for each clusterer id merged away whose stored id differs from the
  // survivor's, calls merge(absorbed, survivor) with the larger stored id
  // absorbed into the smaller (older) one. Forgets merged-away clusterer ids.
  template <typename ResolveFn, typename MergeFn>
  Status ApplyMerges(const ResolveFn& resolve, const MergeFn& merge) {
    // Inserting while iterating could rehash: survivors without a stored id
    // yet are added after the loop.
    std::vector<std::pair<int64_t, int64_t>> adopted;
    for (auto it = by_cluster_.begin(); it != by_cluster_.end();) {
      const int64_t now = resolve(it->first);
      if (now == it->first) {
        ++it;
        continue;
      }
      const int64_t mine = Resolve(it->second);
      const int64_t theirs = Get(now);
      if (theirs == 0) {
        adopted.emplace_back(now, mine);
      } else if (theirs != mine) {
        const int64_t survivor = std::min(mine, theirs);
        const int64_t absorbed = std::max(mine, theirs);
        STORYLINE_RETURN_IF_ERROR(merge(absorbed, survivor));
        NoteMerged(absorbed, survivor);
      }
      it = by_cluster_.erase(it);
    }
    for (const auto& [cid, stored] : adopted) by_cluster_.try_emplace(cid, stored);
    return Status::Ok();
  }

  // Forgets merged-away clusterer ids without touching the store: merges the
  // replay made that the stored clustering does not have are not imposed.
  template <typename ResolveFn>
  void ForgetMerged(const ResolveFn& resolve) {
    std::erase_if(by_cluster_, [&](const auto& entry) { return resolve(entry.first) != entry.first; });
  }

 private:
  int64_t Resolve(int64_t stored) const {
    for (auto it = merged_.find(stored); it != merged_.end(); it = merged_.find(stored)) stored = it->second;
    return stored;
  }

  std::unordered_map<int64_t, int64_t> by_cluster_;
  std::unordered_map<int64_t, int64_t> merged_;  // stored absorbed → survivor
};

namespace {

// The day an article counts under in the duplicate index: its own, or (when
// undated) the last day seen, so that undated articles are not evicted as if
// they were from 1970.
int64_t DayOf(const Article& article, int64_t* last_day) {
  if (article.published.known()) *last_day = article.published.DaysSinceEpoch();
  return *last_day;
}

}  // namespace

// Everything placement keeps in memory (for one run, or longer in a
// PlacementCache).
struct Placer {
  explicit Placer(int window_days)
      : clusterer(ClusterOptions()), duplicates(DedupOptions(window_days)) {}

  // The store keeps every story's articles: the clusterer need not.
  static cluster::Options ClusterOptions() {
    cluster::Options o;
    o.keep_evicted_articles = false;
    o.report_evicted_stories = true;  // and `stories` forgets them
    return o;
  }

  static dedup::DuplicateIndex::Options DedupOptions(int window_days) {
    dedup::DuplicateIndex::Options o;
    o.window_days = window_days;
    return o;
  }

  cluster::Clusterer clusterer;
  dedup::DuplicateIndex duplicates;
  dedup::Fingerprint fingerprint;
  // One analysis of each article's text, read by the clusterer and dedup.
  text::Analyzers analyzers;
  IdMap stories;
  IdMap storylines;
  int64_t last_day = 0;
  // clusterer.merge_count() when the id maps last caught up with merges:
  // while it is unchanged, every mapped id resolves to itself and the maps
  // need no pass (a pass costs one step per story ever mapped).
  int64_t merges_seen = 0;
};

PlacementCache::PlacementCache() = default;
PlacementCache::~PlacementCache() = default;

std::string Headline(const Article& article) {
  if (!article.title.empty()) return Cut(article.title, kHeadlineChars);
  std::vector<text::Span> sentences = text::SplitSentences(article.text, article.language);
  if (sentences.empty()) return "";
  return Cut(sentences.front().In(article.text), kHeadlineChars);
}

Status UpdatePlacedHeadline(store::Store& store, const Article& article) {
  Result<store::Placement> placement = store.GetPlacement(article.id);
  if (!placement.ok()) {
    return placement.status().code() == StatusCode::kNotFound ? Status::Ok() : placement.status();
  }
  placement->headline = Headline(article);
  return store.PlaceArticle(*placement);
}

void StoryPlacer::NoteNew(const Article& article) {
  Article meta;
  meta.id = article.id;
  meta.published = article.published;
  noted_.push_back(std::move(meta));
}

Status StoryPlacer::PlaceUnplaced() {
  Result<std::vector<std::string>> unplaced = store_.ListUnplacedArticles();
  if (!unplaced.ok()) return unplaced.status();
  if (unplaced->empty()) return Status::Ok();

  // Input order: articles left unplaced by earlier runs (in listing order),
  // then this run's in the order they were read.
  std::vector<Article> meta;
  {
    std::unordered_set<std::string_view> noted;
    for (const Article& a : noted_) noted.insert(a.id);
    for (const std::string& id : *unplaced) {
      if (noted.contains(id)) continue;
      Result<Article> a = store_.GetArticle(id);
      if (!a.ok()) return a.status();
      a->text.clear();
      meta.push_back(std::move(a).value());
    }
    std::unordered_set<std::string_view> waiting(unplaced->begin(), unplaced->end());
    for (Article& a : noted_) {
      if (waiting.contains(a.id)) meta.push_back(std::move(a));
    }
    noted_.clear();
  }

  std::optional<int64_t> earliest;
  if (std::all_of(meta.begin(), meta.end(), [](const Article& a) { return a.published.known(); })) {
    earliest = meta.front().published.EpochSeconds();
    for (const Article& a : meta) earliest = std::min(*earliest, a.published.EpochSeconds());
  }
  return Place(meta, ReplayFrom(earliest));
}

std::optional<int64_t> StoryPlacer::ReplayFrom(std::optional<int64_t> earliest) const {
  if (options_.replay_window_days <= 0 || !earliest) return std::nullopt;
  return *earliest - options_.replay_window_days * kSecondsPerDay;
}

Status StoryPlacer::Prime() {
  Result<std::vector<store::StoryInfo>> newest = store_.ListStories({.limit = 1});
  if (!newest.ok()) return newest.status();
  if (newest->empty()) return Status::Ok();  // nothing placed: nothing to replay
  const PublishedDate& last = newest->front().last;
  std::vector<Article> none;
  return Place(none, ReplayFrom(last.known() ? std::optional<int64_t>(last.EpochSeconds()) : std::nullopt));
}

Status StoryPlacer::Place(std::vector<Article>& meta, const std::optional<int64_t>& replay_from) {
  // A kept state serves when it holds at least the window this run needs.
  const bool reuse = cache_ != nullptr && cache_->placer_ != nullptr &&
                     (!cache_->built_from_ || (replay_from && *replay_from >= *cache_->built_from_));
  // The state is taken out of the cache while this run changes it: after a
  // failure nothing half-updated is kept.
  std::unique_ptr<Placer> owned = reuse ? std::move(cache_->placer_)
                                        : std::make_unique<Placer>(options_.replay_window_days);
  Placer& placer = *owned;
  std::optional<int64_t> window = reuse ? cache_->built_from_ : replay_from;
  if (!reuse && cache_ != nullptr && window) *window -= kCacheSlackDays * kSecondsPerDay;
  int64_t last_sequence = reuse ? cache_->last_sequence_ : 0;
  cluster::Clusterer& clusterer = placer.clusterer;
  auto resolve_story = [&](int64_t id) { return clusterer.ResolveStory(id); };
  auto resolve_storyline = [&](int64_t id) { return clusterer.ResolveStoryline(id); };

  // Replay: the stored placements, in the order they were made, that the
  // state does not hold yet (all of them for a fresh one).
  for (;;) {
    if (options_.cancelled && options_.cancelled()) return Status::Busy("the replay of stored placements was cancelled");
    Result<std::vector<store::PlacedArticle>> page = store_.ListPlacedArticles(
        {.after_sequence = last_sequence, .limit = kReplayPage, .published_from = window});
    if (!page.ok()) return page.status();
    if (page->empty()) break;
    for (const store::PlacedArticle& placed : *page) {
      last_sequence = placed.placement.sequence;
      // What this cache placed itself is in the state already.
      if (reuse && cache_->placed_since_.contains(placed.article.id)) continue;
      const std::vector<text::Term>& terms =
          placer.analyzers.For(placed.article.language).Analyze(placed.article.text);
      const cluster::Assignment assignment = clusterer.Add(placed.article, terms);
      const cluster::StoryId story = clusterer.ResolveStory(assignment.story);
      placer.stories.SetIfAbsent(story, placed.placement.story);
      // A split the replay makes: the new part maps to where its articles are
      // stored (their own story when the store has the split, else the one
      // they share; like merges, splits of the replay are not imposed).
      for (const cluster::Move& move : assignment.moved) {
        Result<store::Placement> moved = store_.GetPlacement(move.article_id);
        if (!moved.ok()) {
          if (moved.status().code() == StatusCode::kNotFound) continue;
          return moved.status();
        }
        placer.stories.SetIfAbsent(clusterer.ResolveStory(move.to), moved->story);
      }
      placer.storylines.SetIfAbsent(clusterer.StorylineOf(story), placed.placement.storyline);
      dedup::ComputeFingerprint(placed.article, terms, &placer.fingerprint);
      placer.duplicates.Add(placed.article.id, placer.fingerprint, DayOf(placed.article, &placer.last_day));
      ++counts_.replayed;
    }
  }
  if (clusterer.merge_count() != placer.merges_seen) {
    placer.stories.ForgetMerged(resolve_story);
    placer.storylines.ForgetMerged(resolve_storyline);
    placer.merges_seen = clusterer.merge_count();
  }
  placer.stories.Forget(clusterer.TakeEvictedStories());
  std::unordered_set<std::string> placed_now;

  Result<store::LargestIds> largest = store_.GetLargestIds();
  if (!largest.ok()) return largest.status();
  int64_t next_story = largest->story;
  int64_t next_storyline = largest->storyline;

  bool in_batch = false;
  int pending = 0;
  // Merges first, so that the batch commits a consistent state.
  auto commit = [&]() -> Status {
    if (clusterer.merge_count() != placer.merges_seen) {
      STORYLINE_RETURN_IF_ERROR(placer.stories.ApplyMerges(resolve_story, [&](int64_t absorbed, int64_t survivor) {
        ++counts_.merged;
        return store_.MergeStories(absorbed, survivor);
      }));
      STORYLINE_RETURN_IF_ERROR(placer.storylines.ApplyMerges(resolve_storyline, [&](int64_t absorbed, int64_t survivor) {
        return store_.MergeStorylines(absorbed, survivor);
      }));
      placer.merges_seen = clusterer.merge_count();
    }
    // Only after the merges: a story merged in this batch may have left the
    // window since, and its merge must still reach the store.
    placer.stories.Forget(clusterer.TakeEvictedStories());
    in_batch = false;
    pending = 0;
    return store_.CommitBatch();
  };
  // The stored story (and storyline) of clusterer story `cluster_story`; a
  // new stored id when it has none yet.
  auto stored_ids = [&](cluster::StoryId cluster_story, int64_t* story, int64_t* storyline) {
    *story = placer.stories.Get(cluster_story);
    if (*story == 0) {
      *story = ++next_story;
      placer.stories.SetIfAbsent(cluster_story, *story);
      ++counts_.new_stories;
    }
    const cluster::StorylineId cluster_storyline = clusterer.StorylineOf(cluster_story);
    *storyline = placer.storylines.Get(cluster_storyline);
    if (*storyline == 0) {
      *storyline = ++next_storyline;
      placer.storylines.SetIfAbsent(cluster_storyline, *storyline);
    }
  };
  // Re-places the articles a split moved (placed by an earlier run or by this
  // one); each keeps its sequence, headline and duplicate mark.
  auto apply_moves = [&](const std::vector<cluster::Move>& moves) -> Status {
    for (const cluster::Move& move : moves) {
      Result<store::Placement> placement = store_.GetPlacement(move.article_id);
      if (!placement.ok()) {
        if (placement.status().code() == StatusCode::kNotFound) continue;
        return placement.status();
      }
      int64_t story = 0;
      int64_t storyline = 0;
      stored_ids(clusterer.ResolveStory(move.to), &story, &storyline);
      if (placement->story == story) continue;
      placement->story = story;
      placement->storyline = storyline;
      Status placed = store_.PlaceArticle(*placement);
      if (!placed.ok()) {
        return Status(placed.code(), "could not move article '" + move.article_id +
                                         "' to another story: " + placed.message());
      }
      ++counts_.moved;
    }
    return Status::Ok();
  };
  auto place_all = [&]() -> Status {
    for (size_t i : cluster::ArrivalOrder(meta)) {
      Result<Article> article = store_.GetArticle(meta[i].id);
      if (!article.ok()) return article.status();
      if (!in_batch) {
        STORYLINE_RETURN_IF_ERROR(store_.BeginBatch());
        in_batch = true;
      }
      const std::vector<text::Term>& terms =
          placer.analyzers.For(article->language).Analyze(article->text);
      const cluster::Assignment assignment = clusterer.Add(*article, terms);
      const cluster::StoryId cluster_story = clusterer.ResolveStory(assignment.story);
      store::Placement placement;
      placement.article_id = article->id;
      stored_ids(cluster_story, &placement.story, &placement.storyline);
      dedup::ComputeFingerprint(*article, terms, &placer.fingerprint);
      if (std::optional<dedup::Match> match =
              placer.duplicates.Add(article->id, placer.fingerprint, DayOf(*article, &placer.last_day))) {
        placement.duplicate_of = match->original_id;
        placement.duplicate_overlap = match->overlap;
        ++counts_.duplicates;
      }
      placement.headline = Headline(*article);
      Status placed = store_.PlaceArticle(placement);
      if (!placed.ok()) {
        return Status(placed.code(), article->origin + ": could not place article '" + article->id +
                                         "' in a story: " + placed.message());
      }
      ++counts_.placed;
      if (cache_ != nullptr) placed_now.insert(article->id);
      STORYLINE_RETURN_IF_ERROR(apply_moves(assignment.moved));
      if (++pending >= options_.batch_size) STORYLINE_RETURN_IF_ERROR(commit());
    }
    return in_batch ? commit() : Status::Ok();
  };
  Status status = place_all();
  if (!status.ok() && in_batch) (void)store_.RollbackBatch();
  if (cache_ != nullptr) {
    cache_->placed_since_.clear();
    if (!status.ok()) cache_->placer_.reset();
    if (status.ok()) {
      cache_->placer_ = std::move(owned);
      cache_->built_from_ = window;
      cache_->last_sequence_ = last_sequence;
      cache_->placed_since_ = std::move(placed_now);
    }
  }
  return status;
}

}  // namespace storyline::engine
