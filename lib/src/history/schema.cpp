#include "schema.hpp"

#include <fmt/format.h>

#include "attune/history.hpp"
#include "attune/render.hpp"
#include "sqlite.hpp"

namespace attune::history::schema {
namespace {

// Version 1 (attune before overrides): no accepted findings, no room metrics.
// The rows of a setting's findings and metrics carry their run's id too, for queries; the
// foreign key is the setting's, so deleting a run deletes everything of it through the
// indexes on settings.run and on each table's setting.
constexpr std::string_view kVersion1 = R"sql(
CREATE TABLE schema_version (version INTEGER NOT NULL);
INSERT INTO schema_version (version) VALUES (1);
CREATE TABLE runs (
  id INTEGER PRIMARY KEY,
  time TEXT NOT NULL,
  tool_version TEXT NOT NULL,
  period_from TEXT,
  period_to TEXT,
  settings INTEGER NOT NULL
);
CREATE TABLE settings (
  id INTEGER PRIMARY KEY,
  run INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  path TEXT NOT NULL,
  name TEXT,
  urn TEXT,
  profile TEXT,
  status TEXT NOT NULL CHECK (status = 'checked' OR status = 'input_error'),
  period_from TEXT,
  period_to TEXT,
  errors INTEGER,
  warnings INTEGER,
  infos INTEGER,
  input_errors INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX settings_by_run ON settings(run);
CREATE TABLE findings (
  run INTEGER NOT NULL,
  setting INTEGER NOT NULL REFERENCES settings(id) ON DELETE CASCADE,
  rule TEXT NOT NULL,
  severity TEXT NOT NULL CHECK (severity = 'error' OR severity = 'warning' OR severity = 'info'),
  date TEXT,
  start_time TEXT,
  end_time TEXT,
  room TEXT,
  child TEXT,
  staff TEXT
);
CREATE INDEX findings_by_setting ON findings(setting);
CREATE TABLE child_metrics (
  run INTEGER NOT NULL,
  setting INTEGER NOT NULL REFERENCES settings(id) ON DELETE CASCADE,
  child TEXT NOT NULL,
  band TEXT NOT NULL CHECK (band = 'under_2' OR band = 'age_2' OR band = 'age_3_plus'),
  attended_minutes INTEGER NOT NULL,
  key_person TEXT,
  key_person_coverage REAL,
  key_or_buddy_coverage REAL,
  arrivals INTEGER NOT NULL,
  arrivals_with_key_or_buddy INTEGER NOT NULL,
  departures INTEGER NOT NULL,
  departures_with_key_or_buddy INTEGER NOT NULL,
  max_distinct_carers_per_week INTEGER NOT NULL
);
CREATE INDEX child_metrics_by_setting ON child_metrics(setting);
)sql";

// Version 2: accepted findings (overrides.csv) and their reasons, counted per setting;
// room metrics (RATIO-ROOM breach minutes); the run's --only. Runs stored by version 1 had no overrides,
// so their findings are not accepted and their settings accepted none.
constexpr std::string_view kVersion2 = R"sql(
ALTER TABLE runs ADD COLUMN only_rules TEXT;
ALTER TABLE settings ADD COLUMN accepted INTEGER;
UPDATE settings SET accepted = 0 WHERE status = 'checked';
ALTER TABLE findings ADD COLUMN accepted INTEGER NOT NULL DEFAULT 0 CHECK (accepted = 0 OR accepted = 1);
ALTER TABLE findings ADD COLUMN reason TEXT;
CREATE TABLE room_metrics (
  run INTEGER NOT NULL,
  setting INTEGER NOT NULL REFERENCES settings(id) ON DELETE CASCADE,
  room TEXT NOT NULL,
  breach_minutes INTEGER NOT NULL,
  child_minutes INTEGER NOT NULL
);
CREATE INDEX room_metrics_by_setting ON room_metrics(setting);
UPDATE schema_version SET version = 2;
)sql";

// CHECK constraints compare with = and OR, not IN (...): SQLite builds an IN list's
// lookup table afresh for every insert, which made storing a run three times slower.
constexpr Migration kMigrations[] = {{1, kVersion1}, {2, kVersion2}};
static_assert(std::size(kMigrations) == kSchemaVersion);

bool has_table(sqlite3* db, std::string_view name) {
  sql::Statement q(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1");
  return q.ok() && q.bind(1, name).step() == SQLITE_ROW;
}

}  // namespace

std::span<const Migration> migrations() { return kMigrations; }

int read_version(sqlite3* db, std::string& error) {
  sql::Statement tables(db, "SELECT count(*) FROM sqlite_master");
  if (!tables.ok() || tables.step() != SQLITE_ROW) {
    error = fmt::format("not a SQLite database, so not an attune history (SQLite says: {})", sql::message(db));
    return -1;
  }
  if (tables.int_at(0) == 0) return 0;
  if (!has_table(db, "schema_version")) {
    error = "a SQLite database, but not an attune history (it has no schema_version table)";
    return -1;
  }
  sql::Statement q(db, "SELECT version FROM schema_version");
  if (!q.ok() || q.step() != SQLITE_ROW || q.is_null(0)) {
    error = "an attune history without a schema version (the schema_version table is empty)";
    return -1;
  }
  return static_cast<int>(q.int_at(0));
}

bool migrate(sqlite3* db, const std::string& label, std::string& error) {
  std::string why;
  int version = read_version(db, why);
  if (version == kSchemaVersion) return true;  // the usual case: no lock taken
  sql::Transaction transaction(db);
  if (version >= 0 && transaction.begin() != SQLITE_OK) {
    error = fmt::format("{}: cannot lock the history to update its schema: {}", label, sql::message(db));
    return false;
  }
  if (version >= 0) version = read_version(db, why);  // another run may have migrated it meanwhile
  if (version < 0) {
    error = fmt::format("{}: {}", label, why);
    return false;
  }
  if (version > kSchemaVersion) {
    error = fmt::format(
        "{}: the history has schema version {}, and this attune ({}) knows versions up to {}; "
        "use a newer attune with this file",
        label, version, attune::version(), kSchemaVersion);
    return false;
  }
  for (const Migration& m : kMigrations) {
    if (m.to_version <= version) continue;
    if (sql::exec(db, m.sql) != SQLITE_OK) {
      error = fmt::format("{}: cannot update the history's schema to version {}: {}", label, m.to_version,
                          sql::message(db));
      return false;  // the transaction rolls back: the file is as it was
    }
  }
  if (transaction.commit() != SQLITE_OK) {
    error = fmt::format("{}: cannot save the history's schema: {}", label, sql::message(db));
    return false;
  }
  return true;
}

}  // namespace attune::history::schema
