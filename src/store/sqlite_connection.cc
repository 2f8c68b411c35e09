#include "store/sqlite_connection.h"

#include <fmt/format.h>

namespace storyline::store {

Statement::~Statement() {
  if (stmt_ != nullptr) {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
}

Statement& Statement::Bind(int index, std::string_view text) {
  // A null pointer would bind SQL NULL; an empty view (whose data() may be
  // null) is the empty string.
  const char* data = text.data() != nullptr ? text.data() : "";
  NoteBind(sqlite3_bind_text64(stmt_, index, data, text.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
  return *this;
}

Statement& Statement::Bind(int index, int64_t value) {
  NoteBind(sqlite3_bind_int64(stmt_, index, value));
  return *this;
}

Statement& Statement::Bind(int index, double value) {
  NoteBind(sqlite3_bind_double(stmt_, index, value));
  return *this;
}

Statement& Statement::BindNull(int index) {
  NoteBind(sqlite3_bind_null(stmt_, index));
  return *this;
}

Result<bool> Statement::Step(std::string_view what) {
  if (bind_rc_ != SQLITE_OK) return connection_->Error(bind_rc_, what);
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return connection_->Error(rc, what);
}

Status Statement::Run(std::string_view what) {
  for (;;) {
    Result<bool> row = Step(what);
    if (!row.ok()) return row.status();
    if (!*row) return Status::Ok();
  }
}

std::string Statement::ColumnText(int column) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  if (text == nullptr) return {};
  return std::string(text, static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
}

Result<Connection> Connection::Open(const std::string& path, int flags) {
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  // sqlite3_open_v2 allocates a handle even on failure; it must be closed.
  SqliteHandle db(raw);
  if (rc != SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db.get()) : sqlite3_errstr(rc);
    return Status::IoError(fmt::format("{}: cannot open database: {}", path, message));
  }
  sqlite3_extended_result_codes(db.get(), 1);
  return Connection(std::move(db), path);
}

Status Connection::Exec(const std::string& sql, std::string_view what) {
  int rc = sqlite3_exec(db_.get(), sql.c_str(), nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return Error(rc, what);
  return Status::Ok();
}

Result<int64_t> Connection::QueryInt(const std::string& sql, std::string_view what) {
  Result<Statement> stmt = Prepare(sql);
  if (!stmt.ok()) return stmt.status();
  Result<bool> row = stmt->Step(what);
  if (!row.ok()) return row.status();
  if (!*row) return Status::Internal(fmt::format("{}: {}: '{}' returned no row", path_, what, sql));
  return stmt->ColumnInt64(0);
}

Result<Statement> Connection::Prepare(const std::string& sql) {
  auto it = statements_.find(sql);
  if (it == statements_.end()) {
    sqlite3_stmt* raw = nullptr;
    int rc = sqlite3_prepare_v3(db_.get(), sql.c_str(), static_cast<int>(sql.size()),
                                SQLITE_PREPARE_PERSISTENT, &raw, nullptr);
    SqliteStatementHandle stmt(raw);
    if (rc != SQLITE_OK) return Error(rc, "cannot prepare a query");
    it = statements_.emplace(sql, std::move(stmt)).first;
  }
  return Statement(this, it->second.get());
}

Status Connection::Error(int rc, std::string_view what) const {
  // The connection's message is more specific than the code's, but only
  // when it belongs to this error.
  std::string detail = sqlite3_errcode(db_.get()) == rc ? sqlite3_errmsg(db_.get()) : sqlite3_errstr(rc);
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status::Busy(fmt::format(
          "{}: {}: the database is locked by another connection or process ({}); try again "
          "when it has finished",
          path_, what, detail));
    case SQLITE_NOTADB:
      return Status::InvalidArgument(
          fmt::format("{}: {}: the file is not a SQLite database ({})", path_, what, detail));
    case SQLITE_CORRUPT:
      return Status::Corruption(fmt::format("{}: {}: the database is corrupt ({})", path_, what, detail));
    case SQLITE_FULL:
      return Status::IoError(fmt::format("{}: {}: the disk is full ({})", path_, what, detail));
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_AUTH:
      return Status::IoError(fmt::format("{}: {}: {}", path_, what, detail));
    case SQLITE_CONSTRAINT:
    case SQLITE_TOOBIG:
    case SQLITE_RANGE:
      return Status::InvalidArgument(fmt::format("{}: {}: {}", path_, what, detail));
    default:
      return Status::Internal(fmt::format("{}: {}: {}", path_, what, detail));
  }
}

}  // namespace storyline::store
