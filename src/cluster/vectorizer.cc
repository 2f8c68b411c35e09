#include "cluster/vectorizer.h"

#include <algorithm>
#include <cmath>

namespace storyline::cluster::internal {
namespace {

// Keys of the three feature kinds share one vocabulary; stems carry no
// prefix, names '@' and numbers '#' (tokens never start with either).
constexpr char kNamePrefix = '@';
constexpr char kNumberPrefix = '#';

// True when the token starting at `begin` opens a sentence (or a quote, a
// line, a heading): its capital letter then says nothing about a name.
bool OpensSentence(std::string_view text, size_t begin) {
  size_t i = begin;
  while (i > 0 && text[i - 1] == ' ') --i;
  if (i == 0) return true;
  const unsigned char c = static_cast<unsigned char>(text[i - 1]);
  switch (c) {
    case '.': case '!': case '?': case ':': case '\n': case '"': case '\'': case '(':
    case '-': case '|': case '\t':
      return true;
    default:
      break;
  }
  // Typographic quotes and guillemets: “ ” „ ‘ ’ ‚ (E2 80 9x) and « » (C2 AB/BB).
  if (i >= 3 && static_cast<unsigned char>(text[i - 3]) == 0xE2 &&
      static_cast<unsigned char>(text[i - 2]) == 0x80 && (c >= 0x98 && c <= 0x9F)) {
    return true;
  }
  if (i >= 2 && static_cast<unsigned char>(text[i - 2]) == 0xC2 && (c == 0xAB || c == 0xBB)) {
    return true;
  }
  return false;
}

// A title that is a web address (what some sources give where the headline
// is missing): only its path counts, whose words are often the headline's
// ("…/lindsay-lohan-checks-into-rehab"); the scheme and the host name say
// nothing of the event and would make all of one outlet's pages alike.
// Spaces inside the address are allowed ("http: / / www. x. com / a - b").
std::string_view TitleWords(std::string_view title) {
  if (!title.starts_with("http") && !title.starts_with("www.")) return title;
  size_t at = title.find("//");
  at = at == std::string_view::npos ? 0 : at + 2;
  const size_t path = title.find('/', at);
  return path == std::string_view::npos ? std::string_view() : title.substr(path + 1);
}

// True when only spaces lie between two tokens (so two names form one).
bool Adjacent(std::string_view text, size_t end, size_t begin) {
  for (size_t i = end; i < begin; ++i) {
    if (text[i] != ' ') return false;
  }
  return true;
}

}  // namespace

bool DateInterval(const PublishedDate& date, double* lo, double* hi) {
  switch (date.precision) {
    case DatePrecision::kNone:
      return false;
    case DatePrecision::kYear:
      *lo = static_cast<double>(date.DaysSinceEpoch());
      *hi = *lo + 365;
      return true;
    case DatePrecision::kMonth: {
      PublishedDate next = date;
      if (++next.month > 12) {
        next.month = 1;
        ++next.year;
      }
      *lo = static_cast<double>(date.DaysSinceEpoch());
      *hi = static_cast<double>(next.DaysSinceEpoch());
      return true;
    }
    case DatePrecision::kDay:
      *lo = static_cast<double>(date.DaysSinceEpoch());
      *hi = *lo + 1;
      return true;
    case DatePrecision::kMinute:
    case DatePrecision::kSecond:
      *lo = static_cast<double>(date.EpochSeconds()) / 86400.0;
      *hi = *lo;
      return true;
  }
  return false;
}

Vectorizer::Vectorizer(const Options& options) : options_(options) {}
Vectorizer::~Vectorizer() = default;

double Blend(const double dot[2], const double a_norm[2], const double b_norm[2],
             double name_share) {
  const double words = a_norm[0] > 0 && b_norm[0] > 0 ? dot[0] / (a_norm[0] * b_norm[0]) : 0;
  if (a_norm[1] <= 0 || b_norm[1] <= 0) return words;
  const double names = dot[1] / (a_norm[1] * b_norm[1]);
  if (a_norm[0] <= 0 || b_norm[0] <= 0) return names;
  return (1 - name_share) * words + name_share * names;
}

void Vectorizer::Queue(std::string_view key, uint8_t channel, float weight) {
  PendingTerm t;
  t.key_begin = static_cast<uint32_t>(pending_keys_.size());
  t.key_size = static_cast<uint32_t>(key.size());
  t.hash = TermTable::Hash(key);
  t.weight = weight;
  t.channel = channel;
  vocabulary_.Prefetch(t.hash);
  pending_keys_.append(key);
  pending_.push_back(t);
}

void Vectorizer::Resolve() {
  // Two passes over the queue: find each key's likely id and prefetch its
  // bytes, then confirm (or intern) in order, so that ids are handed out in
  // order of first sight.
  for (PendingTerm& t : pending_) t.guess = vocabulary_.Guess(t.hash);
  raw_.clear();
  for (const PendingTerm& t : pending_) {
    const std::string_view key = std::string_view(pending_keys_).substr(t.key_begin, t.key_size);
    uint32_t id = t.guess;
    if (id == TermTable::kNone || vocabulary_.key(id) != key) {
      bool inserted = false;
      id = vocabulary_.Intern(key, t.hash, &inserted);
      if (inserted) {
        df_.push_back(0);
        idf_.push_back(0);
        channel_.push_back(t.channel);
      }
    }
    raw_.push_back({id, t.weight});
  }
  pending_.clear();
  pending_keys_.clear();
}

float Vectorizer::Idf(uint32_t id) const {
  return static_cast<float>(std::log((static_cast<double>(documents_) + 1) / (df_[id] + 1.0)) + 1.0);
}

void Vectorizer::AddParts(std::string_view folded, text::Analyzer& analyzer, float weight) {
  size_t begin = 0;
  while (begin <= folded.size()) {
    size_t end = folded.find('-', begin);
    if (end == std::string_view::npos) end = folded.size();
    const std::string_view part = folded.substr(begin, end - begin);
    if (part.size() >= 2) Queue(analyzer.Stem(part), 0, weight);
    begin = end + 1;
  }
}

void Vectorizer::AddText(std::string_view text, const std::vector<text::Term>& terms,
                         text::Analyzer& analyzer, float weight) {
  const auto name_weight = static_cast<float>(options_.name_weight) * weight;
  const auto number_weight = static_cast<float>(options_.number_weight) * weight;
  previous_name_.clear();
  uint32_t previous_end = 0;
  for (const text::Term& term : terms) {
    const bool continues = !previous_name_.empty() && Adjacent(text, previous_end, term.span.begin);
    previous_end = term.span.end;
    if (term.kind == text::TokenKind::kNumber) {
      previous_name_.clear();
      if (term.folded.size() < 2) continue;
      key_.assign(1, kNumberPrefix).append(term.folded);
      Queue(key_, 1, number_weight);
      continue;
    }
    if (term.kind != text::TokenKind::kWord) continue;
    if (term.stop || term.folded.size() < 2) {
      previous_name_.clear();
      continue;
    }
    Queue(term.stem, 0, weight);
    // The parts of a hyphenated compound ("US-Außenminister",
    // "Mexiko-Stadt") also match where they stand alone.
    if (term.folded.find('-') != std::string_view::npos) AddParts(term.folded, analyzer, weight * 0.5f);
    if (!term.capitalized || OpensSentence(text, term.span.begin)) {
      previous_name_.clear();
      continue;
    }
    key_.assign(1, kNamePrefix).append(term.folded);
    Queue(key_, 1, name_weight);
    if (continues) {
      // "Rex Tillerson" is one name: the pair is a feature of its own.
      key_.assign(1, kNamePrefix).append(previous_name_).append(1, ' ').append(term.folded);
      Queue(key_, 1, name_weight);
    }
    previous_name_.assign(term.folded);
  }
}

void Vectorizer::Vectorize(const Article& article, const std::vector<text::Term>* text_terms,
                           ArticleVector* out) {
  text::Analyzer& analyzer = analyzers_.For(article.language);
  const auto title_weight = static_cast<float>(options_.title_weight);
  if (const std::string_view title = TitleWords(article.title); !title.empty()) {
    AddText(title, analyzer.Analyze(title), analyzer, title_weight);
  }
  if (text_terms != nullptr) {
    AddText(article.text, *text_terms, analyzer, 1.0f);
  } else if (!article.text.empty()) {
    AddText(article.text, analyzer.Analyze(article.text), analyzer, 1.0f);
  }
  Resolve();
  out->title_only = article.text.find_first_not_of(" \n\t") == std::string::npos;
  out->dated = DateInterval(article.published, &out->lo, &out->hi);

  // Summed by id through a dense position table, then only the distinct ids
  // are sorted. With the default options the weights are multiples of 0.5,
  // so their sums are exact in any order.
  if (position_.size() < df_.size()) position_.resize(df_.size(), 0);
  out->terms.clear();
  for (const Entry& e : raw_) {
    uint32_t& p = position_[e.id];
    if (p == 0) {
      out->terms.push_back(e);
      p = static_cast<uint32_t>(out->terms.size());
    } else {
      out->terms[p - 1].w += e.w;
    }
  }
  for (const Entry& e : out->terms) position_[e.id] = 0;
  SortById(&out->terms, &raw_);
  // Sub-linear frequency: the tenth mention of a word says less than the first.
  for (Entry& e : out->terms) {
    if (e.w > 1) e.w = 1 + std::log(e.w);
  }

  ++documents_;
  for (const Entry& e : out->terms) ++df_[e.id];
  // The whole table moves with N; recompute it when N has grown by 5%, and
  // the entries of this article's terms every time.
  if (static_cast<double>(documents_) > static_cast<double>(idf_documents_) * 1.05 + 1) {
    for (uint32_t id = 0; id < df_.size(); ++id) idf_[id] = Idf(id);
    idf_documents_ = documents_;
    ++idf_epoch_;
  } else {
    for (const Entry& e : out->terms) idf_[e.id] = Idf(e.id);
  }

  // A long text's tail of rare words is mostly noise for deciding the
  // event; keeping its most distinctive terms makes long and short texts'
  // cosines comparable.
  Truncate(static_cast<size_t>(options_.article_terms), idf_, &out->terms);
  Weigh(out);
}

void Vectorizer::Weigh(ArticleVector* a) const {
  a->norm = WeightedNorm(a->terms, idf_);
  WeightedNorm2(a->terms, idf_, channel_, a->channel_norm);
  const size_t k = static_cast<size_t>(
      std::max(options_.query_terms, options_.storyline_query_terms));
  TopIds(a->terms, k, idf_, &a->top);
}

}  // namespace storyline::cluster::internal
