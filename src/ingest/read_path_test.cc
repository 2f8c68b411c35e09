#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ingest/ingest_test_util.h"
#include "storyline/ingest.h"

namespace storyline::ingest {
namespace {

using testing::Collected;
using testing::TempDir;

Collected ReadAll(const std::string& path, ReadOptions options = {}) {
  Collected c;
  ReadPath(path, options, c.MakeSink());
  return c;
}

const Diagnostic* FindDiagnostic(const Collected& c, const std::string& file) {
  const Diagnostic* found = nullptr;
  for (const Diagnostic& d : c.diagnostics) {
    if (d.file != file) continue;
    EXPECT_EQ(found, nullptr) << "more than one diagnostic for " << file << ":\n"
                              << c.AllDiagnostics();
    found = &d;
  }
  return found;
}

TEST(ReadPathTest, WalksDirectoriesInSortedOrderWithRelativeIds) {
  TempDir dir;
  dir.Write("b.txt", "Text b.");
  dir.Write("a/c.txt", "Text c.");
  dir.Write("a/d.jsonl", "{\"id\":\"d1\",\"text\":\"x\"}\n{\"id\":\"d2\",\"text\":\"y\"}\n");
  dir.Write("a/B.md", "Text B.");
  dir.Write("sub/deeper/e.v2.text", "Text e.");
  dir.Write(".hidden.txt", "hidden");
  dir.Write(".git/x.txt", "hidden too");
  dir.Write("z.pdf", "%PDF-1.4");
  const std::string root = dir.path().string();
  Collected c = ReadAll(root);
  EXPECT_EQ(c.Ids(), (std::vector<std::string>{"a/B", "a/c", "d1", "d2", "b", "sub/deeper/e.v2"}));
  ASSERT_EQ(c.diagnostics.size(), 1u) << c.AllDiagnostics();
  EXPECT_EQ(c.diagnostics[0].severity, Severity::kWarning);
  EXPECT_EQ(c.diagnostics[0].file, root + "/z.pdf");
  EXPECT_NE(c.diagnostics[0].message.find("unsupported file type"), std::string::npos);
  EXPECT_EQ(c.articles[1].origin, root + "/a/c.txt");
  EXPECT_EQ(c.articles[2].origin, root + "/a/d.jsonl:1");
  EXPECT_EQ(c.files_done, (std::vector<std::string>{root + "/a/B.md", root + "/a/c.txt",
                                                    root + "/a/d.jsonl", root + "/b.txt",
                                                    root + "/sub/deeper/e.v2.text"}));
}

TEST(ReadPathTest, FileGivenDirectlyUsesItsStem) {
  TempDir dir;
  const std::string path = dir.Write("sub/article.txt", "Kelly in Mexiko\n\nDer Text.");
  Collected c = ReadAll(path);
  ASSERT_EQ(c.articles.size(), 1u) << c.AllDiagnostics();
  EXPECT_EQ(c.articles[0].id, "article");
  EXPECT_EQ(c.articles[0].origin, path);
  EXPECT_EQ(c.articles[0].title, "Kelly in Mexiko");
}

TEST(ReadPathTest, ExplicitFileWithUnknownExtensionIsSniffed) {
  TempDir dir;
  const std::string jsonl = dir.Write("dump.log", "\n  {\"id\":\"j\",\"text\":\"x\"}\n");
  const std::string text = dir.Write("notes.dat", "Ein Text ohne Endung.");
  Collected c = ReadAll(jsonl);
  ReadPath(text, ReadOptions{}, c.MakeSink());
  EXPECT_EQ(c.AllDiagnostics(), "");
  EXPECT_EQ(c.Ids(), (std::vector<std::string>{"j", "notes"}));
}

TEST(ReadPathTest, MissingPathGivesOneError) {
  Collected c = ReadAll("/nonexistent/storyline/path.jsonl");
  ASSERT_EQ(c.diagnostics.size(), 1u);
  EXPECT_EQ(c.diagnostics[0].ToString(),
            "/nonexistent/storyline/path.jsonl: error: no such file or directory");
  EXPECT_TRUE(c.files_done.empty());
}

TEST(ReadPathTest, StandardInputIsJsonl) {
  std::istringstream fake_stdin("{\"id\":\"s1\",\"text\":\"x\"}\nnot json\n");
  std::streambuf* saved = std::cin.rdbuf(fake_stdin.rdbuf());
  Collected c = ReadAll("-");
  std::cin.rdbuf(saved);
  std::cin.clear();
  EXPECT_EQ(c.Ids(), (std::vector<std::string>{"s1"}));
  EXPECT_EQ(c.articles[0].origin, "-:1");
  ASSERT_EQ(c.diagnostics.size(), 1u);
  EXPECT_TRUE(c.diagnostics[0].ToString().starts_with("-:2: error: not JSON"))
      << c.AllDiagnostics();
}

// Every kind of bad input in one batch: exactly one diagnostic each, and
// every good article still arrives.
TEST(ReadPathTest, BadInputsDoNotStopTheBatch) {
  TempDir dir;
  const std::string root = dir.path().string();
  dir.Write("01_good.txt", "Gute Nachricht.");
  dir.Write("02_empty.txt", "");
  dir.Write("03_binary.txt", std::string("\x7F" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0", 16) +
                                 std::string(200, '\0'));
  dir.Write("04_empty.jsonl", "");
  dir.Write("05_lines.jsonl",
            "{\"id\":\"j1\",\"text\":\"gut\"}\n"
            "{\"id\":\"j2\",\"text\":\"Stra\xDF" "e\"}\n"  // Windows-1252, not UTF-8
            "kein JSON\n"
            "{\"text\":\"ohne id\"}\n"
            "{\"id\":\"j5\"}\n"
            "{\"id\":\"j6\",\"text\":\"gut\",\"published\":\"gestern\"}\n"
            "\n"
            "{\"id\":\"j8\",\"text\":\"gut\"}\r\n");
  dir.Write("06_good.md", "Noch eine gute Nachricht.");
  Collected c = ReadAll(root);

  EXPECT_EQ(c.Ids(), (std::vector<std::string>{"01_good", "j1", "j2", "j6", "j8", "06_good"}));
  EXPECT_EQ(c.Count(Severity::kError), 6) << c.AllDiagnostics();
  EXPECT_EQ(c.Count(Severity::kWarning), 2) << c.AllDiagnostics();
  const Diagnostic* empty = FindDiagnostic(c, root + "/02_empty.txt");
  ASSERT_NE(empty, nullptr);
  EXPECT_EQ(empty->message, "empty file");
  const Diagnostic* binary = FindDiagnostic(c, root + "/03_binary.txt");
  ASSERT_NE(binary, nullptr);
  EXPECT_NE(binary->message.find("binary"), std::string::npos);
  const Diagnostic* empty_jsonl = FindDiagnostic(c, root + "/04_empty.jsonl");
  ASSERT_NE(empty_jsonl, nullptr);
  EXPECT_EQ(empty_jsonl->message, "empty file");

  std::vector<std::string> lines;
  for (const Diagnostic& d : c.diagnostics) {
    if (d.file == root + "/05_lines.jsonl") lines.push_back(d.ToString().substr(root.size() + 1));
  }
  ASSERT_EQ(lines.size(), 5u) << c.AllDiagnostics();
  EXPECT_EQ(lines[0], "05_lines.jsonl:2: warning: not UTF-8 (first bad byte at column 24); read as Windows-1252");
  EXPECT_TRUE(lines[1].starts_with("05_lines.jsonl:3: error: not JSON")) << lines[1];
  EXPECT_TRUE(lines[2].starts_with("05_lines.jsonl:4: error: no 'id'")) << lines[2];
  EXPECT_TRUE(lines[3].starts_with("05_lines.jsonl:5: error: article 'j5' has neither"))
      << lines[3];
  EXPECT_TRUE(lines[4].starts_with("05_lines.jsonl:6: warning: 'published'")) << lines[4];
  EXPECT_EQ(c.files_done.size(), 6u);
}

long MaxRssKiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

TEST(ReadPathTest, HundredMegabyteLineIsSkippedWithoutHoldingIt) {
  TempDir dir;
  const std::string path = (dir.path() / "big.jsonl").string();
  {
    std::ofstream out(path, std::ios::binary);
    out << "{\"id\":\"first\",\"text\":\"ok\"}\n{\"id\":\"huge\",\"text\":\"";
    const std::string block(1u << 20, 'x');
    for (int i = 0; i < 100; ++i) out << block;
    out << "\"}\n{\"id\":\"last\",\"text\":\"ok\"}\n";
  }
  const long before = MaxRssKiB();
  Collected c = ReadAll(path);
  const long grown_mib = (MaxRssKiB() - before) / 1024;
  EXPECT_EQ(c.Ids(), (std::vector<std::string>{"first", "last"}));
  ASSERT_EQ(c.diagnostics.size(), 1u) << c.AllDiagnostics();
  EXPECT_EQ(c.diagnostics[0].line, 2);
  EXPECT_NE(c.diagnostics[0].message.find("over the limit"), std::string::npos);
  EXPECT_LT(grown_mib, 32) << "the oversized line was held in memory";
}

TEST(ReadPathTest, OversizedTextFileIsRejected) {
  TempDir dir;
  const std::string path = dir.Write("big.txt", std::string(5000, 'a'));
  ReadOptions options;
  options.max_article_bytes = 1000;
  Collected c = ReadAll(path, options);
  EXPECT_TRUE(c.articles.empty());
  ASSERT_EQ(c.diagnostics.size(), 1u);
  EXPECT_NE(c.diagnostics[0].message.find("over the limit of 1000 bytes"), std::string::npos);
}

TEST(ReadPathTest, UnreadableFileGivesOneError) {
  if (geteuid() == 0) GTEST_SKIP() << "root can read files without permission";
  TempDir dir;
  dir.Write("a.txt", "Lesbar.");
  const std::string locked = dir.Write("b.txt", "Nicht lesbar.");
  const std::string locked_jsonl = dir.Write("c.jsonl", "{\"id\":\"c\",\"text\":\"x\"}\n");
  chmod(locked.c_str(), 0);
  chmod(locked_jsonl.c_str(), 0);
  Collected c = ReadAll(dir.path().string());
  EXPECT_EQ(c.Ids(), (std::vector<std::string>{"a"}));
  ASSERT_EQ(c.diagnostics.size(), 2u) << c.AllDiagnostics();
  EXPECT_EQ(c.diagnostics[0].file, locked);
  EXPECT_NE(c.diagnostics[0].message.find("cannot open"), std::string::npos);
  EXPECT_EQ(c.diagnostics[1].file, locked_jsonl);
}

TEST(ReadPathTest, ConvertedTextFileGivesWarning) {
  TempDir dir;
  const std::string path = dir.Write(
      "alt.txt",
      "Die Stra\xDF" "e f\xFChrt \xFC" "ber die Br\xFC" "cke nach M\xFCnchen. M\xFCller und "
      "Schr\xF6" "der w\xFCrden n\xE4" "chste Woche \xFC" "ber Geb\xFChren f\xFCr Fu\xDFg\xE4nger "
      "verhandeln, sagte der B\xFCrgermeister. Die \xC4nderungen seien gr\xF6\xDF" "er als "
      "erwartet.");
  Collected c = ReadAll(path);
  ASSERT_EQ(c.articles.size(), 1u) << c.AllDiagnostics();
  ASSERT_EQ(c.diagnostics.size(), 1u);
  EXPECT_EQ(c.diagnostics[0].severity, Severity::kWarning);
  EXPECT_TRUE(c.diagnostics[0].ToString().starts_with(path + ": warning: converted from "))
      << c.diagnostics[0].ToString();
  EXPECT_TRUE(c.articles[0].text.starts_with("Die Stra\xC3\x9F" "e"));
}

TEST(ReadPathTest, Seeds) {
  const std::filesystem::path seeds = std::filesystem::path(STORYLINE_SHARED_DIR) / "seeds";
  if (!std::filesystem::is_directory(seeds)) GTEST_SKIP() << seeds << " not found";
  Collected c = ReadAll(seeds.string());
  EXPECT_EQ(c.AllDiagnostics(), "");
  ASSERT_EQ(c.articles.size(), 5u);
  EXPECT_EQ(c.articles[0].id, "000_e217758aa02faa00");
  EXPECT_EQ(c.articles[0].published.ToIso(), "2017-02");
  EXPECT_EQ(c.articles[0].published.precision, DatePrecision::kMonth);
  EXPECT_TRUE(c.articles[0].text.starts_with("Der amerikanische Heimatschutzminister"));
  for (const Article& a : c.articles) {
    EXPECT_EQ(a.title, "") << a.id;
    EXPECT_FALSE(a.text.empty()) << a.id;
    EXPECT_EQ(a.origin, (seeds / (a.id + ".txt")).string());
  }
  for (size_t i = 1; i < c.articles.size(); ++i) {
    EXPECT_FALSE(c.articles[i].published.known()) << c.articles[i].id;
  }
  // A trailing slash changes neither the ids nor the order.
  EXPECT_EQ(ReadAll(seeds.string() + "/").Ids(), c.Ids());
}

}  // namespace
}  // namespace storyline::ingest
