#include "name_suffixes.h"

#include <gtest/gtest.h>

#include <string_view>

namespace storyline::extract {
namespace {

int KindOf(uint8_t code) { return code == 0 ? -1 : (code - 1) / NameSuffixes::kMarginBuckets; }
int BucketOf(uint8_t code) { return (code - 1) % NameSuffixes::kMarginBuckets; }

NameSuffixes Lists() {
  NameSuffixes s;
  for (std::string_view w : {"Tübingen", "Göttingen", "Sigmaringen", "Ofterdingen", "Pfaffenhofen",
                             "Ingolstadt", "Eisenstadt"}) {
    s.Add(w, NameKind::kPlace);
  }
  for (std::string_view w : {"Kowalski", "Nowicki", "Zielinski", "Horowitz", "Leibowitz", "Anna"}) {
    s.Add(w, NameKind::kPerson);
  }
  for (std::string_view w : {"Zeitung", "Meinung", "Regierung", "Wohnung", "Freiheit", "Mehrheit",
                             "Landschaft", "Wirtschaft"}) {
    s.Add(w, NameKind::kNoun);
  }
  return s;
}

// Words of no list take the kind of the words that end as they do.
TEST(NameSuffixesTest, AnUnlistedWordTakesTheKindOfItsEnding) {
  const NameSuffixes s = Lists();
  EXPECT_EQ(KindOf(s.CodeOf("Inzigkofen")), static_cast<int>(NameKind::kPlace));
  EXPECT_EQ(KindOf(s.CodeOf("Gerlingen")), static_cast<int>(NameKind::kPlace));
  EXPECT_EQ(KindOf(s.CodeOf("Blaszkowski")), static_cast<int>(NameKind::kPerson));
  EXPECT_EQ(KindOf(s.CodeOf("Rabinowitz")), static_cast<int>(NameKind::kPerson));
  EXPECT_EQ(KindOf(s.CodeOf("Notrufsendung")), static_cast<int>(NameKind::kNoun));
  EXPECT_EQ(KindOf(s.CodeOf("Gesellschaft")), static_cast<int>(NameKind::kNoun));
}

// A long shared ending is clearer evidence than one last letter that
// words of two kinds end in.
TEST(NameSuffixesTest, ALongerSharedEndingGivesALargerMargin) {
  const NameSuffixes s = Lists();
  const uint8_t long_ending = s.CodeOf("Bietigheim-Bissingen");
  const uint8_t short_ending = s.CodeOf("Ölgat");
  ASSERT_EQ(KindOf(long_ending), static_cast<int>(NameKind::kPlace));
  EXPECT_GT(BucketOf(long_ending), BucketOf(short_ending));
}

// Sealing tabulates the scores of small counts; the codes stay the same,
// and a word added after it counts.
TEST(NameSuffixesTest, SealingChangesNoCode) {
  const NameSuffixes open = Lists();
  NameSuffixes sealed = Lists();
  sealed.Seal();
  for (std::string_view w : {"Inzigkofen", "Gerlingen", "Blaszkowski", "Rabinowitz", "Notrufsendung",
                             "Gesellschaft", "Bietigheim-Bissingen", "Ölgat", "Anna", "Xyz"}) {
    EXPECT_EQ(sealed.CodeOf(w), open.CodeOf(w)) << w;
  }
  NameSuffixes more = Lists();
  more.Seal();
  for (int i = 0; i < 20; ++i) more.Add("Ölgat", NameKind::kPlace);
  EXPECT_EQ(KindOf(more.CodeOf("Ölgat")), static_cast<int>(NameKind::kPlace));
  more.Seal();
  EXPECT_EQ(KindOf(more.CodeOf("Ölgat")), static_cast<int>(NameKind::kPlace));
}

TEST(NameSuffixesTest, NoCodeForShortWordsOrWithoutEveryList) {
  EXPECT_EQ(Lists().CodeOf("Ab"), 0);
  NameSuffixes no_nouns;
  no_nouns.Add("Tübingen", NameKind::kPlace);
  no_nouns.Add("Kowalski", NameKind::kPerson);
  EXPECT_EQ(no_nouns.CodeOf("Gerlingen"), 0);
}

}  // namespace
}  // namespace storyline::extract
