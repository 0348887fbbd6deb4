#include "core/access/agency_code.hpp"

#include <gtest/gtest.h>

#include "core/access/roles.hpp"

namespace egov::core::access {
namespace {

TEST(AgencyCode, AcceptsRealCodes) {
  EXPECT_FALSE(AgencyCodeProblem("000.00.00.H48"));
  EXPECT_FALSE(AgencyCodeProblem("000.00.53.H48"));
  EXPECT_FALSE(AgencyCodeProblem("G22"));
}

TEST(AgencyCode, RejectsMalformedCodes) {
  for (const char* bad : {"", "000.00.00.h48", "000.00.00.H4", "000-00-00-H48", "000..00.H48",
                          ".000.00.00.H48", "000.00.00.H48.", "000.00.00.48H", "0000.00.00.H48",
                          "ĐĐĐ", "A.B.C.D.E.F.G.H.I.J.K.L.M.N.O.P.Q.R.S"}) {
    EXPECT_TRUE(AgencyCodeProblem(bad)) << bad;
  }
  EXPECT_TRUE(AgencyCodeProblem(std::string(36, '1')));
}

TEST(AgencyCode, ChildFillsAZeroLevelOfItsParent) {
  EXPECT_FALSE(AgencyNestingProblem("000.00.00.H48", "000.00.53.H48"));
  EXPECT_FALSE(AgencyNestingProblem("000.00.53.H48", "000.12.53.H48"));
  EXPECT_TRUE(AgencyNestingProblem("000.00.00.H48", "000.00.00.H48"));  // same level
  EXPECT_TRUE(AgencyNestingProblem("000.00.53.H48", "000.12.54.H48"));  // other district
  EXPECT_TRUE(AgencyNestingProblem("000.00.00.H48", "000.00.53.H49"));  // other province
  EXPECT_TRUE(AgencyNestingProblem("000.00.00.H48", "G22"));            // another form
  EXPECT_FALSE(AgencyNestingProblem("G22", "G22.01"));
}

TEST(Roles, NamesRoundTripAndRequireAnyRoleRefuses) {
  for (Role r : AllRoles()) EXPECT_EQ(ParseRole(RoleName(r)), r);
  EXPECT_FALSE(ParseRole("root"));
  Caller c;
  c.roles = {Role::kClerk};
  EXPECT_NO_THROW(RequireAnyRole(c, {Role::kAdmin, Role::kClerk}));
  EXPECT_ANY_THROW(RequireAnyRole(c, {Role::kAdmin}));
}

TEST(Roles, SubtreeRangeCoversDescendantsOnly) {
  auto [begin, end] = SubtreeRange("/1/5/");
  for (std::string inside : {"/1/5/", "/1/5/12/", "/1/5/999/3/"}) {
    EXPECT_TRUE(inside >= begin && inside < end) << inside;
  }
  for (std::string outside : {"/1/", "/1/50/", "/1/6/", "/2/5/"}) {
    EXPECT_FALSE(outside >= begin && outside < end) << outside;
  }
}

}  // namespace
}  // namespace egov::core::access
