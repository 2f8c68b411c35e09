// Fold: the matching key of a word. ASCII is lower-cased byte by byte; code
// points below U+0800 (Latin, Greek, Cyrillic, Hebrew, Arabic) come from a
// table built once with ICU; the rest is folded by ICU on the fly.
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <array>
#include <string>
#include <string_view>

#include "storyline/text.h"
#include "text/fold.h"
#include "text/utf8.h"

namespace storyline::text {
namespace {

using internal::AppendUtf8;
using internal::DecodeUtf8;

// Languages whose alphabets treat ä, ö, ü, å, ø, ă, ş ... as letters of their
// own (and whose Snowball stemmers expect them): there folding is case folding
// only, with ß → ss. Everywhere else the German rule (Duden: ä = ae when the
// umlaut is not available) and diacritic stripping apply.
bool KeepsDiacritics(std::string_view lang) {
  // All are two-letter codes; checking the size first keeps this cheap for
  // FoldTo, which decides it for every word.
  if (lang.size() != 2) return false;
  static constexpr std::string_view kLangs[] = {"az", "da", "et", "fi", "hu", "is", "nb",
                                                "nn", "no", "ro", "sv", "tr"};
  // Byte by byte, and only for two-letter codes: this runs on every FoldTo.
  if (lang.size() != 2) return false;
  for (std::string_view l : kLangs) {
    if (l[0] == lang[0] && l[1] == lang[1]) return true;
  }
  return false;
}

struct Folded {
  std::array<char, 11> bytes{};
  uint8_t len = 0;
  std::string_view view() const { return {bytes.data(), len}; }
};

void Put(Folded* f, std::string_view s) {
  if (s.size() > f->bytes.size()) s = s.substr(0, f->bytes.size());
  for (size_t i = 0; i < s.size(); ++i) f->bytes[i] = s[i];
  f->len = static_cast<uint8_t>(s.size());
}

std::string_view SpecialFold(char32_t c) {
  switch (c) {
    case 0x00DF: case 0x1E9E: return "ss";        // ß ẞ
    case 0x00E4: case 0x00C4: return "ae";        // ä Ä
    case 0x00F6: case 0x00D6: return "oe";        // ö Ö
    case 0x00FC: case 0x00DC: return "ue";        // ü Ü
    case 0x00E6: case 0x00C6: return "ae";        // æ Æ
    case 0x0153: case 0x0152: return "oe";        // œ Œ
    case 0x00F8: case 0x00D8: return "o";         // ø Ø
    case 0x0142: case 0x0141: return "l";         // ł Ł
    case 0x0111: case 0x0110: return "d";         // đ Đ
    case 0x0127: case 0x0126: return "h";         // ħ Ħ
    case 0x0131: return "i";                      // ı
    case 0x0451: case 0x0401: return "\xD0\xB5";  // ё Ё → е
    default: return {};
  }
}

bool IsIgnorable(char32_t c) {
  return c == 0x00AD || (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF;
}

std::string_view PunctFold(char32_t c) {
  if (c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x00B4) return "'";
  if (c == 0x2010 || c == 0x2011) return "-";
  return {};
}

// Full case folding, then (for Latin and Greek letters) the combining marks of
// the canonical decomposition removed.
std::string FoldWithIcu(char32_t c, bool strip) {
  icu::UnicodeString s(static_cast<UChar32>(c));
  s.foldCase();
  if (strip) {
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(static_cast<UChar32>(c), &status);
    if (U_SUCCESS(status) && (script == USCRIPT_LATIN || script == USCRIPT_GREEK)) {
      const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
      if (U_SUCCESS(status)) {
        icu::UnicodeString d = nfd->normalize(s, status);
        if (U_SUCCESS(status)) {
          icu::UnicodeString kept;
          for (int32_t i = 0; i < d.length();) {
            UChar32 cp = d.char32At(i);
            if (!(U_GET_GC_MASK(cp) & U_GC_MN_MASK)) kept.append(cp);
            i += U16_LENGTH(cp);
          }
          s = kept;
        }
      }
    } else if ((U_GET_GC_MASK(static_cast<UChar32>(c)) & U_GC_MN_MASK) != 0) {
      s.remove();
    }
  }
  std::string out;
  s.toUTF8String(out);
  return out;
}

Folded ComputeFold(char32_t c, bool strip) {
  Folded f;
  if (IsIgnorable(c)) return f;
  std::string_view p = PunctFold(c);
  if (!p.empty()) {
    Put(&f, p);
    return f;
  }
  if (c == 0x00DF || c == 0x1E9E) {
    Put(&f, "ss");
    return f;
  }
  if (strip) {
    std::string_view s = SpecialFold(c);
    if (!s.empty()) {
      Put(&f, s);
      return f;
    }
  }
  Put(&f, FoldWithIcu(c, strip));
  return f;
}

constexpr char32_t kTableSize = 0x800;

struct FoldTable {
  std::array<Folded, kTableSize> strip;
  std::array<Folded, kTableSize> keep;
};

FoldTable BuildTable() {
  FoldTable t;
  for (char32_t c = 0x80; c < kTableSize; ++c) {
    t.strip[c] = ComputeFold(c, true);
    t.keep[c] = ComputeFold(c, false);
  }
  return t;
}

const FoldTable& Table() {
  static const FoldTable table = BuildTable();
  return table;
}

}  // namespace

namespace internal {

FoldOptions FoldOptionsFor(std::string_view lang) {
  FoldOptions o;
  o.strip = !KeepsDiacritics(lang);
  o.turkic = lang == "tr" || lang == "az";
  return o;
}

void FoldWith(std::string_view word, FoldOptions options, std::string* out) {
  const bool strip = options.strip;
  const bool turkic = options.turkic;
  const FoldTable* table = nullptr;
  const size_t n = word.size();
  size_t i = 0;
  while (i < n) {
    if (!turkic) {
      // A run of ASCII (most of most words) is written straight into place
      // rather than appended byte by byte.
      size_t end = i;
      while (end < n && static_cast<unsigned char>(word[end]) < 0x80) ++end;
      if (end > i) {
        const size_t old_size = out->size();
        out->resize(old_size + (end - i));
        char* dst = out->data() + old_size;
        for (; i < end; ++i) {
          const char c = word[i];
          if (c == '.') continue;  // see below
          *dst++ = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
        }
        out->resize(static_cast<size_t>(dst - out->data()));
        continue;
      }
    }
    const auto b = static_cast<unsigned char>(word[i]);
    if (b < 0x80) {
      ++i;
      // Dots inside acronyms ("U.S.", "z.B.") do not distinguish words.
      if (b == '.') continue;
      if (b >= 'A' && b <= 'Z') {
        if (turkic && b == 'I') {
          out->append("\xC4\xB1");  // ı
          continue;
        }
        out->push_back(static_cast<char>(b + 32));
      } else {
        out->push_back(static_cast<char>(b));
      }
      continue;
    }
    int len = 1;
    const char32_t c = DecodeUtf8(word, i, &len);
    i += static_cast<size_t>(len);
    if (turkic && c == 0x0130) {  // İ
      out->push_back('i');
      continue;
    }
    if (c < kTableSize) {
      if (table == nullptr) table = &Table();
      if (strip && c == 0x0308 && !out->empty()) {
        // A decomposed umlaut: "u" + U+0308 folds like "ü".
        const char last = out->back();
        if (last == 'a' || last == 'o' || last == 'u') out->push_back('e');
        continue;
      }
      out->append((strip ? table->strip[c] : table->keep[c]).view());
      continue;
    }
    out->append(ComputeFold(c, strip).view());
  }
}

}  // namespace internal

void FoldTo(std::string_view word, std::string_view lang, std::string* out) {
  internal::FoldWith(word, internal::FoldOptionsFor(lang), out);
}

Folder::Folder(std::string_view lang) {
  const internal::FoldOptions o = internal::FoldOptionsFor(lang);
  strip_ = o.strip;
  turkic_ = o.turkic;
}

void Folder::To(std::string_view word, std::string* out) const {
  internal::FoldWith(word, {.strip = strip_, .turkic = turkic_}, out);
}

std::string Fold(std::string_view word, std::string_view lang) {
  std::string out;
  out.reserve(word.size() + 4);
  FoldTo(word, lang, &out);
  return out;
}

}  // namespace storyline::text
