// Test helpers for the ingest tests: a sink that records everything and a
// temporary directory removed at the end of the test.
#ifndef STORYLINE_INGEST_INGEST_TEST_UTIL_H_
#define STORYLINE_INGEST_INGEST_TEST_UTIL_H_

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "storyline/ingest.h"

namespace storyline::ingest::testing {

struct Collected {
  std::vector<Article> articles;
  std::vector<Diagnostic> diagnostics;
  std::vector<std::string> files_done;

  Sink MakeSink() {
    Sink sink;
    sink.article = [this](Article&& a) { articles.push_back(std::move(a)); };
    sink.diagnostic = [this](Diagnostic&& d) { diagnostics.push_back(std::move(d)); };
    sink.file_done = [this](std::string_view f) { files_done.emplace_back(f); };
    return sink;
  }

  std::vector<std::string> Ids() const {
    std::vector<std::string> ids;
    for (const Article& a : articles) ids.push_back(a.id);
    return ids;
  }

  int Count(Severity severity) const {
    int n = 0;
    for (const Diagnostic& d : diagnostics) n += d.severity == severity;
    return n;
  }

  std::string AllDiagnostics() const {
    std::string s;
    for (const Diagnostic& d : diagnostics) s += d.ToString() + "\n";
    return s;
  }
};

class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("storyline_ingest_test_" + std::to_string(getpid()) + "_" +
             std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }

  // Writes `content` to `relative` (creating folders) and returns its path.
  std::string Write(const std::string& relative, std::string_view content) const {
    const std::filesystem::path p = path_ / relative;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    return p.string();
  }

 private:
  std::filesystem::path path_;
};

}  // namespace storyline::ingest::testing

#endif  // STORYLINE_INGEST_INGEST_TEST_UTIL_H_
