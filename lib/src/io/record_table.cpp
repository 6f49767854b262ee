#include "record_table.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>

#include <fmt/format.h>

namespace attune::io {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i];
    char y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

constexpr std::uintmax_t kMaxFileBytes = std::uintmax_t{1} << 30;  // 1 GB

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

RecordTable::RecordTable(std::string file, std::string source)
    : file_(std::move(file)), source_(std::move(source)) {
  // One pass, no regrowth: a row is at least a line. (The arena holds only quoted
  // fields, rare in exports: it grows as it must.)
  std::size_t lines = 1;
  for (const char* p = source_.data(), *end = p + source_.size();
       (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)))) != nullptr; ++p)
    ++lines;
  row_line_.reserve(lines);
  row_offset_.reserve(lines);
  cells_.reserve(lines * 6);
}

std::optional<std::size_t> RecordTable::column(std::string_view name) const {
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    if (iequals(columns_[i], name)) return i;
  }
  return std::nullopt;
}

std::string_view RecordTable::cell(std::size_t row, std::size_t col) const {
  const Cell c = cells_[row * columns_.size() + col];
  const char* base = (c.begin & kInArena) != 0 ? arena_.data() : source_.data();
  const std::uint32_t begin = c.begin & ~kInArena;
  return std::string_view(base + begin, c.end - begin);
}

void RecordTable::set_columns(std::vector<std::string> columns, std::uint32_t line) {
  columns_ = std::move(columns);
  header_line_ = line;
}

void RecordTable::commit_row(std::uint32_t line, std::size_t offset) {
  committed_cells_ = cells_.size();
  committed_arena_ = arena_.size();
  row_line_.push_back(line);
  row_offset_.push_back(offset);
}

void RecordTable::discard_row() {
  cells_.resize(committed_cells_);
  arena_.resize(committed_arena_);
}

void RecordTable::add_placed_row(
    const std::vector<std::string_view>& cells,
    const std::vector<std::pair<std::uint32_t, std::uint32_t>>& places, std::uint32_t line) {
  for (auto text : cells) push_cell(text);
  places_.insert(places_.end(), places.begin(), places.end());
  committed_cells_ = cells_.size();
  committed_arena_ = arena_.size();
  row_line_.push_back(line);
}

std::size_t RecordTable::line_offset(std::uint32_t line) const {
  if (line_starts_.empty()) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < source_.size(); ++i) {
      if (source_[i] == '\n') line_starts_.push_back(i + 1);
    }
  }
  if (line == 0 || line > line_starts_.size()) return std::string::npos;
  return line_starts_[line - 1];
}

std::string RecordTable::line_text(std::uint32_t line) const {
  const std::size_t begin = line_offset(line);
  if (begin == std::string::npos) return {};
  std::size_t end = source_.find('\n', begin);
  if (end == std::string::npos) end = source_.size();
  while (end > begin && (source_[end - 1] == '\r' || source_[end - 1] == '\n')) --end;
  std::string out = source_.substr(begin, std::min<std::size_t>(end - begin, 400));
  if (begin == 0 && out.rfind("\xEF\xBB\xBF", 0) == 0) out.erase(0, 3);
  return out;
}

// Walks the raw CSV text of a row, honouring quotes, to the start of field `col`.
RecordTable::Place RecordTable::locate(std::size_t row, std::size_t col) const {
  Place place;
  place.line = row_line_[row];
  if (!places_.empty()) {
    const auto& p = places_[row * columns_.size() + col];
    if (p.first != 0) {
      place.line = p.first;
      place.column = p.second;
    }
    return place;
  }
  std::size_t pos = row_offset_[row];
  std::size_t line_start = pos;
  if (pos == 0 && source_.rfind("\xEF\xBB\xBF", 0) == 0) pos = line_start = 3;
  std::uint32_t line = place.line;
  std::size_t field = 0;
  bool quoted = false;
  const char delimiter = delimiter_;
  while (pos < source_.size() && field < col) {
    const char c = source_[pos];
    if (c == '"') quoted = !quoted;
    else if (!quoted && c == delimiter) ++field;
    else if (!quoted && (c == '\n' || c == '\r')) break;
    else if (c == '\n') { ++line; line_start = pos + 1; }
    ++pos;
  }
  place.line = line;
  place.line_offset = line_start;
  std::uint32_t column = 1;
  for (std::size_t i = line_start; i < pos; ++i) {
    if (!is_continuation(source_[i])) ++column;
  }
  place.column = column;
  std::uint32_t length = 0;
  quoted = false;
  for (std::size_t i = pos; i < source_.size(); ++i) {
    const char c = source_[i];
    if (c == '"') quoted = !quoted;
    else if (!quoted && (c == delimiter || c == '\n' || c == '\r')) break;
    else if (quoted && c == '\n') break;
    if (!is_continuation(c)) ++length;
  }
  place.length = length;
  return place;
}

SourceRegion RecordTable::cell_region(std::size_t row, std::size_t col) const {
  const Place p = locate(row, col);
  return SourceRegion{file_, p.line, p.column, p.length};
}

SourceRegion RecordTable::row_region(std::size_t row) const {
  return SourceRegion{file_, row_line_[row], 0, 0};
}

SourceRegion RecordTable::header_region() const { return SourceRegion{file_, header_line_, 0, 0}; }

void RecordTable::report_cell(Diagnostics& diagnostics, std::size_t row, std::size_t col,
                              std::string message, std::string hint, std::string cause) const {
  Diagnostic d;
  d.where = cell_region(row, col);
  d.message = std::move(message);
  d.hint = std::move(hint);
  d.source_line = line_text(d.where.line);
  d.cause = std::move(cause);
  diagnostics.add(std::move(d));
}

void RecordTable::report_row(Diagnostics& diagnostics, std::size_t row, std::string message,
                             std::string hint, std::string cause) const {
  Diagnostic d;
  d.where = row_region(row);
  d.message = std::move(message);
  d.hint = std::move(hint);
  d.source_line = line_text(d.where.line);
  d.cause = std::move(cause);
  diagnostics.add(std::move(d));
}

std::optional<std::string> read_file(const std::string& path, const std::string& display,
                                     Diagnostics& diagnostics) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) {
    diagnostics.error(SourceRegion{display, 0, 0, 0}, "file not found",
                      "check the path, or the file name in setting.toml [data]");
    return std::nullopt;
  }
  if (std::filesystem::is_directory(status)) {
    diagnostics.error(SourceRegion{display, 0, 0, 0}, "is a folder, not a file",
                      "name the file itself");
    return std::nullopt;
  }
  // A device or a pipe (/dev/zero, a FIFO) could be read for ever; a file over the limit
  // is not an export of one setting. (Cells are indexed with 32 bits: the limit keeps
  // every offset in range.)
  if (!std::filesystem::is_regular_file(status)) {
    diagnostics.error(SourceRegion{display, 0, 0, 0}, "is not a regular file (a device, a pipe or a socket)",
                      "name a file saved on disk");
    return std::nullopt;
  }
  if (const auto bytes = std::filesystem::file_size(path, ec); !ec && bytes > kMaxFileBytes) {
    diagnostics.error(SourceRegion{display, 0, 0, 0},
                      fmt::format("is too large ({} MB; attune reads files of up to {} MB)", bytes >> 20,
                                  kMaxFileBytes >> 20),
                      "split it, for example into one file per setting or per year");
    return std::nullopt;
  }
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    diagnostics.error(SourceRegion{display, 0, 0, 0},
                      fmt::format("cannot be read: {}", std::strerror(errno)),
                      "check the file's permissions");
    return std::nullopt;
  }
  // Read straight into a string of the file's size (growing it if the file grew).
  std::string text;
  const auto size = std::filesystem::file_size(path, ec);
  text.resize(ec ? std::size_t{1} << 16 : static_cast<std::size_t>(size) + 1);
  std::size_t used = 0, n = 0;
  while ((n = std::fread(text.data() + used, 1, text.size() - used, f)) > 0 && used + n <= kMaxFileBytes) {
    used += n;
    if (used == text.size()) text.resize(text.size() * 2);
  }
  if (n > 0) {  // it grew past the limit while being read
    std::fclose(f);
    diagnostics.error(SourceRegion{display, 0, 0, 0},
                      fmt::format("is too large (attune reads files of up to {} MB)", kMaxFileBytes >> 20),
                      "split it, for example into one file per setting or per year");
    return std::nullopt;
  }
  text.resize(used);
  const bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed) {
    diagnostics.error(SourceRegion{display, 0, 0, 0}, "could not be read to the end",
                      "check the disk and the file's permissions");
    return std::nullopt;
  }
  return text;
}

}  // namespace attune::io
