#include "inline_table.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace attune::io {
namespace {
constexpr std::size_t kMaxColumns = 100;
}  // namespace

RecordTable table_from_list(const ConfigNode& list, const std::string& file, std::string source,
                            Diagnostics& diagnostics) {
  RecordTable table(file, std::move(source));
  table.set_list_name(list.key);
  const SourceLines lines(table.source());
  // The columns: every key of any row. A table has a dozen columns; rows with thousands
  // of different keys would make a table of rows x keys cells, so they are cut off.
  std::vector<std::string> columns;
  bool too_many = false;
  for (const auto& item : list.children) {
    if (!item.is_map()) continue;
    for (const auto& entry : item.children) {
      if (std::find(columns.begin(), columns.end(), entry.key) != columns.end()) continue;
      if (columns.size() == kMaxColumns) {
        report_at_key(diagnostics, entry, lines,
                      fmt::format("the rows of {} use more than {} different keys", list.key, kMaxColumns),
                      fmt::format("give each row only the columns of {}.csv", list.key));
        too_many = true;
        break;
      }
      columns.push_back(entry.key);
    }
    if (too_many) break;
  }
  table.set_columns(columns, list.where.line);
  std::vector<std::string_view> cells(columns.size());
  std::vector<std::pair<std::uint32_t, std::uint32_t>> places(columns.size());
  for (const auto& item : list.children) {
    if (!item.is_map()) {
      report_at(diagnostics, item, lines,
                fmt::format("each entry of {} must be a map of column: value", list.key),
                "write it as { id: c1, name: ... }");
      continue;
    }
    std::fill(cells.begin(), cells.end(), std::string_view{});
    std::fill(places.begin(), places.end(), std::pair<std::uint32_t, std::uint32_t>{0, 0});
    bool ok = true;
    for (const auto& entry : item.children) {
      if (!entry.is_scalar()) {
        report_at(diagnostics, entry, lines, fmt::format("{} must be a single value", entry.key));
        ok = false;
        continue;
      }
      const auto col = static_cast<std::size_t>(
          std::find(columns.begin(), columns.end(), entry.key) - columns.begin());
      if (col == columns.size()) continue;  // beyond kMaxColumns, reported above
      cells[col] = entry.text;
      places[col] = {entry.where.line, entry.where.column};
    }
    if (ok) table.add_placed_row(cells, places, item.where.line);
  }
  return table;
}

}  // namespace attune::io
