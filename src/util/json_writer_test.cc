#include "storyline/json_writer.h"

#include <gtest/gtest.h>

namespace storyline {
namespace {

TEST(JsonWriterTest, NestedContainersAndCommas) {
  JsonWriter w;
  w.BeginObject()
      .Key("id").String("a")
      .Key("n").Int(3)
      .Key("list").BeginArray().Int(1).Double(2.5).Bool(true).Null().EndArray()
      .Key("empty").BeginObject().EndObject()
      .EndObject();
  EXPECT_EQ(w.str(), R"({"id":"a","n":3,"list":[1,2.5,true,null],"empty":{}})");
}

TEST(JsonWriterTest, EscapesControlCharactersAndKeepsUtf8) {
  std::string out;
  AppendJsonString("„Zitat“ \"x\"\\\n\t\x01 ß", &out);
  EXPECT_EQ(out, "\"„Zitat“ \\\"x\\\"\\\\\\n\\t\\u0001 ß\"");
}

TEST(JsonWriterTest, NonFiniteNumbersBecomeNull) {
  JsonWriter w;
  w.BeginArray().Double(1.0 / 0.0).EndArray();
  EXPECT_EQ(w.str(), "[null]");
}

TEST(JsonWriterTest, ArticleFieldsLeaveTheTextOut) {
  Article a;
  a.id = "a1";
  a.title = "Tillerson in Mexiko";
  a.text = "Der Text.";
  a.language = "de";
  a.revision = 2;
  a.first_seen = 1487203200;
  a.origin = "x.jsonl:3";
  JsonWriter w;
  w.BeginObject();
  WriteArticleFields(w, a);
  w.EndObject();
  EXPECT_EQ(w.str(),
            R"({"id":"a1","revision":2,"title":"Tillerson in Mexiko","source":"","url":"",)"
            R"("language":"de","published":"","published_precision":"none","content_hash":"",)"
            R"("first_seen":1487203200,"origin":"x.jsonl:3"})");
}

}  // namespace
}  // namespace storyline
