// What a citizen is told about their dossier (issue 11, docs/notifications.md): for each
// citizen-relevant event, the e-mail's subject and body and the SMS text, in Vietnamese. Pure:
// the caller gathers the facts (from the dossier and the event) and passes every instant; no
// I/O, no clock; thread-safe. Only what the citizen gave is repeated (the name as given; never
// the ID number, address or phone).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace egov::core::notify {

// The events a citizen hears about; names as in the `citizen_notice` job's payload.
enum class CitizenEvent {
  kReceived,          // "received": intake at the counter, or an online submission accepted
  kSupplementNeeded,  // "supplement_needed": request_supplement
  kResultReady,       // "result_ready": complete (the result waits at the counter)
  kDelayed,           // "delayed": reschedule (apology and a new appointment)
  kRefused,           // "refused": refuse
};

std::string_view Name(CitizenEvent event);
// The value of an exact name; nullopt for any other text.
std::optional<CitizenEvent> ParseCitizenEvent(std::string_view name);

// What a message says. Instants are UTC epoch milliseconds, printed in Vietnam time.
struct NoticeFacts {
  CitizenEvent event = CitizenEvent::kReceived;
  std::string dossier_code;
  std::string procedure_name;
  std::string applicant_name;  // as the citizen gave it
  std::string agency_name;     // the receiving agency ("UBND xã Trà Sơn"): its counter speaks
  std::string lookup_url;      // {public_base_url}/tra-cuu/{code}
  // received: the appointment; delayed: the new appointment.
  std::optional<std::int64_t> appointment;
  // delayed: the appointment it replaces (nullopt: unknown, left out).
  std::optional<std::int64_t> old_appointment;
  // supplement_needed, delayed, refused: the reason recorded with the event.
  std::string reason;
  // supplement_needed: what the applicant must add, in order.
  std::vector<std::string> missing;
  // result_ready: the receiving agency's working hours ("07:30-11:30,13:00-17:00"; empty:
  // left out), and whether the result goes by post (a postal dossier) instead of the counter.
  std::string working_hours;
  bool by_post = false;
};

struct CitizenMessage {
  std::string subject;  // one line
  std::string body;     // plain text, lines separated by "\n"
  std::string sms;      // plain, one paragraph, at most kMaxSmsCodePoints code points
};

// SMS texts keep their diacritics (UCS-2 on the wire: 70 characters a segment, 67 in a
// concatenated message); a text is cut to fit five concatenated segments (docs/notifications.md).
constexpr std::size_t kMaxSmsCodePoints = 335;

// The message for `facts`. Throws std::invalid_argument when a fact the event needs is missing
// (received or delayed without an appointment).
CitizenMessage Compose(const NoticeFacts& facts);

// "16 giờ 59 phút, ngày 25/02/2026" and "16:59 ngày 25/02/2026" for a UTC instant, in Vietnam
// time.
std::string LongTime(std::int64_t utc_millis);
std::string ShortTime(std::int64_t utc_millis);

}  // namespace egov::core::notify
