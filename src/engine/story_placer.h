// Places stored articles into stories: the second phase of Ingest (see
// include/storyline/engine.h). Internal to src/engine/.
#ifndef STORYLINE_ENGINE_STORY_PLACER_H_
#define STORYLINE_ENGINE_STORY_PLACER_H_

#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "storyline/article.h"
#include "storyline/engine.h"
#include "storyline/status.h"
#include "storyline/store.h"

namespace storyline::engine {

// What an article offers as its story's title: its title, else its first
// sentence (cut to about 200 characters).
std::string Headline(const Article& article);

// After a revision: keeps the article's story and updates its headline. Does
// nothing for an article that is not placed yet.
Status UpdatePlacedHeadline(store::Store& store, const Article& article);

struct Placer;  // the in-memory placement state (story_placer.cc)

// Placement state kept between runs of one process over one store (see
// IngestSession): the clusterer and duplicate index of the last run, the
// replay window they were built with, and the last placement sequence they
// include. A run that can reuse it replays only the placements made since
// (by other processes) instead of the whole window.
class PlacementCache {
 public:
  PlacementCache();
  ~PlacementCache();
  PlacementCache(const PlacementCache&) = delete;
  PlacementCache& operator=(const PlacementCache&) = delete;

 private:
  friend class StoryPlacer;

  std::unique_ptr<Placer> placer_;  // null: nothing kept
  // The replay lower bound the state was built with (nullopt: everything).
  std::optional<int64_t> built_from_;
  int64_t last_sequence_ = 0;  // placements up to here are in placer_ or skipped
  // Ids this cache placed since last_sequence_ (they are in placer_ already).
  std::unordered_set<std::string> placed_since_;
};

class StoryPlacer {
 public:
  // `cache` (may be null) is read and updated by PlaceUnplaced.
  StoryPlacer(store::Store& store, const IngestOptions& options, IngestCounts& counts, PlacementCache* cache)
      : store_(store), options_(options), counts_(counts), cache_(cache) {}

  // Notes an article this run stored as new, in input order (only its id and
  // date are kept).
  void NoteNew(const Article& article);

  // Places every unplaced article (this run's in input order, then
  // ArrivalOrder). Store errors abandon the run; the open batch is rolled
  // back, and what is left unplaced is placed by the next run.
  Status PlaceUnplaced();

  // Builds the cache's state as a run placing an article published on the
  // latest stored date would (the window before it; everything when that is
  // undated or replay_window_days is 0), placing nothing. Needs a cache.
  Status Prime();

 private:
  Status Place(std::vector<Article>& meta, const std::optional<int64_t>& replay_from);
  // Where the replay for articles published from `earliest` on starts
  // (replay_window_days before it); nullopt: replay everything (no window,
  // or an undated article to place).
  std::optional<int64_t> ReplayFrom(std::optional<int64_t> earliest) const;

  store::Store& store_;
  const IngestOptions& options_;
  IngestCounts& counts_;
  PlacementCache* cache_;
  std::vector<Article> noted_;  // id and published only
};

}  // namespace storyline::engine

#endif  // STORYLINE_ENGINE_STORY_PLACER_H_
