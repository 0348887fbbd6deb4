#include "core/access/password_policy.hpp"

#include <gtest/gtest.h>

#include "core/access/model.hpp"

namespace egov::core::access {
namespace {

TEST(PasswordPolicy, AcceptsAReasonablePassword) {
  EXPECT_FALSE(PasswordProblem("Trà Bồng mùa lúa chín", "nguyenvana", {}));
  EXPECT_FALSE(PasswordProblem("correct horse battery", "admin", {"password1234"}));
}

TEST(PasswordPolicy, RejectsShortLongUsernameRepeatedAndCommon) {
  EXPECT_TRUE(PasswordProblem("ngắn", "a", {}));
  EXPECT_TRUE(PasswordProblem("Đất đai à", "a", {}));  // 9 characters, 14 bytes
  EXPECT_FALSE(PasswordProblem("Đất đai đẹp lắm", "xyz", {}));
  EXPECT_TRUE(PasswordProblem(std::string(129, 'x') + "y", "a", {}));
  EXPECT_TRUE(PasswordProblem("xxNguyenVanAxx", "nguyenvana", {}));
  EXPECT_TRUE(PasswordProblem("aaaaaaaaaaaa", "b", {}));
  EXPECT_TRUE(PasswordProblem("Password1234", "b", {"password1234"}));
}

TEST(UsernameAndHours, Validate) {
  EXPECT_FALSE(UsernameProblem("tiepnhan.trabong"));
  EXPECT_TRUE(UsernameProblem("ab"));
  EXPECT_TRUE(UsernameProblem("Admin"));
  EXPECT_TRUE(UsernameProblem("x' OR 1=1"));
  EXPECT_TRUE(UsernameProblem(".admin"));
  EXPECT_FALSE(WorkingHoursProblem("07:30-11:30,13:00-17:00"));
  EXPECT_FALSE(WorkingHoursProblem("07:00-11:00"));
  EXPECT_TRUE(WorkingHoursProblem("13:00-17:00,07:30-11:30"));
  EXPECT_TRUE(WorkingHoursProblem("07:30-07:30"));
  EXPECT_TRUE(WorkingHoursProblem("7:30-11:30"));
  EXPECT_TRUE(WorkingHoursProblem("07:30-25:00"));
  EXPECT_TRUE(WorkingHoursProblem(""));
}

}  // namespace
}  // namespace egov::core::access
