// Extractor: entities, then quotes (whose speakers resolve to the entities),
// then dates and figures over one shared word view of the text.
#include <memory>
#include <string>

#include "extract/dates.h"
#include "extract/entities.h"
#include "extract/figures.h"
#include "extract/quotes.h"
#include "extract/word_view.h"
#include "storyline/extract.h"

namespace storyline::extract {
namespace {

class RuleExtractor final : public Extractor {
 public:
  explicit RuleExtractor(std::unique_ptr<EntityRecognizer> entities)
      : entities_(std::move(entities)) {}

  Extraction Extract(const Article& article) const override {
    Extraction ex;
    const std::string lang = article.language.empty() ? "de" : article.language;
    WordView view = BuildWordView(article.text, lang);
    entities_->MarkSentenceAdverbs(&view);
    entities_->Recognize(view, &ex);
    FindQuotes(view, &ex);
    // Dates before figures: a year or "20. Januar" is not a figure.
    FindDates(view, article.published, &ex);
    FindFigures(view, &ex);
    return ex;
  }

 private:
  std::unique_ptr<EntityRecognizer> entities_;
};

}  // namespace

Result<std::unique_ptr<Extractor>> Extractor::Create(const std::string& model_path) {
  Result<std::unique_ptr<EntityRecognizer>> recognizer = EntityRecognizer::Create(model_path);
  if (!recognizer.ok()) return recognizer.status();
  return std::unique_ptr<Extractor>(std::make_unique<RuleExtractor>(std::move(recognizer).value()));
}

}  // namespace storyline::extract
