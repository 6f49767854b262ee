// The CSV reader attune had before its own (lib/src/io/csv_reader.cpp), on libcsv, kept
// only as the reference the differential fuzz target compares the new reader with:
// every row, cell and error must be the same. Not part of attune itself.

#include "libcsv_reader.hpp"

#include <csv.h>

#include <algorithm>
#include <memory>
#include <unordered_set>

#include <fmt/format.h>

#include "util/text.hpp"

namespace attune::fuzz {

using io::CsvOptions;
using io::RecordTable;
namespace {

/// What libcsv's callbacks need while one file is read.
struct CsvState {
  RecordTable& table;
  Diagnostics& diagnostics;
  std::vector<std::string> header;
  bool have_header = false;
  bool in_record = false;
  std::uint32_t record_line = 0;
  std::size_t record_offset = 0;
  std::size_t fields = 0;
};

void on_field(void* data, std::size_t length, void* user) {
  auto& state = *static_cast<CsvState*>(user);
  const std::string_view text(static_cast<const char*>(data), data == nullptr ? 0 : length);
  if (!state.have_header) {
    state.header.emplace_back(text);
  } else {
    state.table.push_cell(text);
  }
  ++state.fields;
}

void finish_header(CsvState& state) {
  state.have_header = true;
  std::unordered_set<std::string_view> seen;
  for (std::size_t i = 0; i < state.header.size(); ++i) {
    const auto& name = state.header[i];
    if (name.empty()) {
      state.diagnostics.error(SourceRegion{state.table.file(), state.record_line, 0, 0},
                              fmt::format("column {} of the header row has no name", i + 1),
                              "give every column a name in the first row");
    }
    // A set, not a search of the columns before: a header of 100,000 names is read in
    // linear time, and each repeat is reported once.
    if (!name.empty() && !seen.insert(name).second) {
      state.diagnostics.error(SourceRegion{state.table.file(), state.record_line, 0, 0},
                              fmt::format("column {} appears twice in the header", util::quoted(name)),
                              "remove or rename one of them");
    }
  }
  state.table.set_columns(std::move(state.header), state.record_line);
}

void on_record(int /*terminator*/, void* user) {
  auto& state = *static_cast<CsvState*>(user);
  if (!state.have_header) {
    finish_header(state);
  } else if (state.fields != state.table.columns().size()) {
    const std::size_t fields = state.fields;
    state.table.discard_row();
    state.table.note_rejected_row();
    // The message is attune's own (tested here: the rows, cells and places).
    state.diagnostics.add(attune::io::field_count_problem(state.table, state.record_line, fields));
  } else {
    state.table.commit_row(state.record_line, state.record_offset);
  }
  state.fields = 0;
  state.in_record = false;
}

/// A line of spaces and tabs only; with tab as the delimiter, a tab separates (empty)
/// fields, so a line holding one is a row, not a blank line.
bool is_blank(std::string_view chunk, char delimiter) {
  return chunk.find_first_not_of(delimiter == '\t' ? " \r\n" : " \t\r\n") == std::string_view::npos;
}

/// The end of the physical line starting at `pos`: past "\n", "\r\n" or a lone "\r".
std::size_t line_end(const std::string& text, std::size_t pos) {
  // A plain loop: find_first_of calls memchr on its two-character set for every byte.
  std::size_t cut = pos;
  while (cut < text.size() && text[cut] != '\n' && text[cut] != '\r') ++cut;
  if (cut == text.size()) return text.size();
  if (text[cut] == '\r' && cut + 1 < text.size() && text[cut + 1] == '\n') return cut + 2;
  return cut + 1;
}

constexpr std::size_t kBlock = 4096;

struct ParserDeleter {
  void operator()(csv_parser* p) const {
    csv_free(p);
    delete p;
  }
};
using Parser = std::unique_ptr<csv_parser, ParserDeleter>;

Parser make_parser(char delimiter) {
  Parser p(new csv_parser{});
  csv_init(p.get(), CSV_STRICT | CSV_STRICT_FINI);
  csv_set_delim(p.get(), static_cast<unsigned char>(delimiter));
  csv_set_blk_size(p.get(), kBlock);
  return p;
}

std::uint32_t column_of(const std::string& text, std::size_t line_start, std::size_t pos) {
  std::uint32_t column = 1;
  for (std::size_t i = line_start; i < pos && i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
  }
  return column;
}

/// Where the quote left open at the end of the file was opened: the last quote that
/// starts a quoted value, scanning the record from its first byte.
SourceRegion unclosed_quote(const std::string& text, std::size_t record_offset, std::uint32_t record_line,
                            const std::string& file) {
  bool quoted = false;
  std::size_t opened = record_offset;
  for (std::size_t i = record_offset; i < text.size(); ++i) {
    if (text[i] != '"') continue;
    if (!quoted) opened = i;
    quoted = !quoted;
  }
  std::uint32_t line = record_line;
  std::size_t line_start = record_offset;
  for (std::size_t i = record_offset; i < opened; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return SourceRegion{file, line, column_of(text, line_start, opened), 1};
}

}  // namespace

RecordTable read_csv_with_libcsv(std::string text, const std::string& file, Diagnostics& diagnostics,
                     const CsvOptions& options) {
  RecordTable table(file, std::move(text));
  const std::string& source = table.source();
  table.set_delimiter(options.delimiter);
  CsvState state{table, diagnostics, {}, false, false, 0, 0, 0};
  Parser parser = make_parser(options.delimiter);

  std::size_t pos = source.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  std::uint32_t line = 1;
  while (pos < source.size()) {
    const std::size_t end = line_end(source, pos);
    const std::string_view chunk(source.data() + pos, end - pos);
    if (!state.in_record && !is_blank(chunk, options.delimiter)) {
      state.in_record = true;
      state.record_line = line;
      state.record_offset = pos;
    }
    // libcsv grows a field's buffer by its block size: keeping the block as large as the
    // buffer and the line makes a 10 MB field a few reallocations, not thousands.
    if (chunk.size() > kBlock || csv_get_buffer_size(parser.get()) > kBlock)
      csv_set_blk_size(parser.get(), std::max(csv_get_buffer_size(parser.get()), chunk.size()));
    const std::size_t used = csv_parse(parser.get(), chunk.data(), chunk.size(), on_field,
                                       on_record, &state);
    if (used != chunk.size()) {
      Diagnostic d;
      d.where = SourceRegion{file, line, column_of(source, pos, pos + used), 1};
      d.message = "a double quote is out of place";
      d.hint = "a quoted value must be quoted from its first character to its last, and a "
               "quote inside it written twice (\"\")";
      d.source_line = table.line_text(line);
      diagnostics.add(std::move(d));
      if (state.have_header) {
        table.discard_row();
        table.note_rejected_row();
      } else {
        state.header.clear();
      }
      parser = make_parser(options.delimiter);
      state.in_record = false;
      state.fields = 0;
    }
    pos = end;
    ++line;
  }
  if (csv_fini(parser.get(), on_field, on_record, &state) != 0) {
    Diagnostic d;
    d.where = unclosed_quote(source, state.record_offset, state.record_line, file);
    d.message = "a quoted value that starts here is never closed";
    d.hint = "add the closing double quote (the file may have been cut short)";
    d.source_line = table.line_text(d.where.line);
    diagnostics.add(std::move(d));
    if (state.have_header) {
      table.discard_row();
      table.note_rejected_row();
    }
  }
  if (!state.have_header) {
    diagnostics.error(SourceRegion{file, 1, 0, 0}, "the file is empty",
                      "the first row must name the columns");
  }
  return table;
}

}  // namespace attune::fuzz
