// Appending a run: one transaction (BEGIN IMMEDIATE ... COMMIT) of prepared inserts, so
// the history holds the whole run or nothing of it, whenever the process stops.

#include <fmt/format.h>

#include "attune/history.hpp"
#include "sqlite.hpp"

namespace attune::history {
namespace {

std::string date_text(const std::optional<Date>& date) { return date ? format_iso_date(*date) : std::string{}; }

/// The prepared inserts of one run, and the rows written so far (for the test hook).
class Inserter {
 public:
  Inserter(sqlite3* db, const WriteHooks& hooks)
      : db_(db),
        hooks_(hooks),
        run_(db,
             "INSERT INTO runs (time, tool_version, period_from, period_to, settings, only_rules)"
             " VALUES (?1, ?2, ?3, ?4, ?5, ?6)"),
        setting_(db,
                 "INSERT INTO settings (run, path, name, urn, profile, status, period_from, period_to, errors, warnings,"
                 " infos, accepted, input_errors) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"),
        finding_(db,
                 "INSERT INTO findings (run, setting, rule, severity, date, start_time, end_time, room, child, staff,"
                 " accepted, reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"),
        child_(db,
               "INSERT INTO child_metrics (run, setting, child, band, attended_minutes, key_person,"
               " key_person_coverage, key_or_buddy_coverage, arrivals, arrivals_with_key_or_buddy, departures,"
               " departures_with_key_or_buddy, max_distinct_carers_per_week)"
               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"),
        room_(db,
              "INSERT INTO room_metrics (run, setting, room, breach_minutes, child_minutes) VALUES (?1, ?2, ?3, ?4, ?5)") {
  }

  [[nodiscard]] bool prepared() const {
    return run_.ok() && setting_.ok() && finding_.ok() && child_.ok() && room_.ok();
  }

  bool insert_run(const RunRecord& run, std::int64_t& id) {
    run_.bind(1, run.time).bind(2, run.tool_version).bind_text_or_null(3, date_text(run.from));
    run_.bind_text_or_null(4, date_text(run.to)).bind(5, static_cast<std::int64_t>(run.settings.size()));
    run_.bind_text_or_null(6, run.only);
    if (!done(run_)) return false;
    id = sqlite3_last_insert_rowid(db_);
    return true;
  }

  bool insert_setting(std::int64_t run, const SettingRecord& s) {
    auto& q = setting_;
    q.bind(1, run).bind(2, s.path).bind_text_or_null(3, s.name).bind_text_or_null(4, s.urn);
    q.bind_text_or_null(5, s.profile).bind(6, std::string_view(s.checked ? "checked" : "input_error"));
    if (s.checked) {
      q.bind(7, format_iso_date(s.period.from)).bind(8, format_iso_date(s.period.to));
      q.bind(9, count(s.counts.errors)).bind(10, count(s.counts.warnings)).bind(11, count(s.counts.infos));
      q.bind(12, count(s.counts.accepted));
    } else {
      for (int i = 7; i <= 12; ++i) q.bind_null(i);
    }
    q.bind(13, count(s.input_errors));
    if (!done(q)) return false;
    const std::int64_t setting = sqlite3_last_insert_rowid(db_);
    for (const FindingRecord& f : s.findings)
      if (!insert_finding(run, setting, f)) return false;
    for (const ChildRecord& c : s.children)
      if (!insert_child(run, setting, c)) return false;
    for (const RoomRecord& r : s.rooms)
      if (!insert_room(run, setting, r)) return false;
    return true;
  }

 private:
  static std::int64_t count(std::size_t n) { return static_cast<std::int64_t>(n); }

  bool insert_finding(std::int64_t run, std::int64_t setting, const FindingRecord& f) {
    auto& q = finding_;
    q.bind(1, run).bind(2, setting).bind(3, f.rule).bind(4, severity_id(f.severity));
    q.bind_text_or_null(5, date_text(f.date));
    if (f.time) q.bind(6, format_clock_time(f.time->start)).bind(7, format_clock_time(f.time->end));
    else q.bind_null(6).bind_null(7);
    q.bind_text_or_null(8, f.room).bind_text_or_null(9, f.child).bind_text_or_null(10, f.staff);
    q.bind(11, std::int64_t{f.accepted ? 1 : 0});
    if (f.accepted) q.bind(12, f.reason);
    else q.bind_null(12);
    return done(q);
  }

  bool insert_child(std::int64_t run, std::int64_t setting, const ChildRecord& c) {
    auto& q = child_;
    q.bind(1, run).bind(2, setting).bind(3, c.child).bind(4, age_band_id(c.band));
    q.bind(5, std::int64_t{c.attended_minutes}).bind_text_or_null(6, c.key_person);
    q.bind(7, c.key_person_coverage).bind(8, c.key_or_buddy_coverage);
    q.bind(9, std::int64_t{c.arrivals}).bind(10, std::int64_t{c.arrivals_with_key_or_buddy});
    q.bind(11, std::int64_t{c.departures}).bind(12, std::int64_t{c.departures_with_key_or_buddy});
    q.bind(13, std::int64_t{c.max_distinct_carers_per_week});
    return done(q);
  }

  bool insert_room(std::int64_t run, std::int64_t setting, const RoomRecord& r) {
    room_.bind(1, run).bind(2, setting).bind(3, r.room).bind(4, std::int64_t{r.breach_minutes});
    room_.bind(5, std::int64_t{r.child_minutes});
    return done(room_);
  }

  /// Runs an insert; counts the row and pauses there if a test asked to.
  bool done(sql::Statement& q) {
    if (q.run() != SQLITE_DONE) return false;
    ++rows_;
    if (hooks_.pause_after_rows != 0 && rows_ == hooks_.pause_after_rows && hooks_.pause) hooks_.pause();
    return true;
  }

  sqlite3* db_;
  const WriteHooks& hooks_;
  sql::Statement run_, setting_, finding_, child_, room_;
  std::size_t rows_ = 0;
};

}  // namespace

std::optional<std::int64_t> append_run(Database& db, const RunRecord& run, const WriteHooks& hooks,
                                       std::string& error) {
  sqlite3* h = db.handle();
  const std::string label = db.path().string();
  sql::Transaction transaction(h);
  if (transaction.begin() != SQLITE_OK) {
    error = fmt::format("{}: cannot lock the history to store the run: {}", label, sql::message(h));
    return std::nullopt;
  }
  Inserter insert(h, hooks);
  std::int64_t id = 0;
  bool ok = insert.prepared() && insert.insert_run(run, id);
  for (std::size_t i = 0; ok && i < run.settings.size(); ++i) ok = insert.insert_setting(id, run.settings[i]);
  if (!ok) {
    error = fmt::format("{}: cannot store the run, so none of it was stored: {}", label, sql::message(h));
    return std::nullopt;  // rolled back
  }
  if (transaction.commit() != SQLITE_OK) {
    error = fmt::format("{}: cannot store the run, so none of it was stored: {}", label, sql::message(h));
    return std::nullopt;
  }
  return id;
}

}  // namespace attune::history
