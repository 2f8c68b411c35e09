// The backend-independent Store test suite. Each backend instantiates it with
// its factories, e.g. in sqlite_store_test.cc:
//
//   INSTANTIATE_TEST_SUITE_P(Sqlite, StoreSuiteTest, ::testing::Values(...),
//                            StoreFactoryName);
#ifndef STORYLINE_STORE_STORE_TEST_SUITE_H_
#define STORYLINE_STORE_STORE_TEST_SUITE_H_

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <ostream>
#include <string>

#include "storyline/store.h"

namespace storyline::store {

inline const Status& StatusOf(const Status& s) { return s; }
template <typename T>
const Status& StatusOf(const Result<T>& r) {
  return r.status();
}

// Asserts that a Status or Result is ok, printing the error otherwise.
#define STORYLINE_ASSERT_OK(expr)                                                  \
  do {                                                                             \
    const auto& storyline_r_ = (expr);                                             \
    ASSERT_TRUE(storyline_r_.ok()) << ::storyline::store::StatusOf(storyline_r_).ToString(); \
  } while (false)

// A private temporary directory, removed with everything in it.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string File(std::string_view name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// Opens a new, empty store whose files (if any) live under `dir`.
struct StoreFactory {
  std::string name;  // test name suffix: "SqliteFile"
  std::function<Result<std::unique_ptr<Store>>(const TempDir& dir)> open;
};

inline std::string StoreFactoryName(const ::testing::TestParamInfo<StoreFactory>& info) {
  return info.param.name;
}
inline void PrintTo(const StoreFactory& factory, std::ostream* os) { *os << factory.name; }

// An article with every field set and its content hash computed.
Article MakeArticle(const std::string& id, const std::string& text, const std::string& published = "2017-02-23");

class StoreSuiteTest : public ::testing::TestWithParam<StoreFactory> {
 protected:
  void SetUp() override;

  TempDir dir_;
  std::unique_ptr<Store> store_;
};

}  // namespace storyline::store

#endif  // STORYLINE_STORE_STORE_TEST_SUITE_H_
