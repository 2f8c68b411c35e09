#include "ingest/gzip.h"

#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "ingest/gzip_test_util.h"

namespace storyline::ingest::internal {
namespace {

using testing::Gzip;

Result<std::string> Gunzip(const std::string& compressed, size_t limit = 1u << 20) {
  std::istringstream in(compressed);
  StreamSource raw(in);
  GzipSource gzip(raw);
  bool over_limit = false;
  return ReadAll(gzip, limit, &over_limit);
}

TEST(GzipTest, ConcatenatedMembersReadAsOneStream) {
  const Result<std::string> out = Gunzip(Gzip("first member, ") + Gzip("second, ") + Gzip("third"));
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(*out, "first member, second, third");
}

TEST(GzipTest, LargeDataCrossesBufferBoundaries) {
  std::string data;
  for (int i = 0; i < 200000; ++i) data += std::to_string(i * 7919 % 100003) + ",";
  const Result<std::string> out = Gunzip(Gzip(data) + Gzip(data), 8u << 20);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(*out, data + data);
}

TEST(GzipTest, EmptyInputIsEmpty) {
  const Result<std::string> out = Gunzip("");
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(*out, "");
}

TEST(GzipTest, TruncatedMemberIsAnErrorAfterTheGoodData) {
  const std::string whole = Gzip(std::string(5000, 'a') + "tail");
  std::istringstream in(Gzip("kept") + whole.substr(0, whole.size() / 2));
  StreamSource raw(in);
  GzipSource gzip(raw);
  char buffer[4] = {};
  Result<size_t> n = gzip.Read(buffer, 4);
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(std::string(buffer, *n), "kept");
  bool over_limit = false;
  const Result<std::string> rest = ReadAll(gzip, 1u << 20, &over_limit);
  ASSERT_FALSE(rest.ok());
  EXPECT_TRUE(rest.status().message().starts_with("truncated gzip data"))
      << rest.status().message();
  EXPECT_FALSE(over_limit);
}

TEST(GzipTest, GarbageAfterAMemberIsAnError) {
  const Result<std::string> out = Gunzip(Gzip("ok") + "trailing junk");
  ASSERT_FALSE(out.ok());
  EXPECT_NE(out.status().message().find("not gzip data at byte"), std::string::npos)
      << out.status().message();
}

TEST(GzipTest, CorruptDataIsAnError) {
  std::string bad = Gzip(std::string(1000, 'x'));
  bad[12] = static_cast<char>(bad[12] ^ 0x55);
  bad[13] = static_cast<char>(bad[13] ^ 0x55);
  const Result<std::string> out = Gunzip(bad);
  ASSERT_FALSE(out.ok());
  EXPECT_NE(out.status().message().find("gzip data"), std::string::npos);
}

TEST(GzipTest, ReadAllStopsAtTheLimit) {
  std::istringstream in(Gzip(std::string(10u << 20, '\0')));  // a small bomb
  StreamSource raw(in);
  GzipSource gzip(raw);
  bool over_limit = false;
  const Result<std::string> out = ReadAll(gzip, 1u << 20, &over_limit);
  EXPECT_FALSE(out.ok());
  EXPECT_TRUE(over_limit);
}

TEST(GzipTest, PrefixSourcePutsBytesBack) {
  std::istringstream in("world");
  StreamSource raw(in);
  PrefixSource both("hello ", raw);
  bool over_limit = false;
  const Result<std::string> out = ReadAll(both, 100, &over_limit);
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(*out, "hello world");
}

TEST(GzipTest, InflateHttpBodies) {
  Result<std::string> gz = Inflate(Gzip("<p>gzip</p>"), /*gzip=*/true, 1000);
  ASSERT_TRUE(gz.ok()) << gz.status().ToString();
  EXPECT_EQ(*gz, "<p>gzip</p>");
  Result<std::string> deflate = Inflate(Gzip("<p>deflate</p>", /*raw_zlib=*/true), false, 1000);
  ASSERT_TRUE(deflate.ok()) << deflate.status().ToString();
  EXPECT_EQ(*deflate, "<p>deflate</p>");
  Result<std::string> bomb = Inflate(Gzip(std::string(1u << 20, 'z')), true, 4096);
  ASSERT_FALSE(bomb.ok());
  EXPECT_NE(bomb.status().message().find("over the limit of 4096 bytes"), std::string::npos);
  const std::string whole = Gzip(std::string(3000, 'q') + "end");
  Result<std::string> cut = Inflate(std::string_view(whole).substr(0, whole.size() - 10), true, 1u << 20);
  ASSERT_FALSE(cut.ok());
  EXPECT_NE(cut.status().message().find("truncated"), std::string::npos) << cut.status().message();
}

}  // namespace
}  // namespace storyline::ingest::internal
