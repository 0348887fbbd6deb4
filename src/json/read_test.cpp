// The generic reader: required and optional members, limits, nested structs, unknown members,
// the full path of the member named in every error, and stored data read as corrupt.
#include "json/read.hpp"

#include <gtest/gtest.h>

#include <boost/describe/class.hpp>

#include "core/error.hpp"

namespace egov::json {
namespace test_bodies {

struct Part {
  std::string name;
  int copies = 0;
};
BOOST_DESCRIBE_STRUCT(Part, (), (name, copies))
constexpr auto JsonRules(For<Part>) {
  return std::to_array<FieldRule>({{"copies", {.min = 0, .max = 1000, .optional = true}}});
}

struct Body {
  std::string code;
  std::string kind = "other";
  std::optional<std::string> note;
  std::optional<bool> active;
  std::vector<std::string> tags;
  std::vector<Part> parts;
};
BOOST_DESCRIBE_STRUCT(Body, (), (code, kind, note, active, tags, parts))
constexpr auto JsonRules(For<Body>) {
  return std::to_array<FieldRule>({
      {"code", {.max_chars = 5}},
      {"kind", {.max_chars = 10, .optional = true}},
      {"tags", {.max_chars = 3, .max_items = 2, .optional = true}},
      {"parts", {.optional = true}},
  });
}

struct Extended : Part {
  boost::json::value extra;  // any JSON, kept as it is
};
BOOST_DESCRIBE_STRUCT(Extended, (Part), (extra))
constexpr auto JsonRules(For<Extended>) {
  return std::to_array<FieldRule>({{"extra", {.optional = true}}});
}

// A stored form: Omittable members are optional, no rules at all (the defaults).
struct Stored {
  std::string name;
  Omittable<std::string> note;
  Omittable<int> count;
  std::vector<Part> parts;
};
BOOST_DESCRIBE_STRUCT(Stored, (), (name, note, count, parts))

}  // namespace test_bodies

namespace {

using test_bodies::Body;
using test_bodies::Extended;
using test_bodies::Part;
using test_bodies::Stored;

// The field the error names, and that it is a validation failure.
std::string FailingField(const std::string& json) {
  try {
    Read<Body>(boost::json::parse(json).as_object());
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kValidationFailed);
    EXPECT_EQ(e.fields().size(), 1u);
    return e.fields().empty() ? "" : e.fields().begin()->first;
  }
  ADD_FAILURE() << "accepted: " << json;
  return "";
}

TEST(JsonMap, ReadsMembersAndKeepsDefaultsOfAbsentOnes) {
  auto b = Read<Body>(boost::json::parse(R"({"code":"Mã","note":null})").as_object());
  EXPECT_EQ(b.code, "Mã");
  EXPECT_EQ(b.kind, "other");
  EXPECT_FALSE(b.note.has_value());
  EXPECT_FALSE(b.active.has_value());
  EXPECT_TRUE(b.tags.empty());

  b = Read<Body>(boost::json::parse(R"({"code":"A","kind":"xã","note":"n","active":false,
      "tags":["a","bcd"],"parts":[{"name":"Tờ khai","copies":2},{"name":"CCCD"}]})")
                     .as_object());
  EXPECT_EQ(b.kind, "xã");
  EXPECT_EQ(b.note, "n");
  EXPECT_EQ(b.active, false);
  EXPECT_EQ(b.tags, (std::vector<std::string>{"a", "bcd"}));
  ASSERT_EQ(b.parts.size(), 2u);
  EXPECT_EQ(b.parts[0].name, "Tờ khai");
  EXPECT_EQ(b.parts[0].copies, 2);
  EXPECT_EQ(b.parts[1].copies, 0);
}

TEST(JsonMap, NamesTheMemberOfEveryFailure) {
  EXPECT_EQ(FailingField(R"({})"), "code");                                 // required
  EXPECT_EQ(FailingField(R"({"code":null})"), "code");                      // null = absent
  EXPECT_EQ(FailingField(R"({"code":5})"), "code");                         // type
  EXPECT_EQ(FailingField(R"({"code":"Đắk Lắk"})"), "code");                 // 7 > 5 characters
  EXPECT_EQ(FailingField(R"({"code":"a","extra":1})"), "extra");            // unknown
  EXPECT_EQ(FailingField(R"({"code":"a","active":"yes"})"), "active");      // bool
  EXPECT_EQ(FailingField(R"({"code":"a","tags":["a","b","c"]})"), "tags");  // items
  EXPECT_EQ(FailingField(R"({"code":"a","tags":["abcd"]})"), "tags[0]");    // item length
  EXPECT_EQ(FailingField(R"({"code":"a","tags":["a",1]})"), "tags[1]");     // item type
  EXPECT_EQ(FailingField(R"({"code":"a","tags":"a"})"), "tags");            // not an array
  EXPECT_EQ(FailingField(R"({"code":"a","parts":{"name":"x"}})"), "parts");
}

TEST(JsonMap, NamesNestedMembersByTheirFullPath) {
  // Members joined with ".", array items as "[i]": the convention of JsonBody's check too.
  EXPECT_EQ(FailingField(R"({"code":"a","parts":[{"copies":1}]})"), "parts[0].name");
  EXPECT_EQ(FailingField(R"({"code":"a","parts":[{"name":"x"},7]})"), "parts[1]");
  EXPECT_EQ(FailingField(R"({"code":"a","parts":[{"name":"x","colour":1}]})"), "parts[0].colour");
  EXPECT_EQ(FailingField(R"({"code":"a","parts":[{"name":"x","copies":-1}]})"), "parts[0].copies");
  EXPECT_EQ(FailingField(R"({"code":"a","parts":[{"name":"x"},{"name":"y","copies":1001}]})"),
            "parts[1].copies");
  EXPECT_EQ(FailingField(R"({"code":"a","parts":[{"name":"x","copies":2.0}]})"), "parts[0].copies");
  // 2^32 + 1 must not wrap to 1 in an int.
  EXPECT_EQ(FailingField(R"({"code":"a","parts":[{"name":"x","copies":4294967297}]})"),
            "parts[0].copies");
  EXPECT_EQ(FailingField(R"({"code":"a","parts":[{"name":"x","copies":18446744073709551615}]})"),
            "parts[0].copies");
  // An empty member name is a member, not an array item.
  EXPECT_EQ(FailingField(R"({"code":"a","":1})"), "");
  // An unknown member's name is echoed at most 40 bytes long, never cut inside a character.
  EXPECT_EQ(FailingField(R"({"code":"a","aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaađ":1})"),
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
}

TEST(JsonMap, ReadsBaseMembersAndAnyJsonValue) {
  auto e = Read<Extended>(
      boost::json::parse(R"({"name":"Tờ khai","copies":3,"extra":{"a":[1]}})").as_object());
  EXPECT_EQ(e.name, "Tờ khai");
  EXPECT_EQ(e.copies, 3);
  EXPECT_EQ(boost::json::serialize(e.extra), R"({"a":[1]})");
  // A base's members keep the base's rules: `copies` stays optional and bounded.
  e = Read<Extended>(boost::json::parse(R"({"name":"x","extra":null})").as_object());
  EXPECT_EQ(e.copies, 0);
  EXPECT_TRUE(e.extra.is_null());
  EXPECT_THROW(
      Read<Extended>(boost::json::parse(R"({"name":"x","copies":1001,"extra":1})").as_object()),
      Error);
}

TEST(JsonMap, ReadsOneMemberAlone) {
  const auto body = boost::json::parse(R"({"action":"accept","n":7})").as_object();
  EXPECT_EQ(ReadMember<std::string>(body, "action", {.max_chars = 10}), "accept");
  EXPECT_EQ(ReadMember<std::optional<std::string>>(body, "reason", {}), std::nullopt);
  try {
    ReadMember<std::string>(body, "n", {});
    ADD_FAILURE() << "a number read as text";
  } catch (const Error& e) {
    EXPECT_TRUE(e.fields().contains("n"));
  }
}

TEST(JsonMap, ReadsOmittableMembersAsOptional) {
  auto s = Read<Stored>(boost::json::parse(R"({"name":"a","parts":[]})").as_object());
  EXPECT_FALSE(s.note);
  EXPECT_FALSE(s.count);
  s = Read<Stored>(
      boost::json::parse(R"({"name":"a","note":"","count":null,"parts":[]})").as_object());
  ASSERT_TRUE(s.note);
  EXPECT_EQ(*s.note, "");
  EXPECT_FALSE(s.count);
  EXPECT_THROW(Read<Stored>(boost::json::parse(R"({"name":"a","note":1,"parts":[]})").as_object()),
               Error);
}

// The message of the CorruptData that reading `text` as T throws.
template <class T>
std::string CorruptMessage(std::string_view text, const Limits& limits = {}) {
  try {
    ReadStored<T>(text, "table.column", limits);
  } catch (const CorruptData& e) {
    return e.what();
  }
  ADD_FAILURE() << "accepted: " << text;
  return "";
}

TEST(JsonMap, ReadsStoredDataAndCallsAnyFailureCorrupt) {
  const auto s = ReadStored<Stored>(R"({"name":"Tờ khai","count":2,"parts":[{"name":"x"}]})", "t");
  EXPECT_EQ(s.name, "Tờ khai");
  EXPECT_EQ(*s.count, 2);
  ASSERT_EQ(s.parts.size(), 1u);
  const auto parts = ReadStored<std::vector<Part>>(R"([{"name":"a","copies":3}])", "t");
  ASSERT_EQ(parts.size(), 1u);
  EXPECT_EQ(parts[0].copies, 3);
  // Larger than the stack buffer it is parsed in.
  const std::string many = "[" + std::string(5000, ' ') + R"({"name":"a"}])";
  EXPECT_EQ(ReadStored<std::vector<Part>>(many, "t").size(), 1u);

  EXPECT_TRUE(CorruptMessage<Stored>("").starts_with("table.column: not JSON ("));
  EXPECT_TRUE(CorruptMessage<Stored>("{").starts_with("table.column: not JSON"));
  EXPECT_EQ(CorruptMessage<Stored>("[]"), "table.column: (document): phải là một đối tượng JSON.");
  EXPECT_EQ(CorruptMessage<Stored>(R"({"parts":[]})"),
            "table.column: name: thiếu trường bắt buộc.");
  EXPECT_EQ(CorruptMessage<Stored>(R"({"name":"a","parts":[{"name":1}]})"),
            "table.column: parts[0].name: phải là một chuỗi ký tự.");
  EXPECT_EQ(CorruptMessage<std::vector<Part>>(R"([{"name":"a"},{"name":"b","x":1}])"),
            "table.column: [1].x: trường này không được hỗ trợ.");
  EXPECT_EQ(CorruptMessage<std::vector<Part>>(R"([{"name":"a"},{"name":"b"}])", {.max_items = 1}),
            "table.column: (document): có tối đa 1 phần tử.");
}

TEST(JsonMap, StoredReadingLetsOtherErrorsPass) {
  EXPECT_THROW(ReadingStored("t", []() -> int { throw Error(ErrorCode::kNotFound, "x"); }), Error);
  EXPECT_THROW(ReadingStored("t", []() -> int { throw FieldError("a", "b"); }), CorruptData);
  EXPECT_EQ(ReadingStored("t", [] { return 7; }), 7);
}

}  // namespace
}  // namespace egov::json
