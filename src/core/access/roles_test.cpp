#include "core/access/roles.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace egov::core::access {
namespace {

TEST(Roles, EveryRoleRoundTripsUnderItsContractName) {
  const auto& all = AllRoles();
  ASSERT_EQ(all.size(), static_cast<std::size_t>(Role::kViewer) + 1);
  std::set<std::string_view> names;
  for (std::size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(all[i], static_cast<Role>(i));
    EXPECT_EQ(ParseRole(RoleName(all[i])), all[i]) << RoleName(all[i]);
    EXPECT_TRUE(names.insert(RoleName(all[i])).second);
    EXPECT_FALSE(RoleLabel(all[i]).empty());
  }
  EXPECT_EQ(RoleName(Role::kAdmin), "admin");
  EXPECT_EQ(RoleName(Role::kReception), "reception");
  EXPECT_EQ(RoleName(Role::kSpecialist), "specialist");
  EXPECT_EQ(RoleName(Role::kLeader), "leader");
  EXPECT_EQ(RoleName(Role::kClerk), "clerk");
  EXPECT_EQ(RoleName(Role::kViewer), "viewer");
}

TEST(Roles, UnknownOrDifferentlyCasedNamesAreRefused) {
  for (const char* name : {"", "Admin", "ADMIN", " admin", "boss", "receptionist"}) {
    EXPECT_FALSE(ParseRole(name)) << name;
  }
}

}  // namespace
}  // namespace egov::core::access
