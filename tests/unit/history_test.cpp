// Run history in SQLite: round trip, accepted findings apart, migrations from version 1,
// refusing newer versions and files that are not histories, a run stopped half-way.
// Every expected number is worked out by hand in the comments.

#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "attune/history.hpp"
#include "history/schema.hpp"
#include "test_support.hpp"

using namespace attune;
namespace fs = std::filesystem;

namespace {

/// A fresh path for a database (one per process: build trees may test at once), removed (with its -wal and -shm) when the test ends.
struct TempDb {
  fs::path path;
  explicit TempDb(const std::string& name)
      : path(fs::temp_directory_path() / ("attune-history-" + name + "-" + std::to_string(::getpid()) + ".db")) {
    clean();
  }
  ~TempDb() { clean(); }
  void clean() const {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(path.string() + suffix);
  }
};

history::Database open(const fs::path& path, history::OpenMode mode = history::OpenMode::create) {
  std::string error;
  auto db = history::open_database(path, mode, error);
  INFO(error);
  REQUIRE(db.has_value());
  return std::move(*db);
}

history::Trends trends(const history::Database& db, const history::TrendFilter& filter = {}) {
  std::string error;
  auto t = history::read_trends(db, filter, error);
  INFO(error);
  REQUIRE(t.has_value());
  return std::move(*t);
}

/// Runs SQL on a raw connection (as another program, or an older attune, would).
void raw_exec(const fs::path& path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  char* message = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
  INFO((message != nullptr ? message : ""));
  sqlite3_free(message);
  sqlite3_close(db);
  REQUIRE(rc == SQLITE_OK);
}

std::string raw_text(const fs::path& path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* q = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &q, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(q) == SQLITE_ROW);
  const auto* text = sqlite3_column_text(q, 0);
  std::string out = text != nullptr ? reinterpret_cast<const char*>(text) : "";
  sqlite3_finalize(q);
  sqlite3_close(db);
  return out;
}

long long raw_int(const fs::path& path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* q = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &q, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(q) == SQLITE_ROW);
  const long long v = sqlite3_column_int64(q, 0);
  sqlite3_finalize(q);
  sqlite3_close(db);
  return v;
}

history::FindingRecord finding(const char* rule, Severity severity, bool accepted = false) {
  history::FindingRecord f;
  f.rule = rule;
  f.severity = severity;
  f.date = test::day("2026-11-02");
  f.time = TimeWindow{12 * 60, 12 * 60 + 30};
  f.room = "babies";
  f.accepted = accepted;
  if (accepted) f.reason = "Fire drill";
  return f;
}

history::ChildRecord child(const char* id, AgeBand band, std::optional<double> coverage) {
  history::ChildRecord c;
  c.child = id;
  c.band = band;
  c.key_person_coverage = coverage;
  return c;
}

/// Night 1 of a hand-made setting:
///   RATIO-ROOM x3 (one accepted), KP-COVERAGE x1; counts 2 errors, 1 warning, 1 accepted
///   under-2s c1 0.5, c2 0.8; c3 (aged 2) 0.2 and c4 (under 2, did not attend) left out
///   rooms: 30 + 15 breach minutes
history::SettingRecord night_one() {
  history::SettingRecord s;
  s.path = "/srv/group/acorns";
  s.checked = true;
  s.name = "Acorns";
  s.urn = "EY000001";
  s.profile = "eyfs-2024-group";
  s.period = {test::day("2026-11-02"), test::day("2026-11-06")};
  s.counts = {2, 1, 0, 1};
  s.findings = {finding("RATIO-ROOM", Severity::error), finding("RATIO-ROOM", Severity::error),
                finding("RATIO-ROOM", Severity::error, true), finding("KP-COVERAGE", Severity::warning)};
  s.children = {child("c1", AgeBand::under_2, 0.5), child("c2", AgeBand::under_2, 0.8),
                child("c3", AgeBand::age_2, 0.2), child("c4", AgeBand::under_2, std::nullopt)};
  s.rooms = {{"babies", 30, 2000}, {"pre", 15, 3000}};
  return s;
}

history::RunRecord run_at(const char* time, std::vector<history::SettingRecord> settings) {
  history::RunRecord r;
  r.time = time;
  r.tool_version = "0.1.0";
  r.settings = std::move(settings);
  return r;
}

void append(history::Database& db, const history::RunRecord& run, const history::WriteHooks& hooks = {}) {
  std::string error;
  const auto id = history::append_run(db, run, hooks, error);
  INFO(error);
  REQUIRE(id.has_value());
}

}  // namespace

TEST_CASE("history round trip: two nights of a setting read back as one series") {
  TempDb file("round-trip");
  auto db = open(file.path);
  append(db, run_at("2026-11-20T02:30:00Z", {night_one()}));
  // Night 2: one RATIO-ROOM error, nothing accepted; c1 0.9, c2 0.6; no breach minutes.
  history::SettingRecord two = night_one();
  two.counts = {1, 0, 0, 0};
  two.findings = {finding("RATIO-ROOM", Severity::error)};
  two.children = {child("c1", AgeBand::under_2, 0.9), child("c2", AgeBand::under_2, 0.6)};
  two.rooms = {{"babies", 0, 2000}};
  append(db, run_at("2026-11-21T02:30:00Z", {two}));

  const auto t = trends(db);
  REQUIRE(t.runs.size() == 2);
  CHECK(t.runs[0].time == "2026-11-20T02:30:00Z");
  CHECK(t.runs[1].time == "2026-11-21T02:30:00Z");
  CHECK(t.runs[0].counts.errors == 2);
  CHECK(t.runs[0].counts.accepted == 1);
  REQUIRE(t.settings.size() == 1);
  const auto& s = t.settings[0];
  CHECK(s.path == "/srv/group/acorns");
  CHECK(s.urn == "EY000001");
  REQUIRE(s.points.size() == 2);
  const auto& p1 = s.points[0];
  CHECK(p1.checked);
  CHECK(p1.breach_minutes == 45);                  // 30 + 15
  CHECK(p1.under_2_children == 2);                 // c1, c2 (c3 is aged 2, c4 did not attend)
  CHECK(*p1.under_2_coverage_average == doctest::Approx(0.65));  // (0.5 + 0.8) / 2
  CHECK(*p1.under_2_coverage_worst == doctest::Approx(0.5));
  // Rules in catalog order (RATIO-ROOM is statutory, KP-COVERAGE continuity), both in every point.
  REQUIRE(p1.rules.size() == 2);
  CHECK(p1.rules[0].rule == "RATIO-ROOM");
  CHECK(p1.rules[0].findings == 2);  // 3 findings, 1 of them accepted
  CHECK(p1.rules[0].accepted == 1);
  CHECK(p1.rules[1].rule == "KP-COVERAGE");
  CHECK(p1.rules[1].findings == 1);
  const auto& p2 = s.points[1];
  CHECK(p2.breach_minutes == 0);
  CHECK(*p2.under_2_coverage_average == doctest::Approx(0.75));  // (0.9 + 0.6) / 2
  CHECK(*p2.under_2_coverage_worst == doctest::Approx(0.6));
  REQUIRE(p2.rules.size() == 2);
  CHECK(p2.rules[0].findings == 1);
  CHECK(p2.rules[0].accepted == 0);
  CHECK(p2.rules[1].findings == 0);  // KP-COVERAGE did not fire on night 2: a zero, not a gap
}

TEST_CASE("history filters: --setting by URN or path, --rule, --since") {
  TempDb file("filters");
  auto db = open(file.path);
  history::SettingRecord oaks = night_one();
  oaks.path = "/srv/group/oaks";
  oaks.urn = "EY000002";
  append(db, run_at("2026-11-20T02:30:00Z", {night_one(), oaks}));
  append(db, run_at("2026-11-21T02:30:00Z", {night_one(), history::record_input_error("/srv/group/oaks", 3)}));

  auto t = trends(db, {"ey000002", "", std::nullopt});  // a URN in any letter case
  REQUIRE(t.settings.size() == 1);
  CHECK(t.settings[0].path == "/srv/group/oaks");
  // The night oaks could not be loaded is in its series (matched by path), as not checked.
  REQUIRE(t.settings[0].points.size() == 2);
  CHECK_FALSE(t.settings[0].points[1].checked);
  CHECK(t.settings[0].points[1].input_errors == 3);
  CHECK(t.runs.size() == 2);
  CHECK(t.runs[1].input_error_settings == 1);

  t = trends(db, {"/srv/group/acorns", "KP-COVERAGE", std::nullopt});
  REQUIRE(t.settings.size() == 1);
  REQUIRE(t.settings[0].points[0].rules.size() == 1);
  CHECK(t.settings[0].points[0].rules[0].rule == "KP-COVERAGE");

  t = trends(db, {"", "", test::day("2026-11-21")});
  REQUIRE(t.runs.size() == 1);
  CHECK(t.runs[0].time == "2026-11-21T02:30:00Z");

  std::string error;
  CHECK_FALSE(history::read_trends(db, {"EY999999", "", std::nullopt}, error).has_value());
  CHECK(error.find("no setting \"EY999999\"") != std::string::npos);
  // The group's folder is not a setting of it.
  CHECK_FALSE(history::read_trends(db, {"/srv/group", "", std::nullopt}, error).has_value());
}

TEST_CASE("history of a real check: accepted findings apart, ids and never names") {
  // tests/cli/overrides-accepted: an override covers Monday's 12:00-12:30 ratio breach.
  const fs::path dir = fs::path(ATTUNE_TEMPLATES_DIR) / ".." / "tests" / "cli" / "overrides-accepted";
  LoadResult loaded = load_setting(dir, LoadOptions{});
  REQUIRE(loaded.setting.has_value());
  CheckOptions options;
  options.only = {"statutory"};
  const CheckResult result = check_setting(*loaded.setting, test::group_profile(), options);
  TempDb file("real-check");
  auto db = open(file.path);
  append(db, run_at("2026-11-20T02:30:00Z", {history::record_checked(dir, *loaded.setting, result)}));

  const auto t = trends(db);
  REQUIRE(t.settings.size() == 1);
  const auto& p = t.settings[0].points.at(0);
  CHECK(p.counts.errors == 0);
  CHECK(p.counts.accepted == 2);  // RATIO-SETTING and RATIO-ROOM, both inside an override
  REQUIRE(p.rules.size() == 2);
  CHECK(p.rules[0].rule == "RATIO-SETTING");
  CHECK(p.rules[0].findings == 0);
  CHECK(p.rules[0].accepted == 1);
  CHECK(p.rules[1].rule == "RATIO-ROOM");
  CHECK(p.rules[1].accepted == 1);
  // Breach minutes are measured whatever the override: s1's break 12:00-12:30, 4 babies, 1 staff.
  CHECK(p.breach_minutes == 30);
  // Coverage: c1, c2 (key s1) 1050 of 1080 minutes (Monday 540 less s1's 30-minute break,
  // Tuesday 540); c3, c4 (key s2, there 09:00-18:00) 480 of 480. All four are under 2.
  CHECK(p.under_2_children == 4);
  CHECK(*p.under_2_coverage_worst == doctest::Approx(1050.0 / 1080.0));
  CHECK(*p.under_2_coverage_average == doctest::Approx((2 * 1050.0 / 1080.0 + 2) / 4));
  // Ids only: the children's names are nowhere in the file.
  CHECK(raw_int(file.path, "SELECT count(*) FROM child_metrics WHERE child IN ('c1','c2','c3','c4')") == 4);
  CHECK(raw_int(file.path, "SELECT count(*) FROM findings WHERE reason LIKE 'Fire drill%' AND accepted = 1") == 2);
  std::ifstream in(file.path, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::ifstream wal(file.path.string() + "-wal", std::ios::binary);
  const std::string wal_bytes((std::istreambuf_iterator<char>(wal)), std::istreambuf_iterator<char>());
  for (const char* name : {"Amy Brown", "Ben Ng", "Jo Smith", "Kim Lee"}) {
    CHECK(bytes.find(name) == std::string::npos);
    CHECK(wal_bytes.find(name) == std::string::npos);
  }
}

// Version 1 as attune shipped it. Frozen: a real version-1 file must keep migrating.
constexpr const char* kVersion1Database = R"sql(
CREATE TABLE schema_version (version INTEGER NOT NULL);
INSERT INTO schema_version (version) VALUES (1);
CREATE TABLE runs (id INTEGER PRIMARY KEY, time TEXT NOT NULL, tool_version TEXT NOT NULL,
  period_from TEXT, period_to TEXT, settings INTEGER NOT NULL);
CREATE TABLE settings (id INTEGER PRIMARY KEY, run INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  path TEXT NOT NULL, name TEXT, urn TEXT, profile TEXT,
  status TEXT NOT NULL CHECK (status = 'checked' OR status = 'input_error'),
  period_from TEXT, period_to TEXT, errors INTEGER, warnings INTEGER, infos INTEGER,
  input_errors INTEGER NOT NULL DEFAULT 0);
CREATE INDEX settings_by_run ON settings(run);
CREATE TABLE findings (run INTEGER NOT NULL, setting INTEGER NOT NULL REFERENCES settings(id) ON DELETE CASCADE,
  rule TEXT NOT NULL, severity TEXT NOT NULL CHECK (severity = 'error' OR severity = 'warning' OR severity = 'info'),
  date TEXT, start_time TEXT, end_time TEXT, room TEXT, child TEXT, staff TEXT);
CREATE INDEX findings_by_setting ON findings(setting);
CREATE TABLE child_metrics (run INTEGER NOT NULL, setting INTEGER NOT NULL REFERENCES settings(id) ON DELETE CASCADE,
  child TEXT NOT NULL, band TEXT NOT NULL CHECK (band = 'under_2' OR band = 'age_2' OR band = 'age_3_plus'),
  attended_minutes INTEGER NOT NULL, key_person TEXT, key_person_coverage REAL, key_or_buddy_coverage REAL,
  arrivals INTEGER NOT NULL, arrivals_with_key_or_buddy INTEGER NOT NULL, departures INTEGER NOT NULL,
  departures_with_key_or_buddy INTEGER NOT NULL, max_distinct_carers_per_week INTEGER NOT NULL);
CREATE INDEX child_metrics_by_setting ON child_metrics(setting);
INSERT INTO runs VALUES (1, '2026-10-01T02:30:00Z', '0.0.9', NULL, NULL, 1);
INSERT INTO settings VALUES (1, 1, '/srv/group/acorns', 'Acorns', 'EY000001', 'eyfs-2024-group', 'checked',
  '2026-10-05', '2026-10-09', 1, 1, 0, 0);
INSERT INTO findings VALUES (1, 1, 'RATIO-ROOM', 'error', '2026-10-06', '12:00', '12:30', 'babies', NULL, NULL);
INSERT INTO findings VALUES (1, 1, 'KP-COVERAGE', 'warning', NULL, NULL, NULL, 'babies', 'c1', 's1');
INSERT INTO child_metrics VALUES (1, 1, 'c1', 'under_2', 540, 's1', 0.4, 0.9, 1, 1, 1, 1, 3);
)sql";

TEST_CASE("a version-1 history is migrated to version 2 with its runs kept") {
  TempDb file("v1");
  raw_exec(file.path, kVersion1Database);
  {
    auto db = open(file.path, history::OpenMode::existing);  // opening migrates it
    CHECK(raw_int(file.path, "SELECT version FROM schema_version") == 2);
    // The columns version 2 added: findings of a version-1 run were never accepted.
    CHECK(raw_int(file.path, "SELECT count(*) FROM findings WHERE accepted = 0 AND reason IS NULL") == 2);
    CHECK(raw_int(file.path, "SELECT accepted FROM settings WHERE id = 1") == 0);
    CHECK(raw_int(file.path, "SELECT count(*) FROM room_metrics") == 0);
    CHECK(raw_int(file.path, "SELECT count(*) FROM runs WHERE only_rules IS NULL") == 1);
    const auto t = trends(db);
    REQUIRE(t.runs.size() == 1);
    CHECK(t.runs[0].tool_version == "0.0.9");
    const auto& p = t.settings.at(0).points.at(0);
    CHECK(p.counts.errors == 1);
    CHECK(p.counts.accepted == 0);
    CHECK(*p.under_2_coverage_average == doctest::Approx(0.4));
    REQUIRE(p.rules.size() == 2);
    CHECK(p.rules[0].findings == 1);  // RATIO-ROOM
    CHECK(p.rules[1].findings == 1);  // KP-COVERAGE
    // And a new run goes in beside it.
    append(db, run_at("2026-11-20T02:30:00Z", {night_one()}));
    CHECK(trends(db).runs.size() == 2);
  }
  CHECK(raw_int(file.path, "SELECT count(*) FROM runs") == 2);
}

TEST_CASE("the version-1 migration is the one shipped, and a new database runs the whole chain") {
  const auto chain = history::schema::migrations();
  REQUIRE(chain.size() == 2);
  CHECK(chain[0].to_version == 1);
  CHECK(chain[1].to_version == history::kSchemaVersion);
  // The shipped first step still builds exactly the version-1 schema above: every table,
  // column, type, NOT NULL, key and index.
  constexpr const char* kShape =
      "SELECT group_concat(x, ' ') FROM (SELECT m.type || ':' || m.name || '.' || ifnull(p.name, '') || ':' || "
      "ifnull(p.type, '') || ifnull(p.\"notnull\", '') || ifnull(p.pk, '') AS x FROM sqlite_master m "
      "LEFT JOIN pragma_table_info(m.name) p ORDER BY m.name, p.cid)";
  TempDb frozen("v1-frozen"), shipped("v1-shipped");
  raw_exec(frozen.path, kVersion1Database);
  raw_exec(shipped.path, std::string(chain[0].sql));
  CHECK(raw_text(shipped.path, kShape) == raw_text(frozen.path, kShape));
  CHECK(raw_text(shipped.path, kShape).find("findings.severity:TEXT1") != std::string::npos);

  TempDb file("fresh");
  { auto db = open(file.path); }
  CHECK(raw_int(file.path, "SELECT version FROM schema_version") == 2);
  CHECK(raw_int(file.path, "SELECT count(*) FROM sqlite_master WHERE name = 'room_metrics'") == 1);
}

TEST_CASE("a history with a newer schema version is refused and left alone") {
  TempDb file("newer");
  { auto db = open(file.path); }
  raw_exec(file.path, "UPDATE schema_version SET version = 3");
  for (auto mode : {history::OpenMode::create, history::OpenMode::existing}) {
    std::string error;
    CHECK_FALSE(history::open_database(file.path, mode, error).has_value());
    CHECK(error.find(file.path.string()) != std::string::npos);
    CHECK(error.find("schema version 3") != std::string::npos);
    CHECK(error.find("up to 2") != std::string::npos);
  }
  CHECK(raw_int(file.path, "SELECT version FROM schema_version") == 3);
}

TEST_CASE("a file that is not a history is an error naming it, and left alone") {
  TempDb file("not-a-db");
  { std::ofstream(file.path) << "date,start,end\n2026-11-02,08:00,09:00\n"; }
  std::string error;
  CHECK_FALSE(history::open_database(file.path, history::OpenMode::create, error).has_value());
  CHECK(error.find(file.path.string() + ": not a SQLite database") == 0);
  CHECK(fs::file_size(file.path) == 38);

  TempDb other("other-sqlite");
  raw_exec(other.path, "CREATE TABLE notes (text TEXT)");
  CHECK_FALSE(history::open_database(other.path, history::OpenMode::create, error).has_value());
  CHECK(error.find("not an attune history") != std::string::npos);

  TempDb missing("missing");
  CHECK_FALSE(history::open_database(missing.path, history::OpenMode::existing, error).has_value());
  CHECK(error.find("no history yet at " + missing.path.string()) == 0);
  CHECK_FALSE(fs::exists(missing.path));  // reading never creates

  CHECK_FALSE(history::open_database(fs::temp_directory_path() / "no-such-folder-attune" / "h.db",
                                     history::OpenMode::create, error)
                  .has_value());
  CHECK(error.find("does not exist") != std::string::npos);
}

TEST_CASE("a run stopped half-way through storing leaves the history as it was") {
  TempDb file("half-way");
  auto db = open(file.path);
  append(db, run_at("2026-11-20T02:30:00Z", {night_one()}));
  // Stop after 3 rows (the run, the setting, one finding): as a crash there would.
  history::WriteHooks hooks;
  hooks.pause_after_rows = 3;
  hooks.pause = [] { throw std::runtime_error("stopped"); };
  CHECK_THROWS(append(db, run_at("2026-11-21T02:30:00Z", {night_one()}), hooks));
  CHECK(trends(db).runs.size() == 1);
  CHECK(raw_int(file.path, "SELECT count(*) FROM findings") == 4);
  CHECK(raw_int(file.path, "SELECT count(*) FROM settings") == 1);
  // And the next run stores normally.
  append(db, run_at("2026-11-22T02:30:00Z", {night_one()}));
  CHECK(trends(db).runs.size() == 2);
}

TEST_CASE("sparklines and run times") {
  // top 4: 0 -> lowest; 1 -> ceil(7 * 1/4) = 2 (third block); 2 -> ceil(3.5) = 4; 4 -> 7 (full).
  CHECK(history::sparkline({0.0, 1.0, 2.0, 4.0, std::nullopt}) == "▁▃▅█·");
  CHECK(history::sparkline({0.0, 0.0}) == "▁▁");
  CHECK(history::sparkline({0.6, 1.0}, 1.0) == "▆█");  // ceil(4.2) = 5 (sixth block)
  const auto t = history::parse_utc_time("2026-11-23T02:30:05Z");
  REQUIRE(t.has_value());
  CHECK(history::format_utc_time(*t) == "2026-11-23T02:30:05Z");
  CHECK_FALSE(history::parse_utc_time("2026-11-23 02:30:00Z"));
  CHECK_FALSE(history::parse_utc_time("2026-11-23T24:00:00Z"));
  CHECK_FALSE(history::parse_utc_time("2026-02-30T02:30:00Z"));
  CHECK_FALSE(history::parse_utc_time("2026-11-23T02:30:00"));
}

TEST_CASE("history CSV: one row per run, setting and rule; no cell runs as a formula") {
  TempDb file("csv");
  auto db = open(file.path);
  history::SettingRecord s = night_one();
  s.name = "=HYPERLINK(\"x\")";
  append(db, run_at("2026-11-20T02:30:00Z", {s}));
  const std::string csv = history::render_history_csv(trends(db));
  // Header, then RATIO-ROOM and KP-COVERAGE rows.
  CHECK(std::count(csv.begin(), csv.end(), '\n') == 3);
  CHECK(csv.find(",\"'=HYPERLINK(\"\"x\"\")\",") != std::string::npos);
  CHECK(csv.find(",RATIO-ROOM,2,1,2,1,0,45,2,0.65,0.5\r\n") != std::string::npos);
}
