#pragma once
// The history schema as a chain of migrations: version 1 is created from nothing, and
// each later version is reached from the one before. A new database runs the whole chain,
// so the old versions stay real code that every test exercises.

#include <sqlite3.h>

#include <span>
#include <string>
#include <string_view>

namespace attune::history::schema {

struct Migration {
  int to_version;
  std::string_view sql;  ///< from to_version - 1 (or an empty database) to to_version
};

/// Every migration, in order; the last one reaches kSchemaVersion.
std::span<const Migration> migrations();

/// The schema version of an open database: 0 for an empty database (no tables), -1 with
/// `error` set when it cannot be read or it is not an attune history.
int read_version(sqlite3* db, std::string& error);

/// Brings the database to kSchemaVersion, all steps in one transaction (BEGIN IMMEDIATE):
/// either the database is migrated or it is left as it was. `label` names the file in
/// messages.
bool migrate(sqlite3* db, const std::string& label, std::string& error);

}  // namespace attune::history::schema
