// The pieces every A5 one-stop form shares (Circular 01/2018/TT-VPCP and 03/2025/TT-VPCP;
// docs/forms.md): page size and margins, the header (the agency block left, the national
// title, motto, place and date right), text helpers for fields and blanks, and the signature
// columns. Form 01 (receipt.cpp) and the other forms (forms.cpp) are drawn with them.
#pragma once

#include <string>
#include <string_view>

#include "render/pdf_document.hpp"

namespace egov::render {

inline constexpr double kMm = kPointsPerMm;
inline constexpr double kA5Width = 148 * kMm;
inline constexpr double kA5Height = 210 * kMm;
inline constexpr Margins kA5Margins{
    .top = 10 * kMm, .right = 10 * kMm, .bottom = 12 * kMm, .left = 13 * kMm};
inline constexpr const char* kFormFont = "Noto Serif";

inline constexpr double kBodyPt = 10;
inline constexpr double kParagraphGap = 1;     // points between body paragraphs
inline constexpr double kSignatureSpace = 14;  // mm left blank for a signature
inline constexpr double kRule = 0.5;           // points

inline constexpr TextStyle kBody{.size_pt = kBodyPt};
inline constexpr TextStyle kBodyJustified{.size_pt = kBodyPt, .align = Align::kJustify};

// Between two fields on one line (a place to wrap).
inline constexpr const char* kFieldGap = "    ";
// The dotted line the official forms print where a value is written by hand.
inline constexpr const char* kBlank = "……………………";

// The header of a form. Empty parent or place/date: left out; empty agency: dotted line.
struct FormHeader {
  std::string parent_agency_name;  // "UBND HUYỆN TRÀ BỒNG" (upper line, left)
  std::string agency_name;         // "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ" (bold, left)
  std::string place_and_date;      // "Trà Bồng, ngày 25 tháng 02 năm 2026" (right, italic)
};

// Escaped value, or the dotted line when empty.
std::string ValueOrBlank(const std::string& value);
// Escaped value in bold, or the dotted line when empty.
std::string Bold(const std::string& value);
// Escaped, with its spaces made no-break so it wraps as one unit (short values only).
std::string NoBreak(std::string_view text);
// "Label: value" that wraps as one unit.
std::string Field(std::string_view label, const std::string& value);
// A date-time such as "16 giờ 30 phút, ngày 11/03/2026", kept on one line when short.
std::string Time(const std::string& value);

// The two header blocks side by side; the cursor ends below the taller one.
void DrawHeader(Document& doc, const FormHeader& header);
// A flowed paragraph of markup across the content width.
void Paragraph(Document& doc, const std::string& markup, const TextStyle& style = kBody);

// One signature column: a bold heading, an italic note under it, the space for the signature
// and the printed name (empty: signed and named by hand).
struct SignatureColumn {
  std::string heading;  // "NGƯỜI HƯỚNG DẪN"
  std::string note;     // "(Ký và ghi rõ họ tên)"
  std::string name;     // printed under the signature
};

// Signature columns side by side across the content width (an empty heading leaves its
// column blank), kept on one page.
void Signatures(Document& doc, const SignatureColumn& left, const SignatureColumn& right);

}  // namespace egov::render
