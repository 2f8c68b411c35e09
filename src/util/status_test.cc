#include "storyline/status.h"

#include <gtest/gtest.h>

namespace storyline {
namespace {

Status FailsWith(StatusCode code) { return Status(code, "why"); }

Status Chain(bool fail) {
  STORYLINE_RETURN_IF_ERROR(fail ? FailsWith(StatusCode::kIoError) : Status::Ok());
  return Status::NotFound("reached the end");
}

TEST(StatusTest, OkAndError) {
  EXPECT_TRUE(Status::Ok().ok());
  Status s = Status::InvalidArgument("a.jsonl:3: not JSON");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.ToString(), "invalid argument: a.jsonl:3: not JSON");
}

TEST(StatusTest, ReturnIfErrorStopsEarly) {
  EXPECT_EQ(Chain(true).code(), StatusCode::kIoError);
  EXPECT_EQ(Chain(false).code(), StatusCode::kNotFound);
}

TEST(ResultTest, ValueOrStatus) {
  Result<int> good = 7;
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 7);
  Result<int> bad = Status::NotFound("no article 'x'");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace storyline
