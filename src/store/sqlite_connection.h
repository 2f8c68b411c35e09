// A thin RAII layer over the SQLite C API for the SQLite store: owns the
// sqlite3* handle and a cache of prepared statements, binds parameters and
// turns SQLite result codes into Statuses whose messages name the file.
//
// Internal to src/store/. A Connection is used by one thread at a time.
#ifndef STORYLINE_STORE_SQLITE_CONNECTION_H_
#define STORYLINE_STORE_SQLITE_CONNECTION_H_

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "storyline/status.h"

namespace storyline::store {

struct SqliteCloser {
  // close_v2 defers the close until every statement is finalized.
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct SqliteFinalizer {
  void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
};
using SqliteHandle = std::unique_ptr<sqlite3, SqliteCloser>;
using SqliteStatementHandle = std::unique_ptr<sqlite3_stmt, SqliteFinalizer>;

class Connection;

// A cached prepared statement borrowed from its Connection. Resetting it on
// destruction matters: in WAL mode a statement that is not reset keeps its
// read snapshot (and a writer's checkpoint) pinned.
class Statement {
 public:
  Statement(const Connection* connection, sqlite3_stmt* stmt)
      : connection_(connection), stmt_(stmt) {}
  Statement(Statement&& other) noexcept
      : connection_(other.connection_), stmt_(other.stmt_), bind_rc_(other.bind_rc_) {
    other.stmt_ = nullptr;
  }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement& operator=(Statement&&) = delete;
  ~Statement();

  // Parameters are numbered from 1. A failed bind is reported by Step().
  Statement& Bind(int index, std::string_view text);
  Statement& Bind(int index, int64_t value);
  Statement& Bind(int index, int value) { return Bind(index, static_cast<int64_t>(value)); }
  Statement& Bind(int index, double value);
  Statement& BindNull(int index);

  // true: a row is ready; false: done. `what` describes the operation for
  // error messages ("cannot read article 'x'").
  Result<bool> Step(std::string_view what);
  // Steps until done, ignoring rows.
  Status Run(std::string_view what);

  std::string ColumnText(int column) const;
  int64_t ColumnInt64(int column) const { return sqlite3_column_int64(stmt_, column); }
  int ColumnInt(int column) const { return sqlite3_column_int(stmt_, column); }
  double ColumnDouble(int column) const { return sqlite3_column_double(stmt_, column); }
  bool ColumnIsNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

 private:
  void NoteBind(int rc) {
    if (bind_rc_ == SQLITE_OK) bind_rc_ = rc;
  }

  const Connection* connection_;
  sqlite3_stmt* stmt_;
  int bind_rc_ = SQLITE_OK;
};

class Connection {
 public:
  // Opens `path` with sqlite3_open_v2 `flags` (SQLITE_OPEN_*). Does not touch
  // the file's contents, so a file that is not a database is only detected by
  // the first statement.
  static Result<Connection> Open(const std::string& path, int flags);

  Connection(Connection&&) noexcept = default;
  Connection& operator=(Connection&&) noexcept = default;

  sqlite3* get() const { return db_.get(); }
  const std::string& path() const { return path_; }

  // Runs one or more statements without parameters (schema, PRAGMAs).
  Status Exec(const std::string& sql, std::string_view what);
  // A single-row, single-integer query such as "PRAGMA user_version".
  Result<int64_t> QueryInt(const std::string& sql, std::string_view what);

  // The prepared statement for `sql`, prepared on first use and cached for
  // the connection's lifetime.
  Result<Statement> Prepare(const std::string& sql);

  // A Status for SQLite result code `rc`: "<path>: <what>: <sqlite message>".
  Status Error(int rc, std::string_view what) const;

 private:
  Connection(SqliteHandle db, std::string path) : db_(std::move(db)), path_(std::move(path)) {}

  SqliteHandle db_;
  std::string path_;
  // Declared after db_ so that every statement is finalized before the close.
  std::unordered_map<std::string, SqliteStatementHandle> statements_;
};

}  // namespace storyline::store

#endif  // STORYLINE_STORE_SQLITE_CONNECTION_H_
