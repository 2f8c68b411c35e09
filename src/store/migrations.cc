#include "store/migrations.h"

#include <array>
#include <string>

#include <fmt/format.h>

#include "storyline/extract.h"

namespace storyline::store {
namespace {

// Step 1: articles with their revisions.
//
// Every revision is a row; `latest` marks the newest revision of each id, so
// that the latest-revision queries (get, list, count) run on partial indexes
// instead of a GROUP BY over all revisions. `published` keeps the ISO string
// exactly as precise as it was given ("2017-02" stays a month);
// `published_at` is its earliest instant in unix seconds, only for ordering.
constexpr std::string_view kV1Articles = R"sql(
CREATE TABLE articles (
  id                  TEXT    NOT NULL,
  revision            INTEGER NOT NULL CHECK (revision >= 1),
  latest              INTEGER NOT NULL CHECK (latest IN (0, 1)),
  url                 TEXT    NOT NULL,
  source              TEXT    NOT NULL,
  title               TEXT    NOT NULL,
  text                TEXT    NOT NULL,
  language            TEXT    NOT NULL,
  published           TEXT    NOT NULL,
  published_precision TEXT    NOT NULL
    CHECK (published_precision IN ('none', 'year', 'month', 'day', 'minute', 'second')),
  published_at        INTEGER,
  content_hash        TEXT    NOT NULL,
  first_seen          INTEGER NOT NULL,
  stored_at           INTEGER NOT NULL,
  origin              TEXT    NOT NULL,
  PRIMARY KEY (id, revision)
);
CREATE UNIQUE INDEX articles_latest_by_id ON articles (id) WHERE latest = 1;
CREATE INDEX articles_latest_by_published
  ON articles (published_at IS NULL, published_at, id) WHERE latest = 1;
CREATE INDEX articles_by_content_hash ON articles (content_hash);
)sql";

// Step 2: stories.
//
// `placements` says where an article (all its revisions; the latest is what
// counts) went: its story, the original it copies, and the headline it offers
// as a story title. `sequence` is the order in which articles were placed, so
// that the engine can replay them to its clusterer in the order it saw them.
// An article's storyline is its story's (`stories.storyline`), stored once per
// story so that merging storylines rewrites stories, not articles.
//
// `stories` is a summary maintained on write (the store recomputes a story's
// row from its placements whenever one of them changes, before the change
// commits), so listing stories newest first walks an index instead of
// grouping every article. `story_outlets` holds the distinct sources of each
// story. `story_aliases` maps the id of a story merged into another to the
// survivor (always a live story), so old ids keep resolving;
// `storyline_aliases` does the same for storylines, so that a merged-away
// storyline id is never handed out again.
constexpr std::string_view kV2Stories = R"sql(
CREATE TABLE stories (
  id              INTEGER PRIMARY KEY CHECK (id >= 1),
  storyline       INTEGER NOT NULL CHECK (storyline >= 1),
  title           TEXT    NOT NULL,
  article_count   INTEGER NOT NULL,
  first_published TEXT    NOT NULL,
  first_precision TEXT    NOT NULL,
  first_at        INTEGER,
  last_published  TEXT    NOT NULL,
  last_precision  TEXT    NOT NULL,
  last_at         INTEGER
);
CREATE INDEX stories_by_last ON stories (last_at IS NULL, last_at DESC, id DESC);
CREATE INDEX stories_by_storyline ON stories (storyline);
CREATE TABLE placements (
  sequence          INTEGER PRIMARY KEY,
  article_id        TEXT    NOT NULL UNIQUE,
  story             INTEGER NOT NULL REFERENCES stories (id),
  duplicate_of      TEXT    NOT NULL,
  duplicate_overlap REAL    NOT NULL,
  headline          TEXT    NOT NULL
);
CREATE INDEX placements_by_story ON placements (story);
CREATE TABLE story_outlets (
  story    INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  outlet   TEXT    NOT NULL,
  articles INTEGER NOT NULL,
  PRIMARY KEY (story, outlet)
) WITHOUT ROWID;
CREATE TABLE story_aliases (
  id    INTEGER PRIMARY KEY,
  story INTEGER NOT NULL REFERENCES stories (id)
);
CREATE INDEX story_aliases_by_story ON story_aliases (story);
CREATE TABLE storyline_aliases (
  id        INTEGER PRIMARY KEY,
  storyline INTEGER NOT NULL
);
)sql";

// Step 3: extractions (see src/store/README.md for why these are tables and
// not a blob).
//
// `extractions` has one row per extracted article, naming the revision whose
// text the offsets refer to; the other tables hang off it (ON DELETE CASCADE,
// so replacing an extraction is one DELETE and the inserts). Every item keeps
// its position in the extraction (`ordinal`), so that an extraction reads back
// exactly as it was put: Mention::entity, Entity::mentions and
// Quote::speaker_entity are ordinals. Keys lead with the article id, so one
// article's rows are contiguous (WITHOUT ROWID). `article_entities` carries
// the mention count per article and is indexed by canonical key for entity
// listings and the articles of an entity; `quotes` by speaker key for the
// statements of a person.
constexpr std::string_view kV3Extractions = R"sql(
CREATE TABLE extractions (
  article_id TEXT    PRIMARY KEY,
  revision   INTEGER NOT NULL,
  FOREIGN KEY (article_id, revision) REFERENCES articles (id, revision)
) WITHOUT ROWID;
CREATE TABLE article_entities (
  article_id TEXT    NOT NULL REFERENCES extractions (article_id) ON DELETE CASCADE,
  ordinal    INTEGER NOT NULL,
  canonical  TEXT    NOT NULL,
  type       TEXT    NOT NULL CHECK (type IN ('PER', 'ORG', 'LOC', 'OTH')),
  name       TEXT    NOT NULL,
  role       TEXT    NOT NULL,
  mentions   INTEGER NOT NULL,
  PRIMARY KEY (article_id, ordinal)
) WITHOUT ROWID;
CREATE INDEX article_entities_by_canonical ON article_entities (canonical, type);
CREATE TABLE entity_mentions (
  article_id TEXT    NOT NULL REFERENCES extractions (article_id) ON DELETE CASCADE,
  ordinal    INTEGER NOT NULL,
  entity     INTEGER NOT NULL,
  type       TEXT    NOT NULL CHECK (type IN ('PER', 'ORG', 'LOC', 'OTH')),
  span_begin INTEGER NOT NULL,
  span_end   INTEGER NOT NULL,
  text       TEXT    NOT NULL,
  PRIMARY KEY (article_id, ordinal)
) WITHOUT ROWID;
CREATE TABLE quotes (
  article_id     TEXT    NOT NULL REFERENCES extractions (article_id) ON DELETE CASCADE,
  ordinal        INTEGER NOT NULL,
  kind           TEXT    NOT NULL CHECK (kind IN ('direct', 'reported')),
  span_begin     INTEGER NOT NULL,
  span_end       INTEGER NOT NULL,
  cue_begin      INTEGER NOT NULL,
  cue_end        INTEGER NOT NULL,
  speaker_begin  INTEGER NOT NULL,
  speaker_end    INTEGER NOT NULL,
  text           TEXT    NOT NULL,
  cue            TEXT    NOT NULL,
  speaker        TEXT    NOT NULL,
  speaker_entity INTEGER NOT NULL,
  speaker_key    TEXT    NOT NULL,
  PRIMARY KEY (article_id, ordinal)
) WITHOUT ROWID;
CREATE INDEX quotes_by_speaker ON quotes (speaker_key) WHERE speaker_key != '';
CREATE TABLE figures (
  article_id TEXT    NOT NULL REFERENCES extractions (article_id) ON DELETE CASCADE,
  ordinal    INTEGER NOT NULL,
  span_begin INTEGER NOT NULL,
  span_end   INTEGER NOT NULL,
  text       TEXT    NOT NULL,
  value      REAL    NOT NULL,
  unit       TEXT    NOT NULL,
  counted    TEXT    NOT NULL,
  qualifier  TEXT    NOT NULL,
  PRIMARY KEY (article_id, ordinal)
) WITHOUT ROWID;
CREATE TABLE date_mentions (
  article_id TEXT    NOT NULL REFERENCES extractions (article_id) ON DELETE CASCADE,
  ordinal    INTEGER NOT NULL,
  span_begin INTEGER NOT NULL,
  span_end   INTEGER NOT NULL,
  text       TEXT    NOT NULL,
  value      TEXT    NOT NULL,
  precision  TEXT    NOT NULL
    CHECK (precision IN ('none', 'year', 'month', 'day', 'minute', 'second')),
  relative   INTEGER NOT NULL CHECK (relative IN (0, 1)),
  relation   TEXT    NOT NULL,
  PRIMARY KEY (article_id, ordinal)
) WITHOUT ROWID;
)sql";

// Step 4: the articles still to place and to extract.
//
// A run asks for them every time, and they are few while the articles are
// many: the queries of version 3 scanned every latest revision (about 0.1 s
// of CPU per run at 100,000 articles, growing with the store). Triggers keep
// these two tables exact, whoever writes: a latest revision without a
// placement (extraction) is listed until one is inserted. A revision of a
// placed article keeps its placement, so it is not listed as unplaced; its
// extraction is deleted with the old text, so it is listed as unextracted
// until the new one is put.
constexpr std::string_view kV4Pending = R"sql(
CREATE TABLE unplaced_articles (article_id TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE unextracted_articles (article_id TEXT PRIMARY KEY) WITHOUT ROWID;
INSERT INTO unplaced_articles
  SELECT a.id FROM articles a WHERE a.latest = 1 AND NOT EXISTS
    (SELECT 1 FROM placements p WHERE p.article_id = a.id);
INSERT INTO unextracted_articles
  SELECT a.id FROM articles a WHERE a.latest = 1 AND NOT EXISTS
    (SELECT 1 FROM extractions e WHERE e.article_id = a.id);
CREATE TRIGGER articles_pending AFTER INSERT ON articles WHEN NEW.latest = 1 BEGIN
  INSERT OR IGNORE INTO unplaced_articles SELECT NEW.id
    WHERE NOT EXISTS (SELECT 1 FROM placements WHERE article_id = NEW.id);
  INSERT OR IGNORE INTO unextracted_articles SELECT NEW.id
    WHERE NOT EXISTS (SELECT 1 FROM extractions WHERE article_id = NEW.id);
END;
CREATE TRIGGER placements_done AFTER INSERT ON placements BEGIN
  DELETE FROM unplaced_articles WHERE article_id = NEW.article_id;
END;
CREATE TRIGGER extractions_done AFTER INSERT ON extractions BEGIN
  DELETE FROM unextracted_articles WHERE article_id = NEW.article_id;
END;
)sql";

// Step 5: entity keys computed again from the stored names.
//
// extract::CanonicalKey took a hyphen for part of a word, so "Heinz-Christian
// Strache" and "Heinz Christian Strache" had two keys; it now reads it as a
// space. The keys of the stored entities are computed again from their names
// by this build's CanonicalKey (the SQL function storyline_entity_key, which
// Migrate registers), and a quotation's speaker key is its entity's key again.
constexpr std::string_view kV5EntityKeys = R"sql(
UPDATE article_entities SET canonical = storyline_entity_key(name)
  WHERE canonical != storyline_entity_key(name);
UPDATE quotes SET speaker_key = (SELECT e.canonical FROM article_entities e
    WHERE e.article_id = quotes.article_id AND e.ordinal = quotes.speaker_entity)
  WHERE speaker_entity >= 0;
)sql";

// Step 6: entity keys computed again, as in step 5: a declined form of a
// listed organisation or location ("des Statistischen Bundesamtes") now has
// the listed name's key ("statistisches bundesamt").
constexpr std::string_view kV6DeclinedNameKeys = kV5EntityKeys;

// Step 7: entity keys computed again, as in step 5: only the roles and titles
// that open a name are dropped from its key ("Peter Kaiser" had the key
// "peter", "kaiser" ending as a role does; "Peking" had none, for the
// English "king").
constexpr std::string_view kV7LeadingRoleKeys = kV5EntityKeys;

constexpr std::array<Migration, 7> kMigrations = {{
    {1, "articles and revisions", kV1Articles},
    {2, "stories, placements and story aliases", kV2Stories},
    {3, "extractions: entities, mentions, quotes, figures and dates", kV3Extractions},
    {4, "the articles still to place and to extract", kV4Pending},
    {5, "entity keys computed again from the names", kV5EntityKeys},
    {6, "entity keys of declined names computed again", kV6DeclinedNameKeys},
    {7, "entity keys without the roles inside names computed again", kV7LeadingRoleKeys},
}};

Result<int> UserVersion(Connection& db) {
  Result<int64_t> v = db.QueryInt("PRAGMA user_version", "cannot read the schema version");
  if (!v.ok()) return v.status();
  return static_cast<int>(*v);
}

struct Header {
  int version = 0;
  int64_t application_id = 0;
  int64_t schema_objects = 0;
};

// One statement, so one snapshot: read separately, another process's
// migration could commit in between and make its tables look foreign.
Result<Header> ReadHeader(Connection& db) {
  Result<Statement> stmt = db.Prepare(
      "SELECT (SELECT user_version FROM pragma_user_version), "
      "(SELECT application_id FROM pragma_application_id), (SELECT count(*) FROM sqlite_schema)");
  if (!stmt.ok()) return stmt.status();
  Result<bool> row = stmt->Step("cannot read the schema version");
  if (!row.ok()) return row.status();
  if (!*row) return Status::Internal(fmt::format("{}: cannot read the schema version", db.path()));
  return Header{stmt->ColumnInt(0), stmt->ColumnInt64(1), stmt->ColumnInt64(2)};
}

// A file SQLite accepts but another program wrote: refuse to add our tables.
Status CheckOwnership(const Connection& db, const Header& header) {
  if (header.application_id == kApplicationId) return Status::Ok();
  if (header.application_id != 0) {
    return Status::InvalidArgument(fmt::format(
        "{}: not a storyline database (it is a SQLite database of another program, application id "
        "{:#x})",
        db.path(), header.application_id));
  }
  if (header.version != 0) {
    return Status::InvalidArgument(fmt::format(
        "{}: not a storyline database (schema version {} but no storyline application id)", db.path(),
        header.version));
  }
  if (header.schema_objects != 0) {
    return Status::InvalidArgument(fmt::format(
        "{}: not a storyline database (a SQLite database with {} tables or indexes of another "
        "program); choose a new file",
        db.path(), header.schema_objects));
  }
  return Status::Ok();
}

// storyline_entity_key(name): extract::CanonicalKey, for the steps that
// compute entity keys.
void EntityKeyFunction(sqlite3_context* context, int /*argc*/, sqlite3_value** argv) {
  const auto* name = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
  if (name == nullptr) {
    sqlite3_result_null(context);
    return;
  }
  const std::string key =
      extract::CanonicalKey(std::string_view(name, static_cast<size_t>(sqlite3_value_bytes(argv[0]))));
  sqlite3_result_text(context, key.data(), static_cast<int>(key.size()), SQLITE_TRANSIENT);
}

// true when this call applied the step, false when another connection had.
Result<bool> ApplyStep(Connection& db, const Migration& step) {
  const std::string what = fmt::format("cannot upgrade the schema to version {} ({})", step.version, step.summary);
  // IMMEDIATE takes the write lock up front (waiting up to the busy timeout),
  // and the version is re-read under it: another process opening the same
  // file may have applied the step meanwhile.
  STORYLINE_RETURN_IF_ERROR(db.Exec("BEGIN IMMEDIATE", what));
  bool applied = false;
  auto run = [&]() -> Status {
    Result<int> current = UserVersion(db);
    if (!current.ok()) return current.status();
    if (*current >= step.version) return db.Exec("COMMIT", what);
    if (*current != step.version - 1) {
      return Status::Internal(fmt::format("{}: {}: the database is at version {}", db.path(), what, *current));
    }
    STORYLINE_RETURN_IF_ERROR(db.Exec(std::string(step.sql), what));
    // PRAGMAs take no parameters; both values are our own integers.
    STORYLINE_RETURN_IF_ERROR(
        db.Exec(fmt::format("PRAGMA application_id = {}; PRAGMA user_version = {}", kApplicationId, step.version),
                what));
    STORYLINE_RETURN_IF_ERROR(db.Exec("COMMIT", what));
    applied = true;
    return Status::Ok();
  };
  Status status = run();
  if (!status.ok()) {
    if (sqlite3_get_autocommit(db.get()) == 0) (void)db.Exec("ROLLBACK", what);
    return status;
  }
  return applied;
}

}  // namespace

std::span<const Migration> SqliteMigrations() { return kMigrations; }

int LatestSchemaVersion() { return kMigrations.back().version; }

Result<bool> NeedsMigration(Connection& db, std::span<const Migration> steps) {
  Result<Header> header = ReadHeader(db);
  if (!header.ok()) return header.status();
  const int latest = steps.empty() ? 0 : steps.back().version;
  return header->application_id == kApplicationId && header->version < latest;
}

Result<MigrationResult> Migrate(Connection& db, std::span<const Migration> steps, bool read_only) {
  Result<Header> header = ReadHeader(db);
  if (!header.ok()) return header.status();
  const int version = header->version;
  MigrationResult result;
  result.from_version = version;
  result.to_version = version;
  const int latest = steps.empty() ? 0 : steps.back().version;
  if (version > latest) {
    return Status::Unsupported(fmt::format(
        "{}: the database has schema version {}, written by a newer storyline; this storyline "
        "knows versions up to {}. Upgrade storyline to open it",
        db.path(), version, latest));
  }
  STORYLINE_RETURN_IF_ERROR(CheckOwnership(db, *header));
  if (version == latest) return result;
  if (read_only) {
    return Status::InvalidArgument(fmt::format(
        "{}: the database has schema version {} and needs upgrading to {}, which a read-only open "
        "cannot do; open it once for writing",
        db.path(), version, latest));
  }
  if (sqlite3_create_function_v2(db.get(), "storyline_entity_key", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                                 EntityKeyFunction, nullptr, nullptr, nullptr) != SQLITE_OK) {
    return Status::Internal(
        fmt::format("{}: cannot register storyline_entity_key: {}", db.path(), sqlite3_errmsg(db.get())));
  }
  for (const Migration& step : steps) {
    if (step.version <= result.to_version) continue;
    Result<bool> applied = ApplyStep(db, step);
    if (!applied.ok()) return applied.status();
    result.to_version = step.version;
    if (*applied) ++result.applied;
  }
  return result;
}

}  // namespace storyline::store
