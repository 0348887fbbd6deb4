// Internet message formatting: mailboxes, encoded words, the Date header and a whole message,
// compared to the byte.
#include "notify/mime.hpp"

#include <gtest/gtest.h>

#include "core/calendar/date.hpp"

namespace egov::notify {
namespace {

TEST(Mime, PlainAddresses) {
  EXPECT_TRUE(IsPlainAddress("khongtraloi@example.vn"));
  EXPECT_TRUE(IsPlainAddress("a.b+c@mail.example.vn"));
  EXPECT_TRUE(IsPlainAddress("root@localhost"));
  for (const char* bad :
       {"", "a", "@b.vn", "a@", "a@@b.vn", "a@b@c.vn", "a b@c.vn", "<a@b.vn>", "a@b..vn", "a@.b.vn",
        "a@b.vn.", "\"a\"@b.vn", "a@b.vn\r\nBcc: x@y.vn", "tên@b.vn", "a,b@c.vn"}) {
    EXPECT_FALSE(IsPlainAddress(bad)) << bad;
  }
  EXPECT_FALSE(IsPlainAddress(std::string(250, 'a') + "@b.vn"));
}

TEST(Mime, MailboxesAreParsedFromTheThreeForms) {
  auto m = ParseMailbox("Egov <khongtraloi@example.vn>");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->name, "Egov");
  EXPECT_EQ(m->address, "khongtraloi@example.vn");
  m = ParseMailbox(" \"UBND xã Trà Sơn, Trà Bồng\" <motcua@trason.vn> ");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->name, "UBND xã Trà Sơn, Trà Bồng");
  EXPECT_EQ(m->address, "motcua@trason.vn");
  m = ParseMailbox("khongtraloi@example.vn");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->name, "");
  EXPECT_EQ(m->address, "khongtraloi@example.vn");
  for (const char* bad : {"", "Egov", "Egov <>", "Egov <a@b.vn", "Egov <a b@c.vn>",
                          "Egov\r\n <a@b.vn>", "E\"gov <a@b.vn>"}) {
    EXPECT_FALSE(ParseMailbox(bad)) << bad;
  }
}

TEST(Mime, HeaderTextIsEncodedOnlyWhenNeededAndNeverSplitsACharacter) {
  EXPECT_EQ(EncodeHeaderText("Ho so da duoc tiep nhan"), "Ho so da duoc tiep nhan");
  EXPECT_EQ(EncodeHeaderText("Hồ sơ"), "=?UTF-8?B?SOG7kyBzxqE=?=");
  // 20 × "ệ" (3 bytes): 15 characters (45 bytes) in the first word, 5 in the second.
  std::string long_text;
  for (int i = 0; i < 20; ++i) long_text += "ệ";
  const std::string encoded = EncodeHeaderText(long_text);
  std::string first_chunk, second_chunk;
  for (int i = 0; i < 15; ++i) first_chunk += "ệ";
  for (int i = 0; i < 5; ++i) second_chunk += "ệ";
  EXPECT_EQ(encoded, "=?UTF-8?B?" + Base64Lines(first_chunk) + "?=\r\n =?UTF-8?B?" +
                         Base64Lines(second_chunk) + "?=");
  EXPECT_LE(encoded.find("\r\n"), 75u);
}

TEST(Mime, Mailboxes) {
  EXPECT_EQ(FormatMailbox({"Egov", "a@b.vn"}), "Egov <a@b.vn>");
  EXPECT_EQ(FormatMailbox({"", "a@b.vn"}), "<a@b.vn>");
  EXPECT_EQ(FormatMailbox({"Egov, UBND", "a@b.vn"}), "\"Egov, UBND\" <a@b.vn>");
  EXPECT_EQ(FormatMailbox({"Hồ sơ", "a@b.vn"}), "=?UTF-8?B?SOG7kyBzxqE=?= <a@b.vn>");
}

TEST(Mime, DateIsRfc5322InVietnamTime) {
  EXPECT_EQ(FormatDate(core::calendar::ParseIsoInstant("2026-03-05T01:02:03Z")),
            "Thu, 05 Mar 2026 08:02:03 +0700");
  EXPECT_EQ(FormatDate(core::calendar::ParseIsoInstant("2026-12-31T17:00:59Z")),
            "Fri, 01 Jan 2027 00:00:59 +0700");
}

TEST(Mime, Base64LinesAreAtMost76) {
  EXPECT_EQ(Base64Lines(""), "");
  EXPECT_EQ(Base64Lines("f"), "Zg==");
  EXPECT_EQ(Base64Lines("fo"), "Zm8=");
  EXPECT_EQ(Base64Lines("foo"), "Zm9v");
  const std::string lines = Base64Lines(std::string(100, 'a'));
  EXPECT_EQ(lines.find("\r\n"), 76u);
  EXPECT_EQ(lines.size(), 136u + 2u);
}

TEST(Mime, AWholeMessage) {
  MimeMessage m;
  m.from = {"Egov", "khongtraloi@example.vn"};
  m.to = {"Nguyễn Thị Ánh", "anh@example.vn"};
  m.subject = "Hồ sơ";
  m.text = "Xin chào\nÔng/Bà";
  m.message_id = "notice.7.X@example.vn";
  m.date = core::calendar::ParseIsoInstant("2026-03-05T08:00:00+07:00");
  EXPECT_EQ(BuildMessage(m),
            "From: Egov <khongtraloi@example.vn>\r\n"
            "To: =?UTF-8?B?Tmd1eeG7hW4gVGjhu4sgw4FuaA==?= <anh@example.vn>\r\n"
            "Subject: =?UTF-8?B?SOG7kyBzxqE=?=\r\n"
            "Date: Thu, 05 Mar 2026 08:00:00 +0700\r\n"
            "Message-ID: <notice.7.X@example.vn>\r\n"
            "MIME-Version: 1.0\r\n"
            "Content-Type: text/plain; charset=UTF-8\r\n"
            "Content-Transfer-Encoding: base64\r\n"
            "Auto-Submitted: auto-generated\r\n"
            "\r\n"
            "WGluIGNow6BvDQrDlG5nL0LDoA==\r\n");
}

}  // namespace
}  // namespace egov::notify
