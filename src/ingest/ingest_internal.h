// Helpers shared by the ingest readers; not part of the public API.
#ifndef STORYLINE_INGEST_INGEST_INTERNAL_H_
#define STORYLINE_INGEST_INGEST_INTERNAL_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "storyline/ingest.h"

namespace storyline::ingest::internal {

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Offset of the first byte that does not belong to a well-formed UTF-8
// sequence (overlongs, surrogates and code points above U+10FFFF count as
// ill-formed), or std::string_view::npos when `s` is valid UTF-8.
size_t FindInvalidUtf8(std::string_view s);

// `s` with each byte that FindInvalidUtf8 rejects replaced by U+FFFD;
// *replaced counts them.
std::string RepairUtf8(std::string_view s, size_t* replaced);

// True for data that is not text in any encoding: NUL bytes, or more than a
// tenth of the bytes are C0 controls other than tab, newlines and form feed.
bool LooksBinary(std::string_view s);

// `bytes` in `charset` (an ICU converter name) as UTF-8.
Result<std::string> ConvertToUtf8(std::string_view bytes, const std::string& charset);

// ParseTextArticle without the file name in the error message (the reader
// puts the file into the Diagnostic instead).
Result<Article> ParseText(std::string_view bytes, std::string_view id, std::string_view file,
                          std::vector<Diagnostic>* warnings);

// Calls the sink's callbacks when they are set.
void Emit(const Sink& sink, Diagnostic&& diagnostic);
void Emit(const Sink& sink, Article&& article);
void EmitFileDone(const Sink& sink, std::string_view file);

}  // namespace storyline::ingest::internal

#endif  // STORYLINE_INGEST_INGEST_INTERNAL_H_
