// Findings as CSV for spreadsheets: fixed columns, RFC 4180 quoting, and no cell that a
// spreadsheet would run as a formula.

#include <fmt/format.h>

#include "attune/document.hpp"

namespace attune {
namespace {

constexpr const char* kHeader =
    "setting,urn,rule,severity,date,start,end,room,room_name,child,child_name,staff,staff_name,message,values,"
    "accepted,reason";

std::string value_text(const FindingValue& v) {
  return std::visit([](const auto& x) -> std::string {
    if constexpr (std::is_same_v<std::decay_t<decltype(x)>, std::string>) return x;
    else return fmt::format("{}", x);
  }, v);
}

}  // namespace

std::string csv_cell(std::string_view text) {
  std::string cell(text);
  // A leading = + - @ (or tab, CR) makes spreadsheets evaluate the cell: neutralise it.
  if (!cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@' ||
                        cell[0] == '\t' || cell[0] == '\r'))
    cell.insert(cell.begin(), '\'');
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  std::string quoted = "\"";
  for (char c : cell) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string render_csv(std::span<const SettingReport> reports, const RenderOptions& options) {
  std::string out = std::string(kHeader) + "\r\n";
  for (const SettingReport& r : reports) {
    const Setting& s = r.setting;
    for (const Finding& f : r.result.findings) {
      std::string values;
      for (const auto& v : f.values) {
        if (!values.empty()) values += "; ";
        values += v.name + "=" + value_text(v.value);
      }
      const auto id_of = [](const auto& list, std::uint32_t i) -> std::string {
        return i < list.size() ? list[i].id : std::string{};
      };
      const std::string child_name = f.child < s.children.size()
                                         ? (options.redact ? s.children[f.child].id : s.children[f.child].name)
                                         : std::string{};
      const std::string staff_name = f.staff < s.staff.size()
                                         ? (options.redact ? s.staff[f.staff].id : s.staff[f.staff].name)
                                         : std::string{};
      const std::string cells[] = {
          s.name, s.urn, f.rule, std::string(severity_id(f.severity)),
          f.date ? format_iso_date(*f.date) : "", f.time ? format_clock_time(f.time->start) : "",
          f.time ? format_clock_time(f.time->end) : "", id_of(s.rooms, f.room),
          f.room < s.rooms.size() ? s.rooms[f.room].name : "", id_of(s.children, f.child), child_name,
          id_of(s.staff, f.staff), staff_name, f.message, values, f.accepted ? "yes" : "no", f.accepted_reason};
      std::string line;
      for (const auto& c : cells) {
        if (!line.empty()) line += ',';
        line += csv_cell(c);
      }
      out += line + "\r\n";
    }
  }
  return out;
}

}  // namespace attune
