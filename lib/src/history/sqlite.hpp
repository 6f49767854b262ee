#pragma once
// A thin layer over the SQLite C API: prepared statements that finalize themselves,
// binding by position, and errors as text. Nothing here knows attune's schema.

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace attune::history::sql {

/// A prepared statement; finalized when it goes out of scope.
class Statement {
 public:
  Statement(sqlite3* db, std::string_view text);
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  /// False when the text did not compile (see error()).
  [[nodiscard]] bool ok() const { return stmt_ != nullptr; }

  // Parameters are numbered from 1; each bind returns *this for chaining.
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view text);  ///< copied (SQLITE_TRANSIENT)
  Statement& bind_null(int index);
  Statement& bind(int index, const std::optional<double>& value);
  /// Empty text binds NULL.
  Statement& bind_text_or_null(int index, std::string_view text);

  /// One step: SQLITE_ROW, SQLITE_DONE or an error code.
  int step();
  /// Runs to the end and resets for the next use; the result code (SQLITE_DONE on success).
  int run();
  void reset();

  // Columns of the current row, numbered from 0.
  [[nodiscard]] std::int64_t int_at(int column) const;
  [[nodiscard]] double real_at(int column) const;
  [[nodiscard]] std::string text_at(int column) const;  ///< "" for NULL
  [[nodiscard]] bool is_null(int column) const;

 private:
  sqlite3_stmt* stmt_ = nullptr;
  sqlite3* db_ = nullptr;
};

/// Runs one or more statements with no results; SQLITE_OK on success.
int exec(sqlite3* db, std::string_view text);

/// The connection's last error message ("database is locked", ...).
std::string message(sqlite3* db);

/// A transaction rolled back unless committed; its destructor rolls back.
class Transaction {
 public:
  explicit Transaction(sqlite3* db) : db_(db) {}
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();
  /// BEGIN IMMEDIATE: takes the write lock now (waiting up to the busy timeout).
  int begin();
  int commit();

 private:
  sqlite3* db_;
  bool open_ = false;
};

}  // namespace attune::history::sql
