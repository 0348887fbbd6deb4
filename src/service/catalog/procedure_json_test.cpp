// The stored form of a procedure: read and written back byte for byte as the rows already in
// databases hold it (an import compares the texts), derived members of the API accepted and
// ignored, and a definition that does not read is corrupt data, never a client's error.
#include "service/catalog/procedure_json.hpp"

#include <gtest/gtest.h>

#include <string>

#include "core/error.hpp"

namespace egov::service::catalog {
namespace {

// As the stored rows have it: members in this order, empty texts left out.
constexpr std::string_view kStored =
    R"({"code":"1.001193","name":"Thủ tục đăng ký khai sinh","field":"Hộ tịch",)"
    R"("time_limit":{"same_day":true},"fee":{"amount":8000,"unit":"lần"},)"
    R"("components":[{"name":"Tờ khai \"A\"","original":1,"certified":0,"copy":2}],)"
    R"("steps":[{"name":"Tiếp nhận","role":"reception","hours":1},)"
    R"({"name":"Thẩm định","role":"specialist","hours":6,"agency_code":"000.03.99.H48"},)"
    R"({"name":"Trả kết quả","role":"reception","hours":1}],"effective_from":"2020-01-01",)"
    R"("level":"commune","online_level":"partial","legal_basis":"Luật Hộ tịch 2014",)"
    R"("source":"S1"})";

constexpr std::string_view kStoredShort =
    R"({"code":"2.000001","name":"N","field":"F","time_limit":{"days":3},"fee":{"amount":0},)"
    R"("components":[],"steps":[],"effective_from":"2024-07-01"})";

TEST(ProcedureJson, ReadsAndWritesTheStoredFormByteForByte) {
  const auto p = ProcedureFromJson(kStored);
  EXPECT_EQ(p.code, "1.001193");
  EXPECT_EQ(p.time_limit.kind, core::catalog::TimeLimit::Kind::kSameDay);
  EXPECT_EQ(p.fee.amount, 8000);
  EXPECT_EQ(p.fee.unit, "lần");
  EXPECT_EQ(p.fee.note, "");
  ASSERT_EQ(p.components.size(), 1u);
  EXPECT_EQ(p.components[0].copy, 2);
  ASSERT_EQ(p.steps.size(), 3u);
  EXPECT_EQ(p.steps[1].role, core::access::Role::kSpecialist);
  EXPECT_EQ(p.steps[1].agency_code, "000.03.99.H48");
  EXPECT_EQ(p.steps[0].agency_code, "");
  EXPECT_EQ(p.online_level, "partial");
  EXPECT_EQ(ProcedureToJson(p), kStored);

  const auto short_form = ProcedureFromJson(kStoredShort);
  EXPECT_EQ(short_form.time_limit.kind, core::catalog::TimeLimit::Kind::kDays);
  EXPECT_EQ(short_form.time_limit.amount, 3);
  EXPECT_EQ(short_form.level, "");
  EXPECT_EQ(ProcedureToJson(short_form), kStoredShort);
}

TEST(ProcedureJson, IgnoresTheDerivedMembersOfAnAnswer) {
  const std::string answer =
      R"({"code":"2.000001","name":"N","field":"F","time_limit":{"hours":4},)"
      R"("fee":{"amount":0,"amount_in_words":"Không đồng"},"components":[],"steps":[],)"
      R"("version":3,"time_limit_hours":4,"versions":[{"version":1}]})";
  const auto p = ProcedureFromJson(answer);
  EXPECT_EQ(p.time_limit.kind, core::catalog::TimeLimit::Kind::kHours);
  EXPECT_EQ(p.version, 0);  // the store's to set
  EXPECT_EQ(ProcedureToJson(p),
            R"({"code":"2.000001","name":"N","field":"F","time_limit":{"hours":4},)"
            R"("fee":{"amount":0},"components":[],"steps":[],"effective_from":""})");
}

// The message of the CorruptData that reading `text` throws.
std::string Corruption(const std::string& text) {
  try {
    ProcedureFromJson(text);
  } catch (const json::CorruptData& e) {
    return e.what();
  } catch (const std::exception& e) {
    ADD_FAILURE() << "not CorruptData: " << e.what();
    return "";
  }
  ADD_FAILURE() << "accepted: " << text;
  return "";
}

TEST(ProcedureJson, CallsABrokenDefinitionCorrupt) {
  const std::string base = R"({"code":"c","name":"n","field":"f","fee":{"amount":0},)"
                           R"("components":[],"steps":[{"name":"s","role":"reception","hours":1}])";
  EXPECT_TRUE(Corruption("").starts_with("procedure_versions.definition: not JSON"));
  EXPECT_EQ(Corruption("[]"),
            "procedure_versions.definition: (document): phải là một đối tượng JSON.");
  EXPECT_EQ(Corruption(base + "}"),
            "procedure_versions.definition: time_limit: thiếu trường bắt buộc.");
  EXPECT_EQ(
      Corruption(base + R"(,"time_limit":{"days":1,"hours":8}})"),
      "procedure_versions.definition: time_limit: cần đúng một trong days, hours hoặc same_day.");
  EXPECT_EQ(Corruption(base + R"(,"time_limit":{"same_day":false}})"),
            "procedure_versions.definition: time_limit: same_day phải là true.");
  EXPECT_EQ(Corruption(base + R"(,"time_limit":{"days":-1}})"),
            "procedure_versions.definition: time_limit.days: phải là số nguyên từ 0 đến 1000000.");
  EXPECT_EQ(Corruption(base + R"(,"time_limit":{"days":1},"colour":1})"),
            "procedure_versions.definition: colour: trường này không được hỗ trợ.");
  std::string bad_role = base;
  bad_role.replace(bad_role.find("reception"), 9, "janitor");
  EXPECT_EQ(Corruption(bad_role + R"(,"time_limit":{"days":1}})"),
            "procedure_versions.definition: steps[0].role: Vai trò không tồn tại.");
}

TEST(ProcedureJson, NamesTheProblemsOfABodyUnderItsPath) {
  ProcedureJson form;
  form.time_limit.days = 1;
  form.time_limit.hours = 8;
  try {
    ProcedureOf(form, "procedures[2].");
    ADD_FAILURE() << "two time limits accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kValidationFailed);
    EXPECT_TRUE(e.fields().contains("procedures[2].time_limit"));
  }
}

TEST(ProcedureJson, ReadsAndWritesRelativeStepAgencies) {
  constexpr std::string_view kRelative =
      R"({"code":"1.012789","name":"N","field":"Đất đai","time_limit":{"days":1},)"
      R"("fee":{"amount":0},"components":[],"steps":[{"name":"Tiếp nhận","role":"reception",)"
      R"("hours":1},{"name":"Thẩm định","role":"specialist","hours":4,"agency":"district",)"
      R"("unit":"TNMT"},{"name":"Ký","role":"leader","hours":2,"agency":"province"},)"
      R"({"name":"Trả","role":"reception","hours":1,"unit":"VP"}],"effective_from":"2024-07-01"})";
  const auto p = ProcedureFromJson(kRelative);
  ASSERT_EQ(p.steps.size(), 4u);
  using core::catalog::RelativeAgency;
  EXPECT_EQ(p.steps[0].agency, RelativeAgency::kReceiving);
  EXPECT_EQ(p.steps[0].unit, "");
  EXPECT_EQ(p.steps[1].agency, RelativeAgency::kDistrict);
  EXPECT_EQ(p.steps[1].unit, "TNMT");
  EXPECT_EQ(p.steps[1].agency_code, "");
  EXPECT_EQ(p.steps[2].agency, RelativeAgency::kProvince);
  EXPECT_EQ(p.steps[3].agency, RelativeAgency::kReceiving);
  EXPECT_EQ(p.steps[3].unit, "VP");
  EXPECT_EQ(ProcedureToJson(p), kRelative);

  // "receiving" is the default: written as nothing, so the stored text stays as it was.
  ProcedureJson form = JsonOf(p);
  form.steps[0].agency = std::string("receiving");
  EXPECT_EQ(ProcedureToJson(ProcedureOf(form)), kRelative);

  form.steps[2].agency = std::string("commune");
  try {
    ProcedureOf(form, "procedures[1].");
    ADD_FAILURE() << "an unknown relative agency accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kValidationFailed);
    EXPECT_TRUE(e.fields().contains("procedures[1].steps[2].agency"));
  }
}

TEST(ProcedureJson, ValidateRefusesAnAgencyCodeBesideARelativeAgency) {
  core::catalog::Procedure p;
  p.code = "1.001193";
  p.name = "N";
  p.field = "F";
  p.time_limit = {core::catalog::TimeLimit::Kind::kHours, 3};
  p.components = {{"Tờ khai", 1, 0, 0}};
  p.steps = {{"Tiếp nhận", core::access::Role::kReception, "", 1},
             {"Thẩm định", core::access::Role::kSpecialist, "000.02.99.H48", 1,
              core::catalog::RelativeAgency::kDistrict, ""},
             {"Trả", core::access::Role::kReception, "", 1, {}, std::string(21, 'A')}};
  auto known = [](const std::string&) { return true; };
  auto errors = core::catalog::Validate(p, known);
  EXPECT_TRUE(errors.contains("steps[1].agency"));
  EXPECT_TRUE(errors.contains("steps[2].unit"));
  EXPECT_EQ(errors.size(), 2u);
  p.steps[1].agency = core::catalog::RelativeAgency::kReceiving;
  p.steps[1].unit = "TNMT";
  EXPECT_TRUE(core::catalog::Validate(p, known).contains("steps[1].agency"));
  p.steps[1].agency_code.clear();
  p.steps[2].unit = "TNMT";
  EXPECT_TRUE(core::catalog::Validate(p, known).empty());
}

}  // namespace
}  // namespace egov::service::catalog
