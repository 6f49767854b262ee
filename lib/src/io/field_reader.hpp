#pragma once
// Typed values out of a RecordTable's cells. Each getter reports a bad value at its cell,
// saying what was expected, and returns nullopt; reading goes on to the next problem.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>

#include "attune/calendar.hpp"
#include "attune/clock_time.hpp"
#include "../util/text.hpp"
#include "import_spec.hpp"
#include "record_table.hpp"
#include "table_schema.hpp"

namespace attune::io {

/// A date column's value: an ISO date, or a weekday meaning every such day of the period.
struct DaySpec {
  bool weekly = false;
  int weekday = 0;  ///< 0 = Monday, when weekly
  Date date{};      ///< when not weekly
};

/// The ids of one table, to their index. `complete` is false when the table could not be
/// read at all: a reference to an id not found is then not reported, since it would
/// only mislead (the real problem is already reported).
struct IdIndex {
  util::TextMap<std::uint32_t> ids;
  bool complete = true;
  /// Names people write instead of the id (a room's name, lower-cased) -> the id.
  util::TextMap<std::string> names;
};

/// Column positions of one file, by the names attune uses.
class ColumnMap {
 public:
  static constexpr std::size_t kAbsent = static_cast<std::size_t>(-1);
  /// Finds each name (through the import mapping). Missing required columns are one
  /// error listing what the file does have; returns false then.
  /// A column of the file that is close to a name attune reads but is not used gets a
  /// warning ("did you mean"); other extra columns are ignored quietly.
  bool resolve(const RecordTable& table, const TableSchema& schema, const ImportSpec& spec,
               Diagnostics& diagnostics);
  [[nodiscard]] std::size_t operator[](std::string_view name) const;
  [[nodiscard]] bool has(std::string_view name) const { return (*this)[name] != kAbsent; }

 private:
  void warn_misspelt_columns(const RecordTable& table, Diagnostics& diagnostics) const;
  void set(std::string_view name, std::size_t index);
  /// A table has a dozen columns at most: a short list searched in order beats hashing
  /// the name for every cell of a million rows.
  std::vector<std::pair<std::string, std::size_t>> positions_;
};

/// A column found once, for reading it row after row: its name (for messages and the
/// import value map) and its position (ColumnMap::kAbsent when the file has none).
struct Column {
  std::string_view name;
  std::size_t index = ColumnMap::kAbsent;
};

class FieldReader {
 public:
  FieldReader(const RecordTable& table, const ColumnMap& columns, const ImportSpec& spec,
              Diagnostics& diagnostics)
      : table_(table), columns_(columns), spec_(spec), diagnostics_(diagnostics) {}

  [[nodiscard]] const RecordTable& table() const { return table_; }
  [[nodiscard]] Diagnostics& diagnostics() const { return diagnostics_; }
  [[nodiscard]] const ImportSpec& spec() const { return spec_; }
  [[nodiscard]] bool has(std::string_view column) const { return columns_.has(column); }

  /// The column `name`, found once: the getters below take it or the name (found again).
  [[nodiscard]] Column column(std::string_view name) const { return Column{name, columns_[name]}; }

  /// The cell's text after the import value map, "" when the column is absent.
  [[nodiscard]] std::string_view text(std::size_t row, std::string_view column) const {
    return text(row, this->column(column));
  }
  [[nodiscard]] std::string_view text(std::size_t row, const Column& column) const;
  /// Non-empty text, or an error naming the column.
  std::optional<std::string_view> required_text(std::size_t row, std::string_view column) const;

  std::optional<Date> date(std::size_t row, std::string_view column, bool required) const;
  std::optional<DaySpec> day(std::size_t row, std::string_view column) const { return day(row, this->column(column)); }
  std::optional<DaySpec> day(std::size_t row, const Column& column) const;
  std::optional<Minute> time(std::size_t row, std::string_view column, bool required) const;
  /// The same for a value already read with text(row, column).
  std::optional<Minute> time(std::size_t row, std::string_view column, std::string_view value, bool required) const {
    return time(row, this->column(column), value, required);
  }
  std::optional<Minute> time(std::size_t row, const Column& column, std::string_view value, bool required) const;
  /// yes/no (also y/n, true/false, 1/0); empty, or not yes/no (reported), gives nullopt.
  std::optional<bool> yes_no(std::size_t row, std::string_view column) const;
  /// A whole number in [min, max]; empty, or not such a number (reported), gives nullopt.
  std::optional<long> integer(std::size_t row, std::string_view column, long min, long max) const;

  /// An id that must be one of `ids`; empty gives kNone when not required.
  std::optional<std::uint32_t> reference(
      std::size_t row, std::string_view column,
      const IdIndex& index, std::string_view what,
      std::string_view where_defined, bool required) const {
    return reference(row, this->column(column), index, what, where_defined, required);
  }
  std::optional<std::uint32_t> reference(std::size_t row, const Column& column, const IdIndex& index,
                                         std::string_view what, std::string_view where_defined, bool required) const;

  /// Reports a problem with one cell.
  void report(std::size_t row, std::string_view column, std::string message,
              std::string hint = {}, std::string cause = {}) const {
    report(row, this->column(column), std::move(message), std::move(hint), std::move(cause));
  }
  /// `cause`: what this problem shares with others like it (Diagnostic::cause).
  void report(std::size_t row, const Column& column, std::string message, std::string hint = {},
              std::string cause = {}) const;

 private:
  const RecordTable& table_;
  const ColumnMap& columns_;
  const ImportSpec& spec_;
  Diagnostics& diagnostics_;
};

}  // namespace attune::io
