#include "entities.h"

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "gazetteer.h"
#include "germeval.h"
#include "name_tags.h"
#include "storyline/text.h"
#include "tagger.h"
#include "word_view.h"

namespace storyline::extract {
namespace {

namespace fs = std::filesystem;

TEST(CanonicalKeyTest, Table) {
  const struct {
    std::string_view name, key;
  } cases[] = {
      {"Peña Nieto", "pena nieto"},
      {"Pena Nieto", "pena nieto"},
      {"Enrique Peña Nieto", "enrique pena nieto"},
      {"John Kelly", "john kelly"},
      {"Präsident Trump", "trump"},
      {"US-Außenminister Rex Tillerson", "rex tillerson"},
      {"Dr. Angela Merkel", "angela merkel"},
      {"Müller", "mueller"},
      {"Mueller", "mueller"},
      {"Mexiko-Stadt", "mexiko stadt"},
      // A hyphen joins the parts of one name, written with or without it.
      {"Heinz-Christian Strache", "heinz christian strache"},
      {"Heinz Christian Strache", "heinz christian strache"},
      {"Mikl-Leitner", "mikl leitner"},
      // Only the roles and titles that open a name: "Kaiser" is Peter
      // Kaiser's family name, "Peking" no English "king"; a name of roles
      // alone keeps them.
      {"Landeshauptmann Peter Kaiser", "peter kaiser"},
      {"Peking", "peking"},
      {"Stadtrat", "stadtrat"},
      // data/gazetteers/aliases.txt: other names and languages, inflection.
      {"Vereinigten Staaten", "usa"},
      {"United States", "usa"},
      {"U.S.", "usa"},
      {"USA", "usa"},
      {"Mexico City", "mexiko stadt"},
      {"Vereinte Nationen", "un"},
      {"Internationalen Währungsfonds", "iwf"},
      {"Germany", "deutschland"},
      // Declined forms of the listed organisations and locations.
      {"Statistischen Bundesamtes", "statistisches bundesamt"},
      {"Statistische Bundesamt", "statistisches bundesamt"},
      {"Europäischen Gerichtshofs", "europaeischer gerichtshof"},
      {"Roten Kreuzes", "rotes kreuz"},
      {"Internationalem Währungsfonds", "iwf"},
  };
  for (const auto& c : cases) EXPECT_EQ(CanonicalKey(c.name), c.key) << c.name;
}

TEST(GazetteerTest, DeclinedFormsOfANameThatOpensWithAdjectives) {
  std::vector<std::string> forms;
  DeclinedForms("Statistisches Bundesamt", &forms);
  for (std::string_view f : {"Statistischen Bundesamtes", "Statistischen Bundesamts", "Statistische Bundesamt"}) {
    EXPECT_NE(std::find(forms.begin(), forms.end(), f), forms.end()) << f;
  }
  EXPECT_EQ(std::find(forms.begin(), forms.end(), "Statistisches Bundesamt"), forms.end());
  DeclinedForms("Europäischer Gerichtshof für Menschenrechte", &forms);
  EXPECT_NE(std::find(forms.begin(), forms.end(), "Europäischen Gerichtshofs für Menschenrechte"), forms.end());
  DeclinedForms("Rotes Kreuz", &forms);
  EXPECT_NE(std::find(forms.begin(), forms.end(), "Roten Kreuzes"), forms.end());
  // No adjective first: nothing to decline.
  DeclinedForms("Bank Austria", &forms);
  EXPECT_TRUE(forms.empty());
  DeclinedForms("Tschad", &forms);
  EXPECT_TRUE(forms.empty());
}

TEST(CanonicalKeyTest, EveryAliasLineHasNamesAndNoNameIsListedTwice) {
  std::map<std::string, std::string> seen;  // name key → the line's first name
  for (const std::vector<std::string_view>& names : AliasGroups()) {
    ASSERT_GE(names.size(), 2u) << names.front();
    for (std::string_view name : names) {
      const std::string key = CanonicalKey(name);
      EXPECT_EQ(key, CanonicalKey(names.front())) << name;
      auto [it, fresh] = seen.emplace(std::string(name), std::string(names.front()));
      EXPECT_TRUE(fresh || it->second == names.front()) << name << " is in two lines";
    }
  }
}

TEST(RoleKeyTest, SpellingVariantsMeet) {
  EXPECT_EQ(RoleKey("US-Außenminister"), RoleKey("US-Aussenminister"));
  EXPECT_EQ(RoleKey("US-Außenminister"), "us-aussenminister");
  EXPECT_EQ(RoleKey("mexikanische  Außenminister"), "mexikanische aussenminister");
}

TEST(GazetteerTest, RolesAndLists) {
  const auto g = Gazetteer::Create("", "");
  EXPECT_FALSE(g->has_dictionary());
  EXPECT_EQ(g->DictionaryClassOf("Haus"), DictionaryClass::kNoDictionary);
  EXPECT_EQ(g->RoleOf("US-Außenminister", text::Fold("US-Außenminister")), RoleKind::kOffice);
  EXPECT_EQ(g->RoleOf("Heimatschutzminister", "heimatschutzminister"), RoleKind::kOffice);
  EXPECT_EQ(g->RoleOf("Präsidentin", text::Fold("Präsidentin")), RoleKind::kOffice);
  EXPECT_EQ(g->RoleOf("Amtskollege", "amtskollege"), RoleKind::kWeak);
  EXPECT_EQ(g->RoleOf("Migrantenschutzorganisationen", "migrantenschutzorganisationen"), RoleKind::kNone);
  EXPECT_EQ(g->RoleOf("minister", "minister"), RoleKind::kNone);  // not a noun
  EXPECT_TRUE(g->IsFirstName("john"));
  std::vector<std::string> words = {"in", "el", "salvador", "und", "mexiko-stadt"};
  std::vector<uint8_t> bits;
  g->MatchPhrases(words, &bits);
  EXPECT_EQ(bits, (std::vector<uint8_t>{0, kPhraseLocationBegin, kPhraseLocationInside, 0,
                                        kPhraseLocationBegin}));
}

// A listed name starts only where the text writes its first word as the list
// does: "oder" and "seine" are words, "Oder" and "Seine" rivers; "dpa" is
// listed in lower case.
TEST(GazetteerTest, LowerCaseWordsStartOnlyNamesListedInLowerCase) {
  const auto g = Gazetteer::Create("", "");
  EXPECT_NE(g->PhraseStartOf("Oder", "oder"), 0);
  EXPECT_EQ(g->PhraseStartOf("oder", "oder"), 0);
  EXPECT_EQ(g->PhraseStartOf("seine", "seine"), 0);
  EXPECT_NE(g->PhraseStartOf("dpa", "dpa"), 0);
  EXPECT_NE(g->PhraseStartOf("DPA", "dpa"), 0);
  const std::vector<std::string> words = {"seine", "reise", "an", "die", "seine"};
  std::vector<uint8_t> starts;
  for (const std::string_view w : {"seine", "Reise", "an", "die", "Seine"}) {
    starts.push_back(g->PhraseStartOf(w, text::Fold(w)));
  }
  std::vector<uint8_t> bits;
  g->MatchPhrases(words, starts, &bits);
  EXPECT_EQ(bits, (std::vector<uint8_t>{0, 0, 0, 0, kPhraseLocationBegin}));
}

TEST(GazetteerTest, NamesFromTheDebianPackage) {
  if (!std::filesystem::exists("/usr/lib/python3/dist-packages/faker/providers/person/de_DE/__init__.py")) {
    GTEST_SKIP() << "python3-fake-factory is not installed";
  }
  const auto g = Gazetteer::Create("", "");
  // Not in data/gazetteers/first_names.txt: from the package's lists.
  EXPECT_TRUE(g->IsFirstName("birgit"));
  EXPECT_TRUE(g->IsFirstName("volker"));
  // Filtered out: a lower-case German word ("rosa") needs the dictionary at
  // build time; a place of our own list stays a place.
  EXPECT_FALSE(g->IsFirstName("georgia"));
  EXPECT_TRUE(g->FlagsOf("schmidt").last_name);
  EXPECT_FALSE(g->FlagsOf("birgit").last_name);
}

TEST(GazetteerTest, PeopleListGivesFamilyAndGivenNames) {
  const auto g = Gazetteer::Create("", "");
  // data/gazetteers/people.txt: "Angela Merkel", "Frank-Walter Steinmeier",
  // "Ursula von der Leyen" (the last capitalized word is the family name).
  EXPECT_TRUE(g->FlagsOf("merkel").last_name);
  EXPECT_TRUE(g->FlagsOf("steinmeier").last_name);
  EXPECT_TRUE(g->FlagsOf("leyen").last_name);
  EXPECT_TRUE(g->IsFirstName("frank-walter"));
  EXPECT_FALSE(g->FlagsOf("der").last_name);
  EXPECT_FALSE(g->IsFirstName("von"));
}

TEST(GazetteerTest, DictionaryNounHeadFindsTheShortestListedHead) {
  const std::string path = ::testing::TempDir() + "/entities_test_words.txt";
  std::ofstream(path, std::ios::binary) << "Frequenz\nKammer\nÄrztekammer\nSee\nÖl\n";
  const auto g = Gazetteer::Create(path, "");
  ASSERT_TRUE(g->has_dictionary());
  const struct {
    std::string_view word;
    size_t head;
  } cases[] = {
      {"Notruffrequenz", 6},     // "Frequenz"
      {"Bundesärztekammer", 12},  // "Kammer", not the longer "Ärztekammer"
      {"Ärztekammer", 6},        // bytes: "Ä" takes two
      {"Kammer", 0},             // no front
      {"Schwielowsee", 0},       // "See" is shorter than four bytes
      {"Tillerson", 0},
      {"Rohöl", 0},              // "Öl": too short
  };
  for (const auto& c : cases) EXPECT_EQ(g->DictionaryNounHead(c.word), c.head) << c.word;
  EXPECT_EQ(Gazetteer::Create("", "")->DictionaryNounHead("Notruffrequenz"), 0u);
}

// A gettext .mo catalog with the given (original, translation) messages.
std::string MoFile(const std::vector<std::pair<std::string, std::string>>& messages) {
  auto u32 = [](std::string* out, uint32_t v) { out->append(reinterpret_cast<const char*>(&v), 4); };
  const auto n = static_cast<uint32_t>(messages.size());
  const uint32_t originals = 28, translations = originals + 8 * n;
  uint32_t offset = translations + 8 * n;
  std::string header, tables, strings;
  u32(&header, 0x950412deU);
  u32(&header, 0);
  u32(&header, n);
  u32(&header, originals);
  u32(&header, translations);
  u32(&header, 0);
  u32(&header, 0);
  std::string orig_table, trans_table;
  for (int pass = 0; pass < 2; ++pass) {
    for (const auto& [o, t] : messages) {
      const std::string& str = pass == 0 ? o : t;
      std::string& table = pass == 0 ? orig_table : trans_table;
      u32(&table, static_cast<uint32_t>(str.size()));
      u32(&table, offset);
      strings += str;
      strings += '\0';
      offset += static_cast<uint32_t>(str.size() + 1);
    }
  }
  return header + orig_table + trans_table + strings;
}

TEST(GazetteerTest, PlacesFromGettextCatalogs) {
  const fs::path dir = fs::temp_directory_path() / "storyline_gazetteer_test";
  fs::create_directories(dir);
  {
    std::ofstream out(dir / "iso_3166-1.mo", std::ios::binary);
    out << MoFile({{"", "Content-Type: text/plain; charset=UTF-8\n"},
                   {"Hungary", "Ungarn"},
                   {"Kronobergs län [SE-07]", "Kronobergs län [SE-07]"},
                   {"City in Italy\x04Bolzano", "Bozen"}});
  }
  std::ofstream(dir / "iso_3166-2.mo", std::ios::binary) << "not a catalog";
  const auto g = Gazetteer::Create("", dir.string());
  // hungary, ungarn, kronobergs län, bolzano, bozen, and the towns of our list
  const fs::path empty = dir / "empty";
  fs::create_directories(empty);
  const size_t towns = Gazetteer::Create("", empty.string())->num_catalog_places();
  EXPECT_EQ(g->num_catalog_places(), towns + 5);
  std::vector<std::string> words;
  for (std::string_view w : {"in", "Ungarn", "und", "Kronobergs", "län", "Ungarns", "Bozen", "Bozens"}) {
    words.push_back(text::Fold(w, "de"));
  }
  std::vector<uint8_t> bits;
  g->MatchPhrases(words, &bits);
  // "Ungarn" is in the built-in list of places too.
  EXPECT_EQ(bits, (std::vector<uint8_t>{0, kPhrasePlaceBegin | kPhraseLocationBegin, 0, kPhrasePlaceBegin,
                                        kPhrasePlaceInside, kPhrasePlaceGenitive, kPhrasePlaceBegin,
                                        kPhrasePlaceGenitive}));
  EXPECT_EQ(Gazetteer::Create("", "")->num_catalog_places(), 0u);
  fs::remove_all(dir);
}

// The towns of data/gazetteers/towns.txt are catalog places even where
// Debian's catalogs are missing; a town the dictionary lists as a word
// ("Burg") is not among them.
TEST(GazetteerTest, TownsOfTheListAreCatalogPlaces) {
  const fs::path empty = fs::temp_directory_path() / "storyline_gazetteer_towns_test";
  fs::create_directories(empty);
  const auto g = Gazetteer::Create("", empty.string());
  fs::remove_all(empty);
  EXPECT_GT(g->num_catalog_places(), 5000u);
  std::vector<std::string> words;
  for (std::string_view w : {"in", "Inzigkofen", "und", "Neuhaus", "am", "Klausenbach", "Völklingens", "Burg"}) {
    words.push_back(text::Fold(w, "de"));
  }
  std::vector<uint8_t> bits;
  g->MatchPhrases(words, &bits);
  EXPECT_EQ(bits, (std::vector<uint8_t>{0, kPhrasePlaceBegin, 0, kPhrasePlaceBegin, kPhrasePlaceInside,
                                        kPhrasePlaceInside, kPhrasePlaceGenitive, 0}));
}

std::string SharedDir() { return STORYLINE_SHARED_DIR; }

// The seed article whose file name starts with `prefix`, cleaned as stored.
std::string Seed(std::string_view prefix) {
  const fs::path dir = fs::path(SharedDir()) / "seeds";
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().filename().string().starts_with(prefix)) {
      std::ifstream in(entry.path());
      std::stringstream ss;
      ss << in.rdbuf();
      return text::CleanText(ss.str());
    }
  }
  ADD_FAILURE() << "no seed " << prefix;
  return "";
}

// The recognizer under test: rules only, or with the GermEval model (the one
// the build made, or one trained here when it has not been built).
std::unique_ptr<EntityRecognizer> MakeRecognizer(bool with_model) {
  std::string path;
  if (with_model) {
    path = STORYLINE_NER_MODEL;
    if (!fs::exists(path)) {
      auto sentences = ReadGermEval(SharedDir() + "/bench/ner/germeval2014-dev.tsv");
      EXPECT_TRUE(sentences.ok()) << sentences.status().ToString();
      if (!sentences.ok()) return nullptr;
      std::vector<TaggedSentence> data;
      for (const auto& s : *sentences) data.push_back(s.tagged);
      const auto gazetteer = Gazetteer::Create(kGermanWordListPath);
      path = ::testing::TempDir() + "/entities_test_ner.model";
      EXPECT_TRUE(TaggerModel::Train(data, *gazetteer, TrainOptions()).Save(path).ok());
    }
  }
  auto r = EntityRecognizer::Create(path);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? std::move(r).value() : nullptr;
}

const Entity* Find(const Extraction& ex, std::string_view name) {
  for (const Entity& e : ex.entities) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

class SeedGoldenTest : public ::testing::TestWithParam<bool> {
 protected:
  void SetUp() override {
    if (!fs::exists(SharedDir() + "/seeds")) GTEST_SKIP() << "no " << SharedDir() << "/seeds";
    recognizer_ = MakeRecognizer(GetParam());
    ASSERT_NE(recognizer_, nullptr);
  }
  Extraction Run(std::string_view seed) {
    text_ = Seed(seed);
    Extraction ex;
    recognizer_->Recognize(text_, "de", &ex);
    // Every mention points at an entity of its type and at its own text.
    for (size_t i = 0; i < ex.mentions.size(); ++i) {
      const Mention& m = ex.mentions[i];
      EXPECT_EQ(text_.substr(m.begin, m.end - m.begin), m.text);
      EXPECT_GE(m.entity, 0);
      if (m.entity >= 0) {
        EXPECT_EQ(ex.entities[m.entity].type, m.type) << m.text;
      }
    }
    return ex;
  }
  std::unique_ptr<EntityRecognizer> recognizer_;
  std::string text_;
};

TEST_P(SeedGoldenTest, TillersonAndVidegarayCarryTheirRoles) {
  const Extraction ex = Run("000_");
  const Entity* tillerson = Find(ex, "Rex Tillerson");
  ASSERT_NE(tillerson, nullptr);
  EXPECT_EQ(tillerson->type, EntityType::kPerson);
  EXPECT_EQ(tillerson->role, "US-Außenminister");
  EXPECT_EQ(tillerson->canonical, "rex tillerson");
  EXPECT_GE(tillerson->mentions.size(), 2u);  // "Tillerson und Kelly ..."
  const Entity* videgaray = Find(ex, "Luis Videgaray");
  ASSERT_NE(videgaray, nullptr);
  EXPECT_EQ(videgaray->role, "mexikanische Außenminister");
  const Entity* kelly = Find(ex, "John Kelly");
  ASSERT_NE(kelly, nullptr);
  EXPECT_EQ(kelly->role, "amerikanische Heimatschutzminister");
}

TEST_P(SeedGoldenTest, KellyResolvesToJohnKelly) {
  const Extraction ex = Run("002_");
  const Entity* kelly = Find(ex, "John Kelly");
  ASSERT_NE(kelly, nullptr);
  EXPECT_EQ(kelly->role, "US-Heimatschutzminister");
  int short_mentions = 0;
  for (int m : kelly->mentions) short_mentions += ex.mentions[m].text == "Kelly";
  EXPECT_GE(short_mentions, 2);
  EXPECT_EQ(Find(ex, "Kelly"), nullptr);
  const Entity* tillerson = Find(ex, "Rex Tillerson");
  ASSERT_NE(tillerson, nullptr);
  EXPECT_EQ(tillerson->mentions.size(), 2u);
}

TEST_P(SeedGoldenTest, SheinbaumIsPresidentClaudiaSheinbaum) {
  const Extraction ex = Run("004_");
  const Entity* sheinbaum = Find(ex, "Claudia Sheinbaum");
  ASSERT_NE(sheinbaum, nullptr);
  EXPECT_EQ(sheinbaum->type, EntityType::kPerson);
  EXPECT_EQ(sheinbaum->role, "Präsidentin");
  EXPECT_GE(sheinbaum->mentions.size(), 5u);
  EXPECT_EQ(Find(ex, "Sheinbaum"), nullptr);
  const Entity* rubio = Find(ex, "Marco Rubio");
  ASSERT_NE(rubio, nullptr);
  EXPECT_EQ(rubio->role, "US-Außenminister");
}

TEST_P(SeedGoldenTest, OrganisationsOfPeopleAreNotPeople) {
  const Extraction ex = Run("001_");
  for (const Mention& m : ex.mentions) {
    EXPECT_NE(m.text, "Migrantenschutzorganisationen");
    if (m.type == EntityType::kPerson) {
      EXPECT_EQ(m.text.find("organisation"), std::string::npos);
    }
  }
  const Entity* hope = Find(ex, "Alejandro Hope");
  ASSERT_NE(hope, nullptr);
  EXPECT_EQ(hope->role, "unabhängige Sicherheitsberater");
  const Entity* kelly = Find(ex, "John Kelly");
  ASSERT_NE(kelly, nullptr);
  EXPECT_EQ(kelly->role, "Heimatschutzminister");
}

TEST_P(SeedGoldenTest, SwissSpellingMeetsTheSameKeys) {
  const Extraction swiss = Run("003_");
  const Extraction german = Run("001_");
  const Entity* a = Find(swiss, "Rex Tillerson");
  const Entity* b = Find(german, "Rex Tillerson");
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(a->role, "US-Aussenminister");
  EXPECT_EQ(RoleKey(a->role), RoleKey(b->role));
  // "Peña Nieto" (001) and "Enrique Peña Nieto" (003) are people; the key
  // ignores the tilde.
  const Entity* pena = Find(german, "Peña Nieto");
  ASSERT_NE(pena, nullptr);
  EXPECT_EQ(pena->type, EntityType::kPerson);
  EXPECT_EQ(pena->canonical, CanonicalKey("Pena Nieto"));
}

// "Präsident Mexikos", "die Haltung Washingtons": a genitive is a form of
// the place, whatever the tagger called it, and names the place without -s.
TEST_P(SeedGoldenTest, GenitivesAreFormsOfTheirPlace) {
  for (std::string_view seed : {"001_", "003_", "004_"}) {
    const Extraction ex = Run(seed);
    const Entity* mexico = Find(ex, "Mexiko");
    ASSERT_NE(mexico, nullptr) << seed;
    EXPECT_EQ(mexico->type, EntityType::kLocation) << seed;
    for (const Mention& m : ex.mentions) {
      if (m.text == "Mexikos") {
        EXPECT_EQ(&ex.entities[m.entity], mexico) << seed;
      }
    }
    EXPECT_EQ(Find(ex, "Mexikos"), nullptr) << seed;
    EXPECT_EQ(Find(ex, "Washingtons"), nullptr) << seed;
  }
}

INSTANTIATE_TEST_SUITE_P(RulesAndModel, SeedGoldenTest, ::testing::Values(false, true),
                         [](const auto& info) { return info.param ? "Model" : "Rules"; });

TEST(EntityRecognizerTest, AppendsAndWorksWithoutWordList) {
  auto r = EntityRecognizer::Create("", "");
  ASSERT_TRUE(r.ok());
  Extraction ex;
  ex.entities.emplace_back();  // something already there
  ex.mentions.emplace_back();
  const std::string text = "Präsidentin Claudia Sheinbaum traf Angela Merkel in Berlin. Sheinbaum lachte.";
  (*r)->Recognize(text, "de", &ex);
  const Entity* s = Find(ex, "Claudia Sheinbaum");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->role, "Präsidentin");
  EXPECT_EQ(s->mentions.size(), 2u);
  for (int m : s->mentions) {
    EXPECT_GE(m, 1);
    EXPECT_EQ(&ex.entities[ex.mentions[m].entity], s);
  }
  ASSERT_NE(Find(ex, "Angela Merkel"), nullptr);
  Extraction titled;  // a title after a role noun is no name
  (*r)->Recognize("Das sagte Missionsleiterin Dr. Ines Haller.", "de", &titled);
  ASSERT_EQ(titled.entities.size(), 1u);
  EXPECT_EQ(titled.entities[0].name, "Ines Haller");
  EXPECT_EQ(titled.entities[0].role, "Missionsleiterin");
  const Entity* berlin = Find(ex, "Berlin");
  ASSERT_NE(berlin, nullptr);
  EXPECT_EQ(berlin->type, EntityType::kLocation);
}

TEST(EntityRecognizerTest, MarksAdverbsThatOpenASentence) {
  if (!std::filesystem::exists(kDefaultDictionaryPath)) GTEST_SKIP() << "no word list";
  auto r = EntityRecognizer::Create("");
  ASSERT_TRUE(r.ok());
  WordView view = BuildWordView(
      "Dagegen sagte die Polizei, alles sei ruhig. Angeh\xC3\xB6rige klagten. Berlin schwieg. "
      "Relativierend f\xC3\xBCgte sie hinzu, es gebe Hoffnung.",
      "de");
  (*r)->MarkSentenceAdverbs(&view);
  std::vector<bool> marked;
  for (const auto& [begin, end] : view.sentences) marked.push_back(view.words[begin].sentence_adverb);
  // A declined adjective used as a noun and a name are no adverbs.
  EXPECT_EQ(marked, (std::vector<bool>{true, false, false, true}));
}

TEST(EntityRecognizerTest, DeclinedFormsOfAListedNameAreOneEntity) {
  auto r = EntityRecognizer::Create("", "");
  ASSERT_TRUE(r.ok());
  Extraction ex;
  (*r)->Recognize("Das Statistische Bundesamt meldete am Montag neue Zahlen. Nach Angaben des "
                  "Statistischen Bundesamtes stiegen die Preise.",
                  "de", &ex);
  const Entity* office = Find(ex, "Statistische Bundesamt");
  ASSERT_NE(office, nullptr);
  EXPECT_EQ(office->type, EntityType::kOrganization);
  EXPECT_EQ(office->canonical, "statistisches bundesamt");
  EXPECT_EQ(office->mentions.size(), 2u);
  EXPECT_EQ(Find(ex, "Statistischen Bundesamtes"), nullptr);
}

TEST(EntityRecognizerTest, NamesWithOneCanonicalKeyAreOneEntity) {
  auto r = EntityRecognizer::Create("", "");
  ASSERT_TRUE(r.ok());
  Extraction ex;
  ex.entities.emplace_back();  // something already there
  ex.mentions.emplace_back();
  // "USA" and "Vereinigten Staaten" share no word; aliases.txt gives them
  // one key, and so one entity, which keeps the name it was first given.
  const std::string text =
      "Die USA und Mexiko verhandeln in Berlin. Die Vereinigten Staaten fordern mehr. "
      "Auch die USA schweigen.";
  (*r)->Recognize(text, "de", &ex);
  const Entity* usa = Find(ex, "USA");
  ASSERT_NE(usa, nullptr);
  EXPECT_EQ(Find(ex, "Vereinigten Staaten"), nullptr);
  ASSERT_EQ(usa->mentions.size(), 3u);
  EXPECT_EQ(ex.mentions[usa->mentions[1]].text, "Vereinigten Staaten");
  EXPECT_LT(ex.mentions[usa->mentions[0]].begin, ex.mentions[usa->mentions[1]].begin);
  EXPECT_LT(ex.mentions[usa->mentions[1]].begin, ex.mentions[usa->mentions[2]].begin);
  // Every mention points at its own entity, and the entities after the
  // merged one moved up without a gap.
  for (size_t e = 1; e < ex.entities.size(); ++e) {
    ASSERT_FALSE(ex.entities[e].mentions.empty());
    for (int m : ex.entities[e].mentions) EXPECT_EQ(ex.mentions[m].entity, static_cast<int>(e));
  }
  EXPECT_NE(Find(ex, "Berlin"), nullptr);
  EXPECT_NE(Find(ex, "Mexiko"), nullptr);
}

TEST(EntityRecognizerTest, GenitiveJoinsItsNameAndNamesItOnlyWhenAlone) {
  auto r = EntityRecognizer::Create("", "");
  ASSERT_TRUE(r.ok());
  Extraction ex;
  // The rules take "Ungarns" after a role noun for a person's name; it comes
  // first, and the entity is still the place "Ungarn".
  (*r)->Recognize("Der Präsident Ungarns widersprach. Ungarn bleibt in der EU.", "de", &ex);
  const Entity* hungary = Find(ex, "Ungarn");
  ASSERT_NE(hungary, nullptr);
  EXPECT_EQ(hungary->type, EntityType::kLocation);
  EXPECT_EQ(hungary->mentions.size(), 2u);
  EXPECT_EQ(hungary->canonical, "ungarn");
  EXPECT_EQ(hungary->role, "");  // the role noun before it was no person's
  EXPECT_EQ(Find(ex, "Ungarns"), nullptr);

  if (Gazetteer::Create("")->num_catalog_places() == 0) GTEST_SKIP() << "no place catalogs";
  Extraction alone;  // only the genitive, of a catalog's place: named without its ending
  (*r)->Recognize("Der Präsident Ungarns widersprach.", "de", &alone);
  const Entity* only = Find(alone, "Ungarn");
  ASSERT_NE(only, nullptr);
  EXPECT_EQ(only->mentions.size(), 1u);
  EXPECT_EQ(only->type, EntityType::kLocation);
  EXPECT_EQ(alone.mentions[only->mentions[0]].text, "Ungarns");

  Extraction paris;  // a name that ends in -s is no genitive of anything
  (*r)->Recognize("Der Präsident flog nach Paris.", "de", &paris);
  EXPECT_NE(Find(paris, "Paris"), nullptr);
}

// A person's full name in the genitive is the person: "Angela Merkels" was
// a person apart from "Merkel", and "Karas" beside "Othmar Karas" the
// catalog's place "Kara". A name that only ends in -s keeps its -s.
TEST(EntityRecognizerTest, AFullNameInTheGenitiveIsThePerson) {
  const std::unique_ptr<EntityRecognizer> model = MakeRecognizer(true);
  ASSERT_NE(model, nullptr);
  auto entities = [&](std::string_view text) {
    Extraction ex;
    model->Recognize(text, "de", &ex);
    std::vector<std::string> out;
    for (const Entity& e : ex.entities) {
      out.push_back(fmt::format("{}/{}/{}/{}", e.name, EntityTypeName(e.type), e.canonical, e.mentions.size()));
    }
    return out;
  };
  const struct {
    std::string_view text, entity;  // name/type/key/mentions
  } cases[] = {
      {"Die Politik Angela Merkels ist umstritten. Merkel sagte dazu nichts.", "Angela Merkel/PER/angela merkel/2"},
      {"Der Sprecher Heinz Fischers sagte das am Montag in Wien.", "Heinz Fischer/PER/heinz fischer/1"},
      {"Othmar Karas kritisierte den Plan. Karas sagte, er sei dagegen.", "Othmar Karas/PER/othmar karas/2"},
      {"Die Regierung Großbritanniens sagte am Montag, es gehe voran.", "Großbritannien/LOC/grossbritannien/1"},
      // Not where no genitive stands, and not for a name in -ss.
      {"Die Polin überwand Madison Keys (USA) in drei Sätzen.", "Madison Keys/PER/madison keys/1"},
      {"Der Schauspieler Gert Voss Rolle war klein.", "Gert Voss/PER/gert voss/1"},
  };
  for (const auto& c : cases) EXPECT_THAT(entities(c.text), ::testing::Contains(c.entity)) << c.text;
}

// The German model on English text takes capitalized words for names
// ("Friday", "Scientists"): other languages get the rules; "de-CH" is German.
TEST(EntityRecognizerTest, ModelTagsOnlyTheLanguageItLearned) {
  const std::unique_ptr<EntityRecognizer> model = MakeRecognizer(true);
  const std::unique_ptr<EntityRecognizer> rules = MakeRecognizer(false);
  ASSERT_NE(model, nullptr);
  ASSERT_NE(rules, nullptr);
  auto names = [](const EntityRecognizer& r, std::string_view text, std::string_view lang) {
    Extraction ex;
    r.Recognize(text, lang, &ex);
    std::vector<std::string> out;
    for (const Mention& m : ex.mentions) out.push_back(m.text + "/" + std::string(EntityTypeName(m.type)));
    return out;
  };
  const std::string english =
      "On Friday, Scientists at the control centre in Darmstadt said that Ines Haller's team "
      "had spent 420 million euros.";
  EXPECT_EQ(names(*model, english, "en"), names(*rules, english, "en"));
  const std::vector<std::string> probe =
      names(*model, "The European Space Agency's probe reached Jupiter's moon.", "en");
  EXPECT_NE(std::find(probe.begin(), probe.end(), "European Space Agency/ORG"), probe.end());
  const std::vector<std::string> found = names(*rules, english, "en");
  EXPECT_NE(std::find(found.begin(), found.end(), "Ines Haller/PER"), found.end());  // without "'s"
  const std::string german = "Der Stürmer Marek Novak traf am Freitag zweimal für den FC Basel.";
  EXPECT_EQ(names(*model, german, "de-CH"), names(*model, german, "de"));
}

// GermEval writes an ordinal with its period as one token ("6."); tagged as
// two, the lone period made the month after a day look like a sentence's
// first word, and the model called it an organisation.
TEST(EntityRecognizerTest, ModelSeesOrdinalsAsItLearnedThem) {
  const std::unique_ptr<EntityRecognizer> model = MakeRecognizer(true);
  ASSERT_NE(model, nullptr);
  for (const char* text : {"Bis 6. März gibt es in Wien wieder Animationsfilme zu sehen.",
                           "Am 12. März 2015 gab es in Wien Filme.",
                           "Das Rückspiel geht am 9. März in Szene."}) {
    Extraction ex;
    model->Recognize(text, "de", &ex);
    for (const Mention& m : ex.mentions) EXPECT_NE(m.text, "März") << text;
  }
}

// The mentions the rules or the model find in German `text`.
Extraction RecognizeGerman(bool with_model, std::string_view text) {
  Extraction ex;
  const std::unique_ptr<EntityRecognizer> r = MakeRecognizer(with_model);
  EXPECT_NE(r, nullptr);
  if (r != nullptr) r->Recognize(text, "de", &ex);
  return ex;
}

// The texts of the mentions, of one type or of all.
std::vector<std::string> MentionTexts(const Extraction& ex, std::optional<EntityType> type = std::nullopt) {
  std::vector<std::string> out;
  for (const Mention& m : ex.mentions) {
    if (!type || m.type == *type) out.push_back(m.text);
  }
  return out;
}

// Family names with particles: one person from the given name to the
// surname, and the surname alone later keeps its particles. A person's name
// followed by "von der" and an organisation stays apart.
TEST(EntityRecognizerTest, NameParticlesBelongToTheName) {
  const std::string text =
      "Kommissionspräsidentin Ursula von der Leyen reiste am Montag nach Kiew. Dort sagte von "
      "der Leyen, die Hilfe gehe weiter. Thomas Müller von der Universität Wien widersprach.";
  for (bool with_model : {false, true}) {
    const Extraction ex = RecognizeGerman(with_model, text);
    EXPECT_EQ(MentionTexts(ex, EntityType::kPerson),
              (std::vector<std::string>{"Ursula von der Leyen", "von der Leyen", "Thomas Müller"}))
        << (with_model ? "model" : "rules");
    int leyen = -1;
    for (const Mention& m : ex.mentions) {
      if (m.text.ends_with("Leyen")) {
        if (leyen < 0) leyen = m.entity;
        EXPECT_EQ(m.entity, leyen);
      }
    }
  }
}

// A listed place is never a person, so never a surname either: in a match
// report whose line-up ran into the scorers ("(70.) Edomwonyi Salzburg:
// Walke"), the tagger read "Edomwonyi Salzburg" as one person, and every
// "Salzburg" of the article had joined him.
TEST(EntityRecognizerTest, AListedPlaceIsNoSurname) {
  const std::string text =
      "Salzburg – Der Meister heißt wieder Salzburg. Die Bullen spielten gegen Sturm Graz "
      "1:1. Danach bemühte sich Salzburg um das Siegestor. Red Bull Salzburg – Sturm Graz 1:1 "
      "(1:0). Tore: 1:0 (15.) Berisha 1:1 (70.) Edomwonyi Salzburg: Walke – Schwegler, "
      "Miranda, Caleta-Car.";
  for (bool with_model : {false, true}) {
    const Extraction ex = RecognizeGerman(with_model, text);
    for (const Mention& m : ex.mentions) {
      if (m.text == "Salzburg") {
        EXPECT_NE(m.type, EntityType::kPerson) << m.begin;
      }
    }
  }
}

// A name does not end in a particle that opens a family name: "forderte
// Kickl Van der Bellen auf" had been "Kickl Van" and, through that
// "surname", every later "Van" a mention of its own.
TEST(EntityRecognizerTest, ANameEndsBeforeTheParticleOfTheNext) {
  const std::string text =
      "Herbert Kickl griff Alexander Van der Bellen an. Im Übrigen forderte Kickl Van der Bellen "
      "auf, sich zu distanzieren. Mit Van der Bellen sprach er nicht.";
  // The tagger's case (the rules find no "Alexander Van der Bellen" to begin with).
  EXPECT_EQ(MentionTexts(RecognizeGerman(/*with_model=*/true, text)),
            (std::vector<std::string>{"Herbert Kickl", "Alexander Van der Bellen", "Kickl",
                                      "Van der Bellen", "Van der Bellen"}));
}

// Links written out in the text hold no names ("com" was an organisation in
// every "pic.twitter.com/…"); a slash between two names is no link.
TEST(EntityRecognizerTest, NoNamesInLinks) {
  const std::string text =
      "Der Kanzler grüßt geflüchtete Kinder in Wien. pic.twitter.com/lmceQwMbYP Mehr dazu auf "
      "https://t.co/QH1bJFIB6F und www.Orf.at. Der Zug Kiew/Moskau fährt wieder.";
  for (bool with_model : {false, true}) {
    EXPECT_EQ(MentionTexts(RecognizeGerman(with_model, text)),
              (std::vector<std::string>{"Wien", "Kiew", "Moskau"}))
        << (with_model ? "model" : "rules");
  }
}

// The tags of one German sentence after FixNameTags, by name.
std::vector<std::string> FixTags(std::vector<std::string_view> words, std::vector<uint8_t> tags) {
  static const auto g = Gazetteer::Create();
  const text::Folder folder("de");
  std::vector<std::string> folded(words.size());
  std::vector<std::string_view> views(words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    folder.To(words[i], &folded[i]);
    views[i] = folded[i];
  }
  FixNameTags(*g, words, views, &tags);
  std::vector<std::string> names;
  for (uint8_t t : tags) names.push_back(TagName(t));
  return names;
}

// A place's genitive is the place, whatever the tagger called it; a missed
// one counts only for the places of our list, and not where the stem is also
// a lower-case word ("des Essens": the meal).
TEST(NameTagsTest, GenitivesOfPlacesArePlaces) {
  const auto& fix = FixTags;
  const uint8_t o = 0, b_per = 1, b_org = 5, i_org = 6;
  using Tags = std::vector<std::string>;
  EXPECT_EQ(fix({"Portugals", "Präsident", "sprach"}, {b_per, o, o}), (Tags{"B-LOC", "O", "O"}));
  EXPECT_EQ(fix({"Vertreter", "Großbritanniens", "fehlten"}, {o, o, o}), (Tags{"O", "B-LOC", "O"}));
  EXPECT_EQ(fix({"nach", "dem", "Genuss", "des", "Essens"}, {o, o, o, o, o}), Tags(5, "O"));
  EXPECT_EQ(fix({"die", "Bewegung", "des", "Zuges"}, {o, o, o, o}), Tags(4, "O"));
  // Only names of one word: "Bayerns Landtag" may be an organisation's name.
  EXPECT_EQ(fix({"Bayerns", "Landtag"}, {b_org, i_org}), (Tags{"B-ORG", "I-ORG"}));
}

// The first part of two compounds sharing their head is no name where the
// compound after "und" is none; an acronym or a listed place stays.
TEST(NameTagsTest, TruncatedCompoundsAreNoNames) {
  const uint8_t o = 0, b_loc = 3, b_org = 5;
  using Tags = std::vector<std::string>;
  EXPECT_EQ(FixTags({"sagt", ",", "Alkohol", "-", "und", "Drogenmissbrauch", "seien"}, {o, o, b_loc, o, o, o, o}),
            Tags(7, "O"));
  EXPECT_EQ(FixTags({"von", "FPÖ", "-", "und", "BZÖ-Konten"}, {o, b_org, o, o, o}),
            (Tags{"O", "B-ORG", "O", "O", "O"}));
  EXPECT_EQ(FixTags({"Nord", "-", "und", "Südkorea"}, {b_loc, o, o, b_loc}),
            (Tags{"B-LOC", "O", "O", "B-LOC"}));
}

// A noun that describes the person before a given name and a family name is
// no part of the name; before a given name alone it may be a given name the
// lists lack ("Rand Paul").
TEST(NameTagsTest, ADescribingNounBeforeAGivenNameIsNoPartOfTheName) {
  const uint8_t o = 0, b_per = 1, i_per = 2;
  using Tags = std::vector<std::string>;
  EXPECT_EQ(FixTags({"Broker", "Johann", "Wanovits", "war"}, {b_per, i_per, i_per, o}),
            (Tags{"O", "B-PER", "I-PER", "O"}));
  EXPECT_EQ(FixTags({"Rand", "Paul", "sagte"}, {b_per, i_per, o}), (Tags{"B-PER", "I-PER", "O"}));
  EXPECT_EQ(FixTags({"Pressburger", "Wolfgang", "Kempelen"}, {b_per, i_per, i_per}), (Tags{"O", "B-PER", "I-PER"}));
}

// Before a family name alone, a noun for a person (by its ending, alone or
// as a compound's head after another noun) or a place's demonym is no part
// of the name; given names that are nouns too, or family names, stay.
TEST(NameTagsTest, ANounForAPersonBeforeAFamilyNameIsNoPartOfTheName) {
  const uint8_t o = 0, b_per = 1, i_per = 2;
  using Tags = std::vector<std::string>;
  for (std::string_view noun : {"Jagdethiker", "Weinbauer", "Produzent", "Österreicher", "Hollabrunnerin"}) {
    EXPECT_EQ(FixTags({noun, "Winkelmayer", "sagte"}, {b_per, i_per, o}), (Tags{"O", "B-PER", "O"})) << noun;
  }
  for (std::string_view given : {"Toto", "Wagner", "Theaster", "Innocent", "Rand"}) {
    EXPECT_EQ(FixTags({given, "Winkelmayer", "sagte"}, {b_per, i_per, o}), (Tags{"B-PER", "I-PER", "O"})) << given;
  }
  // The family name is no word of the dictionary ("Flanke Dijks" stays to the tagger).
  EXPECT_EQ(FixTags({"Weinbauer", "Zucker", "sagte"}, {b_per, i_per, o}), (Tags{"B-PER", "I-PER", "O"}));
}

// The month of a date is no part of the name after it; "August" after no
// day is a given name.
TEST(NameTagsTest, ANameDoesNotStartWithTheMonthOfADate) {
  const uint8_t o = 0, b_per = 1, i_per = 2;
  using Tags = std::vector<std::string>;
  EXPECT_EQ(FixTags({"am", "10.", "April", "Van", "der", "Bellen"}, {o, o, b_per, i_per, i_per, i_per}),
            (Tags{"O", "O", "O", "B-PER", "I-PER", "I-PER"}));
  EXPECT_EQ(FixTags({"am", "3", ".", "April", "Griss", "("}, {o, o, o, b_per, i_per, o}),
            (Tags{"O", "O", "O", "O", "B-PER", "O"}));
  EXPECT_EQ(FixTags({"Gauleiter", "August", "Eigruber"}, {o, b_per, i_per}), (Tags{"O", "B-PER", "I-PER"}));
}

// "SR" in a match report is the referee: the name after it is a person's,
// up to the next dictionary word; "SR Fernsehen" stays the broadcaster.
TEST(NameTagsTest, TheRefereeOfAMatchReportIsAPerson) {
  const uint8_t o = 0, b_org = 5, i_org = 6;
  using Tags = std::vector<std::string>;
  EXPECT_EQ(FixTags({"10.000", ",", "SR", "Kolleger", "."}, {o, o, b_org, i_org, o}),
            (Tags{"O", "O", "O", "B-PER", "O"}));
  EXPECT_EQ(FixTags({"SR", "Schörgenhofer", "Tore", ":"}, {b_org, i_org, i_org, o}),
            (Tags{"O", "B-PER", "O", "O"}));
  EXPECT_EQ(FixTags({"im", "SR", "Fernsehen"}, {o, b_org, i_org}), (Tags{"O", "B-ORG", "I-ORG"}));
}

// A listed place or organisation that the tagger left outside any name is
// that name, unless the case of its first word says nothing (at the sentence
// start) and it is also a lower-case word, or it is a lower-case word of one
// word anywhere.
TEST(NameTagsTest, ListedNamesTheTaggerMissedAreNames) {
  const uint8_t o = 0, b_loc = 3, b_org = 5, i_org = 6;
  using Tags = std::vector<std::string>;
  EXPECT_EQ(FixTags({"Berlin", "(", "Reuters", ")", "-"}, {b_loc, o, o, o, o}),
            (Tags{"B-LOC", "O", "B-ORG", "O", "O"}));
  EXPECT_EQ(FixTags({"von", "Allianz", "und", "Commerzbank"}, {o, o, o, o}),
            (Tags{"O", "B-ORG", "O", "B-ORG"}));
  // Declined forms of a listed name are that name.
  EXPECT_EQ(FixTags({"laut", "Internationalem", "Währungsfonds"}, {o, o, o}),
            (Tags{"O", "B-ORG", "I-ORG"}));
  EXPECT_EQ(FixTags({"den", "Internationalen", "Währungsfonds"}, {o, o, o}),
            (Tags{"O", "B-ORG", "I-ORG"}));
  EXPECT_EQ(FixTags({"des", "Statistischen", "Bundesamtes"}, {o, o, o}),
            (Tags{"O", "B-ORG", "I-ORG"}));
  EXPECT_EQ(FixTags({"im", "Mittleren", "Osten"}, {o, o, o}), (Tags{"O", "B-LOC", "I-LOC"}));
  // What the tagger found stays as it is, a part of a name included.
  EXPECT_EQ(FixTags({"die", "Commerzbank", "Arena"}, {o, b_org, i_org}), (Tags{"O", "B-ORG", "I-ORG"}));
  EXPECT_EQ(FixTags({"Seine", "Profis", "sind", "verärgert"}, {o, o, o, o}), Tags(4, "O"));
  // Where its case says nothing, a name whose lower-cased form is no word
  // is a name all the same.
  EXPECT_EQ(FixTags({"Reuters", "meldet"}, {o, o}), (Tags{"B-ORG", "O"}));
  EXPECT_EQ(FixTags({"weiter", "aus", ":", "Commerzbank", "meldet"}, std::vector<uint8_t>(5, o)),
            (Tags{"O", "O", "O", "B-ORG", "O"}));
  EXPECT_EQ(FixTags({"nach", "zwei", "Siegen"}, {o, o, o}), Tags(3, "O"));
  EXPECT_EQ(FixTags({"Der", "Grüne", "Peter", "Pilz"}, {o, o, 1, 2}), (Tags{"O", "O", "B-PER", "I-PER"}));
  // The first word as listed: "Bund" is not the environmental group "BUND".
  EXPECT_EQ(FixTags({"zahlt", "der", "Bund", "mehr"}, {o, o, o, o}), Tags(4, "O"));
  EXPECT_EQ(FixTags({"der", "Zeitung", "Die", "Welt"}, {o, o, o, o}), (Tags{"O", "O", "B-ORG", "I-ORG"}));
  EXPECT_EQ(FixTags({"sagte", "er", ":", "Die", "Welt", "ist", "klein"}, std::vector<uint8_t>(7, o)), Tags(7, "O"));
}

// A quoted listed medium is that medium, also without its article; a common
// noun quoted as a word is no name.
TEST(NameTagsTest, QuotedWords) {
  const uint8_t o = 0, b_loc = 3, b_org = 5;
  using Tags = std::vector<std::string>;
  EXPECT_EQ(FixTags({"berichtete", "der", "„", "Spiegel", "“", "am", "Montag"}, std::vector<uint8_t>(7, o)),
            (Tags{"O", "O", "O", "B-ORG", "O", "O", "O"}));
  EXPECT_EQ(FixTags({"Laut", "„", "Handelsblatt", "“", "steigen"}, std::vector<uint8_t>(5, o)),
            (Tags{"O", "O", "B-ORG", "O", "O"}));
  // Without an article before it, "Zeit" is time.
  EXPECT_EQ(FixTags({"Es", "sei", "„", "Zeit", "“", "zu", "handeln"}, std::vector<uint8_t>(7, o)), Tags(7, "O"));
  EXPECT_EQ(FixTags({"bezeichnete", "die", "Pläne", "als", "„", "Flickwerk", "“"}, {o, o, o, o, o, b_org, o}),
            Tags(7, "O"));
  EXPECT_EQ(FixTags({"ein", "„", "Flickwerk", "“"}, {o, o, b_loc, o}), Tags(4, "O"));
  // After a definite article a quoted noun may be a nickname: the tagger's
  // reading stands.
  EXPECT_EQ(FixTags({"mit", "dem", "«", "Kaiser", "»"}, {o, o, o, 1, o}), (Tags{"O", "O", "O", "B-PER", "O"}));
}

// "Kanton" before a name or after an article is the Swiss canton, no place
// of its own (the catalogs' "Kanton" is Guangzhou).
TEST(NameTagsTest, TheCantonIsNoName) {
  const uint8_t o = 0, b_loc = 3, i_loc = 4;
  using Tags = std::vector<std::string>;
  EXPECT_EQ(FixTags({"im", "Kanton", "Zürich"}, {o, b_loc, i_loc}), (Tags{"O", "O", "B-LOC"}));
  EXPECT_EQ(FixTags({"im", "Kanton", "Luzern"}, {o, b_loc, b_loc}), (Tags{"O", "O", "B-LOC"}));
  EXPECT_EQ(FixTags({"des", "Kantons", "."}, {o, b_loc, o}), Tags(3, "O"));
  EXPECT_EQ(FixTags({"reiste", "nach", "Kanton", "."}, {o, o, b_loc, o}), (Tags{"O", "O", "B-LOC", "O"}));
}

// A role the tagger made a name of its own before a person's name is none.
TEST(NameTagsTest, ARoleBeforeAPersonIsNoName) {
  const uint8_t o = 0, b_per = 1, i_per = 2, b_org = 5;
  using Tags = std::vector<std::string>;
  EXPECT_EQ(FixTags({"Bundeskanzler", "Friedrich", "Merz", "sagte"}, {b_org, b_per, i_per, o}),
            (Tags{"O", "B-PER", "I-PER", "O"}));
  // Not before another kind of name.
  EXPECT_EQ(FixTags({"Bundeskanzler", "Merz"}, {b_org, b_org}), (Tags{"B-ORG", "B-ORG"}));
}

// A listed family name after its particles is a person's name with them,
// whatever the tagger made of it; "von" alone and a capitalized "Da" open
// none.
TEST(NameTagsTest, AListedFamilyNameTakesItsParticles) {
  const uint8_t o = 0, b_per = 1, b_loc = 3;
  using Tags = std::vector<std::string>;
  EXPECT_EQ(FixTags({"sagte", "von", "der", "Leyen", "."}, {o, o, o, b_loc, o}),
            (Tags{"O", "B-PER", "I-PER", "I-PER", "O"}));
  EXPECT_EQ(FixTags({"Von", "der", "Leyen", "betonte"}, {o, o, o, o}),
            (Tags{"B-PER", "I-PER", "I-PER", "O"}));
  EXPECT_EQ(FixTags({"wie", "de", "Maizière", "sagte"}, {o, o, o, o}),
            (Tags{"O", "B-PER", "I-PER", "O"}));
  EXPECT_EQ(FixTags({"mit", "von", "Merkel"}, {o, o, b_per}), (Tags{"O", "O", "B-PER"}));
  EXPECT_EQ(FixTags({"Da", "Merkel", "kam"}, {o, b_per, o}), (Tags{"O", "B-PER", "O"}));
  // A word of the dictionary is no family name here.
  EXPECT_EQ(FixTags({"von", "der", "Linde"}, {o, o, o}), Tags(3, "O"));
}

TEST(NameTagsTest, APlaceAdjectiveAndAPlaceNounAreOnePlace) {
  const uint8_t o = 0, b_loc_deriv = 11;  // B-LOCderiv
  using Tags = std::vector<std::string>;
  EXPECT_EQ(FixTags({"an", "der", "Gubener", "Straße"}, {o, o, b_loc_deriv, o}),
            (Tags{"O", "O", "B-LOC", "I-LOC"}));
  EXPECT_EQ(FixTags({"am", "Frankfurter", "Hauptbahnhof", "."}, {o, b_loc_deriv, o, o}),
            (Tags{"O", "B-LOC", "I-LOC", "O"}));
  EXPECT_EQ(FixTags({"das", "Brandenburger", "Tor"}, {o, b_loc_deriv, o}), (Tags{"O", "B-LOC", "I-LOC"}));
  // Other nouns, and heads that also end other words, leave the derivation.
  EXPECT_EQ(FixTags({"die", "Wiener", "Polizei"}, {o, b_loc_deriv, o}), (Tags{"O", "B-LOCderiv", "O"}));
  EXPECT_EQ(FixTags({"der", "Wiener", "Direktor"}, {o, b_loc_deriv, o}), (Tags{"O", "B-LOCderiv", "O"}));
  EXPECT_EQ(FixTags({"der", "Bremer", "Hering"}, {o, b_loc_deriv, o}), (Tags{"O", "B-LOCderiv", "O"}));
  // Only where the tagger read a place adjective, not any word in -er.
  EXPECT_EQ(FixTags({"der", "neuer", "Platz"}, {o, o, o}), Tags(3, "O"));
}

TEST(NameTagsTest, APlaceAdjectiveAndAClubOrWorksAreOneOrganisation) {
  const uint8_t o = 0, b_loc_deriv = 11;  // B-LOCderiv
  using Tags = std::vector<std::string>;
  EXPECT_EQ(FixTags({"beim", "Hamburger", "Mieterverein", "."}, {o, b_loc_deriv, o, o}),
            (Tags{"O", "B-ORG", "I-ORG", "O"}));
  EXPECT_EQ(FixTags({"der", "Veitscher", "Magnesitwerke"}, {o, b_loc_deriv, o}), (Tags{"O", "B-ORG", "I-ORG"}));
  EXPECT_EQ(FixTags({"der", "Südstormarnschen", "Kreisbahn"}, {o, b_loc_deriv, o}),
            (Tags{"O", "B-ORG", "I-ORG"}));
  // An adjective of a country in lower case, and other nouns, stay.
  EXPECT_EQ(FixTags({"die", "deutschen", "Bankenverbände"}, {o, b_loc_deriv, o}),
            (Tags{"O", "B-LOCderiv", "O"}));
  EXPECT_EQ(FixTags({"des", "Gütersloher", "Schützengesellschaft"}, {o, b_loc_deriv, o}),
            (Tags{"O", "B-LOCderiv", "O"}));
}

TEST(NameTagsTest, ANameAfterANounForANewsMediumIsAnOrganisation) {
  const uint8_t o = 0, b_per = 1, b_loc = 3, b_oth = 7, i_oth = 8, b_org = 5;
  using Tags = std::vector<std::string>;
  EXPECT_EQ(FixTags({"der", "Zeitung", "„", "La", "Jornada", "“"}, {o, o, o, b_oth, i_oth, o}),
            (Tags{"O", "O", "O", "B-ORG", "I-ORG", "O"}));
  EXPECT_EQ(FixTags({"dem", "Nachrichtenmagazin", "Wired"}, {o, o, b_per}), (Tags{"O", "O", "B-ORG"}));
  EXPECT_EQ(FixTags({"die", "Nachrichtenagentur", "Tanjug"}, {o, o, b_loc}), (Tags{"O", "O", "B-ORG"}));
  // Other nouns, or a word between, leave the tags as they are.
  EXPECT_EQ(FixTags({"der", "Zeitungsleser", "Wired"}, {o, o, b_per}), (Tags{"O", "O", "B-PER"}));
  EXPECT_EQ(FixTags({"der", "Zeitung", "in", "Wien"}, {o, o, o, b_loc}), (Tags{"O", "O", "O", "B-LOC"}));
  EXPECT_EQ(FixTags({"dem", "Sender", "CNN"}, {o, o, b_org}), (Tags{"O", "O", "B-ORG"}));
  // The genitive too.
  EXPECT_EQ(FixTags({"des", "Senders", "TVN24"}, {o, o, b_oth}), (Tags{"O", "O", "B-ORG"}));
}

// So is a name after a noun for a kind of organisation, unless a person's
// name with a given name follows (its head, or an object).
TEST(NameTagsTest, ANameAfterANounForAKindOfOrganisationIsOne) {
  const uint8_t o = 0, b_per = 1, i_per = 2, b_loc = 3;
  using Tags = std::vector<std::string>;
  EXPECT_EQ(FixTags({"der", "Traditionsverein", "Preu\xC3\x9F" "en"}, {o, o, b_loc}),
            (Tags{"O", "O", "B-ORG"}));
  EXPECT_EQ(FixTags({"die", "Rockband", "Fold"}, {o, o, b_per}), (Tags{"O", "O", "B-ORG"}));
  EXPECT_EQ(FixTags({"den", "Erstligisten", "Litex", "Lovech"}, {o, o, b_loc, 4}),
            (Tags{"O", "O", "B-ORG", "I-ORG"}));
  EXPECT_EQ(FixTags({"des", "Yachtklubs", "Neusiedl"}, {o, o, b_loc}), (Tags{"O", "O", "B-ORG"}));
  EXPECT_EQ(FixTags({"der", "Garnhersteller", "Borckenstein"}, {o, o, b_loc}), (Tags{"O", "O", "B-ORG"}));
  EXPECT_EQ(FixTags({"die", "Partei", "Lega", "Nord"}, {o, o, b_per, i_per}),
            (Tags{"O", "O", "B-ORG", "I-ORG"}));
  EXPECT_EQ(FixTags({"der", "Bewegung", "Martin", "Konvi\xC4\x8Dka"}, {o, o, b_per, i_per}),
            (Tags{"O", "O", "B-PER", "I-PER"}));
  // Not a foundation, nor a lower-case verb.
  EXPECT_EQ(FixTags({"die", "Stiftung", "Ludovica"}, {o, o, b_per}), (Tags{"O", "O", "B-PER"}));
  EXPECT_EQ(FixTags({"wir", "unternehmen", "Paris"}, {o, o, b_loc}), (Tags{"O", "O", "B-LOC"}));
}

TEST(NameTagsTest, AbbreviationsOfCommonNounsAreNoNames) {
  const uint8_t o = 0, b_org = 5, i_org = 6;
  using Tags = std::vector<std::string>;
  EXPECT_EQ(FixTags({"am", "PC", "und", "per", "SMS"}, {o, b_org, o, o, b_org}), Tags(5, "O"));
  EXPECT_EQ(FixTags({"der", "CEO", "von", "Apple"}, {o, b_org, o, b_org}), (Tags{"O", "O", "O", "B-ORG"}));
  // Inside a longer name the abbreviation stays ("Servus TV").
  EXPECT_EQ(FixTags({"bei", "Servus", "TV"}, {o, b_org, i_org}), (Tags{"O", "B-ORG", "I-ORG"}));
}

TEST(NameTagsTest, NamesDoNotStartWithAnAdjectiveInLowerCase) {
  const uint8_t o = 0, b_per = 1, i_per = 2, b_org = 5, i_org = 6;
  using Tags = std::vector<std::string>;
  EXPECT_EQ(FixTags({"die", "islamisch-konservativen", "AKP"}, {o, b_org, i_org}),
            (Tags{"O", "O", "B-ORG"}));
  EXPECT_EQ(FixTags({"der", "öffentlich-rechtlichen", "ORF"}, {o, b_org, i_org}), (Tags{"O", "O", "B-ORG"}));
  // The common noun the adjective describes goes as well.
  EXPECT_EQ(FixTags({"der", "regierungskritischen", "Zeitung", "Cumhuriyet"}, {o, b_org, i_org, i_org}),
            (Tags{"O", "O", "O", "B-ORG"}));
  // Particles, words with capitals inside, and a domain stay.
  EXPECT_EQ(FixTags({"Ursula", "von", "der", "Leyen"}, {b_per, i_per, i_per, i_per}),
            (Tags{"B-PER", "I-PER", "I-PER", "I-PER"}));
  EXPECT_EQ(FixTags({"im", "iTunes", "Store"}, {o, b_org, i_org}), (Tags{"O", "B-ORG", "I-ORG"}));
  EXPECT_EQ(FixTags({"golem", ".de"}, {b_org, i_org}), (Tags{"B-ORG", "I-ORG"}));
}

TEST(NameTagsTest, ARoleAndAGivenNameMakeAPersonOfAnyName) {
  const uint8_t o = 0, b_org = 5, i_org = 6;
  using Tags = std::vector<std::string>;
  EXPECT_EQ(FixTags({"Bildungsministerin", "Sonja", "Hammerschmid", "(", "SPÖ", ")"},
                    {b_org, i_org, i_org, o, b_org, o}),
            (Tags{"O", "B-PER", "I-PER", "O", "B-ORG", "O"}));
  // Without a given name after the role, the organisation stays.
  EXPECT_EQ(FixTags({"Bundeskanzler", "Faymann", "Stiftung"}, {b_org, i_org, i_org}),
            (Tags{"B-ORG", "I-ORG", "I-ORG"}));
  // A noun for a person opens no organisation before a given name either.
  if (std::filesystem::exists(kDefaultDictionaryPath)) {
    EXPECT_EQ(FixTags({"der", "Gartenhistoriker", "Peter", "Ganay", "("}, {o, b_org, i_org, i_org, o}),
              (Tags{"O", "O", "B-PER", "I-PER", "O"}));
  }
}

// Bodies named by what they are for, and schools or plants named by their
// place, are organisations whole, with a capitalized adjective before them.
TEST(NameTagsTest, NamesOfInstitutions) {
  const uint8_t o = 0, b_loc = 3, b_org = 5;
  using Tags = std::vector<std::string>;
  EXPECT_EQ(FixTags({"im", "Bayerischen", "Staatsministerium", "f\xC3\xBCr", "Unterricht", "und", "Kultus", ","},
                    {o, o, o, o, o, o, o, o}),
            (Tags{"O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O"}));
  EXPECT_EQ(FixTags({"des", "Instituts", "f\xC3\xBCr", "Markt", "-", "und", "Sozialanalysen", "(", "IMAS", ")"},
                    {o, o, o, b_org, o, o, o, o, b_org, o}),
            (Tags{"O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "B-ORG", "O"}));
  EXPECT_EQ(FixTags({"der", "Stiftung", "zur", "Erforschung", "des", "islamischen", "Erbes", "mit"},
                    {o, o, o, o, o, o, o, o}),
            (Tags{"O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O"}));
  EXPECT_EQ(FixTags({"an", "der", "Medizinischen", "Hochschule", "Hannover", "mit"}, {o, o, o, o, b_loc, o}),
            (Tags{"O", "O", "B-ORG", "I-ORG", "I-ORG", "O"}));
  EXPECT_EQ(FixTags({"der", "Junge", "\xC3\x96VP"}, {o, o, b_org}), (Tags{"O", "B-ORG", "I-ORG"}));
  // Not what a school recommends, nor a centre of some kind, nor a noun
  // before an organisation.
  EXPECT_EQ(FixTags({"Empfehlung", "der", "Schule", "f\xC3\xBCr", "Jugendkonten"}, {o, o, o, o, o}),
            Tags(5, "O"));
  EXPECT_EQ(FixTags({"ein", "Zentrum", "f\xC3\xBCr", "Fl\xC3\xBC" "chtlinge"}, {o, o, o, o}), Tags(4, "O"));
  EXPECT_EQ(FixTags({"das", "Ministerium", "zur", "Vorbereitung", "der", "Ausschreibung"},
                    std::vector<uint8_t>(6, o)),
            Tags(6, "O"));
  EXPECT_EQ(FixTags({"die", "Unternehmen", "Tactus"}, {o, o, b_org}), (Tags{"O", "O", "B-ORG"}));
}

// A word that ends a clause after a speech verb, or follows a role or a
// relative, is a person's name; not a noun, a month or a medium.
TEST(NameTagsTest, SpeakersAndNamesAfterRolesArePeople) {
  const uint8_t o = 0, b_loc = 3;
  using Tags = std::vector<std::string>;
  EXPECT_EQ(FixTags({"\"", ",", "sagte", "Gosslar", "."}, {o, o, o, b_loc, o}), (Tags{"O", "O", "O", "B-PER", "O"}));
  EXPECT_EQ(FixTags({"Erfolg", ",", "so", "Kowalski", "."}, {o, o, o, o, o}), (Tags{"O", "O", "O", "B-PER", "O"}));
  EXPECT_EQ(FixTags({"klagt", "der", "Oberst", "Ollendorf", ",", "dass"}, std::vector<uint8_t>(6, o)),
            (Tags{"O", "O", "O", "B-PER", "O", "O"}));
  EXPECT_EQ(FixTags({"von", "der", "Familie", "Boim", "verwaltet"}, std::vector<uint8_t>(5, o)),
            (Tags{"O", "O", "O", "B-PER", "O"}));
  EXPECT_EQ(FixTags({"das", "erkl\xC3\xA4rte", "Ziel", ":"}, std::vector<uint8_t>(4, o)), Tags(4, "O"));
  EXPECT_EQ(FixTags({"berichtet", "TorrentFreak", "."}, std::vector<uint8_t>(3, o)), Tags(3, "O"));
  EXPECT_EQ(FixTags({"sagte", "April", "."}, std::vector<uint8_t>(3, o)), Tags(3, "O"));
  EXPECT_EQ(FixTags({"sagte", "Wien", "."}, {o, b_loc, o}), (Tags{"O", "B-LOC", "O"}));
}

// The pronouns of polite address are no names.
TEST(NameTagsTest, PolitePronounsAreNoNames) {
  const uint8_t o = 0, b_loc = 3, i_loc = 4;
  using Tags = std::vector<std::string>;
  EXPECT_EQ(FixTags({"in", "Ihrem", "Glauben"}, {o, b_loc, o}), Tags(3, "O"));
  // A pronoun that opens a longer name stays: the name is the tagger's.
  EXPECT_EQ(FixTags({"in", "Ihrem", "Glauben"}, {o, b_loc, i_loc}), (Tags{"O", "B-LOC", "I-LOC"}));
}

// A role or a title alone is no person; a listed family name that is also
// a title stays.
TEST(NameTagsTest, RolesAloneAreNoNames) {
  const uint8_t o = 0, b_per = 1;
  using Tags = std::vector<std::string>;
  EXPECT_EQ(FixTags({"Der", "Außenminister", "sagte"}, {o, b_per, o}), Tags(3, "O"));
  EXPECT_EQ(FixTags({"sagte", "Merkel", "."}, {o, b_per, o}), (Tags{"O", "B-PER", "O"}));
}

// A name of one word after "im" or "ins" and a lower-case adjective is a
// place, not a person.
TEST(NameTagsTest, PersonsAreNotInAPlace) {
  const uint8_t o = 0, b_per = 1, i_per = 2;
  using Tags = std::vector<std::string>;
  EXPECT_EQ(FixTags({"im", "argentinischen", "Mendoza", "begonnen"}, {o, o, b_per, o}),
            (Tags{"O", "O", "B-LOC", "O"}));
  EXPECT_EQ(FixTags({"im", "englischen", "Hatfield", "hergestellt"}, {o, 11, b_per, o}),
            (Tags{"O", "B-LOCderiv", "B-LOC", "O"}));
  // Not a name of two words, nor after another preposition.
  EXPECT_EQ(FixTags({"im", "englischen", "Peter", "Hatfield"}, {o, o, b_per, i_per}),
            (Tags{"O", "O", "B-PER", "I-PER"}));
  EXPECT_EQ(FixTags({"mit", "dem", "englischen", "Hatfield"}, {o, o, o, b_per}), (Tags{"O", "O", "O", "B-PER"}));
}

// A name of one word right after a direction or nearness is a place.
TEST(NameTagsTest, PlacesNearOrTowards) {
  const uint8_t o = 0, b_per = 1;
  using Tags = std::vector<std::string>;
  EXPECT_EQ(FixTags({"drang", "bis", "südlich", "Locre", "vor"}, {o, o, o, o, o}),
            (Tags{"O", "O", "O", "B-LOC", "O"}));
  EXPECT_EQ(FixTags({"in", "der", "Nähe", "von", "Cavaillon", "und"}, {o, o, o, o, b_per, o}),
            (Tags{"O", "O", "O", "O", "B-LOC", "O"}));
  // Not a dictionary word the tagger left out, nor a person after "Nähe" alone.
  EXPECT_EQ(FixTags({"nördlich", "Haus", "und"}, {o, o, o}), Tags(3, "O"));
  EXPECT_EQ(FixTags({"seine", "Nähe", "Müller", "sagte"}, {o, o, b_per, o}), (Tags{"O", "O", "B-PER", "O"}));
}

// A name of two or three words that are no words of the dictionary, right
// after a role, is a person's where the tagger made it a place; a listed
// place there stays.
TEST(NameTagsTest, NamesOfSeveralWordsAfterRolesArePeople) {
  const uint8_t o = 0, b_loc = 3, i_loc = 4;
  using Tags = std::vector<std::string>;
  EXPECT_EQ(FixTags({"der", "Vorstandsvorsitzende", "Corrado", "Passera", "."}, {o, o, b_loc, i_loc, o}),
            (Tags{"O", "O", "B-PER", "I-PER", "O"}));
  EXPECT_EQ(FixTags({"der", "Bürgermeister", "Corrado", "Passera", "."}, {o, o, b_loc, i_loc, o}),
            (Tags{"O", "O", "B-PER", "I-PER", "O"}));
  EXPECT_EQ(FixTags({"der", "Präsident", "Frankfurt", "am", "Main"}, {o, o, b_loc, i_loc, i_loc}),
            (Tags{"O", "O", "B-LOC", "I-LOC", "I-LOC"}));
  EXPECT_EQ(FixTags({"der", "Bürgermeister", "Neuen", "Passera", "."}, {o, o, b_loc, i_loc, o}),
            (Tags{"O", "O", "B-LOC", "I-LOC", "O"}));
  // Not after a word that is no role.
  EXPECT_EQ(FixTags({"die", "Insel", "Corrado", "Passera", "."}, {o, o, b_loc, i_loc, o}),
            (Tags{"O", "O", "B-LOC", "I-LOC", "O"}));
}

// A place's name does not start with the kind of place it is.
TEST(NameTagsTest, PlaceNamesDoNotStartWithTheirKind) {
  const uint8_t o = 0, b_per = 1, b_loc = 3, i_loc = 4;
  using Tags = std::vector<std::string>;
  EXPECT_EQ(FixTags({"in", "die", "Kreisstadt", "Torgau", "eingemeindet"}, {o, o, b_loc, i_loc, o}),
            (Tags{"O", "O", "O", "B-LOC", "O"}));
  EXPECT_EQ(FixTags({"in", "der", "Stadt", "Teirm", ","}, {o, o, o, b_per, o}),
            (Tags{"O", "O", "O", "B-LOC", "O"}));
  // A person's name of two words after "Stadt" stays.
  EXPECT_EQ(FixTags({"der", "Stadt", "Anna", "Meier"}, {o, o, b_per, 2}), (Tags{"O", "O", "B-PER", "I-PER"}));
  // Before a person's name of one word, a compound of such a noun counts too,
  // also in the genitive.
  EXPECT_EQ(FixTags({"vor", "der", "Mittelmeerinsel", "Giglio", "einen"}, {o, o, o, b_per, o}),
            (Tags{"O", "O", "O", "B-LOC", "O"}));
  EXPECT_EQ(FixTags({"des", "Grenzdorfes", "Chamilo", "."}, {o, o, b_per, o}), (Tags{"O", "O", "B-LOC", "O"}));
}

// A compound whose own head is a feature of the land or a building and whose
// front is a name is a place; a compound whose head only ends in such a
// feature is none.
TEST(NameTagsTest, NamedFeaturesArePlaces) {
  if (!std::filesystem::exists(kDefaultDictionaryPath)) GTEST_SKIP() << "no word list";
  const uint8_t o = 0;
  using Tags = std::vector<std::string>;
  EXPECT_EQ(FixTags({"zur", "Stüdlhütte", "."}, {o, o, o}), (Tags{"O", "B-LOC", "O"}));
  EXPECT_EQ(FixTags({"die", "Rupertuskirche", "."}, {o, o, o}), (Tags{"O", "B-LOC", "O"}));
  EXPECT_EQ(FixTags({"die", "Saalachbrücke", "."}, {o, o, o}), (Tags{"O", "B-LOC", "O"}));
  EXPECT_EQ(FixTags({"die", "Onlinekäufer", "."}, {o, o, o}), Tags(3, "O"));
  EXPECT_EQ(FixTags({"der", "Flüchtlingsansturm", "."}, {o, o, o}), Tags(3, "O"));
  EXPECT_EQ(FixTags({"der", "Schulhof", "."}, {o, o, o}), Tags(3, "O"));
}

// A street named by its head is a place (with its house number, see
// RoadsByTheirNumbers); a kind of road is none.
TEST(NameTagsTest, StreetNamesArePlaces) {
  const uint8_t o = 0;
  using Tags = std::vector<std::string>;
  EXPECT_EQ(FixTags({"in", "der", "Hamerlinggasse", "8"}, std::vector<uint8_t>(4, o)),
            (Tags{"O", "O", "B-LOC", "I-LOC"}));
  EXPECT_EQ(FixTags({"in", "der", "Hamerlinggasse", "wohnt"}, std::vector<uint8_t>(4, o)),
            (Tags{"O", "O", "B-LOC", "O"}));
  EXPECT_EQ(FixTags({"die", "Umfahrungsstra\xC3\x9F" "e", "ist"}, std::vector<uint8_t>(3, o)), Tags(3, "O"));
}

// A person's genitive ends the name; a given name in -s does not.
TEST(NameTagsTest, NamesEndAtAGenitive) {
  const uint8_t o = 0, b_per = 1, i_per = 2;
  using Tags = std::vector<std::string>;
  EXPECT_EQ(FixTags({"mit", "Pattisons", "Enkeltochter", "."}, {o, b_per, i_per, o}),
            (Tags{"O", "B-PER", "O", "O"}));
  EXPECT_EQ(FixTags({"von", "Brians", "Sohn", "Murchad", "."}, {o, b_per, i_per, i_per, o}),
            (Tags{"O", "B-PER", "O", "B-PER", "O"}));
  EXPECT_EQ(FixTags({"sagte", "Jens", "Weidmann", "."}, {o, b_per, i_per, o}), (Tags{"O", "B-PER", "I-PER", "O"}));
}

TEST(EntityRecognizerTest, MissingModelIsAnError) {
  auto r = EntityRecognizer::Create("/nonexistent/ner.model");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("/nonexistent/ner.model"), std::string::npos);
}

// A name that an acronym in parentheses after it abbreviates is one name of
// the acronym's type; not a person's name before a party's, and not where
// the acronym's letters fall in words that give it none.
TEST(NameTagsTest, NamesBeforeTheirAcronyms) {
  const uint8_t o = 0, b_per = 1, i_per = 2, b_loc = 3, i_loc = 4, b_org = 5;
  using Tags = std::vector<std::string>;
  EXPECT_EQ(FixTags({"Der", "Bundesverband", "deutscher", "Banken", "(", "BdB", ")"}, {o, o, b_org, o, o, b_org, o}),
            (Tags{"O", "B-ORG", "I-ORG", "I-ORG", "O", "B-ORG", "O"}));
  EXPECT_EQ(FixTags({"als", "Verkehrsbetriebe", "Hamburg-Holstein", "AG", "(", "VHH", ")"},
                    {o, o, b_org, 6, o, b_org, o}),
            (Tags{"O", "B-ORG", "I-ORG", "I-ORG", "O", "B-ORG", "O"}));
  // The capitals' initials first: "la" does not take the "L".
  EXPECT_EQ(FixTags({"Front", "de", "Lib\xC3\xA9ration", "de", "la", "C\xC3\xB4te", "des", "Somalis", "(", "FLCS", ")"},
                    {b_loc, i_loc, i_loc, i_loc, i_loc, i_loc, o, b_loc, o, b_org, o}),
            (Tags{"B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "B-ORG", "O"}));
  EXPECT_EQ(FixTags({"Wolfgang", "Sch\xC3\xA4uble", "(", "CDU", ")"}, {b_per, i_per, o, b_org, o}),
            (Tags{"B-PER", "I-PER", "O", "B-ORG", "O"}));
  EXPECT_EQ(FixTags({"Podemos", "am", "Montag", "Verhandlungen", "mit", "der", "Sozialistischen", "Arbeiterpartei",
                     "(", "PSOE", ")"},
                    {b_org, o, o, o, o, o, b_org, 6, o, b_org, o}),
            (Tags{"B-ORG", "O", "O", "O", "O", "O", "B-ORG", "I-ORG", "O", "B-ORG", "O"}));
}

// A listed place with a compass point or a position before it, as one word,
// is a place; a word whose rest is no listed place stays as it was.
TEST(NameTagsTest, PlacesWithACompassPoint) {
  const uint8_t o = 0;
  using Tags = std::vector<std::string>;
  EXPECT_EQ(FixTags({"in", "Nordhessen", "und", "S\xC3\xBC" "ditaliens", "K\xC3\xBC" "ste"}, std::vector<uint8_t>(5, o)),
            (Tags{"O", "B-LOC", "O", "B-LOC", "O"}));
  EXPECT_EQ(FixTags({"die", "Unterwelt", "und", "das", "Oberhaupt"}, std::vector<uint8_t>(5, o)), Tags(5, "O"));
}

// A person's name that ends in the English noun for a kind of organisation
// is that organisation; "House" may name a place and stays.
TEST(NameTagsTest, EnglishOrganizationsAreNoPeople) {
  const uint8_t o = 0, b_per = 1, i_per = 2;
  using Tags = std::vector<std::string>;
  EXPECT_EQ(FixTags({"vom", "Jet", "Propulsion", "Laboratory", "."}, {o, b_per, i_per, i_per, o}),
            (Tags{"O", "B-ORG", "I-ORG", "I-ORG", "O"}));
  EXPECT_EQ(FixTags({"das", "Jones", "House", "."}, {o, b_per, i_per, o}), (Tags{"O", "B-PER", "I-PER", "O"}));
  EXPECT_EQ(FixTags({"die", "Dave", "Matthews", "Band", ";"}, {o, b_per, i_per, o, o}),
            (Tags{"O", "B-ORG", "I-ORG", "I-ORG", "O"}));
  EXPECT_EQ(FixTags({"Thomas", "Mann", "Band", "3"}, {b_per, i_per, o, o}), (Tags{"B-PER", "I-PER", "O", "O"}));
}

// A club's year of founding with a leading zero belongs to its name; not
// before a noun the number may count.
TEST(NameTagsTest, ClubNamesEndInTheirYear) {
  const uint8_t o = 0, b_org = 5, i_org = 6;
  using Tags = std::vector<std::string>;
  EXPECT_EQ(FixTags({"auf", "den", "FC", "Schalke", "04", "."}, {o, o, b_org, i_org, o, o}),
            (Tags{"O", "O", "B-ORG", "I-ORG", "I-ORG", "O"}));
  EXPECT_EQ(FixTags({"die", "SPD", "05", "Sitze"}, {o, b_org, o, o}), (Tags{"O", "B-ORG", "O", "O"}));
}

// An English name of an institution or a company is one organisation by its
// head, with its "of ..."; a German noun before it is no part of it.
TEST(NameTagsTest, EnglishInstitutionsByTheirHead) {
  const uint8_t o = 0, b_per = 1, b_loc = 3, i_loc = 4, b_org = 5, i_org = 6;
  using Tags = std::vector<std::string>;
  EXPECT_EQ(FixTags({"an", "der", "George", "Washington", "University", "."}, {o, o, b_per, b_loc, i_loc, o}),
            (Tags{"O", "O", "B-ORG", "I-ORG", "I-ORG", "O"}));
  EXPECT_EQ(FixTags({"des", "California", "Institute", "of", "Technology", "."}, {o, b_loc, o, o, o, o}),
            (Tags{"O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"}));
  EXPECT_EQ(FixTags({"die", "Gelehrtengesellschaft", "Royal", "Society", "."}, {o, o, b_org, i_org, o}),
            (Tags{"O", "O", "B-ORG", "I-ORG", "O"}));
  EXPECT_EQ(FixTags({"die", "University", "war"}, {o, o, o}), Tags(3, "O"));
}

// A name does not start with an English word of sport for a role, alone or
// after a hyphen; the rest is a person's name, whatever the tagger made it.
TEST(NameTagsTest, SportsRolesOpenNoNames) {
  const uint8_t o = 0, b_per = 1, i_per = 2, b_org = 5, i_org = 6;
  using Tags = std::vector<std::string>;
  EXPECT_EQ(FixTags({"sagte", "Coach", "Arsene", "Wenger", "."}, {o, b_per, i_per, i_per, o}),
            (Tags{"O", "O", "B-PER", "I-PER", "O"}));
  EXPECT_EQ(FixTags({"Keeper", "Ron-Robert", "Zieler", "hielt"}, {b_org, i_org, i_org, o}),
            (Tags{"O", "B-PER", "I-PER", "O"}));
  EXPECT_EQ(FixTags({"der", "Graz-Coach", "Foda", "sagte"}, {o, b_per, i_per, o}), (Tags{"O", "O", "B-PER", "O"}));
  EXPECT_EQ(FixTags({"der", "Coach", "sagte"}, {o, b_per, o}), (Tags{"O", "B-PER", "O"}));
}

// An unknown word that ends as German place names do, right after a
// preposition that takes a place, is a place; not a noun's dative plural.
TEST(NameTagsTest, PlaceNamesAfterPrepositions) {
  if (!std::filesystem::exists(kDefaultDictionaryPath)) GTEST_SKIP() << "no word list";
  const uint8_t o = 0;
  using Tags = std::vector<std::string>;
  EXPECT_EQ(FixTags({"Bei", "V\xC3\xB6lklingen", "ist", "das", "Kraftwerk"}, std::vector<uint8_t>(5, o)),
            (Tags{"O", "B-LOC", "O", "O", "O"}));
  EXPECT_EQ(FixTags({"bei", "Kriegsfl\xC3\xBC" "chtlingen", "ist"}, std::vector<uint8_t>(3, o)), Tags(3, "O"));
  EXPECT_EQ(FixTags({"die", "Wasserburg", "ist"}, std::vector<uint8_t>(3, o)), Tags(3, "O"));
}

// A capitalized adjective of size, height or position, or "Bad", opens the
// place after it; not at the sentence's start, nor before another name.
TEST(NameTagsTest, PlaceNamesWithTheirAdjective) {
  const uint8_t o = 0, b_per = 1, b_loc = 3, i_loc = 4;
  using Tags = std::vector<std::string>;
  EXPECT_EQ(FixTags({"liegt", "der", "Gro\xC3\x9F" "e", "Schaftberg", "mit"}, {o, o, o, b_loc, o}),
            (Tags{"O", "O", "B-LOC", "I-LOC", "O"}));
  EXPECT_EQ(FixTags({"im", "Hinteren", "Bayerischen", "Wald", "sind"}, {o, o, b_loc, i_loc, o}),
            (Tags{"O", "B-LOC", "I-LOC", "I-LOC", "O"}));
  EXPECT_EQ(FixTags({"Kleine", "Wien", "ist"}, {o, b_loc, o}), (Tags{"O", "B-LOC", "O"}));
  EXPECT_EQ(FixTags({"der", "Gro\xC3\x9F" "e", "Peter"}, {o, o, b_per}), (Tags{"O", "O", "B-PER"}));
  // "Bad" and an unknown word name a spa town, whatever the tagger made of
  // them; not the town's adjective before a noun, nor a dictionary word.
  if (!std::filesystem::exists(kDefaultDictionaryPath)) GTEST_SKIP() << "no word list";
  EXPECT_EQ(FixTags({"dass", "Bad", "Niedernau", "auf"}, {o, b_per, o, o}), (Tags{"O", "B-LOC", "I-LOC", "O"}));
  EXPECT_EQ(FixTags({"der", "Bad", "Ischler", "Dialog"}, {o, o, o, o}), Tags(4, "O"));
  EXPECT_EQ(FixTags({"die", "Bad", "Bank", "ist"}, {o, o, o, o}), Tags(4, "O"));
}

// A plural compound of a dictionary noun tagged a place of one word is
// none; a place with a compass point, or ending as place names do, stays.
TEST(NameTagsTest, PluralCompoundsAreNoPlaces) {
  if (!std::filesystem::exists(kDefaultDictionaryPath)) GTEST_SKIP() << "no word list";
  const uint8_t o = 0, b_loc = 3;
  using Tags = std::vector<std::string>;
  EXPECT_EQ(FixTags({"in", "Mobilfunknetzen", "."}, {o, b_loc, o}), Tags(3, "O"));
  EXPECT_EQ(FixTags({"in", "Uttenhofen", "."}, {o, b_loc, o}), (Tags{"O", "B-LOC", "O"}));
}

// A compound of two dictionary words is no place of one word, unless its
// head is a kind of place, or a place is its front, its head or the word
// without its genitive -s.
TEST(NameTagsTest, CompoundNounsAreNoPlaces) {
  if (!std::filesystem::exists(kDefaultDictionaryPath)) GTEST_SKIP() << "no word list";
  const uint8_t o = 0, b_loc = 3;
  using Tags = std::vector<std::string>;
  EXPECT_EQ(FixTags({"im", "Gastgewerbe", "."}, {o, b_loc, o}), Tags(3, "O"));
  EXPECT_EQ(FixTags({"die", "Flüchtlingskrise", "."}, {o, b_loc, o}), Tags(3, "O"));
  for (std::string_view place : {"Hofburg", "Wallberg", "Salzburgarena", "Kontinentaleuropa"}) {
    EXPECT_EQ(FixTags({"in", place, "."}, {o, b_loc, o}), (Tags{"O", "B-LOC", "O"})) << place;
  }
}

// A listed place, or its genitive, ends a place name of two words before a
// common noun; a part of a town or a kind of place after it stays.
TEST(NameTagsTest, PlacesEndBeforeACommonNoun) {
  if (!std::filesystem::exists(kDefaultDictionaryPath)) GTEST_SKIP() << "no word list";
  const uint8_t o = 0, b_loc = 3, i_loc = 4;
  using Tags = std::vector<std::string>;
  EXPECT_EQ(FixTags({"bei", "Genf", "Atomkerne", "zusammenstoßen"}, {o, b_loc, i_loc, o}),
            (Tags{"O", "B-LOC", "O", "O"}));
  EXPECT_EQ(FixTags({"wo", "Frankreichs", "Volleyballer", "siegten"}, {o, b_loc, i_loc, o}),
            (Tags{"O", "B-LOC", "O", "O"}));
  EXPECT_EQ(FixTags({"in", "Berlin", "Mitte", "."}, {o, b_loc, i_loc, o}), (Tags{"O", "B-LOC", "I-LOC", "O"}));
  EXPECT_EQ(FixTags({"am", "Wien", "Hauptbahnhof", "."}, {o, b_loc, i_loc, o}),
            (Tags{"O", "B-LOC", "I-LOC", "O"}));
}

// A compass point alone is no place; one that opens a name or stands for a
// compound stays.
TEST(NameTagsTest, CompassPointsAreNoPlaces) {
  const uint8_t o = 0, b_loc = 3, i_loc = 4;
  using Tags = std::vector<std::string>;
  EXPECT_EQ(FixTags({"von", "Nord", "nach", "S\xC3\xBC" "d", "."}, {o, b_loc, o, b_loc, o}), Tags(5, "O"));
  EXPECT_EQ(FixTags({"in", "Nord", "-", "und", "Mittelamerika"}, {o, b_loc, o, o, b_loc}),
            (Tags{"O", "B-LOC", "O", "O", "B-LOC"}));
  EXPECT_EQ(FixTags({"in", "West", "Virginia"}, {o, b_loc, i_loc}), (Tags{"O", "B-LOC", "I-LOC"}));
}

// A list of names after a plural noun for settlements or islands names
// places; an organisation or a dictionary word ends it.
TEST(NameTagsTest, PlacesListedAfterTheirKind) {
  if (!std::filesystem::exists(kDefaultDictionaryPath)) GTEST_SKIP() << "no word list";
  const uint8_t o = 0, b_per = 1, b_loc = 3, b_org = 5;
  using Tags = std::vector<std::string>;
  EXPECT_EQ(FixTags({"die", "Gemeinden", "Bedra", ",", "Kumpula", "und", "Braunsdorf", "."},
                    {o, o, b_per, o, o, o, b_loc, o}),
            (Tags{"O", "O", "B-LOC", "O", "B-LOC", "O", "B-LOC", "O"}));
  EXPECT_EQ(FixTags({"die", "Inseln", "Chios", "und", "SPD", "."}, {o, o, b_per, o, b_org, o}),
            (Tags{"O", "O", "B-LOC", "O", "B-ORG", "O"}));
}

// A place or an organisation of our lists of more than one word that starts
// where the tagger found a name of that type is that name whole; not over a
// name of another type.
TEST(NameTagsTest, ListedNamesAreWhole) {
  const uint8_t o = 0, b_per = 1, b_loc = 3, b_org = 5;
  using Tags = std::vector<std::string>;
  EXPECT_EQ(FixTags({"Frankfurt", "am", "Main", "2003"}, {b_loc, o, o, o}), (Tags{"B-LOC", "I-LOC", "I-LOC", "O"}));
  EXPECT_EQ(FixTags({"in", "Freiburg", "im", "Breisgau", "eine"}, {o, b_loc, o, b_loc, o}),
            (Tags{"O", "B-LOC", "I-LOC", "I-LOC", "O"}));
  EXPECT_EQ(FixTags({"in", "Frankfurt", "am", "Main", "."}, {o, b_loc, o, b_per, o}),
            (Tags{"O", "B-LOC", "O", "B-PER", "O"}));
  EXPECT_EQ(FixTags({"sagte", "Reporter", "ohne", "Grenzen", "."}, {o, b_org, o, o, o}),
            (Tags{"O", "B-ORG", "I-ORG", "I-ORG", "O"}));
}

// A newspaper by its name's last word: a title that ends in one is the
// organisation, and so is a place's adjective before one; not "Presse".
TEST(NameTagsTest, NewspapersByTheirHead) {
  const uint8_t o = 0, b_oth = 7, i_oth = 8;
  using Tags = std::vector<std::string>;
  EXPECT_EQ(FixTags({"der", "\"", "Passauer", "Neuen", "Presse", "\""}, {o, o, b_oth, i_oth, i_oth, o}),
            (Tags{"O", "O", "B-ORG", "I-ORG", "I-ORG", "O"}));
  EXPECT_EQ(FixTags({"berichtete", "das", "Eichsfelder", "Tageblatt", "am"}, std::vector<uint8_t>(5, o)),
            (Tags{"O", "O", "B-ORG", "I-ORG", "O"}));
  EXPECT_EQ(FixTags({"die", "Berliner", "Presse", "schrieb"}, std::vector<uint8_t>(4, o)), Tags(4, "O"));
}

// Names in a list are of one kind, by the most; not a mixed list with a
// listed name of another type, and no name after the list's "und".
TEST(NameTagsTest, ListsOfNamesAreOfOneKind) {
  const uint8_t o = 0, b_per = 1, b_loc = 3, b_org = 5;
  using Tags = std::vector<std::string>;
  EXPECT_EQ(FixTags({"hatten", "Pinnick", ",", "Tabor", "und", "Gaskill", "Songs"}, {o, b_per, o, b_loc, o, b_per, o}),
            (Tags{"O", "B-PER", "O", "B-PER", "O", "B-PER", "O"}));
  EXPECT_EQ(FixTags({"Land", "Salzburg", ",", "Tirol", "und", "ORF", "."}, {o, b_loc, o, b_loc, o, b_org, o}),
            (Tags{"O", "B-LOC", "O", "B-LOC", "O", "B-ORG", "O"}));
  EXPECT_EQ(FixTags({"in", "Mekka", "und", "Medina", ",", "Ahmed", "sagte"}, {o, b_loc, o, b_loc, o, b_per, o}),
            (Tags{"O", "B-LOC", "O", "B-LOC", "O", "B-PER", "O"}));
}

// The other name of a way or a span beside a place is a place; a person
// between two words of "zwischen" stays one.
TEST(NameTagsTest, PlacesOfAWay) {
  if (!std::filesystem::exists(kDefaultDictionaryPath)) GTEST_SKIP() << "no word list";
  const uint8_t o = 0, b_per = 1, b_loc = 3;
  using Tags = std::vector<std::string>;
  EXPECT_EQ(FixTags({"von", "Wilson", "nach", "Downsview", "."}, {o, b_per, o, b_loc, o}),
            (Tags{"O", "B-LOC", "O", "B-LOC", "O"}));
  EXPECT_EQ(FixTags({"Zwischen", "Gudme", "und", "Lundborg", "wurde"}, {o, o, o, b_loc, o}),
            (Tags{"O", "B-LOC", "O", "B-LOC", "O"}));
  EXPECT_EQ(FixTags({"zwischen", "Merkel", "und", "Paris", "."}, {o, b_per, o, b_loc, o}),
            (Tags{"O", "B-PER", "O", "B-LOC", "O"}));
  EXPECT_EQ(FixTags({"von", "Montag", "bis", "Wien"}, {o, o, o, b_loc}), (Tags{"O", "O", "O", "B-LOC"}));
}

// Roads by their numbers are places, and a street's number belongs to its
// name; not a group's letter, nor a year after a street.
TEST(NameTagsTest, RoadsByTheirNumbers) {
  const uint8_t o = 0, b_loc = 3;
  using Tags = std::vector<std::string>;
  EXPECT_EQ(FixTags({"den", "Autobahnen", "A", "2", "und", "A", "7."}, std::vector<uint8_t>(7, o)),
            (Tags{"O", "O", "B-LOC", "I-LOC", "O", "B-LOC", "I-LOC"}));
  EXPECT_EQ(FixTags({"in", "Gruppe", "A", "2", "Punkte"}, std::vector<uint8_t>(5, o)), Tags(5, "O"));
  EXPECT_EQ(FixTags({"in", "der", "Schwanitzstraße", "90c", "."}, {o, o, b_loc, o, o}),
            (Tags{"O", "O", "B-LOC", "I-LOC", "O"}));
  EXPECT_EQ(FixTags({"die", "Schwanitzstraße", "1990", "gebaut"}, {o, b_loc, o, o}),
            (Tags{"O", "B-LOC", "O", "O"}));
}

// A listed given name left outside any name inside a sentence is a person's
// name; not a dictionary word, nor after an article.
TEST(NameTagsTest, GivenNamesAlone) {
  const uint8_t o = 0;
  using Tags = std::vector<std::string>;
  EXPECT_EQ(FixTags({"mit", "dem", "Namen", "Leo", "zur", "Welt"}, std::vector<uint8_t>(6, o)),
            (Tags{"O", "O", "O", "B-PER", "O", "O"}));
  EXPECT_EQ(FixTags({"zahlte", "eine", "Mark", "und", "die", "Leo", "nicht"}, std::vector<uint8_t>(7, o)), Tags(7, "O"));
  // A month is no given name: "June" is listed as one.
  EXPECT_EQ(FixTags({"signed", "on", "June", "1", "."}, std::vector<uint8_t>(5, o)), Tags(5, "O"));
}

// A name that ends in the English noun for a natural feature, or that such a
// noun follows, is a place; not a street, and not the noun alone.
TEST(NameTagsTest, EnglishPlaceNames) {
  const uint8_t o = 0, b_loc = 3, b_org = 5, i_org = 6;
  using Tags = std::vector<std::string>;
  EXPECT_EQ(FixTags({"des", "Hudson", "River", "und"}, {o, b_org, i_org, o}), (Tags{"O", "B-LOC", "I-LOC", "O"}));
  EXPECT_EQ(FixTags({"in", "Bedford", "Falls", "."}, {o, b_loc, o, o}), (Tags{"O", "B-LOC", "I-LOC", "O"}));
  EXPECT_EQ(FixTags({"der", "Wall", "Street", "vom"}, {o, b_org, i_org, o}), (Tags{"O", "B-ORG", "I-ORG", "O"}));
}

// A listed place joined by a hyphen to a part of a town or a kind of place is
// a place; not an abbreviation before it, nor a compound after it.
TEST(NameTagsTest, PlacesWithTheirPartAfterAHyphen) {
  const uint8_t o = 0;
  using Tags = std::vector<std::string>;
  EXPECT_EQ(FixTags({"in", "Berlin-Mitte", "können"}, std::vector<uint8_t>(3, o)), (Tags{"O", "B-LOC", "O"}));
  EXPECT_EQ(FixTags({"zum", "Gaza-Streifen", "erschossen"}, std::vector<uint8_t>(3, o)), (Tags{"O", "B-LOC", "O"}));
  EXPECT_EQ(FixTags({"in", "der", "US-Stadt", "Aurora"}, {o, o, o, 3}), (Tags{"O", "O", "O", "B-LOC"}));
  EXPECT_EQ(FixTags({"einen", "Olympia-Startplatz", "."}, std::vector<uint8_t>(3, o)), Tags(3, "O"));
}

// A name of one word made of dictionary words joined by hyphens is none,
// unless its last part names a medium or a kind of organisation, or is no
// noun.
TEST(NameTagsTest, CompoundsOfWordsAreNoNames) {
  const uint8_t o = 0, b_loc = 3, b_org = 5;
  using Tags = std::vector<std::string>;
  EXPECT_EQ(FixTags({"(", "Buche-Tanne", ","}, {o, b_org, o}), Tags(3, "O"));
  EXPECT_EQ(FixTags({"bis", "zur", "Schluss-Sirene", "noch"}, {o, o, b_loc, o}), Tags(4, "O"));
  EXPECT_EQ(FixTags({"Die", "Bild-Zeitung", "tat"}, {o, b_org, o}), (Tags{"O", "B-ORG", "O"}));
  EXPECT_EQ(FixTags({"Quelle", ":", "Hardware-Mag", ","}, {o, o, b_org, o}), (Tags{"O", "O", "B-ORG", "O"}));
  EXPECT_EQ(FixTags({"in", "Berlin-Mitte", "können"}, {o, b_loc, o}), (Tags{"O", "B-LOC", "O"}));
}

// A common noun before a listed place's genitive is no part of its name.
TEST(NameTagsTest, CommonNounBeforeAPlacesGenitive) {
  const uint8_t o = 0, b_org = 5, i_org = 6;
  using Tags = std::vector<std::string>;
  EXPECT_EQ(FixTags({"an", "den", "Südraum", "Leipzigs", "wird"}, {o, o, b_org, i_org, o}),
            (Tags{"O", "O", "O", "B-LOC", "O"}));
  EXPECT_EQ(FixTags({"die", "Verhandlungsposition", "Griechenlands", "gegenüber"}, {o, b_org, i_org, o}),
            (Tags{"O", "O", "B-LOC", "O"}));
  EXPECT_EQ(FixTags({"Bayerns", "Landtag"}, {b_org, i_org}), (Tags{"B-ORG", "I-ORG"}));
}

// A listed place before English words in the plural that the dictionary
// lacks names a team; not lower-case words that fold as places ("oder").
TEST(NameTagsTest, TeamsByTheirPlace) {
  const uint8_t o = 0, b_per = 1, b_loc = 3, i_loc = 4;
  using Tags = std::vector<std::string>;
  EXPECT_EQ(FixTags({"Die", "Chicago", "Bulls", "haben"}, {o, b_loc, i_loc, o}), (Tags{"O", "B-ORG", "I-ORG", "O"}));
  EXPECT_EQ(FixTags({"den", "New", "York", "Rangers", "die"}, {o, b_loc, i_loc, b_per, o}),
            (Tags{"O", "B-ORG", "I-ORG", "I-ORG", "O"}));
  EXPECT_EQ(FixTags({"Schiffs-", "oder", "Hollandfonds", ","}, std::vector<uint8_t>(4, o)), Tags(4, "O"));
  EXPECT_EQ(FixTags({"auch", "Finnland", "seine", "Asylpraxis", "."}, {o, b_loc, o, o, o}),
            (Tags{"O", "B-LOC", "O", "O", "O"}));
}

// A noun of the dictionary that the tagger made a place of one word is none;
// listed places, their genitives and places with a compass point stay.
TEST(NameTagsTest, DictionaryNounsAreNoPlaces) {
  const uint8_t o = 0, b_loc = 3;
  using Tags = std::vector<std::string>;
  EXPECT_EQ(FixTags({"Beschäftigte", "in", "Großhandel", ","}, {o, o, b_loc, o}), Tags(4, "O"));
  EXPECT_EQ(FixTags({"und", "Immobilien", "wecken"}, {o, b_loc, o}), Tags(3, "O"));
  EXPECT_EQ(FixTags({"einige", "in", "Handschellen", ","}, {o, o, b_loc, o}), Tags(4, "O"));
  EXPECT_EQ(FixTags({"aus", "Süditalien", "."}, {o, b_loc, o}), (Tags{"O", "B-LOC", "O"}));
  EXPECT_EQ(FixTags({"von", "Erfurts", "Trainer"}, {o, b_loc, o}), (Tags{"O", "B-LOC", "O"}));
  EXPECT_EQ(FixTags({"nach", "Deutschland", "."}, {o, b_loc, o}), (Tags{"O", "B-LOC", "O"}));
}

// A name that starts with the Romance or English word for a natural feature,
// a bridge, a port or a fort is a place, over its particles; not where the tagger found an organisation, and not
// the word alone.
TEST(NameTagsTest, PlaceNamesAfterTheirKindAbroad) {
  const uint8_t o = 0, b_per = 1, i_per = 2, b_org = 5, i_org = 6;
  using Tags = std::vector<std::string>;
  EXPECT_EQ(FixTags({"im", "Cerro", "San", "Félix", "("}, {o, b_per, i_per, i_per, o}),
            (Tags{"O", "B-LOC", "I-LOC", "I-LOC", "O"}));
  EXPECT_EQ(FixTags({"*", "Lido", "delle", "Nazioni", "*"}, std::vector<uint8_t>(5, o)),
            (Tags{"O", "B-LOC", "I-LOC", "I-LOC", "O"}));
  EXPECT_EQ(FixTags({"die", "Gorge", "de", "la", "Langouette", "("}, std::vector<uint8_t>(6, o)),
            (Tags{"O", "B-LOC", "I-LOC", "I-LOC", "I-LOC", "O"}));
  EXPECT_EQ(FixTags({"die", "Monte", "dei", "Paschi", "meldet"}, {o, b_org, i_org, i_org, o}),
            (Tags{"O", "B-ORG", "I-ORG", "I-ORG", "O"}));
  EXPECT_EQ(FixTags({"am", "Lido", "baden", "Kinder"}, std::vector<uint8_t>(4, o)), Tags(4, "O"));
  EXPECT_EQ(FixTags({"von", "Lake", "Louise", "setzte"}, {o, b_per, i_per, o}), (Tags{"O", "B-LOC", "I-LOC", "O"}));
  EXPECT_EQ(FixTags({"*", "Lido", "di", "Spina", "Die", "Straße", "hat"}, std::vector<uint8_t>(7, o)),
            (Tags{"O", "B-LOC", "I-LOC", "I-LOC", "O", "O", "O"}));
  EXPECT_EQ(FixTags({"Sänger", "Rio", "Reiser", "sang"}, {o, b_per, i_per, o}),
            (Tags{"O", "B-PER", "I-PER", "O"}));
}

}  // namespace
}  // namespace storyline::extract
