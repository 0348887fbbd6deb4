// The JSON columns of dossiers: the texts that rows already hold read back, are written the
// same way, and a broken one is corrupt data.
#include "store/dossier/json_columns.hpp"

#include <gtest/gtest.h>

#include "json/read.hpp"

namespace egov::store::dossier {
namespace {

constexpr std::string_view kApplicant =
    R"({"full_name":"Nguyễn Văn An","id_number":"051012345678","phone":"0912345678",)"
    R"("email":"","address":"Thôn 1, xã Trà Bình"})";
constexpr std::string_view kComponents =
    R"([{"name":"Tờ khai","original":1,"certified":0,"copy":0},)"
    R"({"name":"Bản sao \"CCCD\"","original":0,"certified":1,"copy":2}])";

TEST(JsonColumns, ReadAndWriteTheStoredTextsAsTheyAre) {
  const auto applicant = ApplicantFromColumn(kApplicant);
  EXPECT_EQ(applicant.full_name, "Nguyễn Văn An");
  EXPECT_EQ(applicant.email, "");
  EXPECT_EQ(applicant.address, "Thôn 1, xã Trà Bình");
  EXPECT_EQ(ApplicantColumn(applicant), kApplicant);

  const auto components = ComponentsFromColumn(kComponents);
  ASSERT_EQ(components.size(), 2u);
  EXPECT_EQ(components[1].name, "Bản sao \"CCCD\"");
  EXPECT_EQ(components[1].copy, 2);
  EXPECT_EQ(ComponentsColumn(components), kComponents);
  EXPECT_EQ(ComponentsColumn({}), "[]");
  EXPECT_TRUE(ComponentsFromColumn("[]").empty());
}

TEST(JsonColumns, CallABrokenColumnCorrupt) {
  EXPECT_THROW(ApplicantFromColumn(""), json::CorruptData);
  EXPECT_THROW(ApplicantFromColumn("[]"), json::CorruptData);
  EXPECT_THROW(ApplicantFromColumn(R"({"full_name":"A"})"), json::CorruptData);
  EXPECT_THROW(ApplicantFromColumn(R"({"full_name":1,"id_number":"","phone":"","address":""})"),
               json::CorruptData);
  EXPECT_THROW(ComponentsFromColumn("{}"), json::CorruptData);
  EXPECT_THROW(ComponentsFromColumn(R"([{"name":"a","original":-1}])"), json::CorruptData);
  try {
    ComponentsFromColumn(R"([{"name":"a"},{"original":1}])");
    ADD_FAILURE() << "a component without a name read";
  } catch (const json::CorruptData& e) {
    EXPECT_STREQ(e.what(), "dossiers.components: [1].name: thiếu trường bắt buộc.");
  }
}

}  // namespace
}  // namespace egov::store::dossier
