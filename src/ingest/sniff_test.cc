#include "ingest/sniff.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ingest/gzip_test_util.h"
#include "ingest/ingest_test_util.h"
#include "storyline/ingest.h"

namespace storyline::ingest::internal {
namespace {

using testing::Collected;
using testing::Gzip;
using testing::TempDir;

TEST(SniffTest, ContentTable) {
  const std::pair<std::string, ContentKind> cases[] = {
      {"WARC/1.0\r\nWARC-Type: warcinfo", ContentKind::kWarc},
      {"WARC/1.1\r\n", ContentKind::kWarc},
      {"<?xml version=\"1.0\"?>\n<rss version=\"2.0\">", ContentKind::kFeed},
      {"\xEF\xBB\xBF<?xml version='1.0'?><!-- c --><?xml-stylesheet href='s'?>\n<feed xmlns=\"a\">",
       ContentKind::kFeed},
      {"<rdf:RDF xmlns:rdf=\"x\">", ContentKind::kFeed},
      {"  <rss>", ContentKind::kFeed},
      {"<!DOCTYPE html>\n<html>", ContentKind::kHtml},
      {"<!doctype HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">", ContentKind::kHtml},
      {"<!-- saved from url=(0014)about:internet -->\n<HTML lang=de>", ContentKind::kHtml},
      {"<?xml version=\"1.0\"?><!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0\"><html>",
       ContentKind::kHtml},
      {std::string("\xFF\xFE<\0r\0s\0s\0>\0", 12), ContentKind::kFeed},
      {"<?xml version=\"1.0\"?><urlset>", ContentKind::kUnknown},
      {"<div>fragment</div>", ContentKind::kUnknown},
      {"{\"id\": 1}", ContentKind::kUnknown},
      {"Ein Text.", ContentKind::kUnknown},
      {"<!-- never closed", ContentKind::kUnknown},
      {"", ContentKind::kUnknown},
  };
  for (const auto& [head, kind] : cases) {
    EXPECT_EQ(ContentKindName(SniffContent(head)), ContentKindName(kind)) << head;
  }
}

TEST(SniffTest, NameTable) {
  const std::tuple<const char*, ContentKind, bool> cases[] = {
      {"a.txt", ContentKind::kText, false},     {"a.MD", ContentKind::kText, false},
      {"a.jsonl.gz", ContentKind::kJsonl, true}, {"a.html", ContentKind::kHtml, false},
      {"a.HTM", ContentKind::kHtml, false},     {"a.html.gz", ContentKind::kHtml, true},
      {"a.xml", ContentKind::kFeed, false},     {"a.rss", ContentKind::kFeed, false},
      {"a.atom", ContentKind::kFeed, false},    {"a.warc", ContentKind::kWarc, false},
      {"a.warc.gz", ContentKind::kWarc, true},  {"a.gz", ContentKind::kUnknown, true},
      {"a.pdf", ContentKind::kUnknown, false},  {"README", ContentKind::kUnknown, false},
  };
  for (const auto& [name, kind, gzip] : cases) {
    bool is_gzip = !gzip;
    EXPECT_EQ(ContentKindName(KindByName(name, &is_gzip)), ContentKindName(kind)) << name;
    EXPECT_EQ(is_gzip, gzip) << name;
  }
}

Result<Article> StubPage(const HtmlPage& page, std::vector<Diagnostic>*) {
  Article a;
  a.title = "page";
  a.text = std::string(page.bytes.substr(0, 40));
  return a;
}

Collected ReadAll(const std::string& path) {
  Collected c;
  ReadPathWith(path, ReadOptions{}, c.MakeSink(), StubPage);
  return c;
}

const char kFeed[] =
    "<?xml version=\"1.0\"?><rss><channel><title>Feed</title>"
    "<item><guid>f1</guid><title>Eins</title></item></channel></rss>";
const char kHtml[] = "<!DOCTYPE html><html><body>Seite</body></html>";

std::string MiniWarc() {
  const std::string http =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + std::string(kHtml);
  return "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://w.example/\r\n"
         "WARC-Date: 2017-02-23T11:00:00Z\r\nContent-Length: " +
         std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
}

TEST(ReadPathDispatchTest, ContentWinsOverMisleadingExtensions) {
  TempDir dir;
  const std::string root = dir.path().string();
  dir.Write("a_feed_named.txt", kFeed);
  dir.Write("b_page_named.xml", kHtml);
  dir.Write("c_warc_named.html", MiniWarc());
  dir.Write("d_gzipped_feed.bin", Gzip(kFeed));
  dir.Write("e_gzipped_warc.dat", Gzip(MiniWarc()));
  dir.Write("f_page", kHtml);                       // no extension, sniffed
  dir.Write("g_text.txt", "Ein ganz normaler Text.");
  dir.Write("h_lines.jsonl.gz", Gzip("{\"id\":\"j1\",\"text\":\"gepackt\"}\n"));
  dir.Write("i_page.html.gz", Gzip(kHtml));
  dir.Write("j_notes.bin", "no signature");         // skipped with a warning
  Collected c = ReadAll(root);
  EXPECT_EQ(c.Ids(), (std::vector<std::string>{"f1", "b_page_named", "https://w.example/", "f1",
                                                "https://w.example/", "f_page", "g_text", "j1",
                                                "i_page"}));
  ASSERT_EQ(c.diagnostics.size(), 1u) << c.AllDiagnostics();
  EXPECT_EQ(c.diagnostics[0].file, root + "/j_notes.bin");
  EXPECT_NE(c.diagnostics[0].message.find("unsupported file type"), std::string::npos);
  EXPECT_EQ(c.articles[6].title, "");  // the text reader, unchanged
  EXPECT_EQ(c.articles[8].origin, root + "/i_page.html.gz");
  EXPECT_EQ(c.files_done.size(), 9u);
}

TEST(ReadPathDispatchTest, DirectoryOfSavedPages) {
  TempDir dir;
  dir.Write("site/a.html", kHtml);
  dir.Write("site/b.htm", "<html><body>B</body></html>");
  dir.Write("site/sub/c.xhtml", "<?xml version=\"1.0\"?><html xmlns=\"x\"><body>C</body></html>");
  Collected c = ReadAll((dir.path() / "site").string());
  EXPECT_EQ(c.AllDiagnostics(), "");
  EXPECT_EQ(c.Ids(), (std::vector<std::string>{"a", "b", "sub/c"}));
}

TEST(ReadPathDispatchTest, FilesGivenDirectly) {
  TempDir dir;
  const std::string feed = dir.Write("x.log", kFeed);
  const std::string gz = dir.Write("archive.warc.gz", Gzip(MiniWarc()) + Gzip(MiniWarc()));
  const std::string page = dir.Write("saved.html.gz", Gzip(kHtml));
  Collected c = ReadAll(feed);
  ReadPathWith(gz, ReadOptions{}, c.MakeSink(), StubPage);
  ReadPathWith(page, ReadOptions{}, c.MakeSink(), StubPage);
  EXPECT_EQ(c.AllDiagnostics(), "");
  EXPECT_EQ(c.Ids(), (std::vector<std::string>{"f1", "https://w.example/", "https://w.example/",
                                                "saved"}));
}

TEST(ReadPathDispatchTest, BadCompressedFilesDoNotStopTheBatch) {
  TempDir dir;
  const std::string root = dir.path().string();
  const std::string warc = Gzip(MiniWarc()) + Gzip(MiniWarc());
  dir.Write("a.warc.gz", warc.substr(0, warc.size() - 20));  // truncated
  dir.Write("b.html.gz", Gzip(kHtml).substr(0, 12));
  dir.Write("c.rss", "Das ist kein Feed.");
  dir.Write("d.rss", "");
  dir.Write("e.txt.gz", Gzip(std::string(9u << 20, 'a')));  // over the 8 MiB article limit
  dir.Write("f.html", kHtml);
  Collected c = ReadAll(root);
  EXPECT_EQ(c.Ids(), (std::vector<std::string>{"https://w.example/", "f"}));
  ASSERT_EQ(c.diagnostics.size(), 5u) << c.AllDiagnostics();
  for (const Diagnostic& d : c.diagnostics) EXPECT_EQ(d.severity, Severity::kError) << d.ToString();
  EXPECT_NE(c.diagnostics[0].message.find("truncated gzip data"), std::string::npos);
  EXPECT_EQ(c.diagnostics[0].file, root + "/a.warc.gz");
  EXPECT_EQ(c.diagnostics[1].file, root + "/b.html.gz");
  EXPECT_NE(c.diagnostics[1].message.find("truncated gzip data"), std::string::npos);
  EXPECT_TRUE(c.diagnostics[2].message.starts_with("not an RSS or Atom feed"));
  EXPECT_EQ(c.diagnostics[3].message, "empty file");
  EXPECT_NE(c.diagnostics[4].message.find("over the limit"), std::string::npos);
  EXPECT_EQ(c.files_done.size(), 6u);
}

TEST(ReadPathDispatchTest, DefaultParserReadsAWarcGzipBomb) {
  // Through the real entry point: a record whose gzip body inflates past
  // 32 MiB is refused, the next record still goes in.
  TempDir dir;
  const std::string bomb = Gzip(std::string((32u << 20) + 1, ' '));
  const std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n" + bomb;
  const std::string record = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://bomb/\r\n"
                             "Content-Length: " + std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
  const std::string article =
      "<!DOCTYPE html><html lang=\"de\"><head><title>Kelly in Mexiko</title></head><body>"
      "<article><h1>Kelly in Mexiko</h1>"
      "<p>Der amerikanische Heimatschutzminister John Kelly ist am Donnerstag in Mexiko-Stadt "
      "mit Pr\xC3\xA4sident Enrique Pe\xC3\xB1" "a Nieto zusammengetroffen, um \xC3\xBC" "ber die "
      "neue Einwanderungspolitik der Vereinigten Staaten zu sprechen.</p>"
      "<p>Die mexikanische Regierung hatte zuvor erkl\xC3\xA4rt, sie werde keine Entscheidungen "
      "akzeptieren, die ihr einseitig aufgezwungen w\xC3\xBCrden, und verlangte Gespr\xC3\xA4" "che "
      "auf Augenh\xC3\xB6he \xC3\xBC" "ber Handel, Sicherheit und Migration.</p>"
      "</article></body></html>";
  const std::string page_http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + article;
  const std::string page = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://w.example/\r\n"
                           "Content-Length: " + std::to_string(page_http.size()) + "\r\n\r\n" +
                           page_http + "\r\n\r\n";
  const std::string path = dir.Write("bomb.warc.gz", Gzip(record) + Gzip(page));
  Collected c;
  ReadPath(path, ReadOptions{}, c.MakeSink());
  EXPECT_EQ(c.Ids(), (std::vector<std::string>{"https://w.example/"}));
  ASSERT_EQ(c.diagnostics.size(), 1u) << c.AllDiagnostics();
  EXPECT_NE(c.diagnostics[0].message.find("gzip bomb"), std::string::npos) << c.diagnostics[0].message;
  ASSERT_EQ(c.articles.size(), 1u);
  EXPECT_EQ(c.articles[0].title, "Kelly in Mexiko");
  EXPECT_TRUE(c.articles[0].text.starts_with("Der amerikanische Heimatschutzminister"))
      << c.articles[0].text;
}

TEST(ReadPathDispatchTest, DefaultParserHonoursTheHttpCharset) {
  TempDir dir;
  // Latin-1 bytes behind a <meta> that claims UTF-8: the HTTP header wins.
  const std::string article =
      "<html><head><meta charset=\"utf-8\"><title>Gespr\xE4" "che in Mexiko</title></head><body>"
      "<article><p>Die mexikanische Regierung verlangte Gespr\xE4" "che auf Augenh\xF6he \xFC" "ber "
      "Handel, Sicherheit und Migration, sagte der Au\xDF" "enminister am Donnerstag vor "
      "Journalisten in der Hauptstadt.</p><p>Beide Seiten wollen sich im Fr\xFChjahr erneut "
      "treffen, um die Gespr\xE4" "che \xFC" "ber die gemeinsame Grenze fortzusetzen.</p>"
      "</article></body></html>";
  const std::string http =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1\r\n\r\n" + article;
  const std::string path = dir.Write(
      "latin1.warc", "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://l.example/\r\n"
                     "WARC-Date: 2017-02-23T11:00:00Z\r\nContent-Length: " +
                         std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n");
  Collected c;
  ReadPath(path, ReadOptions{}, c.MakeSink());
  ASSERT_EQ(c.articles.size(), 1u) << c.AllDiagnostics();
  EXPECT_EQ(c.articles[0].title, "Gespr\xC3\xA4" "che in Mexiko");
  EXPECT_NE(c.articles[0].text.find("Augenh\xC3\xB6he"), std::string::npos) << c.articles[0].text;
  EXPECT_EQ(c.articles[0].url, "https://l.example/");
  EXPECT_EQ(c.articles[0].published.ToIso(), "2017-02-23T11:00:00");  // the capture date
}

}  // namespace
}  // namespace storyline::ingest::internal
