// Places stored articles into stories: the second phase of Ingest (see
// include/storyline/engine.h). Internal to src/engine/.
#ifndef STORYLINE_ENGINE_STORY_PLACER_H_
#define STORYLINE_ENGINE_STORY_PLACER_H_

#include <string>
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

class StoryPlacer {
 public:
  StoryPlacer(store::Store& store, const IngestOptions& options, IngestCounts& counts)
      : store_(store), options_(options), counts_(counts) {}

  // Notes an article this run stored as new, in input order (only its id and
  // date are kept).
  void NoteNew(const Article& article);

  // Places every unplaced article (this run's in input order, then
  // ArrivalOrder). Store errors abandon the run; the open batch is rolled
  // back, and what is left unplaced is placed by the next run.
  Status PlaceUnplaced();

 private:
  store::Store& store_;
  const IngestOptions& options_;
  IngestCounts& counts_;
  std::vector<Article> noted_;  // id and published only
};

}  // namespace storyline::engine

#endif  // STORYLINE_ENGINE_STORY_PLACER_H_
