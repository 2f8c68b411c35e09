// The SQLite backend of storyline::store::Store.
//
// Every revision of an article is a row of `articles` (see migrations.cc);
// the newest one per id carries latest = 1. Writes outside a batch run in
// their own BEGIN IMMEDIATE transaction; inside a batch each PutArticle is a
// savepoint, so a failed put leaves the rest of the batch intact.
//
// Story summaries (`stories`, `story_outlets`; see migrations.cc) are derived
// from placements and articles. Every write that can change one marks the
// story dirty; dirty stories are recomputed (one indexed pass over the story's
// articles each) just before the transaction commits: at CommitBatch, or at
// the end of a write outside a batch. That keeps a batch of 500 placements at
// one recomputation per touched story instead of one per placement.
#include <chrono>
#include <filesystem>
#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <system_error>
#include <thread>
#include <utility>

#include <fmt/format.h>

#include "store/migrations.h"
#include "store/sqlite_connection.h"
#include "storyline/extract.h"
#include "storyline/store.h"

namespace storyline::store {
namespace {

constexpr const char* kSelectColumns =
    "SELECT id, revision, url, source, title, language, published, published_precision, "
    "content_hash, first_seen, origin, text FROM articles ";
constexpr int kTextColumn = 11;

constexpr const char* kStoryColumns =
    "SELECT id, storyline, title, article_count, first_published, first_precision, last_published, "
    "last_precision FROM stories ";

struct Written {
  PutOutcome outcome;
  int revision;
  int64_t first_seen;
};

std::optional<extract::EntityType> ParseEntityType(std::string_view name) {
  for (extract::EntityType t : {extract::EntityType::kPerson, extract::EntityType::kOrganization,
                                extract::EntityType::kLocation, extract::EntityType::kOther}) {
    if (extract::EntityTypeName(t) == name) return t;
  }
  return std::nullopt;
}

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
    Status status = RefreshDirtyStories();
    if (status.ok()) status = db_.Exec("COMMIT", "cannot commit the batch");
    dirty_.clear();
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
    dirty_.clear();
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
    Written written{};
    STORYLINE_RETURN_IF_ERROR(Mutate(what, [&]() -> Status {
      Result<Written> w = Write(article, what);
      if (!w.ok()) return w.status();
      written = *w;
      return Status::Ok();
    }));
    article.revision = written.revision;
    article.first_seen = written.first_seen;
    return written.outcome;
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


  // --- Stories ---------------------------------------------------------------

  Status PlaceArticle(const Placement& p) override {
    const std::string what = fmt::format("cannot place article '{}' in story {}", p.article_id, p.story);
    if (p.article_id.empty()) {
      return Status::InvalidArgument(fmt::format("{}: cannot place an article without an id", db_.path()));
    }
    if (p.story < 1 || p.storyline < 1) {
      return Status::InvalidArgument(fmt::format(
          "{}: {}: story and storyline ids start at 1 (got storyline {})", db_.path(), what, p.storyline));
    }
    return Mutate(what, [&]() -> Status {
      {
        Result<Statement> exists = db_.Prepare("SELECT 1 FROM articles WHERE id = ?1 AND latest = 1");
        if (!exists.ok()) return exists.status();
        exists->Bind(1, p.article_id);
        Result<bool> row = exists->Step(what);
        if (!row.ok()) return row.status();
        if (!*row) return Status::NotFound(fmt::format("{}: {}: no article with that id", db_.path(), what));
      }
      {
        Result<Statement> alias = db_.Prepare("SELECT story FROM story_aliases WHERE id = ?1");
        if (!alias.ok()) return alias.status();
        alias->Bind(1, p.story);
        Result<bool> row = alias->Step(what);
        if (!row.ok()) return row.status();
        if (*row) {
          return Status::InvalidArgument(fmt::format("{}: {}: story {} was merged into story {}", db_.path(),
                                                     what, p.story, alias->ColumnInt64(0)));
        }
      }
      Result<std::optional<StoryId>> before = PlacedStory(p.article_id, what);
      if (!before.ok()) return before.status();
      if (*before) dirty_.insert(**before);
      Result<Statement> story = db_.Prepare(
          "INSERT INTO stories (id, storyline, title, article_count, first_published, first_precision, "
          "last_published, last_precision) VALUES (?1, ?2, '', 0, '', 'none', '', 'none') "
          "ON CONFLICT (id) DO UPDATE SET storyline = excluded.storyline");
      if (!story.ok()) return story.status();
      story->Bind(1, p.story).Bind(2, p.storyline);
      STORYLINE_RETURN_IF_ERROR(story->Run(what));
      Result<Statement> place = db_.Prepare(
          "INSERT INTO placements (article_id, story, duplicate_of, duplicate_overlap, headline) "
          "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (article_id) DO UPDATE SET story = excluded.story, "
          "duplicate_of = excluded.duplicate_of, duplicate_overlap = excluded.duplicate_overlap, "
          "headline = excluded.headline");
      if (!place.ok()) return place.status();
      place->Bind(1, p.article_id)
          .Bind(2, p.story)
          .Bind(3, p.duplicate_of)
          .Bind(4, p.duplicate_of.empty() ? 0.0 : p.duplicate_overlap)
          .Bind(5, p.headline);
      STORYLINE_RETURN_IF_ERROR(place->Run(what));
      dirty_.insert(p.story);
      return Status::Ok();
    });
  }

  Result<Placement> GetPlacement(std::string_view article_id) override {
    Result<Statement> stmt = db_.Prepare(
        "SELECT p.article_id, p.story, s.storyline, p.duplicate_of, p.duplicate_overlap, p.headline, "
        "p.sequence FROM placements p JOIN stories s ON s.id = p.story WHERE p.article_id = ?1");
    if (!stmt.ok()) return stmt.status();
    stmt->Bind(1, article_id);
    Result<bool> row = stmt->Step(fmt::format("cannot read the placement of article '{}'", article_id));
    if (!row.ok()) return row.status();
    if (!*row) {
      return Status::NotFound(fmt::format("{}: article '{}' is not placed in a story", db_.path(), article_id));
    }
    return ReadPlacement(*stmt, 0);
  }

  Result<std::vector<PlacedArticle>> ListPlacedArticles(const PlacedQuery& query) override {
    if (query.limit < 0 || query.after_sequence < 0) {
      return Status::InvalidArgument(fmt::format(
          "{}: cannot list placed articles with limit {} after sequence {} (both 0 or more)", db_.path(),
          query.limit, query.after_sequence));
    }
    Result<Statement> stmt = db_.Prepare(
        "SELECT a.id, a.revision, a.url, a.source, a.title, a.language, a.published, "
        "a.published_precision, a.content_hash, a.first_seen, a.origin, a.text, "
        "p.article_id, p.story, s.storyline, p.duplicate_of, p.duplicate_overlap, p.headline, p.sequence "
        "FROM placements p JOIN articles a ON a.id = p.article_id AND a.latest = 1 "
        "JOIN stories s ON s.id = p.story "
        "WHERE p.sequence > ?1 AND (?2 = 0 OR a.published_at IS NULL OR a.published_at >= ?3) "
        "ORDER BY p.sequence LIMIT ?4");
    if (!stmt.ok()) return stmt.status();
    stmt->Bind(1, query.after_sequence)
        .Bind(2, query.published_from ? 1 : 0)
        .Bind(3, query.published_from.value_or(0))
        .Bind(4, query.limit);
    std::vector<PlacedArticle> out;
    for (;;) {
      Result<bool> row = stmt->Step("cannot list placed articles");
      if (!row.ok()) return row.status();
      if (!*row) return out;
      Result<Article> article = ReadArticle(*stmt, /*with_text=*/true);
      if (!article.ok()) return article.status();
      out.push_back({std::move(article).value(), ReadPlacement(*stmt, kTextColumn + 1)});
    }
  }

  Result<std::vector<std::string>> ListUnplacedArticles() override {
    Result<Statement> stmt = db_.Prepare(
        "SELECT a.id FROM unplaced_articles u JOIN articles a ON a.id = u.article_id AND a.latest = 1 "
        "ORDER BY a.published_at IS NULL, a.published_at, a.id");
    if (!stmt.ok()) return stmt.status();
    return FirstColumnTexts(*stmt, "cannot list the articles without a story");
  }

  Status MergeStories(StoryId absorbed, StoryId survivor) override {
    const std::string what = fmt::format("cannot merge story {} into story {}", absorbed, survivor);
    if (absorbed == survivor) {
      return Status::InvalidArgument(fmt::format("{}: {}: a story cannot be merged into itself", db_.path(), what));
    }
    return Mutate(what, [&]() -> Status {
      for (StoryId id : {absorbed, survivor}) {
        Result<bool> live = IsLiveStory(id, what);
        if (!live.ok()) return live.status();
        if (!*live) return Status::NotFound(fmt::format("{}: {}: there is no story {}", db_.path(), what, id));
      }
      // The placements and aliases move before the row goes: they refer to it.
      for (const char* sql : {"UPDATE placements SET story = ?2 WHERE story = ?1",
                              "UPDATE story_aliases SET story = ?2 WHERE story = ?1",
                              "INSERT INTO story_aliases (id, story) VALUES (?1, ?2)"}) {
        Result<Statement> stmt = db_.Prepare(sql);
        if (!stmt.ok()) return stmt.status();
        stmt->Bind(1, absorbed).Bind(2, survivor);
        STORYLINE_RETURN_IF_ERROR(stmt->Run(what));
      }
      Result<Statement> remove = db_.Prepare("DELETE FROM stories WHERE id = ?1");
      if (!remove.ok()) return remove.status();
      remove->Bind(1, absorbed);
      STORYLINE_RETURN_IF_ERROR(remove->Run(what));
      dirty_.erase(absorbed);
      dirty_.insert(survivor);
      return Status::Ok();
    });
  }

  Status MergeStorylines(StorylineId absorbed, StorylineId survivor) override {
    const std::string what = fmt::format("cannot merge storyline {} into storyline {}", absorbed, survivor);
    if (absorbed == survivor || absorbed < 1 || survivor < 1) {
      return Status::InvalidArgument(
          fmt::format("{}: {}: two different storyline ids (1 or more) are needed", db_.path(), what));
    }
    return Mutate(what, [&]() -> Status {
      for (const char* sql : {"UPDATE stories SET storyline = ?2 WHERE storyline = ?1",
                              "UPDATE storyline_aliases SET storyline = ?2 WHERE storyline = ?1",
                              "INSERT OR REPLACE INTO storyline_aliases (id, storyline) VALUES (?1, ?2)"}) {
        Result<Statement> stmt = db_.Prepare(sql);
        if (!stmt.ok()) return stmt.status();
        stmt->Bind(1, absorbed).Bind(2, survivor);
        STORYLINE_RETURN_IF_ERROR(stmt->Run(what));
      }
      return Status::Ok();
    });
  }

  Result<StoryId> ResolveStory(StoryId id) override {
    const std::string what = fmt::format("cannot resolve story {}", id);
    Result<bool> live = IsLiveStory(id, what);
    if (!live.ok()) return live.status();
    if (*live) return id;
    Result<Statement> alias = db_.Prepare("SELECT story FROM story_aliases WHERE id = ?1");
    if (!alias.ok()) return alias.status();
    alias->Bind(1, id);
    Result<bool> row = alias->Step(what);
    if (!row.ok()) return row.status();
    if (!*row) return Status::NotFound(fmt::format("{}: there is no story {}", db_.path(), id));
    return alias->ColumnInt64(0);
  }

  Result<StoryInfo> GetStory(StoryId id) override {
    Result<StoryId> resolved = ResolveStory(id);
    if (!resolved.ok()) return resolved.status();
    Result<Statement> stmt = db_.Prepare(std::string(kStoryColumns) + "WHERE id = ?1");
    if (!stmt.ok()) return stmt.status();
    stmt->Bind(1, *resolved);
    Result<bool> row = stmt->Step(fmt::format("cannot read story {}", id));
    if (!row.ok()) return row.status();
    if (!*row) return Status::NotFound(fmt::format("{}: there is no story {}", db_.path(), id));
    Result<StoryInfo> story = ReadStory(*stmt);
    if (!story.ok()) return story.status();
    STORYLINE_RETURN_IF_ERROR(ReadOutlets(*story));
    return story;
  }

  Result<std::vector<StoryInfo>> ListStories(const ListOptions& options) override {
    if (options.limit < -1 || options.offset < 0) {
      return Status::InvalidArgument(fmt::format(
          "{}: cannot list stories with limit {} and offset {} (limit -1 or more, offset 0 or more)",
          db_.path(), options.limit, options.offset));
    }
    std::vector<StoryInfo> stories;
    {
      // The ORDER BY repeats the expression of stories_by_last: an index walk.
      Result<Statement> stmt = db_.Prepare(std::string(kStoryColumns) +
                                           "ORDER BY last_at IS NULL, last_at DESC, id DESC LIMIT ?1 OFFSET ?2");
      if (!stmt.ok()) return stmt.status();
      stmt->Bind(1, options.limit).Bind(2, options.offset);
      for (;;) {
        Result<bool> row = stmt->Step("cannot list stories");
        if (!row.ok()) return row.status();
        if (!*row) break;
        Result<StoryInfo> story = ReadStory(*stmt);
        if (!story.ok()) return story.status();
        stories.push_back(std::move(story).value());
      }
    }
    for (StoryInfo& story : stories) STORYLINE_RETURN_IF_ERROR(ReadOutlets(story));
    return stories;
  }

  Result<std::vector<std::string>> ListStoryArticles(StoryId id) override {
    Result<StoryId> resolved = ResolveStory(id);
    if (!resolved.ok()) return resolved.status();
    Result<Statement> stmt = db_.Prepare(
        "SELECT p.article_id FROM placements p JOIN articles a ON a.id = p.article_id AND a.latest = 1 "
        "WHERE p.story = ?1 ORDER BY a.published_at IS NULL, a.published_at, p.sequence");
    if (!stmt.ok()) return stmt.status();
    stmt->Bind(1, *resolved);
    return FirstColumnTexts(*stmt, fmt::format("cannot list the articles of story {}", id));
  }

  Result<std::vector<StoryInfo>> ListStorylineStories(StorylineId storyline) override {
    const std::string what = fmt::format("cannot list the stories of storyline {}", storyline);
    StorylineId resolved = storyline;
    {
      Result<Statement> alias = db_.Prepare("SELECT storyline FROM storyline_aliases WHERE id = ?1");
      if (!alias.ok()) return alias.status();
      alias->Bind(1, storyline);
      Result<bool> row = alias->Step(what);
      if (!row.ok()) return row.status();
      if (*row) resolved = alias->ColumnInt64(0);
    }
    std::vector<StoryInfo> stories;
    {
      Result<Statement> stmt = db_.Prepare(std::string(kStoryColumns) + "WHERE storyline = ?1 ORDER BY id");
      if (!stmt.ok()) return stmt.status();
      stmt->Bind(1, resolved);
      for (;;) {
        Result<bool> row = stmt->Step(what);
        if (!row.ok()) return row.status();
        if (!*row) break;
        Result<StoryInfo> story = ReadStory(*stmt);
        if (!story.ok()) return story.status();
        stories.push_back(std::move(story).value());
      }
    }
    for (StoryInfo& story : stories) STORYLINE_RETURN_IF_ERROR(ReadOutlets(story));
    return stories;
  }

  Result<int64_t> CountStories() override {
    return db_.QueryInt("SELECT count(*) FROM stories", "cannot count stories");
  }

  Result<LargestIds> GetLargestIds() override {
    Result<Statement> stmt = db_.Prepare(
        "SELECT max(coalesce((SELECT max(id) FROM stories), 0), coalesce((SELECT max(id) FROM story_aliases), 0)), "
        "max(coalesce((SELECT max(storyline) FROM stories), 0), "
        "coalesce((SELECT max(id) FROM storyline_aliases), 0))");
    if (!stmt.ok()) return stmt.status();
    Result<bool> row = stmt->Step("cannot read the largest story ids");
    if (!row.ok()) return row.status();
    if (!*row) return LargestIds{};
    return LargestIds{stmt->ColumnInt64(0), stmt->ColumnInt64(1)};
  }

  // --- Extractions -----------------------------------------------------------

  Status PutExtraction(std::string_view article_id, int revision, const extract::Extraction& ex) override {
    const std::string what =
        fmt::format("cannot store the extraction of article '{}' revision {}", article_id, revision);
    const int entities = static_cast<int>(ex.entities.size());
    const int mentions = static_cast<int>(ex.mentions.size());
    auto invalid = [&](std::string_view why) {
      return Status::InvalidArgument(fmt::format("{}: {}: {}", db_.path(), what, why));
    };
    std::vector<int64_t> mention_counts(ex.entities.size(), 0);
    for (const extract::Mention& m : ex.mentions) {
      if (m.entity < -1 || m.entity >= entities) return invalid("a mention names an entity that does not exist");
      if (m.entity >= 0) ++mention_counts[m.entity];
    }
    for (const extract::Entity& e : ex.entities) {
      for (int m : e.mentions) {
        if (m < 0 || m >= mentions) return invalid("an entity names a mention that does not exist");
      }
    }
    for (const extract::Quote& q : ex.quotes) {
      if (q.speaker_entity < -1 || q.speaker_entity >= entities) {
        return invalid("a quote names a speaker entity that does not exist");
      }
    }
    return Mutate(what, [&]() -> Status {
      {
        Result<Statement> stmt = db_.Prepare("SELECT latest FROM articles WHERE id = ?1 AND revision = ?2");
        if (!stmt.ok()) return stmt.status();
        stmt->Bind(1, article_id).Bind(2, revision);
        Result<bool> row = stmt->Step(what);
        if (!row.ok()) return row.status();
        if (!*row) return Status::NotFound(fmt::format("{}: {}: no such article revision", db_.path(), what));
        if (stmt->ColumnInt(0) != 1) return invalid("it is not the latest revision");
      }
      {
        Result<Statement> remove = db_.Prepare("DELETE FROM extractions WHERE article_id = ?1");
        if (!remove.ok()) return remove.status();
        remove->Bind(1, article_id);
        STORYLINE_RETURN_IF_ERROR(remove->Run(what));
        Result<Statement> insert = db_.Prepare("INSERT INTO extractions (article_id, revision) VALUES (?1, ?2)");
        if (!insert.ok()) return insert.status();
        insert->Bind(1, article_id).Bind(2, revision);
        STORYLINE_RETURN_IF_ERROR(insert->Run(what));
      }
      for (int i = 0; i < entities; ++i) {
        const extract::Entity& e = ex.entities[i];
        Result<Statement> stmt = db_.Prepare(
            "INSERT INTO article_entities (article_id, ordinal, canonical, type, name, role, mentions) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        if (!stmt.ok()) return stmt.status();
        stmt->Bind(1, article_id).Bind(2, i).Bind(3, e.canonical).Bind(4, extract::EntityTypeName(e.type));
        stmt->Bind(5, e.name).Bind(6, e.role).Bind(7, mention_counts[i]);
        STORYLINE_RETURN_IF_ERROR(stmt->Run(what));
      }
      for (int i = 0; i < mentions; ++i) {
        const extract::Mention& m = ex.mentions[i];
        Result<Statement> stmt = db_.Prepare(
            "INSERT INTO entity_mentions (article_id, ordinal, entity, type, span_begin, span_end, text) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        if (!stmt.ok()) return stmt.status();
        stmt->Bind(1, article_id).Bind(2, i).Bind(3, m.entity).Bind(4, extract::EntityTypeName(m.type));
        stmt->Bind(5, static_cast<int64_t>(m.begin)).Bind(6, static_cast<int64_t>(m.end)).Bind(7, m.text);
        STORYLINE_RETURN_IF_ERROR(stmt->Run(what));
      }
      for (size_t i = 0; i < ex.quotes.size(); ++i) {
        const extract::Quote& q = ex.quotes[i];
        Result<Statement> stmt = db_.Prepare(
            "INSERT INTO quotes (article_id, ordinal, kind, span_begin, span_end, cue_begin, cue_end, "
            "speaker_begin, speaker_end, text, cue, speaker, speaker_entity, speaker_key) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
        if (!stmt.ok()) return stmt.status();
        stmt->Bind(1, article_id).Bind(2, static_cast<int64_t>(i)).Bind(3, extract::QuoteKindName(q.kind));
        stmt->Bind(4, static_cast<int64_t>(q.begin)).Bind(5, static_cast<int64_t>(q.end));
        stmt->Bind(6, static_cast<int64_t>(q.cue_begin)).Bind(7, static_cast<int64_t>(q.cue_end));
        stmt->Bind(8, static_cast<int64_t>(q.speaker_begin)).Bind(9, static_cast<int64_t>(q.speaker_end));
        stmt->Bind(10, q.text).Bind(11, q.cue).Bind(12, q.speaker).Bind(13, q.speaker_entity);
        stmt->Bind(14, q.speaker_entity >= 0 ? std::string_view(ex.entities[q.speaker_entity].canonical)
                                             : std::string_view());
        STORYLINE_RETURN_IF_ERROR(stmt->Run(what));
      }
      for (size_t i = 0; i < ex.figures.size(); ++i) {
        const extract::Figure& f = ex.figures[i];
        Result<Statement> stmt = db_.Prepare(
            "INSERT INTO figures (article_id, ordinal, span_begin, span_end, text, value, unit, counted, "
            "qualifier) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
        if (!stmt.ok()) return stmt.status();
        stmt->Bind(1, article_id).Bind(2, static_cast<int64_t>(i));
        stmt->Bind(3, static_cast<int64_t>(f.begin)).Bind(4, static_cast<int64_t>(f.end)).Bind(5, f.text);
        stmt->Bind(6, f.value).Bind(7, f.unit).Bind(8, f.counted).Bind(9, f.qualifier);
        STORYLINE_RETURN_IF_ERROR(stmt->Run(what));
      }
      for (size_t i = 0; i < ex.dates.size(); ++i) {
        const extract::DateMention& d = ex.dates[i];
        Result<Statement> stmt = db_.Prepare(
            "INSERT INTO date_mentions (article_id, ordinal, span_begin, span_end, text, value, precision, "
            "relative, relation) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
        if (!stmt.ok()) return stmt.status();
        stmt->Bind(1, article_id).Bind(2, static_cast<int64_t>(i));
        stmt->Bind(3, static_cast<int64_t>(d.begin)).Bind(4, static_cast<int64_t>(d.end)).Bind(5, d.text);
        stmt->Bind(6, d.value).Bind(7, DatePrecisionName(d.precision)).Bind(8, d.relative ? 1 : 0);
        stmt->Bind(9, d.relation);
        STORYLINE_RETURN_IF_ERROR(stmt->Run(what));
      }
      return Status::Ok();
    });
  }

  Result<extract::Extraction> GetExtraction(std::string_view article_id) override {
    const std::string what = fmt::format("cannot read the extraction of article '{}'", article_id);
    {
      Result<Statement> stmt = db_.Prepare("SELECT 1 FROM extractions WHERE article_id = ?1");
      if (!stmt.ok()) return stmt.status();
      stmt->Bind(1, article_id);
      Result<bool> row = stmt->Step(what);
      if (!row.ok()) return row.status();
      if (!*row) {
        return Status::NotFound(fmt::format("{}: article '{}' has no stored extraction", db_.path(), article_id));
      }
    }
    auto corrupt = [&](std::string_view why) {
      return Status::Corruption(fmt::format("{}: {}: {}", db_.path(), what, why));
    };
    // Runs `sql` (?1 = the article, rows by ordinal) and hands each row to
    // `read`, checking that ordinals are 0, 1, 2, ...
    auto each = [&](const char* sql, const std::function<Status(const Statement&)>& read) -> Status {
      Result<Statement> stmt = db_.Prepare(sql);
      if (!stmt.ok()) return stmt.status();
      stmt->Bind(1, article_id);
      for (int64_t expected = 0;; ++expected) {
        Result<bool> row = stmt->Step(what);
        if (!row.ok()) return row.status();
        if (!*row) return Status::Ok();
        if (stmt->ColumnInt64(0) != expected) return corrupt("the items are not numbered 0, 1, 2, ...");
        STORYLINE_RETURN_IF_ERROR(read(*stmt));
      }
    };
    extract::Extraction ex;
    STORYLINE_RETURN_IF_ERROR(each(
        "SELECT ordinal, canonical, type, name, role FROM article_entities WHERE article_id = ?1 ORDER BY ordinal",
        [&](const Statement& row) -> Status {
          extract::Entity e;
          e.canonical = row.ColumnText(1);
          std::optional<extract::EntityType> type = ParseEntityType(row.ColumnText(2));
          if (!type) return corrupt("an unknown entity type");
          e.type = *type;
          e.name = row.ColumnText(3);
          e.role = row.ColumnText(4);
          ex.entities.push_back(std::move(e));
          return Status::Ok();
        }));
    STORYLINE_RETURN_IF_ERROR(each(
        "SELECT ordinal, entity, type, span_begin, span_end, text FROM entity_mentions WHERE article_id = ?1 "
        "ORDER BY ordinal",
        [&](const Statement& row) -> Status {
          extract::Mention m;
          m.entity = row.ColumnInt(1);
          if (m.entity < -1 || m.entity >= static_cast<int>(ex.entities.size())) {
            return corrupt("a mention of an entity that does not exist");
          }
          std::optional<extract::EntityType> type = ParseEntityType(row.ColumnText(2));
          if (!type) return corrupt("an unknown entity type");
          m.type = *type;
          m.begin = static_cast<uint32_t>(row.ColumnInt64(3));
          m.end = static_cast<uint32_t>(row.ColumnInt64(4));
          m.text = row.ColumnText(5);
          if (m.entity >= 0) ex.entities[m.entity].mentions.push_back(static_cast<int>(ex.mentions.size()));
          ex.mentions.push_back(std::move(m));
          return Status::Ok();
        }));
    STORYLINE_RETURN_IF_ERROR(each(
        "SELECT ordinal, kind, span_begin, span_end, cue_begin, cue_end, speaker_begin, speaker_end, text, cue, "
        "speaker, speaker_entity FROM quotes WHERE article_id = ?1 ORDER BY ordinal",
        [&](const Statement& row) -> Status {
          extract::Quote q;
          const std::string kind = row.ColumnText(1);
          if (kind == extract::QuoteKindName(extract::QuoteKind::kDirect)) {
            q.kind = extract::QuoteKind::kDirect;
          } else if (kind == extract::QuoteKindName(extract::QuoteKind::kReported)) {
            q.kind = extract::QuoteKind::kReported;
          } else {
            return corrupt("an unknown quote kind");
          }
          q.begin = static_cast<uint32_t>(row.ColumnInt64(2));
          q.end = static_cast<uint32_t>(row.ColumnInt64(3));
          q.cue_begin = static_cast<uint32_t>(row.ColumnInt64(4));
          q.cue_end = static_cast<uint32_t>(row.ColumnInt64(5));
          q.speaker_begin = static_cast<uint32_t>(row.ColumnInt64(6));
          q.speaker_end = static_cast<uint32_t>(row.ColumnInt64(7));
          q.text = row.ColumnText(8);
          q.cue = row.ColumnText(9);
          q.speaker = row.ColumnText(10);
          q.speaker_entity = row.ColumnInt(11);
          if (q.speaker_entity < -1 || q.speaker_entity >= static_cast<int>(ex.entities.size())) {
            return corrupt("a quote by an entity that does not exist");
          }
          ex.quotes.push_back(std::move(q));
          return Status::Ok();
        }));
    STORYLINE_RETURN_IF_ERROR(each(
        "SELECT ordinal, span_begin, span_end, text, value, unit, counted, qualifier FROM figures "
        "WHERE article_id = ?1 ORDER BY ordinal",
        [&](const Statement& row) -> Status {
          extract::Figure f;
          f.begin = static_cast<uint32_t>(row.ColumnInt64(1));
          f.end = static_cast<uint32_t>(row.ColumnInt64(2));
          f.text = row.ColumnText(3);
          f.value = row.ColumnDouble(4);
          f.unit = row.ColumnText(5);
          f.counted = row.ColumnText(6);
          f.qualifier = row.ColumnText(7);
          ex.figures.push_back(std::move(f));
          return Status::Ok();
        }));
    STORYLINE_RETURN_IF_ERROR(each(
        "SELECT ordinal, span_begin, span_end, text, value, precision, relative, relation FROM date_mentions "
        "WHERE article_id = ?1 ORDER BY ordinal",
        [&](const Statement& row) -> Status {
          extract::DateMention d;
          d.begin = static_cast<uint32_t>(row.ColumnInt64(1));
          d.end = static_cast<uint32_t>(row.ColumnInt64(2));
          d.text = row.ColumnText(3);
          d.value = row.ColumnText(4);
          Result<DatePrecision> precision = ParseDatePrecision(row.ColumnText(5));
          if (!precision.ok()) return corrupt(precision.status().message());
          d.precision = *precision;
          d.relative = row.ColumnInt(6) != 0;
          d.relation = row.ColumnText(7);
          ex.dates.push_back(std::move(d));
          return Status::Ok();
        }));
    return ex;
  }

  Result<std::vector<std::string>> ListUnextractedArticles() override {
    Result<Statement> stmt = db_.Prepare(
        "SELECT a.id FROM unextracted_articles u JOIN articles a ON a.id = u.article_id AND a.latest = 1 "
        "ORDER BY a.published_at IS NULL, a.published_at, a.id");
    if (!stmt.ok()) return stmt.status();
    return FirstColumnTexts(*stmt, "cannot list the articles without an extraction");
  }

  Result<std::vector<EntityInfo>> ListEntities(const EntityQuery& query) override {
    if (query.limit < -1 || query.offset < 0) {
      return Status::InvalidArgument(fmt::format(
          "{}: cannot list entities with limit {} and offset {} (limit -1 or more, offset 0 or more)",
          db_.path(), query.limit, query.offset));
    }
    const std::string what = "cannot list entities";
    // '' matches every type.
    const std::string_view type = query.type ? extract::EntityTypeName(*query.type) : std::string_view();
    std::vector<EntityInfo> all;
    {
      // The dominant type: most articles, ties in the order PER, ORG, LOC, OTH.
      Result<Statement> stmt = db_.Prepare(
          "SELECT e.canonical, sum(e.mentions), count(DISTINCT e.article_id), "
          "(SELECT t.type FROM article_entities t WHERE t.canonical = e.canonical AND (?1 = '' OR t.type = ?1) "
          "GROUP BY t.type ORDER BY count(*) DESC, "
          "CASE t.type WHEN 'PER' THEN 0 WHEN 'ORG' THEN 1 WHEN 'LOC' THEN 2 ELSE 3 END LIMIT 1) "
          "FROM article_entities e WHERE e.canonical != '' AND (?1 = '' OR e.type = ?1) GROUP BY e.canonical");
      if (!stmt.ok()) return stmt.status();
      stmt->Bind(1, type);
      for (;;) {
        Result<bool> row = stmt->Step(what);
        if (!row.ok()) return row.status();
        if (!*row) break;
        EntityInfo e;
        e.key = stmt->ColumnText(0);
        e.mentions = stmt->ColumnInt64(1);
        e.articles = stmt->ColumnInt64(2);
        std::optional<extract::EntityType> t = ParseEntityType(stmt->ColumnText(3));
        if (!t) return Status::Corruption(fmt::format("{}: entity '{}': an unknown type", db_.path(), e.key));
        e.type = *t;
        all.push_back(std::move(e));
      }
    }
    // People named by surname only ("kelly") join the one person whose key
    // ends in it ("john kelly"), as briefings merge them (see
    // src/compare/briefing.cc, BuildPeople); with several such people the
    // surname stays apart. Needs every key, hence no LIMIT in the query.
    std::map<std::string, size_t, std::less<>> index;
    for (size_t i = 0; i < all.size(); ++i) index[all[i].key] = i;
    std::map<std::string, std::vector<size_t>, std::less<>> by_tail;  // word suffix → longer people
    for (size_t i = 0; i < all.size(); ++i) {
      if (all[i].type != extract::EntityType::kPerson) continue;
      const std::string& key = all[i].key;
      for (size_t at = key.find(' '); at != std::string::npos; at = key.find(' ', at + 1)) {
        by_tail[key.substr(at + 1)].push_back(i);
      }
    }
    std::vector<size_t> target(all.size());
    for (size_t i = 0; i < all.size(); ++i) {
      target[i] = i;
      if (all[i].type != extract::EntityType::kPerson) continue;
      auto it = by_tail.find(all[i].key);
      if (it != by_tail.end() && it->second.size() == 1) target[i] = it->second[0];
    }
    for (size_t i = 0; i < all.size(); ++i) {
      size_t t = target[i];
      while (target[t] != t) t = target[t];  // keys only get longer: no cycles
      target[i] = t;
    }
    std::vector<std::vector<std::string>> members(all.size());
    for (size_t i = 0; i < all.size(); ++i) {
      if (target[i] == i) continue;
      all[target[i]].mentions += all[i].mentions;
      all[target[i]].articles += all[i].articles;  // an upper bound until recounted below
      members[target[i]].push_back(all[i].key);
    }
    std::vector<size_t> order;
    for (size_t i = 0; i < all.size(); ++i) {
      if (target[i] == i) order.push_back(i);
    }
    auto before = [&](size_t a, size_t b) {
      if (all[a].mentions != all[b].mentions) return all[a].mentions > all[b].mentions;
      if (all[a].articles != all[b].articles) return all[a].articles > all[b].articles;
      return all[a].key < all[b].key;
    };
    std::sort(order.begin(), order.end(), before);
    const size_t from = std::min(order.size(), static_cast<size_t>(query.offset));
    const size_t to = query.limit < 0 ? order.size() : std::min(order.size(), from + static_cast<size_t>(query.limit));
    std::vector<EntityInfo> entities;
    for (size_t k = from; k < to; ++k) {
      EntityInfo e = std::move(all[order[k]]);
      e.aliases = std::move(members[order[k]]);
      std::sort(e.aliases.begin(), e.aliases.end());
      entities.push_back(std::move(e));
    }
    for (EntityInfo& e : entities) {
      Result<Statement> name = db_.Prepare(
          "SELECT name FROM article_entities WHERE canonical = ?1 AND (?2 = '' OR type = ?2) GROUP BY name "
          "ORDER BY count(*) DESC, length(name) DESC, name LIMIT 1");
      if (!name.ok()) return name.status();
      name->Bind(1, e.key).Bind(2, type);
      Result<bool> row = name->Step(what);
      if (!row.ok()) return row.status();
      if (*row) e.name = name->ColumnText(0);
    }
    for (EntityInfo& e : entities) {
      std::set<std::string> articles;
      std::set<StoryId> stories;
      std::vector<std::string> keys = e.aliases;
      keys.push_back(e.key);
      for (const std::string& key : keys) {
        Result<Statement> stmt = db_.Prepare(
            "SELECT e.article_id, p.story FROM article_entities e LEFT JOIN placements p "
            "ON p.article_id = e.article_id WHERE e.canonical = ?1 AND (?2 = '' OR e.type = ?2)");
        if (!stmt.ok()) return stmt.status();
        stmt->Bind(1, key).Bind(2, type);
        for (;;) {
          Result<bool> row = stmt->Step(what);
          if (!row.ok()) return row.status();
          if (!*row) break;
          articles.insert(stmt->ColumnText(0));
          if (!stmt->ColumnIsNull(1)) stories.insert(stmt->ColumnInt64(1));
        }
      }
      e.articles = static_cast<int64_t>(articles.size());
      e.stories.assign(stories.begin(), stories.end());
    }
    return entities;
  }

  int SchemaVersion() const override { return schema_version_; }

 private:
  // The first column of every row `stmt` yields, as text.
  static Result<std::vector<std::string>> FirstColumnTexts(Statement& stmt, const std::string& what) {
    std::vector<std::string> values;
    for (;;) {
      Result<bool> row = stmt.Step(what);
      if (!row.ok()) return row.status();
      if (!*row) return values;
      values.push_back(stmt.ColumnText(0));
    }
  }

  Status NoBatch(std::string_view verb) const {
    return Status::InvalidArgument(
        fmt::format("{}: cannot {} a batch: no batch is open (call BeginBatch first)", db_.path(), verb));
  }

  // Runs `body` as one write: inside a batch as a savepoint (a failure undoes
  // only this write), else as its own transaction that also brings the
  // summaries of the stories it touched up to date.
  Status Mutate(std::string_view what, const std::function<Status()>& body) {
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
    STORYLINE_RETURN_IF_ERROR(db_.Exec(own_transaction ? "BEGIN IMMEDIATE" : "SAVEPOINT store_write", what));
    Status status = body();
    if (status.ok() && own_transaction) status = RefreshDirtyStories();
    if (status.ok()) status = db_.Exec(own_transaction ? "COMMIT" : "RELEASE store_write", what);
    if (own_transaction) dirty_.clear();
    if (!status.ok() && sqlite3_get_autocommit(db_.get()) == 0) {
      (void)db_.Exec(own_transaction ? "ROLLBACK" : "ROLLBACK TO store_write; RELEASE store_write", what);
    }
    // A story marked by a rolled-back savepoint is recomputed needlessly but
    // correctly.
    return status;
  }

  Result<std::optional<StoryId>> PlacedStory(std::string_view article_id, std::string_view what) {
    Result<Statement> stmt = db_.Prepare("SELECT story FROM placements WHERE article_id = ?1");
    if (!stmt.ok()) return stmt.status();
    stmt->Bind(1, article_id);
    Result<bool> row = stmt->Step(what);
    if (!row.ok()) return row.status();
    if (!*row) return std::optional<StoryId>();
    return std::optional<StoryId>(stmt->ColumnInt64(0));
  }

  Result<bool> IsLiveStory(StoryId id, std::string_view what) {
    Result<Statement> stmt = db_.Prepare("SELECT 1 FROM stories WHERE id = ?1");
    if (!stmt.ok()) return stmt.status();
    stmt->Bind(1, id);
    return stmt->Step(what);
  }

  Status RefreshDirtyStories() {
    for (StoryId id : dirty_) STORYLINE_RETURN_IF_ERROR(RefreshStory(id));
    dirty_.clear();
    return Status::Ok();
  }

  // Recomputes one row of `stories` and its outlets from its articles.
  Status RefreshStory(StoryId id) {
    const std::string what = fmt::format("cannot update the summary of story {}", id);
    Result<int64_t> count = CountPlaced(id, what);
    if (!count.ok()) return count.status();
    if (*count == 0) {
      for (const char* sql : {"DELETE FROM story_aliases WHERE story = ?1", "DELETE FROM stories WHERE id = ?1"}) {
        Result<Statement> stmt = db_.Prepare(sql);
        if (!stmt.ok()) return stmt.status();
        stmt->Bind(1, id);
        STORYLINE_RETURN_IF_ERROR(stmt->Run(what));
      }
      return Status::Ok();
    }
    // Titled articles first, then by date (undated last), then placement order.
    std::string title;
    {
      Result<Statement> stmt = db_.Prepare(
          "SELECT p.headline FROM placements p JOIN articles a ON a.id = p.article_id AND a.latest = 1 "
          "WHERE p.story = ?1 ORDER BY a.title = '', a.published_at IS NULL, a.published_at, p.sequence "
          "LIMIT 1");
      if (!stmt.ok()) return stmt.status();
      stmt->Bind(1, id);
      Result<bool> row = stmt->Step(what);
      if (!row.ok()) return row.status();
      if (*row) title = stmt->ColumnText(0);
    }
    std::string bounds[2][2] = {{"", "none"}, {"", "none"}};
    const char* bound_sql[2] = {
        "SELECT a.published, a.published_precision, a.published_at FROM placements p "
        "JOIN articles a ON a.id = p.article_id AND a.latest = 1 "
        "WHERE p.story = ?1 AND a.published_at IS NOT NULL ORDER BY a.published_at, p.sequence LIMIT 1",
        "SELECT a.published, a.published_precision, a.published_at FROM placements p "
        "JOIN articles a ON a.id = p.article_id AND a.latest = 1 "
        "WHERE p.story = ?1 AND a.published_at IS NOT NULL ORDER BY a.published_at DESC, p.sequence DESC "
        "LIMIT 1"};
    std::optional<int64_t> at[2];
    for (int i = 0; i < 2; ++i) {
      Result<Statement> stmt = db_.Prepare(bound_sql[i]);
      if (!stmt.ok()) return stmt.status();
      stmt->Bind(1, id);
      Result<bool> row = stmt->Step(what);
      if (!row.ok()) return row.status();
      if (*row) {
        bounds[i][0] = stmt->ColumnText(0);
        bounds[i][1] = stmt->ColumnText(1);
        at[i] = stmt->ColumnInt64(2);
      }
    }
    Result<Statement> update = db_.Prepare(
        "UPDATE stories SET title = ?2, article_count = ?3, first_published = ?4, first_precision = ?5, "
        "first_at = ?6, last_published = ?7, last_precision = ?8, last_at = ?9 WHERE id = ?1");
    if (!update.ok()) return update.status();
    update->Bind(1, id).Bind(2, title).Bind(3, *count).Bind(4, bounds[0][0]).Bind(5, bounds[0][1]);
    if (at[0]) update->Bind(6, *at[0]); else update->BindNull(6);
    update->Bind(7, bounds[1][0]).Bind(8, bounds[1][1]);
    if (at[1]) update->Bind(9, *at[1]); else update->BindNull(9);
    STORYLINE_RETURN_IF_ERROR(update->Run(what));
    for (const char* sql :
         {"DELETE FROM story_outlets WHERE story = ?1",
          "INSERT INTO story_outlets (story, outlet, articles) SELECT ?1, a.source, count(*) "
          "FROM placements p JOIN articles a ON a.id = p.article_id AND a.latest = 1 "
          "WHERE p.story = ?1 AND a.source != '' GROUP BY a.source"}) {
      Result<Statement> stmt = db_.Prepare(sql);
      if (!stmt.ok()) return stmt.status();
      stmt->Bind(1, id);
      STORYLINE_RETURN_IF_ERROR(stmt->Run(what));
    }
    return Status::Ok();
  }

  Result<int64_t> CountPlaced(StoryId id, std::string_view what) {
    Result<Statement> stmt = db_.Prepare("SELECT count(*) FROM placements WHERE story = ?1");
    if (!stmt.ok()) return stmt.status();
    stmt->Bind(1, id);
    Result<bool> row = stmt->Step(what);
    if (!row.ok()) return row.status();
    return *row ? stmt->ColumnInt64(0) : 0;
  }

  // Columns from `first`: article_id, story, storyline, duplicate_of,
  // duplicate_overlap, headline, sequence.
  static Placement ReadPlacement(const Statement& row, int first) {
    Placement p;
    p.article_id = row.ColumnText(first);
    p.story = row.ColumnInt64(first + 1);
    p.storyline = row.ColumnInt64(first + 2);
    p.duplicate_of = row.ColumnText(first + 3);
    p.duplicate_overlap = row.ColumnDouble(first + 4);
    p.headline = row.ColumnText(first + 5);
    p.sequence = row.ColumnInt64(first + 6);
    return p;
  }

  // A row of kStoryColumns, outlets not yet read.
  Result<StoryInfo> ReadStory(const Statement& row) const {
    StoryInfo story;
    story.id = row.ColumnInt64(0);
    story.storyline = row.ColumnInt64(1);
    story.title = row.ColumnText(2);
    story.article_count = row.ColumnInt64(3);
    for (int i = 0; i < 2; ++i) {
      const std::string published = row.ColumnText(4 + 2 * i);
      const std::string precision = row.ColumnText(5 + 2 * i);
      Result<PublishedDate> date = ParseStoredDate(published, precision);
      if (!date.ok()) {
        return Status::Corruption(fmt::format("{}: story {}: stored date '{}' ({}): {}", db_.path(), story.id,
                                              published, precision, date.status().message()));
      }
      (i == 0 ? story.first : story.last) = *date;
    }
    return story;
  }

  Status ReadOutlets(StoryInfo& story) {
    Result<Statement> stmt =
        db_.Prepare("SELECT outlet FROM story_outlets WHERE story = ?1 ORDER BY articles DESC, outlet");
    if (!stmt.ok()) return stmt.status();
    stmt->Bind(1, story.id);
    const std::string what = fmt::format("cannot read the outlets of story {}", story.id);
    for (;;) {
      Result<bool> row = stmt->Step(what);
      if (!row.ok()) return row.status();
      if (!*row) return Status::Ok();
      story.outlets.push_back(stmt->ColumnText(0));
    }
  }

  // A stored (ISO string, precision name) pair; an unknown date for "none".
  static Result<PublishedDate> ParseStoredDate(const std::string& published, const std::string& precision_name) {
    Result<DatePrecision> precision = ParseDatePrecision(precision_name);
    if (!precision.ok()) return precision.status();
    if (*precision == DatePrecision::kNone) {
      if (!published.empty()) return Status::Corruption("a date without a precision");
      return PublishedDate{};
    }
    Result<PublishedDate> date = ParsePublishedDate(published);
    if (!date.ok()) return date.status();
    if (date->precision != *precision) return Status::Corruption("the date and its precision disagree");
    return date;
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
      // The revision may change the story's title, dates or outlets.
      Result<std::optional<StoryId>> placed = PlacedStory(article.id, what);
      if (!placed.ok()) return placed.status();
      if (*placed) dirty_.insert(**placed);
      // The old extraction's offsets refer to the old text (its rows cascade).
      for (const char* sql : {"UPDATE articles SET latest = 0 WHERE id = ?1 AND latest = 1",
                              "DELETE FROM extractions WHERE article_id = ?1"}) {
        Result<Statement> stmt = db_.Prepare(sql);
        if (!stmt.ok()) return stmt.status();
        stmt->Bind(1, article.id);
        STORYLINE_RETURN_IF_ERROR(stmt->Run(what));
      }
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
  std::set<StoryId> dirty_;  // stories whose summary this transaction changed
};

// Sets WAL mode; returns the journal mode SQLite reports afterwards. When the
// first processes open a fresh database together, the switch can meet
// another connection's lock and SQLite may answer SQLITE_BUSY at once,
// without its busy handler (the concurrency test met this a few times in a
// thousand runs under load), so the switch is tried again until the busy
// timeout has passed.
Result<std::string> SwitchToWal(Connection& db, int busy_timeout_ms) {
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(std::max(busy_timeout_ms, 0));
  for (int wait_ms = 1;; wait_ms = std::min(2 * wait_ms, 50)) {
    Result<Statement> mode = db.Prepare("PRAGMA journal_mode = WAL");
    if (!mode.ok()) return mode.status();
    Result<bool> row = mode->Step("cannot switch to WAL mode");
    if (row.ok()) return *row ? mode->ColumnText(0) : std::string();
    if (row.status().code() != StatusCode::kBusy || std::chrono::steady_clock::now() >= deadline) {
      return row.status();
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(wait_ms));
  }
}

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
  if (options.read_only && options.upgrade && !in_memory) {
    Result<Connection> probe = Connection::Open(path, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX);
    if (probe.ok()) {
      sqlite3_busy_timeout(probe->get(), options.busy_timeout_ms);
      Result<bool> needs = NeedsMigration(*probe, SqliteMigrations());
      if (needs.ok() && *needs) {
        SqliteOptions writable = options;
        writable.read_only = false;
        writable.upgrade = false;
        Result<std::unique_ptr<Store>> upgraded = OpenSqlite(path, writable);
        if (!upgraded.ok()) {
          return Status(upgraded.status().code(),
                        fmt::format("{}: was written by an older storyline and needs upgrading, which "
                                    "failed: {}",
                                    path, upgraded.status().message()));
        }
      }
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
    Result<std::string> switched = SwitchToWal(db, options.busy_timeout_ms);
    if (!switched.ok()) return switched.status();
    const std::string& journal_mode = *switched;
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
