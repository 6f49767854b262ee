#include "inline_table.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace attune::io {

RecordTable table_from_list(const ConfigNode& list, const std::string& file, std::string source,
                            Diagnostics& diagnostics) {
  RecordTable table(file, std::move(source));
  const SourceLines lines(table.source());
  std::vector<std::string> columns;
  for (const auto& item : list.children) {
    for (const auto& entry : item.children) {
      if (item.is_map() && std::find(columns.begin(), columns.end(), entry.key) == columns.end())
        columns.push_back(entry.key);
    }
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
      cells[col] = entry.text;
      places[col] = {entry.where.line, entry.where.column};
    }
    if (ok) table.add_placed_row(cells, places, item.where.line);
  }
  return table;
}

}  // namespace attune::io
