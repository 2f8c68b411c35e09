// Status and Result<T>: how every expected failure (bad input, a locked
// database, a missing file) travels back to the caller.
//
// A Status carries a code and a message written for the user: it names the
// file, the line and what was wrong. Both types are [[nodiscard]], so an error
// cannot be dropped silently. Programmer errors are assertions, not Statuses.
#ifndef STORYLINE_STATUS_H_
#define STORYLINE_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace storyline {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // bad input: malformed file, unknown option value
  kNotFound,         // a file, article or story that does not exist
  kIoError,          // the file system or database failed
  kCorruption,       // stored data that does not parse
  kUnsupported,      // a format or language the engine cannot handle
  kBusy,             // a resource is locked; retrying may succeed
  kInternal,         // a third-party library failed unexpectedly
};

class [[nodiscard]] Status {
 public:
  Status() = default;  // ok
  Status(StatusCode code, std::string message)
      : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) { return {StatusCode::kInvalidArgument, std::move(m)}; }
  static Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
  static Status IoError(std::string m) { return {StatusCode::kIoError, std::move(m)}; }
  static Status Corruption(std::string m) { return {StatusCode::kCorruption, std::move(m)}; }
  static Status Unsupported(std::string m) { return {StatusCode::kUnsupported, std::move(m)}; }
  static Status Busy(std::string m) { return {StatusCode::kBusy, std::move(m)}; }
  static Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "invalid argument: examples/x.jsonl:3: not JSON (...)"; "ok" when ok.
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

std::string_view StatusCodeName(StatusCode code);

// Either a value or a non-ok Status. Accessing value() of an error is a
// programmer error (asserted).
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {  // NOLINT
    assert(!status_.ok() && "Result built from an ok Status has no value");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }

  T& value() & { assert(ok()); return *value_; }
  const T& value() const& { assert(ok()); return *value_; }
  T&& value() && { assert(ok()); return std::move(*value_); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace storyline

// Returns early from the enclosing function when `expr` yields a non-ok Status.
#define STORYLINE_RETURN_IF_ERROR(expr)           \
  do {                                            \
    ::storyline::Status storyline_status_ = (expr); \
    if (!storyline_status_.ok()) return storyline_status_; \
  } while (false)

#endif  // STORYLINE_STATUS_H_
