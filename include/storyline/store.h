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
#include <string>
#include <string_view>
#include <vector>

#include "storyline/article.h"
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

  // The schema version after migrations.
  virtual int SchemaVersion() const = 0;
};

struct SqliteOptions {
  bool read_only = false;
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
