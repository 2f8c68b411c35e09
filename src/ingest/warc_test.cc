#include "ingest/warc.h"

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "ingest/gzip_test_util.h"
#include "ingest/ingest_test_util.h"
#include "ingest/sniff.h"
#include "storyline/ingest.h"

namespace storyline::ingest::internal {
namespace {

using testing::Collected;
using testing::Gzip;

// Stands in for the HTML extractor: title from <title>, the body bytes as
// text, a date only when the page has <meta name="date">.
Result<Article> StubPage(const HtmlPage& page, std::vector<Diagnostic>*) {
  const std::string_view html = page.bytes;
  Article a;
  const size_t t = html.find("<title>");
  if (t != std::string_view::npos) {
    a.title = std::string(html.substr(t + 7, html.find("</title>") - t - 7));
  }
  const size_t b = html.find("<body>");
  a.text = std::string(b == std::string_view::npos ? html : html.substr(b + 6, html.find("</body>") - b - 6));
  if (html.find("<meta name=\"date\" content=\"2017-02-20\">") != std::string_view::npos) {
    a.published = *ParsePublishedDate("2017-02-20");
  }
  if (a.text.empty()) return Status::InvalidArgument("page without text");
  return a;
}

std::string Http(std::string_view status, std::string_view headers, std::string_view body) {
  return std::string("HTTP/1.1 ") + std::string(status) + "\r\n" + std::string(headers) +
         "\r\n" + std::string(body);
}

std::string Page(std::string_view title, std::string_view text, std::string_view extra_head = "") {
  return "<!DOCTYPE html><html><head><title>" + std::string(title) + "</title>" +
         std::string(extra_head) + "</head><body>" + std::string(text) + "</body></html>";
}

// One WARC record; `length_error` is added to the true Content-Length.
std::string Record(std::string_view type, std::string_view uri, std::string_view block,
                   long length_error = 0, std::string_view version = "WARC/1.0") {
  std::string r = std::string(version) + "\r\nWARC-Type: " + std::string(type) + "\r\n";
  if (!uri.empty()) r += "WARC-Target-URI: " + std::string(uri) + "\r\n";
  r += "WARC-Date: 2017-02-23T11:00:00Z\r\nWARC-Record-ID: <urn:uuid:x>\r\n";
  if (type == "response") r += "Content-Type: application/http; msgtype=response\r\n";
  r += "Content-Length: " + std::to_string(static_cast<long>(block.size()) + length_error) +
       "\r\n\r\n";
  r += std::string(block) + "\r\n\r\n";
  return r;
}

Collected Read(const std::string& warc, size_t max_record_bytes = kMaxDecodedBytes,
               ReadOptions options = {}) {
  Collected c;
  std::istringstream in(warc);
  ReadWarcWith(in, "crawl.warc", options, c.MakeSink(), StubPage, max_record_bytes);
  return c;
}

std::string Chunked(std::string_view body) {
  std::string out;
  for (size_t pos = 0; pos < body.size(); pos += 7) {
    const std::string_view part = body.substr(pos, 7);
    char size[16];
    snprintf(size, sizeof size, "%zx", part.size());
    out += std::string(size) + ";ext=1\r\n" + std::string(part) + "\r\n";
  }
  return out + "0\r\nX-Trailer: y\r\n\r\n";
}

// A small crawl: every kind of record once, two pages that become articles.
std::vector<std::string> Crawl() {
  const std::string page2 = Page("Zwei", "Gzip und chunked.");
  return {
      Record("warcinfo", "", "software: test\r\nformat: WARC File Format 1.0\r\n"),
      Record("request", "https://a.example/1", "GET /1 HTTP/1.1\r\nHost: a.example\r\n\r\n"),
      Record("response", "https://a.example/1",
             Http("200 OK", "Content-Type: text/html; charset=utf-8\r\n",
                  Page("Eins", "Erster Artikel."))),
      Record("metadata", "https://a.example/1", "outlinks: x\r\n"),
      Record("request", "https://a.example/2", "GET /2 HTTP/1.1\r\n\r\n"),
      Record("response", "https://a.example/2",
             Http("200 OK",
                  "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n"
                  "Content-Encoding: gzip\r\n",
                  Chunked(Gzip(page2)))),
      Record("response", "https://a.example/logo.png",
             Http("200 OK", "Content-Type: image/png\r\n", "\x89PNG\r\n")),
      Record("response", "https://a.example/alt", Http("301 Moved", "Location: /1\r\n", "")),
      Record("revisit", "https://a.example/1", Http("200 OK", "Content-Type: text/html\r\n", "")),
      Record("response", "https://a.example/3",
             Http("200 OK", "", Page("Drei", "Ohne Content-Type.",
                                     "<meta name=\"date\" content=\"2017-02-20\">"))),
  };
}

std::string Join(const std::vector<std::string>& records) {
  std::string out;
  for (const std::string& r : records) out += r;
  return out;
}

std::string GzipEach(const std::vector<std::string>& records) {
  std::string out;
  for (const std::string& r : records) out += Gzip(r);
  return out;
}

void ExpectCrawlArticles(const Collected& c) {
  ASSERT_EQ(c.articles.size(), 3u) << c.AllDiagnostics();
  EXPECT_EQ(c.Ids(), (std::vector<std::string>{"https://a.example/1", "https://a.example/2",
                                                "https://a.example/3"}));
  EXPECT_EQ(c.articles[0].title, "Eins");
  EXPECT_EQ(c.articles[0].text, "Erster Artikel.");
  EXPECT_EQ(c.articles[0].url, "https://a.example/1");
  // No date in the page: the capture date stands in.
  EXPECT_EQ(c.articles[0].published.ToIso(), "2017-02-23T11:00:00");
  EXPECT_EQ(c.articles[1].text, "Gzip und chunked.");
  // The page's own date wins over the capture date.
  EXPECT_EQ(c.articles[2].published.ToIso(), "2017-02-20");
  EXPECT_TRUE(c.articles[0].origin.starts_with("crawl.warc@")) << c.articles[0].origin;
}

const char kSkipped[] =
    "crawl.warc: warning: skipped 7 records: 2 request, 1 warcinfo, 1 metadata, "
    "1 non-HTML response, 1 non-200 response, 1 revisit";

TEST(WarcTest, ResponsesBecomeArticlesAndTheRestIsCounted) {
  Collected c = Read(Join(Crawl()));
  ExpectCrawlArticles(c);
  ASSERT_EQ(c.diagnostics.size(), 1u) << c.AllDiagnostics();
  EXPECT_EQ(c.diagnostics[0].ToString(), kSkipped);
  EXPECT_EQ(c.files_done, (std::vector<std::string>{"crawl.warc"}));
}

TEST(WarcTest, GzipPerRecordAndWholeFileGzipReadTheSame) {
  for (const std::string& gz : {GzipEach(Crawl()), Gzip(Join(Crawl()))}) {
    Collected c = Read(gz);
    ExpectCrawlArticles(c);
    ASSERT_EQ(c.diagnostics.size(), 1u) << c.AllDiagnostics();
    EXPECT_EQ(c.diagnostics[0].ToString(), kSkipped);
  }
}

TEST(WarcTest, Warc11AndOffsetsInOrigin) {
  const std::string first = Record("warcinfo", "", "x");
  const std::string page = Record("response", "https://b.example/",
                                  Http("200 OK", "Content-Type: text/html\r\n", Page("T", "Text.")),
                                  0, "WARC/1.1");
  Collected c = Read(first + page);
  ASSERT_EQ(c.articles.size(), 1u) << c.AllDiagnostics();
  EXPECT_EQ(c.articles[0].origin, "crawl.warc@" + std::to_string(first.size()));
}

TEST(WarcTest, ContentLengthTooLongResyncsAtTheNextRecord) {
  std::vector<std::string> records = Crawl();
  records[2] = Record("response", "https://a.example/1",
                      Http("200 OK", "Content-Type: text/html\r\n", Page("Eins", "Erster.")), 40);
  Collected c = Read(GzipEach(records));
  EXPECT_EQ(c.Ids(), (std::vector<std::string>{"https://a.example/2", "https://a.example/3"}));
  ASSERT_EQ(c.Count(Severity::kError), 1) << c.AllDiagnostics();
  const Diagnostic& d = c.diagnostics[0];
  EXPECT_EQ(d.file, "crawl.warc");
  EXPECT_TRUE(d.message.starts_with("record 3 (response, offset ")) << d.message;
  EXPECT_NE(d.message.find("Content-Length"), std::string::npos) << d.message;
  EXPECT_NE(d.message.find("runs into the next record"), std::string::npos) << d.message;
}

TEST(WarcTest, ContentLengthTooShortResyncsAtTheNextRecord) {
  std::vector<std::string> records = Crawl();
  records[2] = Record("response", "https://a.example/1",
                      Http("200 OK", "Content-Type: text/html\r\n", Page("Eins", "Erster.")), -25);
  Collected c = Read(Join(records));
  EXPECT_EQ(c.Ids(), (std::vector<std::string>{"https://a.example/2", "https://a.example/3"}));
  ASSERT_EQ(c.Count(Severity::kError), 1) << c.AllDiagnostics();
  EXPECT_TRUE(c.diagnostics[0].message.starts_with("record 3 (response, offset "))
      << c.diagnostics[0].message;
  EXPECT_NE(c.diagnostics[0].message.find("not followed by CRLF CRLF"), std::string::npos);
  // The records after the broken one are all counted.
  EXPECT_EQ(c.diagnostics.back().ToString(), kSkipped);
}

TEST(WarcTest, ContentLengthPastTheEndOfTheFile) {
  const std::string good = Record("response", "https://c.example/1",
                                  Http("200 OK", "Content-Type: text/html\r\n", Page("T", "Gut.")));
  Collected c = Read(good + Record("response", "https://c.example/2",
                                   Http("200 OK", "Content-Type: text/html\r\n", Page("T", "X.")),
                                   5000));
  EXPECT_EQ(c.Ids(), (std::vector<std::string>{"https://c.example/1"}));
  ASSERT_EQ(c.diagnostics.size(), 1u) << c.AllDiagnostics();
  EXPECT_TRUE(c.diagnostics[0].message.starts_with("record 2 (response, offset " +
                                                    std::to_string(good.size()) + ")"))
      << c.diagnostics[0].message;
  EXPECT_NE(c.diagnostics[0].message.find("runs past the end of the file"), std::string::npos);
}

TEST(WarcTest, TruncatedGzipKeepsTheRecordsBeforeIt) {
  std::vector<std::string> records = Crawl();
  std::string gz = GzipEach({records[2], records[5]});
  const std::string last = Gzip(records[9]);
  gz += last.substr(0, last.size() / 2);
  Collected c = Read(gz);
  EXPECT_EQ(c.Ids(), (std::vector<std::string>{"https://a.example/1", "https://a.example/2"}));
  ASSERT_EQ(c.diagnostics.size(), 1u) << c.AllDiagnostics();
  EXPECT_EQ(c.diagnostics[0].severity, Severity::kError);
  EXPECT_NE(c.diagnostics[0].message.find("truncated gzip data"), std::string::npos)
      << c.diagnostics[0].message;
  EXPECT_NE(c.diagnostics[0].message.find("record"), std::string::npos);
  EXPECT_NE(c.diagnostics[0].message.find("records before it were kept"), std::string::npos);
}

TEST(WarcTest, GzipBombInABodyIsCapped) {
  const std::string bomb = Gzip(std::string(4u << 20, ' '));  // 4 MiB of spaces, a few KiB packed
  const std::vector<std::string> records = {
      Record("response", "https://bomb.example/",
             Http("200 OK", "Content-Type: text/html\r\nContent-Encoding: gzip\r\n", bomb)),
      Crawl()[2]};
  Collected c = Read(Join(records), /*max_record_bytes=*/1u << 20);
  EXPECT_EQ(c.Ids(), (std::vector<std::string>{"https://a.example/1"}));
  ASSERT_EQ(c.diagnostics.size(), 1u) << c.AllDiagnostics();
  EXPECT_TRUE(c.diagnostics[0].message.starts_with("record 1 (response, offset 0) <https://bomb.example/>"))
      << c.diagnostics[0].message;
  EXPECT_NE(c.diagnostics[0].message.find("over the limit of 1048576 bytes"), std::string::npos);
}

TEST(WarcTest, OversizedRecordIsSkippedWithoutHoldingIt) {
  const std::vector<std::string> records = {
      Record("response", "https://big.example/",
             Http("200 OK", "Content-Type: text/html\r\n", Page("Big", std::string(5000, 'x')))),
      Crawl()[2]};
  Collected c = Read(Join(records), /*max_record_bytes=*/1000);
  EXPECT_EQ(c.Ids(), (std::vector<std::string>{"https://a.example/1"}));
  ASSERT_EQ(c.diagnostics.size(), 1u) << c.AllDiagnostics();
  EXPECT_NE(c.diagnostics[0].message.find("over the limit of 1000 bytes"), std::string::npos);
}

TEST(WarcTest, BadInputGivesOneMessageEach) {
  struct Case {
    std::string input;
    std::string message_start;
  };
  const std::string good = Crawl()[2];
  const Case cases[] = {
      {"", "empty file"},
      {"garbage line\r\nmore\r\n" + good, "offset 0: expected a record header 'WARC/1.0'"},
      {"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: abc\r\n\r\nxx\r\n\r\n" + good,
       "record 1 (response, offset 0): invalid Content-Length"},
      {"WARC/1.0\r\nWARC-Type: response\r\n\r\n" + good,
       "record 1 (response, offset 0): no Content-Length"},
      {"WARC/0.9 1234 response\r\n\r\n" + good, "record 1 (untyped, offset 0): unsupported version"},
      {Record("response", "https://x.example/", Http("200 OK", "Content-Type: text/html\r\n"
                                                     "Content-Encoding: gzip\r\n", "not gzip")) + good,
       "record 1 (response, offset 0) <https://x.example/>: corrupt compressed body"},
      {Record("response", "https://x.example/", Http("200 OK", "Content-Type: text/html\r\n"
                                                     "Transfer-Encoding: chunked\r\n", "zz\r\nab")) + good,
       "record 1 (response, offset 0) <https://x.example/>: bad chunk size 'zz'"},
      {Record("response", "https://x.example/", "FTP nonsense") + good, ""},
      {Record("response", "https://x.example/", Http("200 OK", "Content-Type: text/html\r\n", "")) + good,
       "record 1 (response, offset 0) <https://x.example/>: page without text"},
  };
  for (const Case& test : cases) {
    Collected c = Read(test.input);
    int errors = c.Count(Severity::kError);
    if (test.message_start.empty()) {
      EXPECT_EQ(errors, 0) << c.AllDiagnostics();
    } else {
      ASSERT_EQ(errors, 1) << test.input.substr(0, 60) << "\n" << c.AllDiagnostics();
      EXPECT_TRUE(c.diagnostics[0].message.starts_with(test.message_start))
          << c.diagnostics[0].message;
    }
    if (test.input.size() > good.size()) {
      EXPECT_EQ(c.Ids(), (std::vector<std::string>{"https://a.example/1"})) << c.AllDiagnostics();
    }
    EXPECT_EQ(c.files_done.size(), 1u);
  }
}

TEST(DechunkTest, Table) {
  const std::pair<std::string, std::string> good[] = {
      {"0\r\n\r\n", ""},
      {"5\r\nhello\r\n0\r\n\r\n", "hello"},
      {"5;name=v\r\nhello\r\n6\r\n world\r\n0\r\nTrailer: x\r\n\r\n", "hello world"},
      {"A\r\n0123456789\r\n0\r\n", "0123456789"},
      {"3\nabc\n0\n\n", "abc"},
  };
  for (const auto& [in, out] : good) {
    Result<std::string> r = Dechunk(in, 1000);
    ASSERT_TRUE(r.ok()) << in << ": " << r.status().ToString();
    EXPECT_EQ(*r, out);
  }
  for (const std::string bad : {"", "5\r\nhel", "x\r\nabc\r\n0\r\n", "3\r\nabcd\r\n0\r\n"}) {
    EXPECT_FALSE(Dechunk(bad, 1000).ok()) << bad;
  }
  EXPECT_FALSE(Dechunk("5\r\nhello\r\n0\r\n\r\n", 4).ok());
}

}  // namespace
}  // namespace storyline::ingest::internal
