// The SQLite backend of storyline::store::Store.
//
// Every revision of an article is a row of `articles` (see migrations.cc);
// the newest one per id carries latest = 1. Writes outside a batch run in
// their own BEGIN IMMEDIATE transaction; inside a batch each PutArticle is a
// savepoint, so a failed put leaves the rest of the batch intact.
#include <chrono>
#include <filesystem>
#include <string>
#include <system_error>
#include <utility>

#include <fmt/format.h>

#include "store/migrations.h"
#include "store/sqlite_connection.h"
#include "storyline/store.h"

namespace storyline::store {
namespace {

constexpr const char* kSelectColumns =
    "SELECT id, revision, url, source, title, language, published, published_precision, "
    "content_hash, first_seen, origin, text FROM articles ";
constexpr int kTextColumn = 11;

struct Written {
  PutOutcome outcome;
  int revision;
  int64_t first_seen;
};

int64_t NowUnixSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

class SqliteStore final : public Store {
 public:
  SqliteStore(Connection db, int schema_version, bool read_only)
      : db_(std::move(db)), schema_version_(schema_version), read_only_(read_only) {}

  ~SqliteStore() override {
    // Closing would roll back too; doing it here keeps the intent visible.
    if (in_batch_ && sqlite3_get_autocommit(db_.get()) == 0) {
      (void)db_.Exec("ROLLBACK", "cannot roll back the open batch");
    }
  }

  Status BeginBatch() override {
    if (in_batch_) {
      return Status::InvalidArgument(
          fmt::format("{}: a batch is already open; commit or roll it back first", db_.path()));
    }
    STORYLINE_RETURN_IF_ERROR(db_.Exec("BEGIN IMMEDIATE", "cannot begin a batch"));
    in_batch_ = true;
    return Status::Ok();
  }

  Status CommitBatch() override {
    if (!in_batch_) return NoBatch("commit");
    if (sqlite3_get_autocommit(db_.get()) != 0) {
      in_batch_ = false;
      return Status::IoError(fmt::format(
          "{}: the batch was rolled back by SQLite after an earlier error; none of its articles "
          "were stored",
          db_.path()));
    }
    Status status = db_.Exec("COMMIT", "cannot commit the batch");
    if (!status.ok()) {
      // A failed COMMIT may leave the transaction open; nothing of it is kept.
      if (sqlite3_get_autocommit(db_.get()) == 0) (void)db_.Exec("ROLLBACK", "cannot roll back");
    }
    in_batch_ = false;
    return status;
  }

  Status RollbackBatch() override {
    if (!in_batch_) return NoBatch("roll back");
    in_batch_ = false;
    if (sqlite3_get_autocommit(db_.get()) != 0) return Status::Ok();  // SQLite already did
    return db_.Exec("ROLLBACK", "cannot roll back the batch");
  }

  Result<PutOutcome> PutArticle(Article& article) override {
    if (article.id.empty()) {
      return Status::InvalidArgument(fmt::format("{}: cannot store an article without an id", db_.path()));
    }
    if (article.content_hash.empty()) {
      return Status::InvalidArgument(
          fmt::format("{}: cannot store article '{}': it has no content hash", db_.path(), article.id));
    }
    const std::string what = fmt::format("cannot store article '{}'", article.id);
    if (read_only_) {
      return Status::InvalidArgument(fmt::format("{}: {}: the database is open read-only", db_.path(), what));
    }
    if (in_batch_ && sqlite3_get_autocommit(db_.get()) != 0) {
      return Status::IoError(fmt::format(
          "{}: {}: the batch was rolled back by SQLite after an earlier error; roll it back and "
          "start a new one",
          db_.path(), what));
    }

    const bool own_transaction = !in_batch_;
    STORYLINE_RETURN_IF_ERROR(db_.Exec(own_transaction ? "BEGIN IMMEDIATE" : "SAVEPOINT put_article", what));
    Result<Written> written = Write(article, what);
    Status status = written.ok() ? Status::Ok() : written.status();
    if (status.ok()) {
      status = db_.Exec(own_transaction ? "COMMIT" : "RELEASE put_article", what);
    }
    if (!status.ok()) {
      if (sqlite3_get_autocommit(db_.get()) == 0) {
        (void)db_.Exec(own_transaction ? "ROLLBACK" : "ROLLBACK TO put_article; RELEASE put_article", what);
      }
      return status;
    }
    article.revision = written->revision;
    article.first_seen = written->first_seen;
    return written->outcome;
  }

  Result<Article> GetArticle(std::string_view id, int revision) override {
    if (revision < 0) {
      return Status::InvalidArgument(
          fmt::format("{}: article '{}': revision {} is not a revision number (1, 2, ... or 0 for the latest)",
                      db_.path(), id, revision));
    }
    Result<Statement> stmt = revision == 0
                                 ? db_.Prepare(std::string(kSelectColumns) + "WHERE id = ?1 AND latest = 1")
                                 : db_.Prepare(std::string(kSelectColumns) + "WHERE id = ?1 AND revision = ?2");
    if (!stmt.ok()) return stmt.status();
    stmt->Bind(1, id);
    if (revision != 0) stmt->Bind(2, revision);
    const std::string what = fmt::format("cannot read article '{}'", id);
    Result<bool> row = stmt->Step(what);
    if (!row.ok()) return row.status();
    if (!*row) {
      if (revision == 0) return Status::NotFound(fmt::format("{}: no article with id '{}'", db_.path(), id));
      return Status::NotFound(fmt::format("{}: article '{}' has no revision {}", db_.path(), id, revision));
    }
    return ReadArticle(*stmt, /*with_text=*/true);
  }

  Result<std::vector<int>> ListRevisions(std::string_view id) override {
    Result<Statement> stmt = db_.Prepare("SELECT revision FROM articles WHERE id = ?1 ORDER BY revision");
    if (!stmt.ok()) return stmt.status();
    stmt->Bind(1, id);
    std::vector<int> revisions;
    const std::string what = fmt::format("cannot list the revisions of article '{}'", id);
    for (;;) {
      Result<bool> row = stmt->Step(what);
      if (!row.ok()) return row.status();
      if (!*row) return revisions;
      revisions.push_back(stmt->ColumnInt(0));
    }
  }

  Result<std::vector<Article>> ListArticles(const ListOptions& options) override {
    if (options.limit < -1 || options.offset < 0) {
      return Status::InvalidArgument(fmt::format(
          "{}: cannot list articles with limit {} and offset {} (limit -1 or more, offset 0 or more)",
          db_.path(), options.limit, options.offset));
    }
    // The ORDER BY repeats the index expression of articles_latest_by_published
    // so that SQLite walks the index instead of sorting; undated articles last.
    Result<Statement> stmt = db_.Prepare(
        "SELECT id, revision, url, source, title, language, published, published_precision, "
        "content_hash, first_seen, origin FROM articles WHERE latest = 1 "
        "ORDER BY published_at IS NULL, published_at, id LIMIT ?1 OFFSET ?2");
    if (!stmt.ok()) return stmt.status();
    stmt->Bind(1, options.limit).Bind(2, options.offset);
    std::vector<Article> articles;
    for (;;) {
      Result<bool> row = stmt->Step("cannot list articles");
      if (!row.ok()) return row.status();
      if (!*row) return articles;
      Result<Article> article = ReadArticle(*stmt, /*with_text=*/false);
      if (!article.ok()) return article.status();
      articles.push_back(std::move(article).value());
    }
  }

  Result<int64_t> CountArticles() override {
    return db_.QueryInt("SELECT count(*) FROM articles WHERE latest = 1", "cannot count articles");
  }

  int SchemaVersion() const override { return schema_version_; }

 private:
  Status NoBatch(std::string_view verb) const {
    return Status::InvalidArgument(
        fmt::format("{}: cannot {} a batch: no batch is open (call BeginBatch first)", db_.path(), verb));
  }

  // Runs inside a transaction or savepoint; does not touch `article`.
  Result<Written> Write(const Article& article, std::string_view what) {
    Written written{PutOutcome::kNew, 1, article.first_seen};
    {
      Result<Statement> latest = db_.Prepare(
          "SELECT revision, content_hash, first_seen FROM articles WHERE id = ?1 AND latest = 1");
      if (!latest.ok()) return latest.status();
      latest->Bind(1, article.id);
      Result<bool> row = latest->Step(what);
      if (!row.ok()) return row.status();
      if (*row) {
        written.revision = latest->ColumnInt(0);
        written.first_seen = latest->ColumnInt64(2);
        if (latest->ColumnText(1) == article.content_hash) {
          written.outcome = PutOutcome::kUnchanged;
          return written;
        }
        written.outcome = PutOutcome::kRevised;
        ++written.revision;
      }
    }
    if (written.outcome == PutOutcome::kRevised) {
      Result<Statement> demote = db_.Prepare("UPDATE articles SET latest = 0 WHERE id = ?1 AND latest = 1");
      if (!demote.ok()) return demote.status();
      demote->Bind(1, article.id);
      STORYLINE_RETURN_IF_ERROR(demote->Run(what));
    }
    Result<Statement> insert = db_.Prepare(
        "INSERT INTO articles (id, revision, latest, url, source, title, text, language, published, "
        "published_precision, published_at, content_hash, first_seen, stored_at, origin) "
        "VALUES (?1, ?2, 1, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
    if (!insert.ok()) return insert.status();
    insert->Bind(1, article.id)
        .Bind(2, written.revision)
        .Bind(3, article.url)
        .Bind(4, article.source)
        .Bind(5, article.title)
        .Bind(6, article.text)
        .Bind(7, article.language)
        .Bind(8, article.published.ToIso())
        .Bind(9, DatePrecisionName(article.published.precision));
    if (article.published.known()) {
      insert->Bind(10, article.published.EpochSeconds());
    } else {
      insert->BindNull(10);
    }
    insert->Bind(11, article.content_hash)
        .Bind(12, written.first_seen)
        .Bind(13, NowUnixSeconds())
        .Bind(14, article.origin);
    STORYLINE_RETURN_IF_ERROR(insert->Run(what));
    return written;
  }

  // Reads a row of kSelectColumns (the text column only when `with_text`).
  Result<Article> ReadArticle(const Statement& row, bool with_text) const {
    Article a;
    a.id = row.ColumnText(0);
    a.revision = row.ColumnInt(1);
    a.url = row.ColumnText(2);
    a.source = row.ColumnText(3);
    a.title = row.ColumnText(4);
    a.language = row.ColumnText(5);
    const std::string published = row.ColumnText(6);
    const std::string precision_name = row.ColumnText(7);
    a.content_hash = row.ColumnText(8);
    a.first_seen = row.ColumnInt64(9);
    a.origin = row.ColumnText(10);
    if (with_text) a.text = row.ColumnText(kTextColumn);

    auto corrupt = [&](std::string_view why) {
      return Status::Corruption(fmt::format("{}: article '{}' revision {}: stored publication date '{}' ({}): {}",
                                            db_.path(), a.id, a.revision, published, precision_name, why));
    };
    Result<DatePrecision> precision = ParseDatePrecision(precision_name);
    if (!precision.ok()) return corrupt(precision.status().message());
    if (*precision != DatePrecision::kNone) {
      Result<PublishedDate> date = ParsePublishedDate(published);
      if (!date.ok()) return corrupt(date.status().message());
      if (date->precision != *precision) return corrupt("the date and its precision disagree");
      a.published = *date;
    } else if (!published.empty()) {
      return corrupt("a date without a precision");
    }
    return a;
  }

  Connection db_;
  int schema_version_;
  bool read_only_;
  bool in_batch_ = false;
};

}  // namespace

Result<std::unique_ptr<Store>> OpenSqlite(const std::string& path, const SqliteOptions& options) {
  if (path.empty()) return Status::InvalidArgument("no database file given");
  const bool in_memory = path == ":memory:";
  if (options.read_only && !in_memory) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
      return Status::NotFound(fmt::format(
          "{}: no such database file (opened read-only, so it is not created)", path));
    }
  }
  // One thread at a time per Store, so SQLite's own mutexes are not needed.
  const int flags = (options.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
                    SQLITE_OPEN_NOMUTEX;
  Result<Connection> opened = Connection::Open(path, flags);
  if (!opened.ok()) return opened.status();
  Connection& db = *opened;

  sqlite3_busy_timeout(db.get(), options.busy_timeout_ms);
  STORYLINE_RETURN_IF_ERROR(db.Exec("PRAGMA foreign_keys = ON", "cannot enable foreign keys"));
  // Migrate first: it refuses files that are not (or not yet) ours before
  // anything is written to them, including the switch to WAL.
  Result<MigrationResult> migrated = Migrate(db, SqliteMigrations(), options.read_only);
  if (!migrated.ok()) return migrated.status();
  if (!options.read_only) {
    std::string journal_mode;
    {
      Result<Statement> mode = db.Prepare("PRAGMA journal_mode = WAL");
      if (!mode.ok()) return mode.status();
      Result<bool> row = mode->Step("cannot switch to WAL mode");
      if (!row.ok()) return row.status();
      if (*row) journal_mode = mode->ColumnText(0);
    }
    if (journal_mode != "wal" && !(in_memory && journal_mode == "memory")) {
      return Status::IoError(fmt::format(
          "{}: cannot switch to WAL mode (journal mode is '{}'); is the file on a network file "
          "system?",
          path, journal_mode));
    }
    STORYLINE_RETURN_IF_ERROR(db.Exec("PRAGMA synchronous = NORMAL", "cannot set synchronous mode"));
  }
  return std::unique_ptr<Store>(
      std::make_unique<SqliteStore>(std::move(db), migrated->to_version, options.read_only));
}

}  // namespace storyline::store
