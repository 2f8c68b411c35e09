// RSS and Atom feeds → articles (ReadFeed in include/storyline/ingest.h).
#ifndef STORYLINE_INGEST_FEED_H_
#define STORYLINE_INGEST_FEED_H_

#include <string_view>

#include "storyline/article.h"
#include "storyline/status.h"

namespace storyline::ingest::internal {

// Dates as feeds write them: RFC 822 / RFC 2822 ("Thu, 23 Feb 2017 10:51:00
// +0100", weekday optional, two-digit years, zones GMT/UT/Z, US zones, CET/
// CEST/MEZ/MESZ, English or German month abbreviations) and everything
// ParsePublishedDate takes (Atom's RFC 3339, "2017-02-23").
Result<PublishedDate> ParseFeedDate(std::string_view text);

}  // namespace storyline::ingest::internal

#endif  // STORYLINE_INGEST_FEED_H_
