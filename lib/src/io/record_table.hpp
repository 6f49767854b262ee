#pragma once
// Rows of named text cells, read from a CSV file or a list of maps in setting.yaml.
// A cell is a range of the file's own text (a CSV field without quotes, nearly all of
// them), or of a buffer of cells that had to be rewritten (a quoted field, a YAML
// value); where a CSV cell sits (line, column) is worked out only when an error needs
// it, so a million clean rows cost no bookkeeping and no copy.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "attune/diagnostic.hpp"

namespace attune::io {

class RecordTable {
 public:
  RecordTable() = default;
  RecordTable(std::string file, std::string source);

  [[nodiscard]] const std::string& file() const { return file_; }
  [[nodiscard]] const std::string& source() const { return source_; }
  [[nodiscard]] const std::vector<std::string>& columns() const { return columns_; }
  /// The column with this name (letter case ignored), or nullopt.
  [[nodiscard]] std::optional<std::size_t> column(std::string_view name) const;
  [[nodiscard]] std::size_t rows() const { return row_line_.size(); }
  [[nodiscard]] std::string_view cell(std::size_t row, std::size_t col) const;
  [[nodiscard]] std::uint32_t row_line(std::size_t row) const { return row_line_[row]; }
  /// Rows the reader could not read (reported already): their ids are unknown.
  [[nodiscard]] std::size_t rejected_rows() const { return rejected_rows_; }
  /// A list of maps in setting.yaml ("children"), not a CSV file: empty for a CSV file.
  [[nodiscard]] const std::string& list_name() const { return list_name_; }
  void set_list_name(std::string name) { list_name_ = std::move(name); }
  void note_rejected_row() { ++rejected_rows_; }

  [[nodiscard]] SourceRegion cell_region(std::size_t row, std::size_t col) const;
  [[nodiscard]] SourceRegion row_region(std::size_t row) const;
  [[nodiscard]] SourceRegion header_region() const;
  [[nodiscard]] std::string line_text(std::uint32_t line) const;

  /// Reports a problem with one cell, with the line and a caret under the cell.
  void report_cell(Diagnostics& diagnostics, std::size_t row, std::size_t col,
                   std::string message, std::string hint = {}, std::string cause = {}) const;
  void report_row(Diagnostics& diagnostics, std::size_t row, std::string message,
                  std::string hint = {}, std::string cause = {}) const;

  // Building.
  /// The field separator, so cell places can be found again in the raw text.
  void set_delimiter(char delimiter) { delimiter_ = delimiter; }
  void set_columns(std::vector<std::string> columns, std::uint32_t line);
  /// The next cell of the row being read, copied (a quoted CSV field, a YAML value).
  void push_cell(std::string_view text) {
    const auto begin = static_cast<std::uint32_t>(arena_.size());
    arena_.append(text);
    cells_.push_back(Cell{begin | kInArena, static_cast<std::uint32_t>(arena_.size())});
  }
  /// CSV: the next cell is source()[begin, end), not copied.
  void push_source_cell(std::size_t begin, std::size_t end) {
    cells_.push_back(Cell{static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)});
  }
  [[nodiscard]] std::size_t pending_cells() const { return cells_.size() - committed_cells_; }
  /// CSV: the row is complete; `offset` is where it starts in the source text.
  void commit_row(std::uint32_t line, std::size_t offset);
  /// CSV: forget the cells pushed since the last commit.
  void discard_row();
  /// YAML: one row whose cells have known places (line, column; 0 = absent).
  void add_placed_row(const std::vector<std::string_view>& cells,
                      const std::vector<std::pair<std::uint32_t, std::uint32_t>>& places,
                      std::uint32_t line);

 private:
  struct Place {
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    std::uint32_t length = 0;
    std::size_t line_offset = 0;
  };
  [[nodiscard]] Place locate(std::size_t row, std::size_t col) const;
  [[nodiscard]] std::size_t line_offset(std::uint32_t line) const;

  std::string file_;
  std::string source_;
  std::vector<std::string> columns_;
  std::uint32_t header_line_ = 1;
  char delimiter_ = ',';
  std::size_t rejected_rows_ = 0;
  std::string list_name_;
  /// A cell: [begin, end) of the source, or of the arena when begin has kInArena set
  /// (files are under 1 GB, so offsets never reach that bit).
  struct Cell {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
  };
  static constexpr std::uint32_t kInArena = 0x80000000u;
  std::string arena_;
  std::vector<Cell> cells_;
  std::size_t committed_cells_ = 0;
  std::size_t committed_arena_ = 0;
  std::vector<std::uint32_t> row_line_;
  std::vector<std::size_t> row_offset_;  ///< CSV only
  std::vector<std::pair<std::uint32_t, std::uint32_t>> places_;  ///< YAML only, per cell
  mutable std::vector<std::size_t> line_starts_;  ///< built on first error
};

/// Reads a whole file. nullopt, with an error reported against `display`, when it is
/// missing, a directory, or unreadable.
std::optional<std::string> read_file(const std::string& path, const std::string& display,
                                     Diagnostics& diagnostics);

}  // namespace attune::io
