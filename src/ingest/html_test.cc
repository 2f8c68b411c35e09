#include <zlib.h>

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ingest/html_internal.h"
#include "storyline/ingest.h"

namespace storyline::ingest {
namespace {

const std::string kPara1 =
    "The minister met his counterpart in the capital on Thursday, and both sides agreed to "
    "continue the talks about trade and migration next month.";
const std::string kPara2 =
    "Critics said the meeting produced few concrete results, while supporters pointed to the "
    "friendly tone of the joint press conference afterwards.";
const std::string kPara3 =
    "A spokesperson declined to comment on the details of the agreement, saying that the "
    "negotiations were still going on and nothing was final yet.";

Result<HtmlDocument> Parse(const std::string& html, std::vector<Diagnostic>* warnings = nullptr) {
  return ParseHtmlArticle(html, "https://example.org/a", "page.html", warnings);
}

std::string Gzip(const std::string& data) {
  z_stream zs{};
  deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, data.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

TEST(HtmlArticle, RemovesBoilerplateAndKeepsBodyInOrder) {
  const std::string html =
      "<html lang=\"en\"><head><title>Talks continue | Example News</title></head><body>"
      "<nav><ul><li><a href=/>Home</a></li><li><a href=/world>World</a></li></ul></nav>"
      "<div id=\"cookie-banner\"><p>We use cookies to improve your experience on this site. "
      "By continuing to browse you agree to our use of cookies and similar tools.</p></div>"
      "<article><h1>Talks continue</h1><p>" + kPara1 + "</p><h2>Reactions</h2><p>" + kPara2 +
      "</p><ul><li>Trade quotas</li><li>Border controls</li></ul>"
      "<blockquote>We are making progress, step by step.</blockquote><p>" + kPara3 + "</p>"
      "<div class=\"share-bar\"><a href=#>Share on Facebook</a> <a href=#>Tweet</a></div>"
      "<div class=\"related-articles\"><h3>Related</h3><ul><li><a href=/x>Another story about "
      "trade</a></li><li><a href=/y>Yet another story</a></li></ul></div></article>"
      "<section class=\"comments\"><p>This is a very long reader comment that says many things "
      "about the talks, the minister and the weather, none of which is the article.</p></section>"
      "<footer><p>Copyright 2024 Example News. All rights reserved.</p></footer></body></html>";
  Result<HtmlDocument> doc = Parse(html);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->article.text, kPara1 + "\nReactions\n" + kPara2 +
                                   "\nTrade quotas\nBorder controls\nWe are making progress, step by step.\n" +
                                   kPara3);
  EXPECT_EQ(doc->article.title, "Talks continue");
  EXPECT_EQ(doc->article.language, "en");
}

TEST(HtmlArticle, GermanFurnitureIsRemoved) {
  const std::string html =
      "<html lang=de><body><main><p>Der Außenminister traf am Donnerstag seinen Amtskollegen in "
      "Mexiko-Stadt, um über Handel und Migration zu sprechen.</p><p>Weitere Videos</p><p>Beide "
      "Seiten vereinbarten, die Gespräche im kommenden Monat fortzusetzen, hieß es.</p>"
      "<div class=\"spenden-box\"><p>Unterstützen Sie unabhängigen Journalismus mit einer Spende, "
      "damit wir auch morgen noch berichten können, was wichtig ist.</p></div></main></body></html>";
  Result<HtmlDocument> doc = Parse(html);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->article.text.find("Weitere Videos"), std::string::npos) << doc->article.text;
  EXPECT_EQ(doc->article.text.find("Spende"), std::string::npos) << doc->article.text;
  EXPECT_NE(doc->article.text.find("Außenminister"), std::string::npos);
  EXPECT_NE(doc->article.text.find("fortzusetzen"), std::string::npos);
}

// Layout classes on the wrapper of the whole article ("with-sidebar",
// "node--promoted", "has-ads") do not make it boilerplate: it holds most of
// the page's running text, however long the teaser lists around it are.
TEST(HtmlArticle, NegativeClassOnTheArticleWrapperIsOverruled) {
  std::string teasers;
  for (int i = 0; i < 12; ++i) {
    teasers += "<li><a href=/t" + std::to_string(i) + ">Another headline about something else that "
               "happened somewhere today</a></li>";
  }
  const std::string html =
      "<html><body><div class=\"layout with-sidebar-right\"><article class=\"node node--promoted\">"
      "<p>" + kPara1 + "</p><p>" + kPara2 + "</p><p>" + kPara3 + "</p></article></div>"
      "<ul class=\"more\">" + teasers + "</ul></body></html>";
  Result<HtmlDocument> doc = Parse(html);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->article.text, kPara1 + "\n" + kPara2 + "\n" + kPara3);
}

TEST(HtmlArticle, CommentaryIsAnArticleNotComments) {
  const std::string html = "<html><body><div class=\"sect article commentary\"><p>" + kPara1 + "</p><p>" +
                           kPara2 + "</p></div><div class=\"comments\"><p>" + kPara3 + "</p><p>" +
                           kPara3 + " Indeed.</p><p>" + kPara1 + " Me too.</p></div></body></html>";
  Result<HtmlDocument> doc = Parse(html);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->article.text, kPara1 + "\n" + kPara2);
}

// Old table layouts: a long cell is the text, short cells are furniture.
TEST(HtmlArticle, LongTableCellIsText) {
  const std::string html = "<html><body><table><tr><td><a href=/>Home</a></td><td>" + kPara1 + " " +
                           kPara2 + "</td></tr><tr><td>Views: 12</td></tr></table></body></html>";
  Result<HtmlDocument> doc = Parse(html);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->article.text, kPara1 + " " + kPara2);
}

// Parts of an article each in their own "section" element.
TEST(HtmlArticle, SectionClassesAreNotBoilerplate) {
  const std::string html = "<html><body><main><div class=\"article-section\"><p>" + kPara1 +
                           "</p></div><div class=\"article-section\"><p>" + kPara2 +
                           "</p></div><div class=\"article-section\"><p>" + kPara3 +
                           "</p></div></main></body></html>";
  Result<HtmlDocument> doc = Parse(html);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->article.text, kPara1 + "\n" + kPara2 + "\n" + kPara3);
}

// Japanese sentences end in 。 and have no ASCII punctuation.
TEST(HtmlArticle, IdeographicPunctuationMarksSentences) {
  const std::string p1 = "Kindle書籍を読む場合は、一般的にスマホやタブレットなどのモバイル端末で読むことが多いと思いますが、"
                         "何か書籍で調べながら作業をする場合など、パソコンでそのまま読みたい時もあります。";
  const std::string p2 = "そんな用途を考慮してか、Kindleや楽天koboにはデスクトップアプリが用意されています。"
                         "今回はそのKindleデスクトップアプリに関する話です。";
  const std::string html = "<html><body><div class=main><p>" + p1 + "</p><p>" + p2 +
                           "</p></div></body></html>";
  Result<HtmlDocument> doc = Parse(html);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->article.text, p1 + "\n" + p2);
}

// An infinite scroll has preloaded the next story, which is longer: the
// story under the page's headline is the article.
TEST(HtmlArticle, TheStoryUnderTheHeadlineWins) {
  const std::string other =
      "The next story is about something else entirely, and it goes on for quite a while with many "
      "words in long sentences, so that it is longer than the first one.";
  const std::string html =
      "<html><head><title>Talks continue</title></head><body><section><article><h1>Talks "
      "continue</h1><p>" + kPara1 + "</p><p>" + kPara2 + "</p></article></section><section><article>"
      "<h1>Another story</h1><p>" + other + "</p><p>" + other + " Again.</p><p>" + other +
      " Once more.</p></article></section></body></html>";
  Result<HtmlDocument> doc = Parse(html);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->article.text, kPara1 + "\n" + kPara2);
}

// The lead in the article header, beside the body's container.
TEST(HtmlArticle, LeadBesideTheBodyIsKept) {
  const std::string lead =
      "The minister's visit was the first in three years, and it was overshadowed by the dispute "
      "about tariffs that both governments had tried to settle before.";
  const std::string html = "<html><body><div class=page><div class=story><header><h1>Talks</h1><p>" +
                           lead + "</p></header><div class=body><p>" + kPara1 + "</p><p>" + kPara2 +
                           "</p><p>" + kPara3 + "</p><p>" + kPara1 + " Again.</p></div></div>"
                           "<ul><li><a href=/a>Home</a></li></ul></div></body></html>";
  Result<HtmlDocument> doc = Parse(html);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->article.text.substr(0, lead.size()), lead) << doc->article.text;
}

// The lead far from the body's container, with only layout between; the
// teaser after the link list is another story.
TEST(HtmlArticle, LeadNextToTheBodyInReadingOrderIsKept) {
  const std::string lead =
      "The minister's visit was the first in three years, and it was overshadowed by the dispute "
      "about tariffs that both governments had tried to settle before.";
  const std::string teaser = "In other news, the city council decided to rebuild the old bridge over the river.";
  std::string body;
  for (int i = 0; i < 4; ++i) body += "<p>" + kPara1 + "</p><p>" + kPara2 + "</p><p>" + kPara3 + "</p>";
  const std::string html =
      "<html><body><div class=wrap><div class=head><div class=intro><p>" + lead +
      "</p></div></div><div class=cols><div class=col><div class=text>" + body +
      "</div></div></div></div><ul class=links><li><a href=/a>World news today</a></li>"
      "<li><a href=/b>More world news today</a></li></ul><div><p>" + teaser + "</p></div></body></html>";
  Result<HtmlDocument> doc = Parse(html);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->article.text.substr(0, lead.size()), lead) << doc->article.text;
  EXPECT_EQ(doc->article.text.find("city council"), std::string::npos) << doc->article.text;
}

// The lead right under the headline, in a box whose class ("teaser") marks
// boilerplate elsewhere; a box of several teasers, or a caption, there is not
// the lead.
TEST(HtmlArticle, LeadUnderTheHeadlineInATeaserBoxIsKept) {
  const std::string lead =
      "Der Außenminister reist nach drei Jahren wieder nach Mexiko, und der Streit um die Zölle "
      "überschattet den Besuch schon vor der Ankunft.";
  std::string body;
  for (int i = 0; i < 3; ++i) body += "<p>" + kPara1 + "</p><p>" + kPara2 + "</p><p>" + kPara3 + "</p>";
  const std::string html = "<html><body><article><div class=head><h1>Talks</h1></div><div class=\"article-teaser\"><p>" +
                           lead + "</p></div><div class=text>" + body + "</div></article></body></html>";
  Result<HtmlDocument> doc = Parse(html);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->article.text.substr(0, lead.size()), lead) << doc->article.text;

  const std::string teasers =
      "<html><body><article><h1>Talks</h1><div class=teasers><p>" + lead + "</p><p>" + lead +
      " Mehr dazu.</p></div><figure><figcaption>" + lead + " Foto</figcaption></figure><div class=text>" +
      body + "</div></article></body></html>";
  Result<HtmlDocument> other = Parse(teasers);
  ASSERT_TRUE(other.ok()) << other.status().ToString();
  EXPECT_EQ(other->article.text.find("Außenminister"), std::string::npos) << other->article.text;
}

// The lead in the article's header (whose class, "header", can mark site
// furniture), after a dateline that is no sentence.
TEST(HtmlArticle, LeadInTheHeaderWithTheHeadlineIsKept) {
  const std::string lead =
      "The minister's visit was the first in three years, and it was overshadowed by the dispute "
      "about tariffs that both governments had tried to settle before.";
  std::string body;
  for (int i = 0; i < 3; ++i) body += "<p>" + kPara1 + "</p><p>" + kPara2 + "</p><p>" + kPara3 + "</p>";
  const std::string html =
      "<html><body><article><div class=o-header><h1>Talks</h1><p>Updated Nov. 19, 2019 8:21 am ET, by the "
      "news desk of the paper in the capital city ET</p><p>" + lead + "</p></div><div class=text>" + body +
      "</div></article></body></html>";
  Result<HtmlDocument> doc = Parse(html);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->article.text.substr(0, lead.size()), lead) << doc->article.text;

  // Many short lines (author, desk, date, twice for two layouts) in between.
  std::string byline;
  for (int i = 0; i < 2; ++i) byline += "<div>Anna Muster</div><div>Redaktion Example</div><div>25.01.2022 14:47 Uhr</div>";
  Result<HtmlDocument> far = Parse("<html><body><article><div class=o-header><h1>Talks</h1>" + byline + "<p>" + lead +
                                   "</p></div><div class=text>" + body + "</div></article></body></html>");
  ASSERT_TRUE(far.ok()) << far.status().ToString();
  EXPECT_EQ(far->article.text.substr(0, lead.size()), lead) << far->article.text;
}

// Short paragraphs that open the body are text; a short link line is not.
TEST(HtmlArticle, ShortOpeningParagraphsInTheBodyAreKept) {
  const std::string html = "<html><body><article><p><a href=/x>Zur Übersicht</a></p><p>Außen knusprig, innen cremig.</p>"
                           "<p>Das Beste kommt jetzt:</p><p>" + kPara1 + "</p><p>" + kPara2 + "</p><p>" + kPara3 +
                           "</p></article></body></html>";
  Result<HtmlDocument> doc = Parse(html);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->article.text,
            "Außen knusprig, innen cremig.\nDas Beste kommt jetzt:\n" + kPara1 + "\n" + kPara2 + "\n" + kPara3);
}

// A recipe opens with its ingredients, short list items without links.
TEST(HtmlArticle, IngredientListThatOpensTheBodyIsKept) {
  const std::string html = "<html><body><article><ul><li><a href=/r>Rezepte</a></li></ul><ul><li>200 g Zucker</li>"
                           "<li>3 Eier (Größe M)</li></ul><p>" + kPara1 + "</p><p>" + kPara2 + "</p><p>" + kPara3 +
                           "</p></article></body></html>";
  Result<HtmlDocument> doc = Parse(html);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->article.text, "200 g Zucker\n3 Eier (Größe M)\n" + kPara1 + "\n" + kPara2 + "\n" + kPara3);
}

// Short list items and table cells of text close the body; a last link
// line does not.
TEST(HtmlArticle, ListItemsAndCellsThatCloseTheBodyAreKept) {
  const std::string html = "<html><body><article><p>" + kPara1 + "</p><p>" + kPara2 + "</p><p>" + kPara3 +
                           "</p><ul><li>390 kcal</li><li>Fett</li></ul><table><tr><td>Note: the figures are for one portion of four.</td>"
                           "</tr></table><p><a href=/x>Alle Rezepte</a></p></article></body></html>";
  Result<HtmlDocument> doc = Parse(html);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->article.text, kPara1 + "\n" + kPara2 + "\n" + kPara3 + "\n390 kcal\nFett\nNote: the figures are for one portion of four.");
}

// "content" in a class names the article's text only where no furniture
// word comes with it.
TEST(HtmlArticle, ContentOfFurnitureIsFurniture) {
  const std::string bio =
      "Anna Muster writes about trade and migration for this paper and has covered the region for many "
      "years, from the capital and from the border towns.";
  const std::string html = "<html><body><article><div class=entry-content><p>" + kPara1 + "</p><p>" + kPara2 +
                           "</p><p>" + kPara3 + "</p></div><div class=author-box--content><p>" + bio +
                           "</p></div></article></body></html>";
  Result<HtmlDocument> doc = Parse(html);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->article.text, kPara1 + "\n" + kPara2 + "\n" + kPara3);
}

// The part of an article behind the paywall is the article; the offer to
// subscribe is not.
TEST(HtmlArticle, TextBehindThePaywallIsKept) {
  const std::string html = "<html><body><article><p>" + kPara1 + "</p><div class=paywall><p>" + kPara2 + "</p><p>" +
                           kPara3 + "</p><div class=subscribe-box><p>Subscribe now to read on: the first month is "
                           "free, and you can cancel at any time you like.</p></div></div></article></body></html>";
  Result<HtmlDocument> doc = Parse(html);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->article.text, kPara1 + "\n" + kPara2 + "\n" + kPara3);
}

TEST(HtmlArticle, FurniturePhrasesInSeveralLanguages) {
  for (const std::string line : {"Das könnte Dich auch interessieren:", "Notas relacionadas",
                                 "If you enjoyed reading this post, please share it."}) {
    Result<HtmlDocument> doc = Parse("<html><body><article><p>" + kPara1 + "</p><p>" + line + "</p><p>" +
                                     kPara2 + "</p></article></body></html>");
    ASSERT_TRUE(doc.ok());
    EXPECT_EQ(doc->article.text, kPara1 + "\n" + kPara2) << line;
  }
}

TEST(HtmlArticle, JsonLdWinsOverOpenGraphAndMeta) {
  const std::string html =
      "<html lang=fr><head>"
      "<meta property=\"og:title\" content=\"OG title\">"
      "<meta property=\"og:site_name\" content=\"OG Site\">"
      "<meta property=\"article:published_time\" content=\"2016-01-01T00:00:00Z\">"
      "<meta name=\"author\" content=\"Meta Author\">"
      "<link rel=canonical href=\"https://example.org/canonical\">"
      "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":["
      "{\"@type\":\"WebSite\",\"name\":\"Graph Site\"},"
      "{\"@type\":\"NewsArticle\",\"headline\":\"LD headline\",\"datePublished\":"
      "\"2017-02-23T10:51:00.000Z\",\"author\":[{\"@type\":\"Person\",\"name\":\"Anna Muster\"},"
      "{\"name\":\"Ben Beispiel\"}],\"publisher\":{\"@type\":\"Organization\",\"name\":\"LD "
      "News\"},\"inLanguage\":\"de-DE\"}]}</script></head><body><article><p>" + kPara1 +
      "</p></article></body></html>";
  Result<HtmlDocument> doc = Parse(html);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->article.title, "LD headline");
  EXPECT_EQ(doc->article.published.ToIso(), "2017-02-23T10:51:00");
  EXPECT_EQ(doc->author, "Anna Muster, Ben Beispiel");
  EXPECT_EQ(doc->article.source, "LD News");
  EXPECT_EQ(doc->article.language, "de");
  EXPECT_EQ(doc->article.url, "https://example.org/canonical");
}

TEST(HtmlArticle, OpenGraphAndTimeElementWithoutJsonLd) {
  const std::string html =
      "<html lang=en-GB><head><meta property=\"og:title\" content=\"OG title\">"
      "<meta property=\"og:site_name\" content=\"OG Site\"><meta name=author content=\"Meta "
      "Author\"></head><body><article><time datetime=\"2019-11-18\">Nov 18</time><p>" + kPara1 +
      "</p></article></body></html>";
  Result<HtmlDocument> doc = Parse(html);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->article.title, "OG title");
  EXPECT_EQ(doc->article.source, "OG Site");
  EXPECT_EQ(doc->author, "Meta Author");
  EXPECT_EQ(doc->article.published.ToIso(), "2019-11-18");
  EXPECT_EQ(doc->article.language, "en");
  EXPECT_EQ(doc->article.url, "https://example.org/a");  // the hint
}

TEST(HtmlArticle, BylineTextIsCleanedAndHandlesAreNoNames) {
  struct Case {
    std::string markup;
    std::string author;
  };
  const Case cases[] = {
      {"<span class=\"byline\">Post author By Anna Muster</span>", "Anna Muster"},
      {"<div class=\"author\">erstellt von Anna Muster \xE2\x80\x94 ver\xC3\xB6" "ffentlicht 28.01.2022 06:00</div>",
       "Anna Muster"},
      {"<p class=\"author-name\">Anna Muster Alle Artikel</p>", "Anna Muster"},
      {"<div class=\"comment-author\">Troll says:</div>", ""},
  };
  for (const Case& c : cases) {
    Result<HtmlDocument> doc = Parse("<html><head><meta name=\"twitter:creator\" content=\"@news\"></head>"
                                     "<body><article>" + c.markup + "<p>" + kPara1 + "</p></article></body></html>");
    ASSERT_TRUE(doc.ok()) << doc.status().ToString();
    EXPECT_EQ(doc->author, c.author) << c.markup;
  }
}

// Author fields lose the words and separators around the name; one that
// names the site (its name, a domain) gives way to a byline on the page and
// is kept only without one.
TEST(HtmlArticle, AuthorFieldsAreTidiedAndTheSiteIsNoAuthor) {
  struct Case {
    std::string head, markup, author;
  };
  const Case cases[] = {
      {"<meta name=author content=\"vom Support Team\">", "", "Support Team"},
      {"<meta name=author content=\"View all posts by Daniel Lemire\">", "", "Daniel Lemire"},
      {"<meta name=author content=\"Von: Anna Muster,\">", "", "Anna Muster"},
      {"<meta name=author content=\"| Anna Muster -\">", "", "Anna Muster"},
      {"<meta property=og:site_name content=\"Example News\"><meta name=author content=\"Example News\">",
       "<span class=byline>Von Anna Muster</span>", "Anna Muster"},
      {"<meta name=author content=\"example-news.de\">", "<span class=byline>By Anna Muster</span>", "Anna Muster"},
      {"<meta property=og:site_name content=\"Example News\"><meta name=author content=\"Example News\">", "",
       "Example News"},
  };
  for (const Case& c : cases) {
    Result<HtmlDocument> doc = Parse("<html><head>" + c.head + "</head><body><article>" + c.markup + "<p>" + kPara1 +
                                     "</p></article></body></html>");
    ASSERT_TRUE(doc.ok()) << doc.status().ToString();
    EXPECT_EQ(doc->author, c.author) << c.head << c.markup;
  }
}

TEST(HtmlArticle, HeadlineOnThePageWinsOverItsDecoratedOrShortenedForms) {
  struct Case {
    std::string head;
    std::string h1;
    std::string title;
  };
  const Case cases[] = {
      // og:title shortened
      {"<meta property=\"og:title\" content=\"Ultium Cells raises capacity\">",
       "Ultium Cells raises capacity in Tennessee", "Ultium Cells raises capacity in Tennessee"},
      // the site before the headline
      {"<title>Example Club Regensburg - Eintracht stellt Weichen</title>", "Eintracht stellt Weichen",
       "Eintracht stellt Weichen"},
      // a blog's <h1> is its name: the <title> wins, without the site
      {"<title>Interning of Small Integers in Python \xE2\x80\xBA Four Years</title>", "Four Years Remaining",
       "Interning of Small Integers in Python"},
      // double-escaped entities
      {"<meta property=\"og:title\" content=\"Olive &amp;#038; Herb &amp;quot;Focaccia&amp;quot;\">", "",
       "Olive & Herb \"Focaccia\""},
  };
  for (const Case& c : cases) {
    const std::string h1 = c.h1.empty() ? "" : "<h1>" + c.h1 + "</h1>";
    Result<HtmlDocument> doc =
        Parse("<html><head>" + c.head + "</head><body><article>" + h1 + "<p>" + kPara1 + "</p></article></body></html>");
    ASSERT_TRUE(doc.ok()) << doc.status().ToString();
    EXPECT_EQ(doc->article.title, c.title) << c.head;
  }
}

TEST(HtmlArticle, VisibleDateIsTheLastResort) {
  const std::string html = "<html><body><div class=\"date\">Veröffentlicht am 23. Februar 2017, 10:51 Uhr</div>"
                           "<article><p>" + kPara1 + "</p></article></body></html>";
  Result<HtmlDocument> doc = Parse(html);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->article.published.ToIso(), "2017-02-23");
}

TEST(HtmlArticle, VisibleDateInTimeTextOrDatumClass) {
  for (const std::string markup : {"<time>23. Februar 2017</time>",
                                   "<span class=\"artikel-datum\">Stand: 23.02.2017</span>"}) {
    Result<HtmlDocument> doc = Parse("<html><body><article>" + markup + "<p>" + kPara1 + "</p></article></body></html>");
    ASSERT_TRUE(doc.ok());
    EXPECT_EQ(doc->article.published.ToIso(), "2017-02-23") << markup;
  }
}

// A UTC time late in the evening is the next day where the page is written;
// the day the page shows wins then, but not where no time zone could put it.
TEST(HtmlArticle, ShownDayWinsOverAUtcTimeOnTheDayBefore) {
  struct Case {
    std::string meta_time, shown, expected;
  };
  const Case cases[] = {
      {"2019-10-18T22:04:00Z", "19.10.2019", "2019-10-19"},
      {"2022-05-04T00:44:52Z", "3. Mai 2022", "2022-05-03"},
      {"2019-10-18T08:04:00Z", "19.10.2019", "2019-10-18T08:04:00"},
      {"2019-10-18T22:04:00+02:00", "19.10.2019", "2019-10-18T22:04:00+02:00"},
  };
  for (const Case& c : cases) {
    Result<HtmlDocument> doc = Parse("<html><head><meta property=article:published_time content=\"" + c.meta_time +
                                     "\"></head><body><article><span class=date>" + c.shown + "</span><p>" + kPara1 +
                                     "</p></article></body></html>");
    ASSERT_TRUE(doc.ok());
    EXPECT_EQ(doc->article.published.ToIso(), c.expected) << c.meta_time;
  }
}

TEST(HtmlArticle, Windows1252WithMetaCharset) {
  // "Grüße aus Köln" in windows-1252.
  const std::string html = "<html><head><meta charset=\"windows-1252\"><title>Gr\xFC\xDF" "e</title></head>"
                           "<body><p>Gr\xFC\xDF" "e aus K\xF6ln, sagte der B\xFCrgermeister am Montag in "
                           "seiner Rede vor dem Rat der Stadt, die lange dauerte.</p></body></html>";
  std::vector<Diagnostic> warnings;
  Result<HtmlDocument> doc = Parse(html, &warnings);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->charset, "windows-1252");
  EXPECT_EQ(doc->article.title, "Grüße");
  EXPECT_NE(doc->article.text.find("Grüße aus Köln"), std::string::npos) << doc->article.text;
}

TEST(HtmlArticle, Latin1LabelMeansWindows1252AndHttpEquivWorks) {
  const std::string html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
                           "charset=ISO-8859-1\"></head><body><p>Caf\xE9 \x80 5, said the owner of the "
                           "small shop on the corner of the market square.</p></body></html>";
  Result<HtmlDocument> doc = Parse(html);
  ASSERT_TRUE(doc.ok());
  EXPECT_NE(doc->article.text.find("Café € 5"), std::string::npos) << doc->article.text;
}

TEST(HtmlArticle, Utf8BomAndUndeclaredLegacyEncodingIsDetected) {
  Result<HtmlDocument> bom = Parse("\xEF\xBB\xBF<html><body><p>" + kPara1 + "</p></body></html>");
  ASSERT_TRUE(bom.ok());
  EXPECT_EQ(bom->article.text, kPara1);
}

TEST(HtmlArticle, TooLargeIsAnError) {
  std::string big(kMaxHtmlBytes + 1, ' ');
  Result<HtmlDocument> doc = Parse(big);
  ASSERT_FALSE(doc.ok());
  EXPECT_NE(doc.status().message().find("page.html"), std::string::npos);
  EXPECT_NE(doc.status().message().find("larger than the limit"), std::string::npos);
}

TEST(HtmlArticle, DeepNestingIsRejectedQuickly) {
  std::string html = "<html><body>";
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "text";
  Result<HtmlDocument> doc = Parse(html);
  ASSERT_FALSE(doc.ok());
  EXPECT_NE(doc.status().message().find("page.html: markup nested 100000 elements deep"),
            std::string::npos)
      << doc.status().message();
}

TEST(HtmlArticle, ModerateNestingIsWalkedWithoutRecursion) {
  std::string html = "<html><body>";
  for (int i = 0; i < 1400; ++i) html += "<div>";
  html += "<p>" + kPara1 + "</p>";
  Result<HtmlDocument> doc = Parse(html);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->article.text, kPara1);
}

TEST(HtmlArticle, BinaryIsAnError) {
  const std::string binary("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16);
  Result<HtmlDocument> doc = Parse(binary);
  ASSERT_FALSE(doc.ok());
  EXPECT_NE(doc.status().message().find("page.html: binary data"), std::string::npos);
}

// A few stray NUL bytes in a page are dropped, as browsers do.
TEST(HtmlArticle, StrayNulBytesInAPageAreDropped) {
  std::string html = "<html><body><article><img src=a.gif>" + std::string(10, '\0') + "<p>" + kPara1 + "</p><p>" +
                     kPara2 + "</p></article></body></html>";
  html += std::string(20000, ' ');  // a long page: ten NULs in it are stray
  std::vector<Diagnostic> warnings;
  Result<HtmlDocument> doc = Parse(html, &warnings);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->article.text, kPara1 + "\n" + kPara2);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].message.find("10 NUL bytes dropped"), std::string::npos);
}

TEST(HtmlArticle, PlainTextIsReadAsTextWithAWarning) {
  std::vector<Diagnostic> warnings;
  Result<HtmlDocument> doc = Parse("A headline\n" + kPara1 + "\n", &warnings);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->article.title, "A headline");
  EXPECT_EQ(doc->article.text, kPara1);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].message.find("no HTML markup"), std::string::npos);
}

TEST(HtmlArticle, EmptyIsAnError) {
  EXPECT_FALSE(Parse("").ok());
  EXPECT_FALSE(Parse("<html><body><nav><a href=/>Home</a></nav></body></html>").ok());
}

TEST(Gunzip, RoundTripAndTruncation) {
  const std::string html = "<html><body><p>" + kPara1 + "</p></body></html>";
  const std::string gz = Gzip(html);
  Result<std::string> out = GunzipHtml(gz, "a.html.gz");
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(*out, html);
  Result<std::string> truncated = GunzipHtml(std::string_view(gz).substr(0, gz.size() / 2), "a.html.gz");
  ASSERT_FALSE(truncated.ok());
  EXPECT_NE(truncated.status().message().find("a.html.gz: truncated gzip"), std::string::npos)
      << truncated.status().message();
  Result<std::string> garbage = GunzipHtml("not gzip at all", "b.html.gz");
  ASSERT_FALSE(garbage.ok());
  EXPECT_NE(garbage.status().message().find("b.html.gz"), std::string::npos);
  Result<std::string> bomb = GunzipHtml(Gzip(std::string(1 << 20, 'a')), "c.gz", 1000);
  ASSERT_FALSE(bomb.ok());
  EXPECT_NE(bomb.status().message().find("more than"), std::string::npos);
}

TEST(HtmlDates, LooseFormats) {
  struct Case {
    const char* input;
    const char* iso;
  };
  const Case cases[] = {
      {"2017-02-23T10:51:00.000Z", "2017-02-23T10:51:00"},
      {"Thu, 23 Feb 2017 10:51:00 +0100", "2017-02-23T10:51:00+01:00"},
      {"Thu, 23 Feb 2017 10:51:00 GMT", "2017-02-23T10:51:00"},
      {"23. Februar 2017", "2017-02-23"},
      {"23. Feb. 2017", "2017-02-23"},
      {"1. März 2017", "2017-03-01"},
      {"February 23, 2017", "2017-02-23"},
      {"23.02.2017", "2017-02-23"},
      {"2017-02-23 10:51:00 +0100", "2017-02-23T10:51:00+01:00"},
  };
  for (const Case& c : cases) {
    Result<PublishedDate> d = html::ParseLooseDate(c.input);
    ASSERT_TRUE(d.ok()) << c.input << ": " << d.status().ToString();
    EXPECT_EQ(d->ToIso(), c.iso) << c.input;
  }
  EXPECT_FALSE(html::ParseLooseDate("yesterday").ok());
  EXPECT_FALSE(html::ParseLooseDate("30. Februar 2017").ok());
}

TEST(HtmlCharset, Sniffing) {
  EXPECT_EQ(html::SniffMetaCharset("<meta charset=\"UTF-8\">"), "utf-8");
  EXPECT_EQ(html::SniffMetaCharset("<META HTTP-EQUIV=content-type CONTENT='text/html; charset=iso-8859-15'>"),
            "iso-8859-15");
  EXPECT_EQ(html::SniffMetaCharset("<meta name=viewport content=x>"), "");
}

}  // namespace
}  // namespace storyline::ingest
