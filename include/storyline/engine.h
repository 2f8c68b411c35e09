// The engine: runs the pipeline stages over articles. The CLI and the server
// are thin shells over this header.
#ifndef STORYLINE_ENGINE_H_
#define STORYLINE_ENGINE_H_

#include <cstdint>
#include <functional>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storyline/article.h"
#include "storyline/compare.h"
#include "storyline/ingest.h"
#include "storyline/status.h"
#include "storyline/store.h"

namespace storyline {

struct IngestCounts {
  int64_t read = 0;       // articles read from the input
  int64_t added = 0;      // new ids stored
  int64_t unchanged = 0;  // same content as stored: nothing written
  int64_t revised = 0;    // stored as a new revision of a known id
  int64_t failed = 0;     // inputs (files or lines) that could not be read or stored
  // Stories (see Ingest):
  int64_t placed = 0;       // articles given a story by this run
  int64_t new_stories = 0;  // stories this run started
  int64_t duplicates = 0;   // placed articles that copy an earlier article
  int64_t replayed = 0;     // stored articles replayed to restore the clusterer's state
  int64_t merged = 0;       // stored stories merged into another by this run
  int64_t moved = 0;        // placed articles moved to another story by a split
  // Extractions (see Ingest):
  int64_t extracted = 0;  // articles whose extraction this run stored
};

struct IngestReport {
  IngestCounts counts;
  std::vector<ingest::Diagnostic> errors;    // one per failed input
  std::vector<ingest::Diagnostic> warnings;  // e.g. converted encodings
};

class IngestSession;

struct IngestOptions {
  ingest::ReadOptions read;
  int batch_size = 500;  // articles per transaction
  // Called now and then (at most every ~100 ms) and once at the end.
  std::function<void(const IngestCounts&)> progress;
  // Unix seconds; injectable for tests.
  std::function<int64_t()> clock;
  // Before placing new articles, the clusterer is restored by replaying the
  // stored ones published at most this many days before the earliest article
  // to place (undated ones always). 0: replay all. The default is the
  // clusterer's longest window (storylines), beyond which stored stories can
  // no longer be joined; only the incremental term statistics (idf) see less
  // history. When an article to place is undated everything is replayed.
  int replay_window_days = 120;
  // The NER tagger model the extractor loads (extract::Extractor::Create).
  // Unset: DefaultNerModelPath(); "": the built-in gazetteers and rules only.
  // A model that cannot be loaded fails the run before anything is read.
  std::optional<std::string> ner_model;
  // Threads that extract a batch's articles; 0: one per core, at most 8.
  int extract_threads = 0;
  // When set: called with each article read, in input order, before it is
  // prepared and stored (e.g. to learn the ids a request carried).
  std::function<void(const Article&)> on_read;
  // When set: state kept between runs (see IngestSession). Not owned.
  IngestSession* session = nullptr;
  // When set: asked before each page (1,000 articles) of the replay that
  // restores the clusterer; true stops the run there with a kBusy status,
  // nothing placed and no state kept (the server cancels priming this way
  // when it stops).
  std::function<bool()> cancelled;
};

// What Ingest may keep between runs of one long-lived process (the server)
// over one store: the extractor with its loaded NER model (reloaded only when
// IngestOptions::ner_model changes) and the placement state (clusterer,
// duplicate index). A run that reuses the placement state replays only the
// placements made since its last run (by other processes) instead of the whole
// window, so a small run costs what its own articles cost. The state is
// rebuilt when a run needs an older window than it holds (see
// replay_window_days; it is built with a month more than its first run
// needs) and dropped after a failed run. Placing with a session
// gives the stories a single long run would give.
// Use one session with one store only, and one Ingest at a time.
class IngestSession {
 public:
  IngestSession();
  ~IngestSession();
  IngestSession(const IngestSession&) = delete;
  IngestSession& operator=(const IngestSession&) = delete;

  struct State;  // defined by the engine

 private:
  friend State& SessionState(IngestSession& session);
  std::unique_ptr<State> state_;
};

// Builds `session`'s placement state ahead of its first run, off the request
// path (the server calls it when it starts): replays the stored placements of
// the window before the latest stored publication date, as a run of articles
// of that date would, and loads the NER model. A later run of much older
// articles still rebuilds (see IngestSession). Store errors as they come; a
// model that cannot be loaded as in Ingest.
Status PrimeSession(store::Store& store, IngestSession& session, const IngestOptions& options);

// The NER model used when IngestOptions::ner_model is unset: $STORYLINE_NER_MODEL
// when set and non-empty (it must then load); else the model this build
// trained (<build dir>/models/ner-de.model, target `ner_model`) when that file
// exists; else "" (rules only).
std::string DefaultNerModelPath();

// Makes a raw article ready to store: cleans its title and text
// (text::CleanText), identifies the language when the input gave none, and
// computes the content hash.
void PrepareArticle(Article& article);

// Reads every path (see ingest::ReadPath), prepares each article and stores
// it, committing every `batch_size` articles and at the end of each input.
// Fails (non-ok) only when the store itself fails; bad input is reported in
// IngestReport and never stops the run.
//
// Then places every stored article that has no story yet (this run's new
// articles, and any left unplaced by an interrupted run or an older
// storyline) in publication order (cluster::ArrivalOrder over the input
// order): into a story and storyline (cluster::Clusterer), and marks copies
// of earlier articles (dedup::DuplicateIndex) with the original they copy.
// The clusterer lives in memory, so it is first restored by replaying the
// stored placed articles in the order they were placed (see
// replay_window_days); its stories map to the stored ones, so stored ids stay
// stable across runs, and new stories get ids above every id given out. When
// the clusterer merges two stories or storylines the store merges them too
// (the smaller id survives; the other becomes an alias). Nothing is replayed
// when there is nothing to place. Unchanged articles are left alone; a revised
// article keeps its story (only its headline is updated).
// Placements are written in batches of `batch_size` as well.
//
// Every new or revised article is extracted (extract::Extractor, created once
// per run from `ner_model`; the articles of a batch in parallel) and its
// extraction stored in the same batch as the article. Stored articles without
// an extraction (stored by an older storyline) are extracted before placing.
Result<IngestReport> Ingest(store::Store& store, const std::vector<std::string>& paths,
                            const IngestOptions& options);

// Like Ingest, over JSONL (the format of ../shared/bench/README.md) read from
// `in` instead of paths; `name` stands for the input in diagnostics.
Result<IngestReport> IngestJsonl(store::Store& store, std::istream& in, std::string_view name,
                                 const IngestOptions& options);

// The briefing of a stored story (compare::BuildBriefing): its articles in the
// order they joined it, their stored extractions (an article without one adds
// no people, quotes, figures or dates), fingerprints computed from their text,
// and the other stories of its storyline as related (with their stored
// titles). The id of a story merged into another briefs the survivor
// (Briefing::id is the live id). NotFound when `story` was never a story;
// other store errors as they come. Reads only.
Result<compare::Briefing> BriefStoredStory(store::Store& store, store::StoryId story,
                                           const compare::BriefingOptions& options = {});

}  // namespace storyline

#endif  // STORYLINE_ENGINE_H_
