// The generic writer: members in declaration order (bases first), optional as null,
// Omittable left out, vectors, nested structs, other leaves through value_from, and the text
// that the reader reads back.
#include "json/write.hpp"

#include <gtest/gtest.h>

#include <boost/describe/class.hpp>
#include <cstdint>
#include <string_view>
#include <tuple>

#include "json/read.hpp"

namespace egov::json {
namespace test_views {

struct Copies {
  std::string name;
  int count = 0;
};
BOOST_DESCRIBE_STRUCT(Copies, (), (name, count))

struct View {
  std::string_view code;
  std::optional<std::int64_t> due;
  Omittable<std::string> note;
  std::vector<Copies> copies;
  std::vector<std::string_view> tags;
  boost::json::value extra;
};
BOOST_DESCRIBE_STRUCT(View, (), (code, due, note, copies, tags, extra))

struct Detail : View {
  bool open = false;
};
BOOST_DESCRIBE_STRUCT(Detail, (View), (open))

// A type of its own conversion, as the api layer's Instant.
struct Stamp {
  int n = 0;
};
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& out, const Stamp& s) {
  out = "#" + std::to_string(s.n);
}

struct WithStamp {
  Stamp at;
  Omittable<Stamp> seen;
};
BOOST_DESCRIBE_STRUCT(WithStamp, (), (at, seen))

}  // namespace test_views

namespace {

using test_views::Detail;
using test_views::View;

TEST(JsonWrite, WritesMembersInOrderOptionalAsNullOmittableLeftOut) {
  View v{"A1", std::nullopt, {}, {{"Tờ khai", 2}}, {"x", "y"}, nullptr};
  EXPECT_EQ(WriteText(v),
            R"({"code":"A1","due":null,"copies":[{"name":"Tờ khai","count":2}],"tags":["x","y"],)"
            R"("extra":null})");
  v.due = 5;
  v.note = "";  // present although empty: only an empty Omittable is left out
  v.extra = boost::json::parse(R"({"a":[1]})");
  v.copies.clear();
  EXPECT_EQ(WriteText(v),
            R"({"code":"A1","due":5,"note":"","copies":[],"tags":["x","y"],"extra":{"a":[1]}})");
}

TEST(JsonWrite, WritesBaseMembersFirst) {
  Detail d;
  d.code = "B";
  d.open = true;
  EXPECT_EQ(WriteText(d),
            R"({"code":"B","due":null,"copies":[],"tags":[],"extra":null,"open":true})");
}

TEST(JsonWrite, WritesOtherLeavesByTheirOwnConversion) {
  EXPECT_EQ(WriteText(test_views::WithStamp{{3}, {}}), R"({"at":"#3"})");
  EXPECT_EQ(WriteText(test_views::WithStamp{{3}, test_views::Stamp{4}}),
            R"({"at":"#3","seen":"#4"})");
  EXPECT_EQ(WriteText(std::make_tuple(std::string_view("a"), 1, std::vector<int>{2})),
            R"(["a",1,[2]])");
}

TEST(JsonWrite, WritesInTheMemoryGiven) {
  unsigned char buffer[1024];
  boost::json::monotonic_resource memory(buffer, sizeof buffer);
  const boost::json::storage_ptr storage(&memory);
  const boost::json::value v = Write(View{"C", 1, "n", {{"x", 1}}, {}, nullptr}, storage);
  EXPECT_EQ(v.storage().get(), storage.get());
  EXPECT_EQ(v.at("copies").at(0).storage().get(), storage.get());
}

TEST(JsonWrite, WrittenTextReadsBack) {
  const test_views::Copies written{"Bản sao", 3};
  const auto read = ReadStored<test_views::Copies>(WriteText(written), "t");
  EXPECT_EQ(read.name, written.name);
  EXPECT_EQ(read.count, written.count);
}

}  // namespace
}  // namespace egov::json
