#include "extract/spkatt.h"

#include <algorithm>
#include <fstream>
#include <limits>
#include <sstream>
#include <utility>

#include <fmt/format.h>
#include <simdjson.h>

#include "extract/quotes.h"
#include "storyline/json_writer.h"
#include "storyline/text.h"

namespace storyline::extract {
namespace {

namespace od = simdjson::ondemand;

Status ReadIds(od::value v, std::vector<int>* out) {
  od::object o;
  if (v.get_object().get(o)) return Status::InvalidArgument("expected an object with tokenIds");
  od::array ids;
  if (o["tokenIds"].get_array().get(ids)) return Status::Ok();  // absent: no tokens
  for (auto id : ids) {
    int64_t x = 0;
    if (id.get_int64().get(x)) return Status::InvalidArgument("tokenIds must be integers");
    out->push_back(static_cast<int>(x));
  }
  std::sort(out->begin(), out->end());
  return Status::Ok();
}

Status ParseDocument(std::string_view line, od::parser& parser, SpkAttDocument* doc) {
  simdjson::padded_string padded(line);
  od::document d;
  if (auto e = parser.iterate(padded).get(d)) {
    return Status::InvalidArgument(std::string("not JSON (") + simdjson::error_message(e) + ")");
  }
  od::object root;
  if (d.get_object().get(root)) return Status::InvalidArgument("not a JSON object");
  bool have_text = false;
  for (auto field : root) {
    std::string_view key;
    if (field.unescaped_key().get(key)) return Status::InvalidArgument("bad key");
    od::value value = field.value();
    if (key == "documentName") {
      std::string_view s;
      if (value.get_string().get(s)) return Status::InvalidArgument("documentName must be a string");
      doc->name = std::string(s);
    } else if (key == "text") {
      std::string_view s;
      if (value.get_string().get(s)) return Status::InvalidArgument("text must be a string");
      doc->text = std::string(s);
      have_text = true;
    } else if (key == "tokens") {
      od::array tokens;
      if (value.get_array().get(tokens)) return Status::InvalidArgument("tokens must be an array");
      for (auto t : tokens) {
        od::object o;
        if (t.get_object().get(o)) return Status::InvalidArgument("a token must be an object");
        int64_t b = -1, e = -1, id = -1;
        for (auto tf : o) {
          std::string_view k;
          if (tf.unescaped_key().get(k)) return Status::InvalidArgument("bad token key");
          if (k == "charBegin" && tf.value().get_int64().get(b)) b = -1;
          if (k == "charEnd" && tf.value().get_int64().get(e)) e = -1;
          if (k == "id" && tf.value().get_int64().get(id)) id = -1;
        }
        if (b < 0 || e < b || id < 0) {
          return Status::InvalidArgument("a token needs id, charBegin and charEnd");
        }
        if (static_cast<size_t>(id) >= doc->tokens.size()) doc->tokens.resize(id + 1);
        doc->tokens[id] = {static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
      }
    } else if (key == "annotations") {
      od::array anns;
      if (value.get_array().get(anns)) return Status::InvalidArgument("annotations must be an array");
      for (auto a : anns) {
        od::object o;
        if (a.get_object().get(o)) return Status::InvalidArgument("an annotation must be an object");
        SpkAttAnnotation ann;
        std::vector<int> quote;
        for (auto af : o) {
          std::string_view k;
          if (af.unescaped_key().get(k)) return Status::InvalidArgument("bad annotation key");
          if (k == "message") {
            STORYLINE_RETURN_IF_ERROR(ReadIds(af.value(), &ann.message));
          } else if (k == "quote") {
            STORYLINE_RETURN_IF_ERROR(ReadIds(af.value(), &quote));
          } else if (k == "source") {
            STORYLINE_RETURN_IF_ERROR(ReadIds(af.value(), &ann.speaker));
          } else if (k == "cue") {
            STORYLINE_RETURN_IF_ERROR(ReadIds(af.value(), &ann.cue));
          } else if (k == "type") {
            std::string_view s;
            if (!af.value().get_string().get(s)) ann.type = std::string(s);
          } else if (k == "medium" || k == "STWR") {
            std::string_view s;
            if (!af.value().get_string().get(s)) ann.medium = std::string(s);
          } else if (k == "isNested") {
            bool b = false;
            if (!af.value().get_bool().get(b)) ann.nested = b;
          }
        }
        if (ann.message.empty()) ann.message = std::move(quote);
        doc->gold.push_back(std::move(ann));
      }
    }
  }
  if (!have_text) return Status::InvalidArgument("no text");
  return Status::Ok();
}

size_t Shared(const std::vector<int>& a, const std::vector<int>& b) {
  size_t n = 0;
  auto i = a.begin(), j = b.begin();
  while (i != a.end() && j != b.end()) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++n, ++i, ++j;
    }
  }
  return n;
}

double F1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }
double Ratio(int64_t a, int64_t b) { return b > 0 ? static_cast<double>(a) / b : 0; }

bool IsQuoteMark(std::string_view t) {
  static constexpr std::string_view kMarks[] = {"\"", "'", "\xE2\x80\x9E", "\xE2\x80\x9C",
                                                "\xE2\x80\x9D", "\xC2\xAB", "\xC2\xBB",
                                                "\xE2\x80\x9A", "\xE2\x80\x98", "\xE2\x80\x99",
                                                "\xE2\x80\xB9", "\xE2\x80\xBA"};
  return std::find(std::begin(kMarks), std::end(kMarks), t) != std::end(kMarks);
}

}  // namespace

Result<std::vector<SpkAttDocument>> ReadSpkAtt(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(fmt::format("{}: cannot open", path));
  std::vector<SpkAttDocument> docs;
  od::parser parser;
  std::string line;
  int lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    SpkAttDocument doc;
    Status s = ParseDocument(line, parser, &doc);
    if (!s.ok()) return Status::InvalidArgument(fmt::format("{}:{}: {}", path, lineno, s.message()));
    docs.push_back(std::move(doc));
  }
  if (in.bad()) return Status::IoError(fmt::format("{}: read failed", path));
  return docs;
}

std::vector<SpkAttAnnotation> ToSpkAtt(const SpkAttDocument& doc, const std::vector<Quote>& quotes) {
  // Code point offset of every byte offset.
  std::vector<uint32_t> cp(doc.text.size() + 1, 0);
  uint32_t c = 0;
  for (size_t i = 0; i < doc.text.size(); ++i) {
    if ((static_cast<unsigned char>(doc.text[i]) & 0xC0) != 0x80) {
      cp[i] = c++;
    } else {
      cp[i] = c - 1;
    }
  }
  cp[doc.text.size()] = c;
  // Token text, for quotation marks and cue words.
  std::vector<size_t> byte_of_cp(c + 1, doc.text.size());
  for (size_t i = doc.text.size(); i-- > 0;) {
    if ((static_cast<unsigned char>(doc.text[i]) & 0xC0) != 0x80) byte_of_cp[cp[i]] = i;
  }
  auto token_text = [&](int id) {
    const SpkAttToken& t = doc.tokens[id];
    const size_t b = byte_of_cp[std::min<size_t>(t.begin, c)];
    const size_t e = byte_of_cp[std::min<size_t>(t.end, c)];
    return std::string_view(doc.text).substr(b, e - b);
  };
  auto overlapping = [&](uint32_t b, uint32_t e) {
    std::vector<int> ids;
    if (e <= b) return ids;
    const uint32_t cb = cp[b], ce = cp[e];
    for (size_t i = 0; i < doc.tokens.size(); ++i) {
      if (doc.tokens[i].begin < ce && doc.tokens[i].end > cb) ids.push_back(static_cast<int>(i));
    }
    return ids;
  };
  std::vector<SpkAttAnnotation> out;
  for (const Quote& q : quotes) {
    SpkAttAnnotation a;
    // A speech act told in one sentence ("Die Polizei geht von Suizid aus."):
    // the cue verb lies inside the message, which is the whole sentence,
    // speaker and cue included, as SpkAtt annotates "Reported" speech. A
    // source phrase inside its sentence ("…, laut Polizei, …") is no verb.
    const std::string_view first_cue_word = std::string_view(q.cue).substr(0, q.cue.find(' '));
    std::string_view particles;
    bool act = q.kind == QuoteKind::kReported && q.cue_begin >= q.begin && q.cue_end <= q.end &&
               q.cue_end > q.cue_begin && IsSpeechVerb(text::Fold(first_cue_word, "de"), &particles);
    a.speaker = overlapping(q.speaker_begin, q.speaker_end);
    std::vector<int> cue = overlapping(q.cue_begin, q.cue_end);
    // The cue's tokens that are words of the cue (" räumte ein " holds
    // " ein "). Appended piece by piece: GCC 12 at -O3 mistakes
    // `" " + std::string(t)` for an overlapping copy (-Wrestrict).
    std::string words(1, ' ');
    words.append(q.cue).push_back(' ');
    std::string word;
    for (int id : cue) {
      const std::string_view t = token_text(id);
      word.assign(1, ' ');
      word.append(t).push_back(' ');
      if (!t.empty() && words.find(word) != std::string::npos) a.cue.push_back(id);
    }
    std::vector<int> msg = overlapping(q.begin, q.end);
    if (q.kind == QuoteKind::kDirect && !msg.empty()) {
      if (msg.front() > 0 && IsQuoteMark(token_text(msg.front() - 1))) msg.insert(msg.begin(), msg.front() - 1);
      if (msg.back() + 1 < static_cast<int>(doc.tokens.size()) && IsQuoteMark(token_text(msg.back() + 1)))
        msg.push_back(msg.back() + 1);
    }
    // An act is written whole only when it holds more than its speaker, its
    // cue and one token (a lone pronoun stands for the sentence before, as
    // in "Dies gab Airbus bekannt.").
    size_t rest = 0;
    for (int id : msg) {
      const bool spoken = std::binary_search(a.speaker.begin(), a.speaker.end(), id) ||
                          std::binary_search(a.cue.begin(), a.cue.end(), id);
      rest += spoken ? 0 : 1;
    }
    if (rest <= 1) act = false;
    a.type = q.kind == QuoteKind::kDirect ? "Direct" : act ? "Reported" : "Indirect";
    for (int id : msg) {
      if (act || (!std::binary_search(a.speaker.begin(), a.speaker.end(), id) &&
                  !std::binary_search(cue.begin(), cue.end(), id)))
        a.message.push_back(id);
    }
    if (!a.message.empty()) out.push_back(std::move(a));
  }
  return out;
}

std::vector<int> MaxAssignment(const std::vector<std::vector<double>>& score) {
  const size_t rows = score.size();
  const size_t cols = rows == 0 ? 0 : score[0].size();
  if (rows == 0 || cols == 0) return std::vector<int>(rows, -1);
  if (rows > cols) {
    std::vector<std::vector<double>> t(cols, std::vector<double>(rows));
    for (size_t r = 0; r < rows; ++r) {
      for (size_t c = 0; c < cols; ++c) t[c][r] = score[r][c];
    }
    const std::vector<int> by_col = MaxAssignment(t);
    std::vector<int> out(rows, -1);
    for (size_t c = 0; c < cols; ++c) {
      if (by_col[c] >= 0) out[by_col[c]] = static_cast<int>(c);
    }
    return out;
  }
  // Hungarian method with potentials on the cost -score, rows <= cols: each
  // row in turn is added along a shortest augmenting path; 1-based indices,
  // column 0 is the row being added.
  const double kInf = std::numeric_limits<double>::infinity();
  std::vector<double> u(rows + 1, 0), v(cols + 1, 0);
  std::vector<size_t> row_of(cols + 1, 0), way(cols + 1, 0);
  for (size_t r = 1; r <= rows; ++r) {
    row_of[0] = r;
    size_t c0 = 0;
    std::vector<double> min_to(cols + 1, kInf);
    std::vector<bool> done(cols + 1, false);
    do {
      done[c0] = true;
      const size_t r0 = row_of[c0];
      double delta = kInf;
      size_t c1 = 0;
      for (size_t c = 1; c <= cols; ++c) {
        if (done[c]) continue;
        const double reduced = -score[r0 - 1][c - 1] - u[r0] - v[c];
        if (reduced < min_to[c]) {
          min_to[c] = reduced;
          way[c] = c0;
        }
        if (min_to[c] < delta) {
          delta = min_to[c];
          c1 = c;
        }
      }
      for (size_t c = 0; c <= cols; ++c) {
        if (done[c]) {
          u[row_of[c]] += delta;
          v[c] -= delta;
        } else {
          min_to[c] -= delta;
        }
      }
      c0 = c1;
    } while (row_of[c0] != 0);
    do {
      const size_t c1 = way[c0];
      row_of[c0] = row_of[c1];
      c0 = c1;
    } while (c0 != 0);
  }
  std::vector<int> out(rows, -1);
  for (size_t c = 1; c <= cols; ++c) {
    if (row_of[c] != 0) out[row_of[c] - 1] = static_cast<int>(c - 1);
  }
  return out;
}

void SpkAttScorer::AddGroup(size_t msg_tp, size_t msg_pred, size_t msg_gold, size_t spk_tp,
                            size_t spk_pred, size_t spk_gold) {
  // A value is defined only where its denominator is not zero (the scorer's
  // None), so a quotation without a speaker on either side adds nothing.
  auto add = [](Mean* m, size_t tp, size_t n) {
    if (n > 0) m->Add(static_cast<double>(tp) / static_cast<double>(n));
  };
  add(&msg_p_, msg_tp, msg_pred);
  add(&msg_r_, msg_tp, msg_gold);
  add(&spk_p_, spk_tp, spk_pred);
  add(&spk_r_, spk_tp, spk_gold);
  msg_tp_ += static_cast<int64_t>(msg_tp);
  msg_pred_ += static_cast<int64_t>(msg_pred);
  msg_gold_ += static_cast<int64_t>(msg_gold);
  spk_tp_ += static_cast<int64_t>(spk_tp);
  spk_pred_ += static_cast<int64_t>(spk_pred);
  spk_gold_ += static_cast<int64_t>(spk_gold);
}

void SpkAttScorer::Add(const std::vector<SpkAttAnnotation>& gold_all,
                       const std::vector<SpkAttAnnotation>& predicted_all) {
  std::vector<const SpkAttAnnotation*> gold, predicted;
  for (const SpkAttAnnotation& g : gold_all) {
    if (!g.nested) gold.push_back(&g);
  }
  for (const SpkAttAnnotation& p : predicted_all) {
    if (!p.nested) predicted.push_back(&p);
  }
  gold_ += static_cast<int>(gold.size());
  predicted_ += static_cast<int>(predicted.size());
  // Rows are gold quotations, columns predicted ones: the F1 of the message
  // tokens, and the scorer's tie-breakers for equal type and medium.
  std::vector<std::vector<double>> score(gold.size(), std::vector<double>(predicted.size(), 0));
  for (size_t gi = 0; gi < gold.size(); ++gi) {
    for (size_t pi = 0; pi < predicted.size(); ++pi) {
      const SpkAttAnnotation& g = *gold[gi];
      const SpkAttAnnotation& p = *predicted[pi];
      const size_t n = Shared(g.message, p.message);
      if (n == 0) continue;
      score[gi][pi] = 2.0 * static_cast<double>(n) /
                          static_cast<double>(g.message.size() + p.message.size()) +
                      (g.type == p.type ? 0.01 : 0) + (g.medium == p.medium ? 0.001 : 0);
    }
  }
  const std::vector<int> pair = MaxAssignment(score);
  std::vector<bool> pred_used(predicted.size(), false);
  for (size_t gi = 0; gi < gold.size(); ++gi) {
    const SpkAttAnnotation& g = *gold[gi];
    if (pair[gi] < 0) {
      AddGroup(0, 0, g.message.size(), 0, 0, g.speaker.size());
      continue;
    }
    const SpkAttAnnotation& p = *predicted[pair[gi]];
    pred_used[pair[gi]] = true;
    const size_t n = Shared(g.message, p.message);
    if (n > 0) ++matched_;
    AddGroup(n, p.message.size(), g.message.size(), Shared(g.speaker, p.speaker),
             p.speaker.size(), g.speaker.size());
  }
  for (size_t pi = 0; pi < predicted.size(); ++pi) {
    if (!pred_used[pi]) AddGroup(0, predicted[pi]->message.size(), 0, 0, predicted[pi]->speaker.size(), 0);
  }
}

SpkAttScores SpkAttScorer::Scores() const {
  auto mean = [](const Mean& m) { return m.n > 0 ? m.sum / static_cast<double>(m.n) : 0; };
  auto mean2 = [](const Mean& a, const Mean& b) {
    return a.n + b.n > 0 ? (a.sum + b.sum) / static_cast<double>(a.n + b.n) : 0;
  };
  SpkAttScores s;
  s.gold = gold_;
  s.predicted = predicted_;
  s.matched = matched_;
  s.message_p = mean(msg_p_);
  s.message_r = mean(msg_r_);
  s.message_f1 = F1(s.message_p, s.message_r);
  s.speaker_p = mean(spk_p_);
  s.speaker_r = mean(spk_r_);
  s.speaker_f1 = F1(s.speaker_p, s.speaker_r);
  s.joint_p = mean2(msg_p_, spk_p_);
  s.joint_r = mean2(msg_r_, spk_r_);
  s.joint_f1 = F1(s.joint_p, s.joint_r);
  s.pooled_message_p = Ratio(msg_tp_, msg_pred_);
  s.pooled_message_r = Ratio(msg_tp_, msg_gold_);
  s.pooled_message_f1 = F1(s.pooled_message_p, s.pooled_message_r);
  s.pooled_speaker_p = Ratio(spk_tp_, spk_pred_);
  s.pooled_speaker_r = Ratio(spk_tp_, spk_gold_);
  s.pooled_speaker_f1 = F1(s.pooled_speaker_p, s.pooled_speaker_r);
  s.pooled_joint_p = Ratio(msg_tp_ + spk_tp_, msg_pred_ + spk_pred_);
  s.pooled_joint_r = Ratio(msg_tp_ + spk_tp_, msg_gold_ + spk_gold_);
  s.pooled_joint_f1 = F1(s.pooled_joint_p, s.pooled_joint_r);
  s.mean_f1 = F1(s.message_f1, s.speaker_f1);
  return s;
}

std::string SpkAttPredictionLine(const SpkAttDocument& doc,
                                 const std::vector<SpkAttAnnotation>& predicted) {
  JsonWriter w;
  auto ids = [&w](std::string_view key, const std::vector<int>& v) {
    w.Key(key).BeginObject().Key("tokenIds").BeginArray();
    for (int id : v) w.Int(id);
    w.EndArray().EndObject();
  };
  w.BeginObject().Key("documentName").String(doc.name).Key("annotations").BeginArray();
  for (const SpkAttAnnotation& a : predicted) {
    w.BeginObject();
    ids("quote", a.message);
    ids("speaker", a.speaker);
    ids("cue", a.cue);
    w.Key("type").String(a.type).Key("isNested").Bool(a.nested);
    w.EndObject();
  }
  w.EndArray().EndObject();
  return w.Take();
}

}  // namespace storyline::extract
