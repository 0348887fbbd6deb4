// The demo's dossiers (CONTRACT.md § Demo), after the demo world (demo.hpp) and the shipped
// holiday schedules are loaded:
// - the first half of 2020 at UBND huyện Trà Bồng, as Báo Quảng Ngãi reported it in June
//   2020: 859 dossiers received 1/1–30/6/2020 in its subtree, more than 600 of them land
//   (field "Đất đai", at the district's one-stop counter), the rest civil status and
//   certification at xã Trà Sơn and social allowances at the district; every one
//   returned, none late; some with a supplement request, some sent back a step;
// - a few dossiers in progress on the day of the load, in every status, at Trà Bồng, its
//   departments and communes, so that every demo officer finds work in their queue (a few
//   overdue, a few due soon).
// Every dossier is made by the dossier service itself (Dossiers::Intake, Submit and Act), with
// a DemoClock set to the instant of each event: codes, due times and events are those real
// officers would have produced. Instants fall in the working hours of the agencies' calendars
// and are chosen by a fixed-seed pseudo-random sequence: the history is the same on every
// load; the current set is the same for the same day.
//
// Idempotent and resumable: each dossier is created with an idempotency key of its own, so a
// load that dies half-way finds the dossiers (and the actions) already made on the next run
// and goes on from there; a marker in `settings` records each set once it is complete.
#pragma once

#include <atomic>
#include <cstdint>

#include "core/clock.hpp"
#include "store/database.hpp"
#include "store/files/file_store.hpp"

namespace egov::service::demo {

// The instant the loader sets (UTC ms); monotonic time is the real one. Thread-safe.
class DemoClock final : public core::Clock {
 public:
  explicit DemoClock(std::int64_t now_millis) : now_(now_millis) {}
  void Set(std::int64_t now_millis) { now_.store(now_millis); }
  std::int64_t NowMillis() const override { return now_.load(); }
  std::int64_t MonotonicMillis() const override;

 private:
  std::atomic<std::int64_t> now_;
};

// The seed article's figures.
inline constexpr int kHistoryDossiers = 859;
inline constexpr int kHistoryLandDossiers = 617;  // "hơn 600"

struct DossiersResult {
  bool history_already_loaded = false;
  int history_created = 0;  // dossiers created by this run (a resumed load: the rest)
  bool current_already_loaded = false;
  int current_created = 0;
};

// `clock`: the real time; the current set is placed before it. Needs LoadDemo and
// CalendarService::LoadShippedSchedules first, and a pool of at least 3 connections (the
// dossier service nests sessions; std::invalid_argument otherwise). ~5 000 service calls.
DossiersResult LoadDemoDossiers(store::Database& db, store::FileStore& files,
                                const core::Clock& clock);

}  // namespace egov::service::demo
