// Findings as CSV for spreadsheets: fixed columns, RFC 4180 quoting, and no cell that a
// spreadsheet would run as a formula.

#include <fmt/format.h>

#include "../util/bytes.hpp"
#include "attune/document.hpp"

namespace attune {
namespace {

constexpr const char* kHeader =
    "setting,urn,rule,severity,date,start,end,room,room_name,child,child_name,staff,staff_name,message,values,"
    "accepted,reason";

void append_value(std::string& out, const FindingValue& v) {
  std::visit([&](const auto& x) {
    using T = std::decay_t<decltype(x)>;
    if constexpr (std::is_same_v<T, std::string>) {
      out += x;
    } else if constexpr (std::is_same_v<T, std::int64_t>) {
      const fmt::format_int text(x);
      out.append(text.data(), text.size());
    } else {
      fmt::format_to(std::back_inserter(out), "{}", x);
    }
  }, v);
}

/// Whether a spreadsheet would run a cell starting with `c` as a formula.
bool formula_start(char c) { return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'; }

/// Whether any of the 8 bytes in `v` is a comma, a quote or a line end; the four tests
/// joined without branches.
[[gnu::always_inline]] inline bool block_needs_quotes(std::uint64_t v) {
  return (static_cast<unsigned>(util::has_byte(v, ',')) | static_cast<unsigned>(util::has_byte(v, '"')) |
          static_cast<unsigned>(util::has_byte(v, '\r')) | static_cast<unsigned>(util::has_byte(v, '\n'))) != 0;
}

/// Whether a cell holds a comma, a quote or a line end: tested 8 bytes at a time (a cell
/// is nearly always plain; find_first_of would call memchr for every byte), the last
/// bytes in the block that ends the cell.
bool needs_quotes(std::string_view text) {
  const std::size_t n = text.size();
  if (n < 8) {  // an id, a time, "yes": a byte at a time is cheaper than a call to memcpy
    for (const char c : text) {
      if (c == ',' || c == '"' || c == '\r' || c == '\n') return true;
    }
    return false;
  }
  for (std::size_t i = 0; i + 8 <= n; i += 8) {
    if (block_needs_quotes(util::load8(text.data() + i))) return true;
  }
  return block_needs_quotes(util::load8(text.data() + n - 8));
}

/// Appends one cell, as csv_cell() writes it, without a string of its own: a year of a
/// group is a million rows.
void append_cell(std::string& out, std::string_view text) {
  const bool guard = !text.empty() && formula_start(text[0]);
  if (!needs_quotes(text)) {
    if (guard) out += '\'';
    out += text;
    return;
  }
  out += '"';
  if (guard) out += '\'';
  // A message with a comma is the usual quoted cell: copied in runs, each quote doubled.
  for (std::size_t at = 0;;) {
    const std::size_t quote = text.find('"', at);
    if (quote == std::string_view::npos) {
      out.append(text.substr(at));
      break;
    }
    out.append(text.substr(at, quote + 1 - at));
    out += '"';
    at = quote + 1;
  }
  out += '"';
}

template <typename Item>
std::string_view id_of(const std::vector<Item>& items, std::uint32_t i) {
  return i < items.size() ? std::string_view(items[i].id) : std::string_view{};
}

void append_row(std::string& out, const Setting& s, const Finding& f, bool redact, std::string& scratch) {
  const auto cell = [&](std::string_view text) {
    append_cell(out, text);
    out += ',';
  };
  cell(s.name);
  cell(s.urn);
  cell(f.rule);
  cell(severity_id(f.severity));
  cell(f.date ? format_iso_date(*f.date) : std::string{});
  cell(f.time ? format_clock_time(f.time->start) : std::string{});
  cell(f.time ? format_clock_time(f.time->end) : std::string{});
  cell(id_of(s.rooms, f.room));
  cell(f.room < s.rooms.size() ? std::string_view(s.rooms[f.room].name) : std::string_view{});
  cell(id_of(s.children, f.child));
  cell(f.child < s.children.size() ? std::string_view(redact ? s.children[f.child].id : s.children[f.child].name)
                                   : std::string_view{});
  cell(id_of(s.staff, f.staff));
  cell(f.staff < s.staff.size() ? std::string_view(redact ? s.staff[f.staff].id : s.staff[f.staff].name)
                                : std::string_view{});
  cell(f.message);
  scratch.clear();
  for (const auto& v : f.values) {
    if (!scratch.empty()) scratch += "; ";
    scratch += v.name;
    scratch += '=';
    append_value(scratch, v.value);
  }
  cell(scratch);
  cell(f.accepted ? "yes" : "no");
  append_cell(out, accepted_label(s, f, redact));
  out += "\r\n";
}

}  // namespace

std::string csv_cell(std::string_view text) {
  std::string cell;
  append_cell(cell, text);
  return cell;
}

std::string render_csv(std::span<const SettingReport> reports, const RenderOptions& options) {
  std::string out = std::string(kHeader) + "\r\n";
  std::size_t findings = 0;
  for (const SettingReport& r : reports) findings += r.result.findings.size();
  out.reserve(out.size() + 240 * findings);
  std::string scratch;
  for (const SettingReport& r : reports) {
    for (const Finding& f : r.result.findings) append_row(out, r.setting, f, options.redact, scratch);
  }
  return out;
}

}  // namespace attune
