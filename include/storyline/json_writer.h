// A small streaming JSON writer for the CLI and the server: objects, arrays,
// strings (escaped, UTF-8 kept), numbers, booleans and null. Keys and values
// are written in call order; commas are placed for the caller.
#ifndef STORYLINE_JSON_WRITER_H_
#define STORYLINE_JSON_WRITER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "storyline/article.h"

namespace storyline {

class JsonWriter {
 public:
  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  JsonWriter& Key(std::string_view key);
  JsonWriter& String(std::string_view value);
  JsonWriter& Int(int64_t value);
  JsonWriter& Double(double value);
  JsonWriter& Bool(bool value);
  JsonWriter& Null();

  const std::string& str() const { return out_; }
  std::string Take() { return std::move(out_); }

 private:
  void BeforeValue();

  std::string out_;
  // One entry per open container: true once it holds an element.
  std::vector<bool> has_element_;
  bool after_key_ = false;
};

// The metadata of `a` (everything but its title-less text: id, revision,
// title, source, url, language, published and its precision, content_hash,
// first_seen, origin) as keys of the object the writer has open; the CLI and
// the server print articles alike.
void WriteArticleFields(JsonWriter& w, const Article& a);

// Appends `s` as a JSON string literal (with quotes) to *out.
void AppendJsonString(std::string_view s, std::string* out);

}  // namespace storyline

#endif  // STORYLINE_JSON_WRITER_H_
