#include "text_check.hpp"

#include <fmt/format.h>

#include "../util/utf8.hpp"

namespace attune::io {
namespace {

constexpr std::size_t kShownLine = 400;  // bytes of a long line shown under a message

/// A place in the text, moved forward only, so finding every line costs one pass.
struct Cursor {
  std::uint32_t line = 1;
  std::size_t line_start = 0;
  std::size_t pos = 0;

  void advance(std::string_view text, std::size_t to) {
    for (std::size_t i = text.find('\n', pos); i != std::string_view::npos && i < to; i = text.find('\n', i + 1)) {
      ++line;
      line_start = i + 1;
    }
    pos = to;
  }
  /// 1-based; counts characters, an invalid byte as one (it is shown as one U+FFFD).
  [[nodiscard]] std::uint32_t column(std::string_view text) const {
    std::uint32_t column = 1;
    for (std::size_t i = line_start; i < pos; ++column) {
      const std::size_t length = util::utf8_sequence_length(text, i);
      i += length == 0 ? 1 : length;
    }
    return column;
  }
};

std::string shown_line(std::string_view text, std::size_t line_start) {
  std::size_t end = text.find('\n', line_start);
  if (end == std::string_view::npos) end = text.size();
  if (end > line_start && text[end - 1] == '\r') --end;
  std::string_view line = text.substr(line_start, std::min(end - line_start, kShownLine));
  if (line_start == 0 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
  return util::valid_utf8(line);
}

/// A file that is not text at all: one error, and true.
bool not_text(std::string_view text, const std::string& file, bool csv, Diagnostics& diagnostics) {
  const std::string export_hint =
      csv ? "export the table as a CSV file (UTF-8), not as a spreadsheet" : "save the file as UTF-8 text";
  if (text.substr(0, 2) == "\xFF\xFE" || text.substr(0, 2) == "\xFE\xFF") {
    diagnostics.error(SourceRegion{file, 1, 1, 0}, "the file is UTF-16 text, not UTF-8",
                      csv ? "save it as \"CSV UTF-8\" (Excel's \"Unicode Text\" is UTF-16)" : "save it as UTF-8");
    return true;
  }
  if (text.substr(0, 4) == std::string_view("PK\x03\x04", 4)) {
    diagnostics.error(SourceRegion{file, 1, 1, 0}, "this is a zip file (an .xlsx or .ods spreadsheet?), not text",
                      export_hint);
    return true;
  }
  const std::size_t nul = text.find('\0');
  if (nul == std::string_view::npos) return false;
  Cursor at;
  at.advance(text, nul);
  Diagnostic d;
  d.where = SourceRegion{file, at.line, at.column(text), 1};
  d.message = "the file holds a NUL byte, so it is not a text file";
  d.hint = export_hint;
  diagnostics.add(std::move(d));
  return true;
}

}  // namespace

TextCheck check_text(std::string_view text, const std::string& file, bool csv, Diagnostics& diagnostics) {
  if (not_text(text, file, csv, diagnostics)) return TextCheck::not_text;
  std::size_t bad = util::find_invalid_utf8(text);
  if (bad == std::string_view::npos) return TextCheck::ok;
  const std::string hint =
      csv ? "save the file as UTF-8 text (in Excel: Save As, \"CSV UTF-8\"); the bad byte is shown as \xEF\xBF\xBD"
          : "save the file as UTF-8 text; the bad byte is shown as \xEF\xBF\xBD";
  Cursor at;
  while (bad != std::string_view::npos) {
    at.advance(text, bad);
    Diagnostic d;
    d.where = SourceRegion{file, at.line, at.column(text), 1};
    d.message = fmt::format("byte 0x{:02X} is not UTF-8 text", static_cast<unsigned char>(text[bad]));
    d.hint = hint;
    d.source_line = shown_line(text, at.line_start);
    diagnostics.add(std::move(d));
    // One report per line: go on from the next line.
    const std::size_t next_line = text.find('\n', bad);
    bad = next_line == std::string_view::npos ? next_line : util::find_invalid_utf8(text, next_line + 1);
  }
  return TextCheck::invalid_bytes;
}

}  // namespace attune::io
