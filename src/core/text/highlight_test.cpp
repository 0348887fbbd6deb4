// Search snippets: folded matching, marks in the original text, windows.
#include "core/text/highlight.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace egov::core::text {
namespace {

TEST(Highlight, MarksFoldedMatchesInTheOriginalText) {
  std::vector<std::string> terms{"quyet", "dinh", "phe", "duyet"};
  EXPECT_EQ(Highlight("Quyết định về việc phê duyệt kế hoạch", terms, 200),
            "<mark>Quyết</mark> <mark>định</mark> về việc <mark>phê</mark> "
            "<mark>duyệt</mark> kế hoạch");
}

TEST(Highlight, DFoldsToD) {
  std::vector<std::string> terms{"dat dai"};
  EXPECT_EQ(Highlight("Về đất đai ở Trà Bồng", terms, 200), "Về <mark>đất đai</mark> ở Trà Bồng");
}

TEST(Highlight, NoMatchIsNullopt) {
  std::vector<std::string> terms{"xyz"};
  EXPECT_EQ(Highlight("Quyết định", terms, 200), std::nullopt);
}

TEST(Highlight, NfdCombiningMarksStayInsideTheMark) {
  std::vector<std::string> terms{"phe"};
  // "phê" decomposed: p h e U+0302
  EXPECT_EQ(Highlight("phe\xCC\x82 duyet", terms, 200), "<mark>phe\xCC\x82</mark> duyet");
}

TEST(Highlight, LongTextIsCutAroundTheFirstMatch) {
  std::string text(100, 'a');
  text += " đất đai ";
  text += std::string(100, 'b');
  std::vector<std::string> terms{"dat"};
  auto out = Highlight(text, terms, 40);
  ASSERT_TRUE(out);
  EXPECT_EQ(*out,
            "…" + std::string(9, 'a') + " <mark>đất</mark> đai " + std::string(22, 'b') + "…");
}

}  // namespace
}  // namespace egov::core::text
