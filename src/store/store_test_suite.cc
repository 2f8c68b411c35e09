#include "store/store_test_suite.h"

#include <stdlib.h>

#include <string>
#include <system_error>

namespace storyline::store {

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "storyline-store-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) {
    ADD_FAILURE() << "cannot create a temporary directory from " << pattern;
  }
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

Article MakeArticle(const std::string& id, const std::string& text, const std::string& published) {
  Article a;
  a.id = id;
  a.url = "https://example.org/" + id;
  a.source = "Beispiel-Zeitung";
  a.title = "Titel " + id;
  a.text = text;
  a.language = "de";
  if (!published.empty()) {
    Result<PublishedDate> date = ParsePublishedDate(published);
    EXPECT_TRUE(date.ok()) << date.status().ToString();
    if (date.ok()) a.published = *date;
  }
  a.first_seen = 1'700'000'000;
  a.origin = "examples/" + id + ".jsonl:1";
  a.content_hash = ContentHash(a);
  return a;
}

void StoreSuiteTest::SetUp() {
  Result<std::unique_ptr<Store>> store = GetParam().open(dir_);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  store_ = std::move(store).value();
}

}  // namespace storyline::store
