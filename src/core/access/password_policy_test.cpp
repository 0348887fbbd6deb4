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

TEST(Username, Validate) {
  EXPECT_FALSE(UsernameProblem("tiepnhan.trabong"));
  EXPECT_TRUE(UsernameProblem("ab"));
  EXPECT_TRUE(UsernameProblem("Admin"));
  EXPECT_TRUE(UsernameProblem("x' OR 1=1"));
  EXPECT_TRUE(UsernameProblem(".admin"));
}

}  // namespace
}  // namespace egov::core::access
