// Versioned schema migrations for the SQLite store.
//
// The schema version lives in PRAGMA user_version: 0 for a new database, N
// after migration step N. Steps are applied in order, each in its own
// transaction together with the version bump, so a crash leaves the database
// at the last completed step. Later stages add tables by appending a step to
// the list in migrations.cc; a step is never edited once released.
#ifndef STORYLINE_STORE_MIGRATIONS_H_
#define STORYLINE_STORE_MIGRATIONS_H_

#include <cstdint>
#include <span>
#include <string_view>

#include "store/sqlite_connection.h"
#include "storyline/status.h"

namespace storyline::store {

struct Migration {
  int version;               // 1, 2, ...: the user_version after this step
  std::string_view summary;  // for error messages: "articles and revisions"
  std::string_view sql;      // one or more statements, no transaction control
};

// PRAGMA application_id of every storyline database ("STLN"), so that another
// program's SQLite file is refused instead of being migrated.
inline constexpr int64_t kApplicationId = 0x53544C4E;

// The steps of this build, versions 1..N in order.
std::span<const Migration> SqliteMigrations();
int LatestSchemaVersion();

struct MigrationResult {
  int from_version = 0;
  int to_version = 0;
  int applied = 0;  // steps run by this call
};

// Brings the database to the last step of `steps`. Errors name the file:
// not a storyline database, written by a newer storyline (user_version beyond
// the last step), a read-only database that needs migrating, a failing step
// (rolled back; earlier steps stay).
Result<MigrationResult> Migrate(Connection& db, std::span<const Migration> steps, bool read_only);

// Whether a storyline database at an older schema version than `steps`
// know waits for migrations (false for a current, newer or foreign file:
// Migrate reports those).
Result<bool> NeedsMigration(Connection& db, std::span<const Migration> steps);

}  // namespace storyline::store

#endif  // STORYLINE_STORE_MIGRATIONS_H_
