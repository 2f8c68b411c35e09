#include "ingest/feed.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ingest/feed_text.h"
#include "ingest/ingest_test_util.h"
#include "storyline/ingest.h"

namespace storyline::ingest {
namespace {

using testing::Collected;

Collected Feed(const std::string& xml, ReadOptions options = {}) {
  Collected c;
  ReadFeed(xml, "news.rss", options, c.MakeSink());
  return c;
}

const char kRss[] = R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>Tagesblatt &amp; Co</title>
    <link>https://tagesblatt.example/</link>
    <language>de-DE</language>
    <atom:link href="https://tagesblatt.example/feed" rel="self"/>
    <item>
      <title>Kelly trifft Pe&#241;a Nieto</title>
      <link>https://tagesblatt.example/kelly</link>
      <guid isPermaLink="false">tb-1001</guid>
      <pubDate>Thu, 23 Feb 2017 10:51:00 +0100</pubDate>
      <description><![CDATA[<p>Erster Absatz &amp; mehr.</p><p>Zweiter <b>Absatz</b>.</p>]]></description>
    </item>
    <item>
      <title>Nur ein Link</title>
      <link>https://tagesblatt.example/link-only</link>
      <description>Kurz &lt;i&gt;gefasst&lt;/i&gt;&amp;nbsp;hier.</description>
      <content:encoded><![CDATA[<div>Volltext <script>track()</script>im <a href="x">Artikel</a>.</div>]]></content:encoded>
    </item>
    <item>
      <description>Ohne Titel, Link und GUID.</description>
      <pubDate>gestern</pubDate>
    </item>
    <item><link>https://tagesblatt.example/leer</link></item>
  </channel>
</rss>
)";

TEST(FeedTest, Rss2ItemsBecomeArticles) {
  Collected c = Feed(kRss);
  ASSERT_EQ(c.articles.size(), 3u) << c.AllDiagnostics();
  const Article& a = c.articles[0];
  EXPECT_EQ(a.id, "tb-1001");
  EXPECT_EQ(a.title, "Kelly trifft Pe\xC3\xB1" "a Nieto");
  EXPECT_EQ(a.url, "https://tagesblatt.example/kelly");
  EXPECT_EQ(a.source, "Tagesblatt & Co");
  EXPECT_EQ(a.language, "de");
  EXPECT_EQ(a.published.ToIso(), "2017-02-23T10:51:00+01:00");
  EXPECT_EQ(a.text, "Erster Absatz & mehr.\nZweiter Absatz.");
  EXPECT_EQ(a.origin, "news.rss:9");

  const Article& b = c.articles[1];
  EXPECT_EQ(b.id, "https://tagesblatt.example/link-only");  // no guid: the link
  EXPECT_EQ(b.text, "Volltext im Artikel.");                   // content:encoded wins
  EXPECT_FALSE(b.published.known());

  const Article& d = c.articles[2];
  EXPECT_EQ(d.id, "news.rss:3");  // neither guid nor link: file and item number
  EXPECT_EQ(d.title, "");
  EXPECT_EQ(d.text, "Ohne Titel, Link und GUID.");

  ASSERT_EQ(c.diagnostics.size(), 2u) << c.AllDiagnostics();
  EXPECT_EQ(c.diagnostics[0].severity, Severity::kWarning);
  EXPECT_TRUE(c.diagnostics[0].ToString().starts_with("news.rss:22: warning: date of item 3: "))
      << c.diagnostics[0].ToString();
  EXPECT_EQ(c.diagnostics[1].ToString(),
            "news.rss:26: error: item 4 has neither a title nor a text; skipped");
  EXPECT_EQ(c.files_done, (std::vector<std::string>{"news.rss"}));
}

TEST(FeedTest, EscapedHtmlInDescriptionIsConvertedToText) {
  Collected c = Feed(R"(<rss><channel><title>T</title>
<item><title>A &amp;amp; B</title><description>Kurz &lt;i&gt;gefasst&lt;/i&gt;&amp;nbsp;hier.</description></item>
</channel></rss>)");
  ASSERT_EQ(c.articles.size(), 1u) << c.AllDiagnostics();
  EXPECT_EQ(c.articles[0].title, "A & B");
  EXPECT_EQ(c.articles[0].text, "Kurz gefasst\xC2\xA0hier.");
}

const char kAtom[] = R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
  <title type="text">Der Atom-Bote</title>
  <id>urn:uuid:feed</id>
  <updated>2017-02-24T08:00:00Z</updated>
  <entry>
    <title type="html">Treffen &lt;em&gt;in&lt;/em&gt; Mexiko</title>
    <link rel="self" href="https://bote.example/api/1"/>
    <link rel="alternate" type="text/html" href="https://bote.example/1"/>
    <id>urn:bote:1</id>
    <published>2017-02-23T10:51:00+01:00</published>
    <updated>2017-02-23T12:00:00+01:00</updated>
    <summary>Kurzfassung.</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Erster.</p><p>Zweiter &amp; letzter.</p></div></content>
  </entry>
  <entry xml:lang="en">
    <title>Second entry</title>
    <link href="https://bote.example/2"/>
    <id>urn:bote:2</id>
    <updated>2017-02-24</updated>
    <summary type="html">&lt;p&gt;Only a &lt;b&gt;summary&lt;/b&gt;.&lt;/p&gt;</summary>
  </entry>
</feed>
)";

TEST(FeedTest, AtomEntriesBecomeArticles) {
  Collected c = Feed(kAtom);
  EXPECT_EQ(c.AllDiagnostics(), "");
  ASSERT_EQ(c.articles.size(), 2u);
  const Article& a = c.articles[0];
  EXPECT_EQ(a.id, "urn:bote:1");
  EXPECT_EQ(a.title, "Treffen in Mexiko");
  EXPECT_EQ(a.url, "https://bote.example/1");
  EXPECT_EQ(a.source, "Der Atom-Bote");
  EXPECT_EQ(a.language, "de");
  EXPECT_EQ(a.published.ToIso(), "2017-02-23T10:51:00+01:00");  // published before updated
  EXPECT_EQ(a.text, "Erster.\nZweiter & letzter.");             // content before summary
  const Article& b = c.articles[1];
  EXPECT_EQ(b.language, "en");
  EXPECT_EQ(b.url, "https://bote.example/2");
  EXPECT_EQ(b.published.ToIso(), "2017-02-24");
  EXPECT_EQ(b.text, "Only a summary.");
}

TEST(FeedTest, Rss1RdfItems) {
  Collected c = Feed(R"(<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://x.example/"><title>RDF-Kanal</title><dc:language>de</dc:language></channel>
  <item rdf:about="https://x.example/a"><title>A</title><link>https://x.example/a</link>
    <dc:date>2017-02-23T10:51:00+01:00</dc:date></item>
</rdf:RDF>)");
  ASSERT_EQ(c.articles.size(), 1u) << c.AllDiagnostics();
  EXPECT_EQ(c.articles[0].id, "https://x.example/a");
  EXPECT_EQ(c.articles[0].source, "RDF-Kanal");
  EXPECT_EQ(c.articles[0].published.ToIso(), "2017-02-23T10:51:00+01:00");
}

TEST(FeedTest, MalformedFeedKeepsTheItemsBeforeTheError) {
  Collected c = Feed(R"(<rss><channel><title>T</title>
<item><title>Eins</title><description>Gut.</description></item>
<item><title>Zwei</title><description>Auch gut.</description></item>
<item><title>Drei</title><description>Kaputt</descripton></item>
<item><title>Vier</title></item>
</channel></rss>)");
  EXPECT_EQ(c.Ids(), (std::vector<std::string>{"news.rss:1", "news.rss:2"}));
  ASSERT_EQ(c.diagnostics.size(), 1u) << c.AllDiagnostics();
  EXPECT_EQ(c.diagnostics[0].severity, Severity::kError);
  EXPECT_EQ(c.diagnostics[0].line, 4);
  EXPECT_TRUE(c.diagnostics[0].message.starts_with("not well-formed XML (column "))
      << c.diagnostics[0].message;
  EXPECT_NE(c.diagnostics[0].message.find("kept the 2 items before the error"), std::string::npos)
      << c.diagnostics[0].message;
}

TEST(FeedTest, ErrorAfterTheLastItemKeepsIt) {
  Collected c = Feed("<rss><channel><title>T</title>\n<item><title>Eins</title></item>\n</chanel></rss>");
  EXPECT_EQ(c.Ids(), (std::vector<std::string>{"news.rss:1"}));
  ASSERT_EQ(c.diagnostics.size(), 1u) << c.AllDiagnostics();
  EXPECT_EQ(c.diagnostics[0].line, 3);
}

TEST(FeedTest, BadFeedsGiveOneClearMessage) {
  struct Case {
    const char* input;
    Severity severity;
    const char* message_start;
  };
  const Case cases[] = {
      {"", Severity::kError, "empty file"},
      {"  \n ", Severity::kError, "empty file"},
      {"Das ist kein XML, nur Text.", Severity::kError, "not an RSS or Atom feed: not well-formed XML"},
      {"{\"id\": 1}", Severity::kError, "not an RSS or Atom feed: not well-formed XML"},
      {"<?xml version=\"1.0\"?><urlset><url/></urlset>", Severity::kError,
       "not an RSS or Atom feed: the root element is <urlset>"},
      {"<rss><channel><title>Leer</title></channel></rss>", Severity::kWarning,
       "feed has no items"},
      {"<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Leer</title></feed>",
       Severity::kWarning, "feed has no entries"},
  };
  for (const Case& test : cases) {
    Collected c = Feed(test.input);
    EXPECT_TRUE(c.articles.empty()) << test.input;
    ASSERT_EQ(c.diagnostics.size(), 1u) << test.input << "\n" << c.AllDiagnostics();
    EXPECT_EQ(c.diagnostics[0].severity, test.severity) << test.input;
    EXPECT_EQ(c.diagnostics[0].file, "news.rss");
    EXPECT_TRUE(c.diagnostics[0].message.starts_with(test.message_start))
        << test.input << " → " << c.diagnostics[0].message;
    EXPECT_EQ(c.files_done.size(), 1u);
  }
}

TEST(FeedTest, DeclaredLegacyEncodingIsConverted) {
  Collected c = Feed("<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n"
                     "<rss><channel><title>M\xFCnchner Blatt</title><item><title>Stra\xDF" "e</title>"
                     "<description>\x84Zitat\x93 \x80 5</description></item></channel></rss>");
  ASSERT_EQ(c.articles.size(), 1u) << c.AllDiagnostics();
  EXPECT_EQ(c.articles[0].source, "M\xC3\xBCnchner Blatt");
  EXPECT_EQ(c.articles[0].title, "Stra\xC3\x9F" "e");
  EXPECT_EQ(c.articles[0].text, "\xE2\x80\x9EZitat\xE2\x80\x9C \xE2\x82\xAC 5");
}

TEST(FeedTest, OversizedItemIsSkipped) {
  ReadOptions options;
  options.max_article_bytes = 100;
  Collected c = Feed("<rss><channel><item><title>Gro\xC3\x9F</title><description>" +
                         std::string(500, 'x') + "</description></item>"
                         "<item><title>Klein</title></item></channel></rss>",
                     options);
  EXPECT_EQ(c.Ids(), (std::vector<std::string>{"news.rss:2"}));
  ASSERT_EQ(c.diagnostics.size(), 1u) << c.AllDiagnostics();
  EXPECT_NE(c.diagnostics[0].message.find("over the limit of 100 bytes"), std::string::npos);
}

TEST(FeedDateTest, Table) {
  const std::pair<const char*, const char*> cases[] = {
      {"Thu, 23 Feb 2017 10:51:00 +0100", "2017-02-23T10:51:00+01:00"},
      {"23 Feb 2017 10:51:07 GMT", "2017-02-23T10:51:07"},
      {"Thu,23 Feb 2017 10:51 -0500", "2017-02-23T10:51-05:00"},
      {"Mon, 6 Mar 17 08:00:00 CET", "2017-03-06T08:00:00+01:00"},
      {"Sun, 26 Mar 2017 03:00:00 MESZ", "2017-03-26T03:00:00+02:00"},
      {"Do, 02 M\xC3\xA4r 2017 09:00:00 +0100", "2017-03-02T09:00:00+01:00"},
      {"01 Okt 2017", "2017-10-01"},
      {"Tue, 10 Jun 2003 04:00:00 EDT", "2003-06-10T04:00:00-04:00"},
      {"2017-02-23T10:51:00+01:00", "2017-02-23T10:51:00+01:00"},
      {"2017-02-23", "2017-02-23"},
      {"  Fri, 24 Feb 2017 00:00:00 Z  ", "2017-02-24T00:00:00"},
  };
  for (const auto& [input, iso] : cases) {
    Result<PublishedDate> date = internal::ParseFeedDate(input);
    ASSERT_TRUE(date.ok()) << input << ": " << date.status().ToString();
    EXPECT_EQ(date->ToIso(), iso) << input;
  }
  for (const char* bad : {"gestern", "Thu, 30 Feb 2017 10:00:00 GMT", "23 Foo 2017 10:00 GMT",
                          "23 Feb 2017 25:00:00 GMT", "23 Feb 2017 10:00:00 XYZ", ""}) {
    EXPECT_FALSE(internal::ParseFeedDate(bad).ok()) << bad;
  }
}

TEST(HtmlFragmentToTextTest, Table) {
  const std::pair<const char*, const char*> cases[] = {
      {"plain  text\n here", "plain text here"},
      {"<p>Eins</p><p>Zwei</p>", "Eins\nZwei"},
      {"Zeile<br>Zeile<br/>Zeile", "Zeile\nZeile\nZeile"},
      {"A &amp; B &lt;C&gt; &nbsp;&euro;", "A & B <C> \xC2\xA0\xE2\x82\xAC"},
      {"<ul><li>a</li><li>b</li></ul>", "a\nb"},
      {"x<script>var a = '<p>';</script>y<style>p{}</style>z", "xyz"},
      {"<b>fett</b> und <i>kursiv</i>", "fett und kursiv"},
      {"<div><div><p>tief</p></div></div>", "tief"},
      {"", ""},
  };
  for (const auto& [html, text] : cases) {
    EXPECT_EQ(internal::HtmlFragmentToText(html), text) << html;
  }
}

}  // namespace
}  // namespace storyline::ingest
