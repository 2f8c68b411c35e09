#include "storyline/extract.h"

namespace storyline::extract {

std::string_view EntityTypeName(EntityType t) {
  switch (t) {
    case EntityType::kPerson: return "PER";
    case EntityType::kOrganization: return "ORG";
    case EntityType::kLocation: return "LOC";
    case EntityType::kOther: return "OTH";
  }
  return "OTH";
}

std::string_view QuoteKindName(QuoteKind k) {
  return k == QuoteKind::kDirect ? "direct" : "reported";
}

}  // namespace storyline::extract
