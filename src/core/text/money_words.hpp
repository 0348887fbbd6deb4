// Amounts of money written in Vietnamese words, as receipts require ("Bằng chữ: hai nghìn
// đồng"). Pure.
#pragma once

#include <cstdint>
#include <string>

namespace egov::core::text {

// "Không đồng", "Hai nghìn đồng", "Một triệu hai trăm linh năm nghìn đồng" … for
// 0 ≤ amount < 10^18; the first letter is upper-case.
std::string MoneyInWords(std::int64_t amount);

}  // namespace egov::core::text
