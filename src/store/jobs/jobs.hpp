// SQL for durable jobs (table jobs, docs/jobs.md). Functions never commit: Enqueue writes in
// the caller's transaction (the outbox: a rolled-back change leaves no job), and the worker's
// calls (Claim, Complete, Fail, ReportProgress, ExtendLease) each take a write transaction
// that the caller commits at once.
//
// Claiming is atomic per engine. PostgreSQL: one UPDATE … WHERE id = (SELECT … FOR UPDATE
// SKIP LOCKED) RETURNING, so concurrent claimers in any number of processes skip each other's
// rows and never take the same one. SQLite: the same UPDATE … RETURNING inside the process's
// writer transaction (BEGIN IMMEDIATE under the writer mutex), so one claimer runs at a time.
//
// A claim holds the job until `lease_until`; the calls that follow it are fenced by the claim
// (id, claimed_by and the attempt number), so a worker whose lease expired and whose job was
// claimed again changes nothing any more (they return false).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/jobs/job.hpp"
#include "store/database.hpp"

namespace egov::store::jobs {

struct NewJob {
  std::string kind;     // core::jobs::IsKind
  std::string payload;  // JSON text, at most core::jobs::kMaxPayloadBytes
  std::int64_t run_at = 0;
  int max_attempts = core::jobs::kDefaultMaxAttempts;  // ≥ 1
};

// Inserts a queued job; returns its id. std::invalid_argument for a kind that is not
// IsKind, a payload over the limit or max_attempts < 1 (programming errors of the caller).
std::int64_t Enqueue(WriteTransaction& tx, const NewJob& job, std::int64_t now);

// Claims the job of `kind` due first: a queued one whose run_at has come, or a running one
// whose lease has expired (its process died; claimed again as long as it has attempts
// left). It becomes running, held by `worker` until `lease_until`, its attempts counted one
// more. Before that, running jobs of `kind` whose lease expired on their last attempt are
// parked as failed. nullopt when none is due.
std::optional<core::jobs::Job> Claim(WriteTransaction& tx, std::string_view kind,
                                     std::string_view worker, std::int64_t now,
                                     std::int64_t lease_until);

// The claim's job is done (progress 100, finished now). False when the claim is no longer
// held (lease expired and taken by another worker, or retried).
bool Complete(WriteTransaction& tx, const core::jobs::Job& claimed, std::int64_t now);

// The claim's attempt failed with `error` (cut to kMaxErrorBytes): queued again after the
// retry delay, or failed for good after its last attempt (core::jobs::NextAfterFailure).
// nullopt when the claim is no longer held; else what was applied.
std::optional<core::jobs::AfterFailure> Fail(WriteTransaction& tx, const core::jobs::Job& claimed,
                                             std::string_view error, std::int64_t now);

// Records progress (`percent` clamped to 0–100, `note` cut to kMaxNoteBytes; empty: none) and
// extends the lease to `lease_until`. False when the claim is no longer held.
bool ReportProgress(WriteTransaction& tx, const core::jobs::Job& claimed, int percent,
                    std::string_view note, std::int64_t lease_until);
bool ExtendLease(WriteTransaction& tx, const core::jobs::Job& claimed, std::int64_t lease_until);

// An administrator's retry of a failed job: queued again now with its attempts reset (its
// last error kept until the next attempt). False when the job is not failed.
bool Retry(WriteTransaction& tx, std::int64_t id, std::int64_t now);

std::optional<core::jobs::Job> Find(Session& session, std::int64_t id);

struct ListFilter {
  std::optional<core::jobs::State> state;  // nullopt: any
  std::string kind;                        // "": any
  int page = 1, per_page = 50;
};
struct ListResult {
  std::vector<core::jobs::Job> items;  // newest first
  std::int64_t total = 0;
};
ListResult List(Session& session, const ListFilter& filter);

// How many jobs there are of each kind in each state (only the pairs that have some), read
// from the index (state, kind, …).
struct QueueCount {
  std::string kind;
  core::jobs::State state = core::jobs::State::kQueued;
  std::int64_t count = 0;
};
std::vector<QueueCount> CountByKindAndState(Session& session);

// Periodic jobs (table job_schedules, docs/jobs.md "Periodic jobs"). EnsureSchedule adds the
// kind's row, first due at `first_run_at`, or updates the period of the row that exists (its
// next run kept).
void EnsureSchedule(WriteTransaction& tx, std::string_view kind, std::int64_t every_millis,
                    std::int64_t first_run_at);
// Takes the kind's period when it is due: moves its next run to `now + every` and returns
// true, and the caller enqueues the kind's job in the same transaction. At most one caller
// takes a period, whatever the number of processes (a conditional UPDATE). A next run more
// than one period ahead (the clock went back) is taken too.
bool TakeSchedule(WriteTransaction& tx, std::string_view kind, std::int64_t now);

// True when a job of `kind` is queued or running (read from the index (state, kind, …)).
bool HasPending(Session& session, std::string_view kind);

// Deletes at most `limit` done jobs that finished before `before`; how many it deleted.
// Failed jobs are kept for the administrator.
std::int64_t DeleteDone(WriteTransaction& tx, std::int64_t before, int limit);

}  // namespace egov::store::jobs
