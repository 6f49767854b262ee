#pragma once
/// Run history in SQLite: `attune check --history FILE.db` appends each run (its
/// settings, findings and metrics, by id, never by name), and `attune history FILE.db`
/// reads back trends per setting and rule. docs/history.md describes the schema.
///
///     std::string error;
///     auto db = attune::history::open_database("h.db", attune::history::OpenMode::create, error);
///     attune::history::append_run(*db, run, {}, error);   // one transaction
///     auto trends = attune::history::read_trends(*db, {}, error);
///
/// Nothing here prints or exits: a failure returns false or nullopt with `error` set to a
/// sentence naming the file.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "attune/check.hpp"
#include "attune/setting.hpp"

struct sqlite3;

namespace attune::history {

// --- Records: what is stored of a run ---------------------------------------------------

/// One finding, with people and rooms by id ("" when the finding has none).
struct FindingRecord {
  std::string rule;
  Severity severity = Severity::error;
  std::optional<Date> date;
  std::optional<TimeWindow> time;
  std::string room, child, staff;
  bool accepted = false;
  std::string reason;  ///< the override's reason when accepted
};

/// One child's metrics over the period (ids only: the database holds no names).
struct ChildRecord {
  std::string child;
  AgeBand band = AgeBand::under_2;
  long attended_minutes = 0;
  std::string key_person;
  std::optional<double> key_person_coverage, key_or_buddy_coverage;
  int arrivals = 0, arrivals_with_key_or_buddy = 0;
  int departures = 0, departures_with_key_or_buddy = 0;
  int max_distinct_carers_per_week = 0;
};

struct RoomRecord {
  std::string room;
  long breach_minutes = 0;
  long child_minutes = 0;
};

/// One setting of a run: checked, or not loaded because of input errors.
struct SettingRecord {
  std::string path;  ///< absolute: the same setting matches across runs from any folder
  bool checked = false;
  std::string name, urn, profile;  ///< empty when not checked
  Period period{};                 ///< when checked
  FindingCounts counts;            ///< when checked
  std::size_t input_errors = 0;    ///< when not checked
  std::vector<FindingRecord> findings;
  std::vector<ChildRecord> children;
  std::vector<RoomRecord> rooms;
};

/// What a checked setting leaves in the history (call it where the result is to hand).
SettingRecord record_checked(const std::filesystem::path& path, const Setting& setting,
                             const CheckResult& result);
/// A setting that could not be loaded: its path and how many input errors (never their
/// text, which may quote a name).
SettingRecord record_input_error(const std::filesystem::path& path, std::size_t input_errors);

struct RunRecord {
  std::string time;  ///< UTC, "2026-11-23T02:30:00Z" (see format_utc_time)
  std::string tool_version;
  std::optional<Date> from, to;  ///< --from / --to as given on the command line
  std::string only;  ///< --only as given ("statutory", "RATIO-ROOM,PFA-ON-SITE"); empty: every rule
  std::vector<SettingRecord> settings;  ///< in path order
};

/// "2026-11-23T02:30:00Z" for a point in time (whole seconds, UTC).
std::string format_utc_time(std::chrono::sys_seconds time);
/// Strict "YYYY-MM-DDTHH:MM:SSZ"; nullopt otherwise.
std::optional<std::chrono::sys_seconds> parse_utc_time(std::string_view text);

// --- The database -----------------------------------------------------------------------

/// The schema version this attune writes; older databases are migrated on open.
inline constexpr int kSchemaVersion = 2;

enum class OpenMode : unsigned char {
  create,    ///< for writing runs: created if missing
  existing,  ///< for reading: must exist (never created)
};

/// An open history database (WAL mode, foreign keys on, a busy timeout), at the current
/// schema version. Move-only.
class Database {
 public:
  Database(std::unique_ptr<sqlite3, int (*)(sqlite3*)> handle, std::filesystem::path path);
  [[nodiscard]] sqlite3* handle() const { return handle_.get(); }
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  std::unique_ptr<sqlite3, int (*)(sqlite3*)> handle_;
  std::filesystem::path path_;
};

/// Opens (or, with OpenMode::create, creates) a history database and migrates an older
/// schema to kSchemaVersion in one transaction. Fails on a file that is not a SQLite
/// database, a SQLite database that is not attune's, or a newer schema version.
std::optional<Database> open_database(const std::filesystem::path& path, OpenMode mode,
                                      std::string& error);

/// For tests of kill-safety only: after `pause_after_rows` rows are inserted (inside the
/// transaction), `pause` is called once.
struct WriteHooks {
  std::size_t pause_after_rows = 0;  ///< 0: never
  std::function<void()> pause;
};

/// Appends a run in one transaction (BEGIN IMMEDIATE ... COMMIT): either all of it is
/// stored or none. Returns the run's id, or nullopt with `error` set.
std::optional<std::int64_t> append_run(Database& db, const RunRecord& run, const WriteHooks& hooks,
                                       std::string& error);

// --- Trends -----------------------------------------------------------------------------

struct TrendFilter {
  std::string setting;  ///< URN or path (absolute or as the setting was found); empty: all
  std::string rule;     ///< rule id; empty: every rule
  std::optional<Date> since;  ///< runs on or after this day (UTC)
};

struct RunSummary {
  std::int64_t id = 0;
  std::string time;  ///< "2026-11-23T02:30:00Z"
  std::string tool_version;
  std::optional<Date> from, to;  ///< as given on the command line
  std::string only;              ///< --only as given; empty: every rule
  std::size_t settings = 0;     ///< settings stored in the run (of those shown)
  std::size_t input_error_settings = 0;
  FindingCounts counts;  ///< over the settings shown
};

struct RuleCount {
  std::string rule;
  std::size_t findings = 0;  ///< not accepted
  std::size_t accepted = 0;  ///< accepted under an override
};

/// One setting in one run.
struct SettingPoint {
  std::int64_t run = 0;
  bool checked = false;
  std::string name, urn;
  std::optional<Period> period;
  FindingCounts counts;
  std::size_t input_errors = 0;
  long breach_minutes = 0;  ///< summed over rooms (RATIO-ROOM breach minutes)
  std::size_t under_2_children = 0;  ///< under-2s with a coverage (they attended)
  std::optional<double> under_2_coverage_average;  ///< mean of their key-person coverages
  std::optional<double> under_2_coverage_worst;    ///< the lowest
  /// Every rule of the setting's series (catalog order), zeros included; empty when not checked.
  std::vector<RuleCount> rules;
};

/// A setting's series: one point per run it was in, oldest first.
struct SettingTrend {
  std::string path;
  std::string name, urn;  ///< from its latest checked run
  std::vector<SettingPoint> points;
};

struct Trends {
  std::string database;  ///< the path as given
  TrendFilter filter;
  std::vector<RunSummary> runs;        ///< oldest first (by time, then id)
  std::vector<SettingTrend> settings;  ///< by path
};

/// Reads the trends. A filter on a setting that is not in the history is an error.
std::optional<Trends> read_trends(const Database& db, const TrendFilter& filter, std::string& error);

// --- The group, and what changed ----------------------------------------------------------

/// The whole group in one run: totals over the settings checked in it. A run in which no
/// setting (of those shown) could be checked has no totals: it is unchecked, not zero.
struct GroupPoint {
  std::int64_t run = 0;
  std::size_t settings = 0, not_checked = 0;
  std::optional<FindingCounts> counts;              ///< nullopt: nothing checked
  std::optional<long> breach_minutes;               ///< over every room of every setting checked
  std::size_t under_2_children = 0;
  std::optional<double> under_2_coverage_average;   ///< over every under-2 of the settings checked
};
/// One point per run, oldest first.
std::vector<GroupPoint> group_trend(const Trends& trends);

/// How one rule's count in a setting moved between two runs.
struct RuleChange {
  enum class Kind : unsigned char { new_findings, resolved, worse, better };
  std::string rule;
  Kind kind = Kind::new_findings;
  std::size_t before = 0, after = 0;  ///< findings, accepted ones not counted
};

/// A setting between the run before the latest and the latest (`attune history`'s
/// "since the previous run"): checked both times, and which rules changed; or checked
/// in only one of them.
struct SettingChange {
  std::string path, name, urn;
  bool in_previous = false;  ///< the setting was in the previous run
  bool checked_before = false, checked_now = false;
  FindingCounts before, after;  ///< when checked
  std::vector<RuleChange> rules;  ///< rules whose count moved, catalog order
};

struct Changes {
  std::int64_t previous_run = 0, latest_run = 0;  ///< 0: fewer than two runs
  std::vector<SettingChange> settings;  ///< those that changed, by path
  std::size_t unchanged = 0;            ///< checked both times, every rule's count the same
};
Changes changes_since_previous(const Trends& trends);

// --- Renderers --------------------------------------------------------------------------

/// "▁▂▃▄▅▆▇█" scaled from 0 to `top` (the series' largest when top is 0); a missing value is "·".
std::string sparkline(const std::vector<std::optional<double>>& values, double top = 0);

/// For people: the runs, then each setting's series with a sparkline each.
std::string render_history_text(const Trends& trends, bool colour);
/// The "attune.history/1" document (docs/history.md).
std::string render_history_json(const Trends& trends);
/// One row per run x setting x rule, formula-safe cells.
std::string render_history_csv(const Trends& trends);
/// One self-contained HTML page from `template_text` (templates/report/history.html):
/// inline CSS and SVG line charts, no script. nullopt with `error` if the template is bad.
std::optional<std::string> render_history_html(std::string_view template_text, const Trends& trends,
                                               std::string& error);

}  // namespace attune::history
