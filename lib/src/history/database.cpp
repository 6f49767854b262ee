// Opening a history database: the connection's settings (WAL, foreign keys, busy
// timeout), and the schema brought up to date.

#include <system_error>

#include <fmt/format.h>

#include "attune/history.hpp"
#include "schema.hpp"
#include "sqlite.hpp"

namespace attune::history {
namespace {

namespace fs = std::filesystem;

/// How long a run waits for another run writing the same history (two cron jobs).
constexpr int kBusyTimeoutMs = 30'000;

std::string cannot_open(const fs::path& path, sqlite3* db) {
  std::error_code ec;
  const fs::path folder = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  if (!fs::is_directory(folder, ec))
    return fmt::format("{}: cannot open the history database: the folder {} does not exist", path.string(),
                       folder.string());
  if (fs::is_directory(path, ec))
    return fmt::format("{}: cannot open the history database: it is a folder; name a file", path.string());
  return fmt::format("{}: cannot open the history database: {}", path.string(), sql::message(db));
}

/// WAL: readers never block the writer, and a run killed mid-write leaves only
/// uncommitted frames, which SQLite ignores on the next open.
bool use_wal(sqlite3* db, const fs::path& path, std::string& error) {
  sql::Statement q(db, "PRAGMA journal_mode = WAL");
  if (q.ok() && q.step() == SQLITE_ROW && q.text_at(0) == "wal") return true;
  std::string why;
  if (schema::read_version(db, why) < 0) error = fmt::format("{}: {}", path.string(), why);
  else error = fmt::format("{}: cannot switch the history to WAL mode: {}", path.string(), sql::message(db));
  return false;
}

}  // namespace

Database::Database(std::unique_ptr<sqlite3, int (*)(sqlite3*)> handle, std::filesystem::path path)
    : handle_(std::move(handle)), path_(std::move(path)) {}

std::optional<Database> open_database(const fs::path& path, OpenMode mode, std::string& error) {
  std::error_code ec;
  if (mode == OpenMode::existing && !fs::exists(path, ec)) {
    error = fmt::format("no history yet at {}; run attune check --history {} first", path.string(),
                        path.string());
    return std::nullopt;
  }
  if (fs::is_directory(path, ec)) {
    error = fmt::format("{}: cannot open the history database: it is a folder; name a file", path.string());
    return std::nullopt;
  }
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (mode == OpenMode::create ? SQLITE_OPEN_CREATE : 0);
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  std::unique_ptr<sqlite3, int (*)(sqlite3*)> handle(raw, &sqlite3_close_v2);
  if (rc != SQLITE_OK) {
    error = cannot_open(path, raw);
    return std::nullopt;
  }
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, kBusyTimeoutMs);
  if (sql::exec(raw, "PRAGMA foreign_keys = ON") != SQLITE_OK) {
    error = fmt::format("{}: {}", path.string(), sql::message(raw));
    return std::nullopt;
  }
  std::string why;
  const int version = schema::read_version(raw, why);
  if (version < 0) {
    error = fmt::format("{}: {}", path.string(), why);
    return std::nullopt;
  }
  if (mode == OpenMode::existing && version == 0) {
    error = fmt::format("no history yet at {} (the database is empty); run attune check --history {} first",
                        path.string(), path.string());
    return std::nullopt;
  }
  // A reader of an up-to-date history changes nothing; a writer makes sure of WAL mode. A
  // newer schema is refused by migrate() before anything is changed.
  const bool changes = mode == OpenMode::create || version < kSchemaVersion;
  if (version <= kSchemaVersion && changes && !use_wal(raw, path, error)) return std::nullopt;
  if (!schema::migrate(raw, path.string(), error)) return std::nullopt;
  return Database(std::move(handle), path);
}

}  // namespace attune::history
