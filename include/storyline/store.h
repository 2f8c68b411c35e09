// The article store: where articles and everything computed from them live.
//
// `Store` is the interface every backend implements (SQLite now, PostgreSQL
// later); one shared test suite runs against each. A Store is used by one
// thread at a time; open one per thread or process (SQLite in WAL mode lets
// readers and one writer share a file).
#ifndef STORYLINE_STORE_H_
#define STORYLINE_STORE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storyline/article.h"
#include "storyline/extract.h"
#include "storyline/status.h"

namespace storyline::store {

enum class PutOutcome {
  kNew,        // the id was not stored before: revision 1
  kUnchanged,  // the latest revision has the same content hash: nothing written
  kRevised,    // the id was stored with other content: a new revision
};

struct ListOptions {
  int64_t limit = -1;    // -1: all
  int64_t offset = 0;
};

// Stored story and storyline ids: positive, stable across runs, never reused.
// (The clusterer's own ids live only as long as one Clusterer; the engine maps
// them to these.)
using StoryId = int64_t;
using StorylineId = int64_t;

// Where an article went: its story, and the original it copies. A placement
// belongs to the article id, so a new revision keeps it until it is placed
// again.
struct Placement {
  std::string article_id;
  StoryId story = 0;
  // The story's storyline. Written: the storyline to give the story. Read:
  // the story's storyline now.
  StorylineId storyline = 0;
  std::string duplicate_of;      // the original article's id; empty when no copy
  double duplicate_overlap = 0;  // 1 for exact copies, else the estimated overlap; 0 when no copy
  // What the article offers as its story's title: its title, or its first
  // sentence when it has none.
  std::string headline;
  // Read only: the order of the article's first placement (1, 2, ...), kept
  // when it is placed again.
  int64_t sequence = 0;
};

// A placed article: its latest revision, text included.
struct PlacedArticle {
  Article article;
  Placement placement;
};

struct PlacedQuery {
  int64_t after_sequence = 0;  // keyset paging: sequences above this
  int64_t limit = 1000;        // at most this many
  // When set: only articles published at or after this unix second, plus
  // every undated article.
  std::optional<int64_t> published_from;
};

// A story as stored: a summary of its articles, kept up to date on write.
struct StoryInfo {
  StoryId id = 0;
  StorylineId storyline = 0;
  // The headline of its earliest article that has a title (by publication,
  // then placement order); without titled articles that of its earliest.
  std::string title;
  int64_t article_count = 0;
  std::vector<std::string> outlets;  // distinct non-empty sources, most articles first, then by name
  // Publication dates of its earliest and latest dated articles; unknown
  // (precision kNone) when none is dated.
  PublishedDate first;
  PublishedDate last;
};

// An entity across the stored extractions: every article entity with the
// same canonical key. A person some articles name by surname only ("kelly")
// counts as the one person whose key ends in that surname ("john kelly"),
// when there is exactly one (as briefings count people); with several, the
// surname is listed on its own.
struct EntityInfo {
  std::string key;   // extract::Entity::canonical: "john kelly"
  std::vector<std::string> aliases;  // surname keys counted with it: "kelly"; ascending
  // The type most of its articles give it (ties: PER, ORG, LOC, OTH).
  extract::EntityType type = extract::EntityType::kOther;
  std::string name;  // the name most of its articles give it (ties: the longest)
  int64_t mentions = 0;  // in all articles
  int64_t articles = 0;  // articles that mention it
  std::vector<StoryId> stories;  // the stories of those articles, ascending
};

struct EntityQuery {
  // When set: only entities of this type (counted over their articles of that
  // type).
  std::optional<extract::EntityType> type;
  int64_t limit = -1;  // -1: all
  int64_t offset = 0;
};

// The largest story and storyline ids ever given out (aliases included); 0
// when none. New ids are these plus one.
struct LargestIds {
  StoryId story = 0;
  StorylineId storyline = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  // All writes between BeginBatch and CommitBatch become visible together, or
  // (after a crash, a kill or RollbackBatch) not at all. Writes outside a
  // batch commit one by one.
  virtual Status BeginBatch() = 0;
  virtual Status CommitBatch() = 0;
  virtual Status RollbackBatch() = 0;

  // Stores `article` (id and content_hash must be set; first_seen is the time
  // to record when the id is new). Sets article.revision and, for known ids,
  // article.first_seen to the stored one.
  virtual Result<PutOutcome> PutArticle(Article& article) = 0;

  // The latest revision (revision 0) or the given one. NotFound if absent.
  virtual Result<Article> GetArticle(std::string_view id, int revision = 0) = 0;
  // The stored revision numbers of `id`, ascending (empty when unknown).
  virtual Result<std::vector<int>> ListRevisions(std::string_view id) = 0;
  // Latest revisions ordered by publication date then id; `text` is left
  // empty to keep listings cheap.
  virtual Result<std::vector<Article>> ListArticles(const ListOptions& options) = 0;
  virtual Result<int64_t> CountArticles() = 0;

  // --- Stories ---------------------------------------------------------------
  // Story summaries (ListStories, GetStory) reflect every write of a batch
  // once it commits (and at once outside a batch).

  // Places the stored article `placement.article_id` into `placement.story`
  // (a new story when the id is unknown) and gives that story the storyline
  // `placement.storyline`. Placing an article again replaces its placement
  // and keeps its sequence; a story left without articles is removed.
  // NotFound when the article is not stored; InvalidArgument when story or
  // storyline is below 1, or the story id is an alias of a merged story.
  virtual Status PlaceArticle(const Placement& placement) = 0;
  // NotFound when the article is not placed (or not stored).
  virtual Result<Placement> GetPlacement(std::string_view article_id) = 0;
  // Placed articles in placement order (see PlacedQuery), for replaying them.
  virtual Result<std::vector<PlacedArticle>> ListPlacedArticles(const PlacedQuery& query) = 0;
  // Ids of the latest revisions without a placement, in ListArticles order.
  virtual Result<std::vector<std::string>> ListUnplacedArticles() = 0;

  // Moves every article of story `absorbed` into `survivor`, removes
  // `absorbed` and makes it (and every alias of it) an alias of `survivor`.
  // NotFound when either is not a live story; InvalidArgument when equal.
  virtual Status MergeStories(StoryId absorbed, StoryId survivor) = 0;
  // Moves every story of storyline `absorbed` into `survivor` and records
  // `absorbed` as an alias (so the id is never handed out again).
  // InvalidArgument when equal or below 1.
  virtual Status MergeStorylines(StorylineId absorbed, StorylineId survivor) = 0;
  // The live id of a story: `id` itself, or the survivor it was merged into.
  // NotFound when `id` was never a story.
  virtual Result<StoryId> ResolveStory(StoryId id) = 0;

  // One story (an alias resolves to its survivor). NotFound when unknown.
  virtual Result<StoryInfo> GetStory(StoryId id) = 0;
  // Live stories, newest first: by the date of their latest article
  // (undated stories last), then by id descending.
  virtual Result<std::vector<StoryInfo>> ListStories(const ListOptions& options) = 0;
  // The ids of a story's articles (an alias resolves), by publication date
  // then placement order; undated articles last.
  virtual Result<std::vector<std::string>> ListStoryArticles(StoryId id) = 0;
  // The live stories of a storyline (an alias resolves), by id. Empty when
  // the storyline has none.
  virtual Result<std::vector<StoryInfo>> ListStorylineStories(StorylineId storyline) = 0;
  virtual Result<int64_t> CountStories() = 0;
  virtual Result<LargestIds> GetLargestIds() = 0;

  // --- Extractions -----------------------------------------------------------
  // Each article keeps the extraction of its latest revision (offsets refer to
  // that revision's text). Storing a new revision drops the old extraction.

  // Stores (replacing any) the extraction of `article_id` at `revision`.
  // NotFound when that revision is not stored; InvalidArgument when it is not
  // the latest, or an index in `extraction` (Mention::entity,
  // Entity::mentions, Quote::speaker_entity) is out of range.
  virtual Status PutExtraction(std::string_view article_id, int revision,
                               const extract::Extraction& extraction) = 0;
  // The stored extraction of the article's latest revision, as it was put.
  // NotFound when there is none (the article is unknown or not extracted).
  virtual Result<extract::Extraction> GetExtraction(std::string_view article_id) = 0;
  // Ids of the latest revisions without an extraction (articles stored by an
  // older storyline), in ListArticles order.
  virtual Result<std::vector<std::string>> ListUnextractedArticles() = 0;
  // Entities, most mentioned first (then most articles, then by key). Cost:
  // reads one aggregate row per distinct key (the surname merge needs them
  // all), then a few indexed lookups per listed entity.
  virtual Result<std::vector<EntityInfo>> ListEntities(const EntityQuery& query) = 0;

  // The schema version after migrations.
  virtual int SchemaVersion() const = 0;
};

struct SqliteOptions {
  bool read_only = false;
  // With read_only: a database written by an older storyline is upgraded
  // to this build's schema first, through a connection opened for writing
  // (the file must be writable; the store returned stays read-only).
  // Without it such a read-only open fails and says why.
  bool upgrade = false;
  int busy_timeout_ms = 10000;
};

// Opens (creating when absent, unless read_only) a SQLite database in WAL
// mode and applies pending migrations. ":memory:" gives a private in-memory
// store. Errors name the file: unreadable, locked, not a database, or written
// by a newer storyline.
Result<std::unique_ptr<Store>> OpenSqlite(const std::string& path, const SqliteOptions& options = {});

// $STORYLINE_DB when set and non-empty, else "storyline.db".
std::string DefaultDatabasePath();

}  // namespace storyline::store

#endif  // STORYLINE_STORE_H_
