#include "field_reader.hpp"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "../util/text.hpp"

namespace attune::io {

bool ColumnMap::resolve(const RecordTable& table, const TableSchema& schema, const ImportSpec& spec,
                        Diagnostics& diagnostics) {
  const auto& required = schema.required;
  const auto& optional = schema.optional;
  std::vector<std::string> missing;
  // An empty list in setting.yaml has no columns and no rows: nothing to read.
  const bool empty_list = table.columns().empty() && table.rows() == 0 && table.source().size() > 0;
  auto find = [&](std::string_view name) -> std::size_t {
    const auto mapped = spec.columns.find(name);
    const std::string_view file_name =
        mapped != spec.columns.end() ? std::string_view(mapped->second) : name;
    const auto index = table.column(file_name);
    return index ? *index : kAbsent;
  };
  for (auto name : required) {
    const std::size_t index = find(name);
    if (index == kAbsent) {
      const auto mapped = spec.columns.find(name);
      missing.push_back(mapped != spec.columns.end()
                            ? fmt::format("{} (mapped to \"{}\")", name, mapped->second)
                            : std::string(name));
    }
    set(name, index);
  }
  for (auto name : optional) set(name, find(name));
  warn_misspelt_columns(table, diagnostics);
  if (!missing.empty() && !empty_list) {
    Diagnostic d;
    d.where = table.header_region();
    if (table.list_name().empty()) {
      d.message = fmt::format("missing column{} {}; the file has: {}", missing.size() == 1 ? "" : "s",
                              util::join(missing), util::join(table.columns()));
      d.hint = fmt::format("add the column to the header row, or map your column's name with "
                           "[import.{}] columns = {{ ... }} in setting.toml",
                           spec.table.empty() ? "<file>" : spec.table);
    } else {  // setting.yaml: no header row, no [import]; the keys of the list's entries
      d.message = fmt::format("missing key{} {} in the entries of {}; they have: {}", missing.size() == 1 ? "" : "s",
                              util::join(missing), table.list_name(), util::join(table.columns()));
      d.hint = fmt::format("give every entry of {} {}: {}", table.list_name(),
                           missing.size() == 1 ? "this key" : "these keys", util::join(missing));
    }
    d.source_line = table.line_text(d.where.line);
    diagnostics.add(std::move(d));
    return false;
  }
  return true;
}

void ColumnMap::warn_misspelt_columns(const RecordTable& table, Diagnostics& diagnostics) const {
  std::vector<std::string> unused;
  for (const auto& [name, position] : positions_) {
    if (position == kAbsent) unused.push_back(name);
  }
  std::sort(unused.begin(), unused.end());
  for (std::size_t i = 0; i < table.columns().size(); ++i) {
    bool used = false;
    for (const auto& [name, position] : positions_) used = used || position == i;
    if (used) continue;
    const auto close = util::closest(table.columns()[i], unused, 1);
    if (close.empty()) continue;
    Diagnostic d;
    d.severity = DiagnosticSeverity::warning;
    d.where = table.header_region();
    d.message = fmt::format("column \"{}\" is not one attune reads, so it is ignored (did you mean \"{}\"?)",
                            table.columns()[i], close.front());
    d.hint = "rename the column if it is meant to be read";
    d.source_line = table.line_text(d.where.line);
    diagnostics.add(std::move(d));
  }
}

void ColumnMap::set(std::string_view name, std::size_t index) {
  for (auto& [known, position] : positions_) {
    if (known == name) {
      position = index;
      return;
    }
  }
  positions_.emplace_back(std::string(name), index);
}

std::size_t ColumnMap::operator[](std::string_view name) const {
  for (const auto& [known, position] : positions_) {
    if (known.size() == name.size() && !name.empty() && known[0] == name[0] && known == name) return position;
  }
  return kAbsent;
}

std::string_view FieldReader::text(std::size_t row, const Column& column) const {
  if (column.index == ColumnMap::kAbsent) return {};
  std::string_view value = table_.cell(row, column.index);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  if (!spec_.values.empty()) {
    const auto map = spec_.values.find(column.name);
    if (map != spec_.values.end()) {
      const auto it = map->second.find(value);
      if (it != map->second.end()) return it->second;
    }
  }
  return value;
}

void FieldReader::report(std::size_t row, const Column& column, std::string message, std::string hint,
                         std::string cause) const {
  if (column.index == ColumnMap::kAbsent) {
    table_.report_row(diagnostics_, row, std::move(message), std::move(hint), std::move(cause));
  } else {
    table_.report_cell(diagnostics_, row, column.index, std::move(message), std::move(hint), std::move(cause));
  }
}

std::optional<std::string_view> FieldReader::required_text(std::size_t row,
                                                           std::string_view column) const {
  const auto value = text(row, column);
  if (value.empty()) {
    report(row, column, fmt::format("{} is empty", column), fmt::format("fill in the {}", column));
    return std::nullopt;
  }
  return value;
}

namespace {

std::optional<Date> parse_date_as(std::string_view value, DateFormat format) {
  switch (format) {
    case DateFormat::iso: return parse_iso_date(value);
    case DateFormat::dd_mm_yyyy: return parse_uk_date(value, false);
    case DateFormat::d_m_yyyy: return parse_uk_date(value, true);
  }
  return std::nullopt;
}

std::string_view date_format_example(DateFormat format) {
  switch (format) {
    case DateFormat::iso: return "YYYY-MM-DD, e.g. 2026-11-03";
    case DateFormat::dd_mm_yyyy: return "dd/mm/yyyy, e.g. 03/11/2026";
    case DateFormat::d_m_yyyy: return "d/m/yyyy, e.g. 3/11/2026";
  }
  return "YYYY-MM-DD";
}

/// When a value is in a format the file could be read in, but is not: how to say so
/// (`tip`, after the cell's own hint) and the cause every such cell of the file shares.
struct FormatTip {
  std::string tip;
  std::string cause;
};

FormatTip format_tip(std::string_view value, const ImportSpec& spec) {
  if (spec.table.empty()) return {};  // a list in setting.yaml: no [import] to set
  if (spec.date_format == DateFormat::iso && parse_uk_date(value, true)) {
    const std::string_view format = parse_uk_date(value, false) ? "dd/mm/yyyy" : "d/m/yyyy";
    const std::string fix = fmt::format("set date_format = \"{}\" in [import.{}] in setting.toml", format, spec.table);
    return {fmt::format("; or, if the file writes UK dates, {}", fix),
            fmt::format("the dates look like {}: {}", format, fix)};
  }
  if (spec.date_format == DateFormat::dd_mm_yyyy && parse_uk_date(value, true)) {  // 7/3/2024
    const std::string fix = fmt::format("set date_format = \"d/m/yyyy\" in [import.{}] in setting.toml", spec.table);
    return {fmt::format("; or, if the file leaves out leading zeros (7/3/2024), {}", fix),
            fmt::format("the dates leave out leading zeros: {}", fix)};
  }
  if (spec.time_format == TimeFormat::hh_mm && parse_clock_time_12h(value)) {
    const std::string fix = fmt::format("set time_format = \"h:mm am\" in [import.{}] in setting.toml", spec.table);
    return {fmt::format("; or, if the file writes 12-hour times, {}", fix),
            fmt::format("the times look like 12-hour times: {}", fix)};
  }
  return {};
}

}  // namespace

std::optional<Date> FieldReader::date(std::size_t row, std::string_view column,
                                      bool required) const {
  const auto value = text(row, column);
  if (value.empty()) {
    if (required) report(row, column, fmt::format("{} is empty", column),
                         fmt::format("write a date as {}", date_format_example(spec_.date_format)));
    return std::nullopt;
  }
  auto parsed = parse_date_as(value, spec_.date_format);
  if (!parsed) {
    auto tip = format_tip(value, spec_);
    report(row, this->column(column), fmt::format("{} {} is not a date", column, util::quoted(value)),
           fmt::format("write it as {}{}", date_format_example(spec_.date_format), tip.tip), std::move(tip.cause));
  }
  return parsed;
}

std::optional<DaySpec> FieldReader::day(std::size_t row, const Column& column) const {
  const auto value = text(row, column);
  const bool digit = !value.empty() && value[0] >= '0' && value[0] <= '9';  // a date, not a weekday
  if (!digit) {
    if (const auto weekday = parse_weekday(value)) return DaySpec{true, *weekday, Date{}};
  }
  if (const auto parsed = parse_date_as(value, spec_.date_format)) return DaySpec{false, 0, *parsed};
  if (value.empty()) {
    report(row, column, "date is empty", "write a date (YYYY-MM-DD) or a weekday (Mon..Sun)");
  } else {
    auto tip = format_tip(value, spec_);
    report(row, column, fmt::format("{} is neither a date nor a weekday", util::quoted(value)),
           fmt::format("write a date as {}, or Mon..Sun for every such day of the period{}",
                       date_format_example(spec_.date_format), tip.tip),
           std::move(tip.cause));
  }
  return std::nullopt;
}

std::optional<Minute> FieldReader::time(std::size_t row, std::string_view column,
                                        bool required) const {
  return time(row, column, text(row, column), required);
}

std::optional<Minute> FieldReader::time(std::size_t row, const Column& column, std::string_view value,
                                        bool required) const {
  if (value.empty()) {
    if (required) report(row, column, fmt::format("{} time is empty", column.name), "write it as HH:MM");
    return std::nullopt;
  }
  const bool twelve_hour = spec_.time_format == TimeFormat::h_mm_ampm;
  auto parsed = twelve_hour ? parse_clock_time_12h(value) : parse_clock_time(value);
  if (!parsed) {
    auto tip = twelve_hour ? FormatTip{} : format_tip(value, spec_);
    report(row, column, fmt::format("{} {} is not a time of day", column.name, util::quoted(value)),
           twelve_hour ? "write it as h:mm am or h:mm pm, e.g. 8:30 am"
                       : fmt::format("write it as HH:MM on the 24-hour clock, e.g. 08:30 or 17:45{}", tip.tip),
           std::move(tip.cause));
  }
  return parsed;
}

std::optional<bool> FieldReader::yes_no(std::size_t row, std::string_view column) const {
  const auto value = util::to_lower(text(row, column));
  if (value.empty()) return std::nullopt;
  if (value == "yes" || value == "y" || value == "true" || value == "1") return true;
  if (value == "no" || value == "n" || value == "false" || value == "0") return false;
  report(row, column, fmt::format("{} {} is not yes or no", column, util::quoted(text(row, column))),
         "write yes or no");
  return std::nullopt;
}

std::optional<long> FieldReader::integer(std::size_t row, std::string_view column, long min, long max) const {
  std::string_view value = text(row, column);
  while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
  if (value.empty()) return std::nullopt;
  long n = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), n);
  if (error != std::errc{} || end != value.data() + value.size() || n < min || n > max) {
    report(row, column, fmt::format("{} {} is not a whole number from {} to {}", column, util::quoted(value), min, max),
           fmt::format("write a whole number of minutes, e.g. {}", std::min(max, std::max(min, 2250L))));
    return std::nullopt;
  }
  return n;
}

std::optional<std::uint32_t> FieldReader::reference(std::size_t row, const Column& column, const IdIndex& index,
                                                    std::string_view what, std::string_view where_defined,
                                                    bool required) const {
  const auto value = text(row, column);
  if (value.empty()) {
    if (!required) return 0xFFFFFFFFu;
    report(row, column, fmt::format("{} is empty", column.name),
           fmt::format("name a {} from {}", what, where_defined));
    return std::nullopt;
  }
  const auto it = index.ids.find(value);
  if (it != index.ids.end()) return it->second;
  if (!index.complete) return std::nullopt;
  std::string hint = fmt::format("use a {} id from {}", what, where_defined);
  // The suggestion costs a look at every id: only for problems that will be shown, so
  // 100,000 rows naming an unknown id stay linear.
  if (!diagnostics_.would_keep(table_.row_region(row))) {
    report(row, column, fmt::format("unknown {} {}", what, util::quoted(value)), std::move(hint));
    return std::nullopt;
  }
  if (const auto named = index.names.find(util::to_lower(value)); named != index.names.end()) {
    report(row, column, fmt::format("unknown {} {}", what, util::quoted(value)),
           fmt::format("{} is the name of {} {}: write its id, {}", util::quoted(value), what, named->second,
                       named->second));
    return std::nullopt;
  }
  std::vector<std::string> known;
  known.reserve(index.ids.size());
  for (const auto& [id, position] : index.ids) known.push_back(id);
  std::sort(known.begin(), known.end());
  const std::string suggestion = util::did_you_mean(value, known);
  if (!suggestion.empty()) hint += suggestion;
  else if (known.empty()) hint += ", which has none yet";
  else if (known.size() <= 12) hint += fmt::format(": {}", util::join(known));
  report(row, column, fmt::format("unknown {} {}", what, util::quoted(value)), std::move(hint));
  return std::nullopt;
}

}  // namespace attune::io
