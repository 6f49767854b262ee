// CSV into a RecordTable with a reader of attune's own (it replaced libcsv, whose parser
// and per-field callbacks were 44% of `attune validate`; docs/performance.md). The file
// is read a line at a time. A line that starts a row and has no double quote, nearly
// every line of an export, is split on the delimiter in the same pass that finds its
// end, and each cell is a range of the file's text: nothing is copied. Any other line
// goes through a byte-by-byte state machine that reads RFC 4180 quoting exactly as
// libcsv's strict mode did (CSV_STRICT | CSV_STRICT_FINI), so every row, cell and error,
// with its file:line:column, is what it was (fuzz/fuzz_csv_differential.cpp compares the
// two):
//   - spaces and tabs (unless the tab is the delimiter) around an unquoted field are not
//     part of it; a line of them only is no row;
//   - a field whose first character (after those) is a quote is quoted: delimiters and
//     line ends inside it are text, "" is one quote, and after the closing quote only
//     spaces, then the delimiter or the line end, may follow;
//   - a quote anywhere else, or anything else after a closing quote, is "a double quote
//     is out of place" at that character: the rest of the line is skipped and reading
//     goes on with the next line;
//   - a quoted field still open at the end of the file is reported where it opened.

#include "csv_reader.hpp"

#include <array>
#include <unordered_set>

#include <fmt/format.h>

#include "../util/text.hpp"

namespace attune::io {
namespace {

bool is_space(char c, char delimiter) { return (c == ' ' || c == '\t') && c != delimiter; }

/// A line of spaces and tabs only; with tab as the delimiter, a tab separates (empty)
/// fields, so a line holding one is a row, not a blank line.
bool is_blank(std::string_view chunk, char delimiter) {
  return chunk.find_first_not_of(delimiter == '\t' ? " \r\n" : " \t\r\n") == std::string_view::npos;
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

/// What a byte means to the line scanner.
enum : unsigned char { kPlain = 0, kDelimiter = 1, kLineEnd = 2, kQuote = 3 };

std::array<unsigned char, 256> byte_classes(char delimiter) {
  std::array<unsigned char, 256> classes{};
  classes[static_cast<unsigned char>('\n')] = kLineEnd;
  classes[static_cast<unsigned char>('\r')] = kLineEnd;
  classes[static_cast<unsigned char>('"')] = kQuote;
  classes[static_cast<unsigned char>(delimiter)] = kDelimiter;
  return classes;
}

class CsvReader {
 public:
  CsvReader(RecordTable& table, Diagnostics& diagnostics, char delimiter)
      : table_(table), diagnostics_(diagnostics), source_(table.source()), delimiter_(delimiter),
        classes_(byte_classes(delimiter)) {}

  void read();

 private:
  enum class State : unsigned char { row_not_begun, field_not_begun, field_begun, might_have_ended };

  /// One physical line: [begin, end) including its line end ("\n", "\r\n" or a lone
  /// "\r"), up to `content_end` without it.
  struct Line {
    std::size_t begin = 0, end = 0, content_end = 0;
    bool has_quote = false;
  };
  Line scan_line(std::size_t pos);
  void split(const Line& line);
  /// The state machine over [begin, end): the offset (from begin) of the byte that is
  /// out of place, or npos.
  std::size_t parse(std::size_t begin, std::size_t end);
  void field(std::string_view text, std::size_t begin, std::size_t end, bool in_source);
  void submit_field();
  void record();
  void finish_header();
  void reset();
  bool finish();

  RecordTable& table_;
  Diagnostics& diagnostics_;
  const std::string& source_;
  const char delimiter_;
  const std::array<unsigned char, 256> classes_;
  std::vector<std::size_t> delimiters_;  ///< of the line being split

  std::vector<std::string> header_;
  bool have_header_ = false;
  bool in_record_ = false;
  std::uint32_t record_line_ = 0;
  std::size_t record_offset_ = 0;
  std::size_t fields_ = 0;

  State state_ = State::row_not_begun;
  bool quoted_ = false;
  std::size_t spaces_ = 0;
  std::string entry_;
};

CsvReader::Line CsvReader::scan_line(std::size_t pos) {
  Line line;
  line.begin = pos;
  delimiters_.clear();
  const char* const text = source_.data();
  const std::size_t size = source_.size();
  std::size_t i = pos;
  for (;;) {
    while (i < size && classes_[static_cast<unsigned char>(text[i])] == kPlain) ++i;
    if (i == size) break;
    const unsigned char k = classes_[static_cast<unsigned char>(text[i])];
    if (k == kLineEnd) break;
    if (k == kDelimiter) delimiters_.push_back(i);
    else line.has_quote = true;
    ++i;
  }
  line.content_end = i;
  if (i < size) i += text[i] == '\r' && i + 1 < size && text[i + 1] == '\n' ? 2 : 1;
  line.end = i;
  return line;
}

void CsvReader::field(std::string_view text, std::size_t begin, std::size_t end, bool in_source) {
  if (!have_header_) header_.emplace_back(text);
  else if (in_source) table_.push_source_cell(begin, end);
  else table_.push_cell(text);
  ++fields_;
}

/// A line that starts a row and has no quote: its fields, trimmed, as ranges of the text.
void CsvReader::split(const Line& line) {
  std::size_t start = line.begin;
  const auto one = [&](std::size_t stop) {
    std::size_t b = start, e = stop;
    while (b < e && is_space(source_[b], delimiter_)) ++b;
    while (e > b && is_space(source_[e - 1], delimiter_)) --e;
    field(std::string_view(source_.data() + b, e - b), b, e, true);
  };
  for (std::size_t d : delimiters_) {
    one(d);
    start = d + 1;
  }
  one(line.content_end);
  record();
}

void CsvReader::submit_field() {
  if (!quoted_) entry_.resize(entry_.size() - spaces_);
  field(entry_, 0, 0, false);
  state_ = State::field_not_begun;
  entry_.clear();
  quoted_ = false;
  spaces_ = 0;
}

std::size_t CsvReader::parse(std::size_t begin, std::size_t end) {
  for (std::size_t i = begin; i < end; ++i) {
    const char c = source_[i];
    const bool line_end = c == '\r' || c == '\n';
    const bool space = c == ' ' || c == '\t';
    switch (state_) {
      case State::row_not_begun:
      case State::field_not_begun:
        if (space && c != delimiter_) break;
        if (line_end) {
          if (state_ == State::field_not_begun) {
            submit_field();
            record();
          }
        } else if (c == delimiter_) {
          submit_field();
        } else if (c == '"') {
          state_ = State::field_begun;
          quoted_ = true;
        } else {
          state_ = State::field_begun;
          quoted_ = false;
          entry_ += c;
        }
        break;
      case State::field_begun:
        if (c == '"') {
          if (!quoted_) return i - begin;  // a quote inside an unquoted value
          entry_ += c;
          state_ = State::might_have_ended;
        } else if (c == delimiter_ && !quoted_) {
          submit_field();
        } else if (line_end && !quoted_) {
          submit_field();
          record();
        } else {
          entry_ += c;
          spaces_ = !quoted_ && space ? spaces_ + 1 : 0;
        }
        break;
      case State::might_have_ended:  // after a quote inside a quoted value
        if (c == delimiter_ || line_end) {
          entry_.resize(entry_.size() - spaces_ - 1);  // the closing quote and spaces after it
          submit_field();
          if (line_end) record();
        } else if (space) {
          entry_ += c;
          ++spaces_;
        } else if (c == '"' && spaces_ == 0) {
          state_ = State::field_begun;  // "" is one quote
        } else {
          return i - begin;  // text after the closing quote
        }
        break;
    }
  }
  return std::string::npos;
}

void CsvReader::finish_header() {
  have_header_ = true;
  std::unordered_set<std::string_view> seen;
  for (std::size_t i = 0; i < header_.size(); ++i) {
    const auto& name = header_[i];
    if (name.empty()) {
      diagnostics_.error(SourceRegion{table_.file(), record_line_, 0, 0},
                         fmt::format("column {} of the header row has no name", i + 1),
                         "give every column a name in the first row");
    }
    // A set, not a search of the columns before: a header of 100,000 names is read in
    // linear time, and each repeat is reported once.
    if (!name.empty() && !seen.insert(name).second) {
      diagnostics_.error(SourceRegion{table_.file(), record_line_, 0, 0},
                         fmt::format("column {} appears twice in the header", util::quoted(name)),
                         "remove or rename one of them");
    }
  }
  table_.set_columns(std::move(header_), record_line_);
}

/// The end of a row.
void CsvReader::record() {
  if (!have_header_) {
    finish_header();
  } else if (fields_ != table_.columns().size()) {
    const std::size_t fields = fields_;
    table_.discard_row();
    table_.note_rejected_row();
    diagnostics_.add(field_count_problem(table_, record_line_, fields));
  } else {
    table_.commit_row(record_line_, record_offset_);
  }
  fields_ = 0;
  in_record_ = false;
  state_ = State::row_not_begun;
  entry_.clear();
  quoted_ = false;
  spaces_ = 0;
}

void CsvReader::reset() {
  if (have_header_) {
    table_.discard_row();
    table_.note_rejected_row();
  } else {
    header_.clear();
  }
  state_ = State::row_not_begun;
  entry_.clear();
  quoted_ = false;
  spaces_ = 0;
  in_record_ = false;
  fields_ = 0;
}

/// The end of the file: a row without a line end is a row. False when a quoted value is
/// still open.
bool CsvReader::finish() {
  switch (state_) {
    case State::row_not_begun: return true;
    case State::field_begun:
      if (quoted_) return false;
      break;
    case State::might_have_ended:
      entry_.resize(entry_.size() - spaces_ - 1);
      break;
    case State::field_not_begun: break;
  }
  submit_field();
  record();
  return true;
}

void CsvReader::read() {
  std::size_t pos = source_.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  std::uint32_t line_number = 1;
  while (pos < source_.size()) {
    const Line line = scan_line(pos);
    const std::string_view chunk(source_.data() + line.begin, line.end - line.begin);
    if (!in_record_ && !is_blank(chunk, delimiter_)) {
      in_record_ = true;
      record_line_ = line_number;
      record_offset_ = pos;
    }
    if (state_ == State::row_not_begun && !line.has_quote && in_record_) {
      split(line);
    } else if (const std::size_t used = parse(line.begin, line.end); used != std::string::npos) {
      Diagnostic d;
      d.where = SourceRegion{table_.file(), line_number, column_of(source_, pos, pos + used), 1};
      d.message = "a double quote is out of place";
      d.hint = "a quoted value must be quoted from its first character to its last, and a "
               "quote inside it written twice (\"\")";
      d.source_line = table_.line_text(line_number);
      diagnostics_.add(std::move(d));
      reset();
    }
    pos = line.end;
    ++line_number;
  }
  if (!finish()) {
    Diagnostic d;
    d.where = unclosed_quote(source_, record_offset_, record_line_, table_.file());
    d.message = "a quoted value that starts here is never closed";
    d.hint = "add the closing double quote (the file may have been cut short)";
    d.source_line = table_.line_text(d.where.line);
    diagnostics_.add(std::move(d));
    if (have_header_) {
      table_.discard_row();
      table_.note_rejected_row();
    }
  }
  if (!have_header_) {
    diagnostics_.error(SourceRegion{table_.file(), 1, 0, 0}, "the file is empty", "the first row must name the columns");
  }
}

}  // namespace

Diagnostic field_count_problem(const RecordTable& table, std::uint32_t line, std::size_t fields) {
  const auto& columns = table.columns();
  Diagnostic d;
  d.where = SourceRegion{table.file(), line, 0, 0};
  d.message = fmt::format("this row has {} field{} but the header has {}", fields, fields == 1 ? "" : "s",
                          columns.size());
  if (fields > columns.size()) {
    d.hint = "put double quotes around values that contain a comma";
  } else {
    // Hand-edited files often drop the empty cells at the end of a row.
    const std::size_t missing = columns.size() - fields;
    const std::vector<std::string> names(columns.begin() + static_cast<std::ptrdiff_t>(fields), columns.end());
    const std::string commas = missing == 1 ? "a comma" : fmt::format("{} commas", missing);
    d.hint = fmt::format("a value is missing or the line was cut short; if {} empty, end the row with {}",
                         missing == 1 ? fmt::format("{} is", names.front())
                                      : fmt::format("{} are", util::join(names, ", ", 4)),
                         commas);
    d.cause = fmt::format("rows stop before {}: if {} empty, end each with {}", util::join(names, ", ", 4),
                          missing == 1 ? "it is" : "they are", commas);
  }
  d.source_line = table.line_text(line);
  return d;
}

RecordTable read_csv(std::string text, const std::string& file, Diagnostics& diagnostics,
                     const CsvOptions& options) {
  RecordTable table(file, std::move(text));
  table.set_delimiter(options.delimiter);
  CsvReader(table, diagnostics, options.delimiter).read();
  return table;
}

}  // namespace attune::io
