#include "json_writer.hpp"

#include <cmath>
#include <cstring>

#include <fmt/format.h>

#include "../util/bytes.hpp"
#include "attune/clock_time.hpp"

namespace attune::render {
namespace {

/// The length of the valid UTF-8 sequence starting at `i`, or 0 if the bytes there are
/// not one (a stray continuation byte, a truncated or overlong sequence, a surrogate).
std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = byte(i);
  std::size_t n = 0;
  std::uint32_t code = 0;
  if (c >= 0xC2 && c <= 0xDF) n = 2, code = c & 0x1Fu;
  else if (c >= 0xE0 && c <= 0xEF) n = 3, code = c & 0x0Fu;
  else if (c >= 0xF0 && c <= 0xF4) n = 4, code = c & 0x07u;
  else return 0;
  if (i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    code = (code << 6) | (byte(i + k) & 0x3Fu);
  }
  if ((n == 3 && code < 0x800) || (n == 4 && (code < 0x10000 || code > 0x10FFFF))) return 0;
  if (code >= 0xD800 && code <= 0xDFFF) return 0;
  return n;
}

/// Whether any of the 8 bytes in `v` may need more than copying: a control character, a
/// quote, a backslash, or a byte of a multi-byte UTF-8 sequence (which is checked). A
/// message is plain ASCII, so it is copied 8 bytes at a time.
/// Inlined, and its three tests joined without branches: it runs for every 8 bytes of
/// every string of the document.
[[gnu::always_inline]] inline bool may_need_escape(std::uint64_t v) {
  return (static_cast<unsigned>(util::has_control_or_high_byte(v)) | static_cast<unsigned>(util::has_byte(v, '"')) |
          static_cast<unsigned>(util::has_byte(v, '\\'))) != 0;
}

/// A byte copied as it is: printable ASCII but the quote and the backslash.
bool plain_byte(unsigned char c) { return c >= 0x20 && c < 0x80 && c != '"' && c != '\\'; }

/// How many bytes at the start of `text` are copied as they are (8 at a time).
std::size_t plain_prefix(std::string_view text) {
  const std::size_t n = text.size();
  std::size_t i = 0;
  if (n < 8) {
    // A short string (an id, a time, a date) in one block padded with spaces, which
    // are plain: one test instead of one per byte.
    if (n == 0) return 0;  // and no memcpy from a string_view's null data
    std::uint64_t v = util::kByteOnes * ' ';
    std::memcpy(&v, text.data(), n);
    if (!may_need_escape(v)) return n;
  } else {
    while (i + 8 <= n && !may_need_escape(util::load8(text.data() + i))) i += 8;
    // The last bytes in the block that ends the string (it overlaps the ones tested).
    if (i + 8 > n && !may_need_escape(util::load8(text.data() + n - 8))) return n;
  }
  // Something to escape at or after i (the blocks before it are plain): find where, a
  // byte at a time.
  while (i < n && plain_byte(static_cast<unsigned char>(text[i]))) ++i;
  return i;
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  // Nearly every string (an id, a time, a date, a rule, most messages) is short and
  // plain: quoted in a buffer and appended in one call instead of three.
  const std::size_t plain_start = plain_prefix(text);
  constexpr std::size_t kShort = 126;
  if (plain_start == text.size() && text.size() <= kShort) {
    char quoted[kShort + 2];
    quoted[0] = '"';
    std::memcpy(quoted + 1, text.data(), text.size());
    quoted[text.size() + 1] = '"';
    out.append(quoted, text.size() + 2);
    return;
  }
  out += '"';
  std::size_t plain = 0;  // start of the run of bytes copied as they are
  const auto flush = [&](std::size_t i) { out.append(text.data() + plain, i - plain); };
  for (std::size_t i = plain_start; i < text.size();) {
    if (i + 8 <= text.size()) {
      if (!may_need_escape(util::load8(text.data() + i))) {
        i += 8;
        continue;
      }
    }
    const auto c = static_cast<unsigned char>(text[i]);
    if (plain_byte(c)) {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      const std::size_t n = utf8_length(text, i);
      if (n > 0) {
        i += n;
        continue;
      }
      flush(i);
      out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
      plain = ++i;
      continue;
    }
    flush(i);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: fmt::format_to(std::back_inserter(out), "\\u{:04x}", static_cast<unsigned>(c)); break;
    }
    plain = ++i;
  }
  flush(text.size());
  out += '"';
}

void append_json_time(std::string& out, int minute) {
  if (minute < 0 || minute >= 100 * 60) {
    append_json_string(out, format_clock_time(minute));
    return;
  }
  const int h = minute / 60, m = minute % 60;
  const char text[7] = {'"', static_cast<char>('0' + h / 10), static_cast<char>('0' + h % 10), ':',
                        static_cast<char>('0' + m / 10), static_cast<char>('0' + m % 10), '"'};
  out.append(text, sizeof text);
}

void append_json_id(std::string& out, std::string_view id) {
  char quoted[64];
  if (id.size() + 2 > sizeof quoted) {
    append_json_string(out, id);
    return;
  }
  quoted[0] = '"';
  std::memcpy(quoted + 1, id.data(), id.size());
  quoted[id.size() + 1] = '"';
  out.append(quoted, id.size() + 2);
}

namespace {

/// ",\n" and spaces: every separator and indentation of the document is a piece of this,
/// appended in one call (a member costs one append for its separator, one for its name;
/// a finding has fifteen of them, and a year of a group a million findings).
constexpr std::size_t kIndents = 256;
const std::string& separators() {
  static const std::string text = ",\n" + std::string(kIndents, ' ');
  return text;
}

/// A comma (if `comma`), a new line, and `indent` spaces.
void append_separator(std::string& out, bool comma, std::size_t indent) {
  if (indent > kIndents) {
    out += comma ? ",\n" : "\n";
    out.append(indent, ' ');
    return;
  }
  out.append(separators().data() + (comma ? 0 : 1), (comma ? 2 : 1) + indent);
}

}  // namespace

void JsonWriter::newline(std::size_t depth) { append_separator(out_, false, base_ + 2 * depth); }

void JsonWriter::separate() {
  Level& level = levels_.back();
  if (level.one_line) {
    if (!level.empty) out_.append(", ", 2);
  } else {
    append_separator(out_, !level.empty, base_ + 2 * levels_.size());
  }
  level.empty = false;
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (levels_.empty()) return;  // the document itself
  separate();
}

void JsonWriter::key(std::string_view name) {
  // attune's own member names: plain ASCII, nothing to escape. The separator, the
  // indentation and `"name": ` in one append (a findings-heavy year has millions).
  Level& level = levels_.back();
  const std::size_t indent = level.one_line ? 0 : base_ + 2 * levels_.size();
  char text[192];
  if (indent + name.size() + 7 > sizeof text) {
    separate();
    out_ += '"';
    out_ += name;
    out_ += "\": ";
    after_key_ = true;
    return;
  }
  std::size_t n = 0;
  if (!level.empty) text[n++] = ',';
  if (level.one_line) {
    if (!level.empty) text[n++] = ' ';
  } else {
    text[n++] = '\n';
    std::memset(text + n, ' ', indent);
    n += indent;
  }
  level.empty = false;
  text[n++] = '"';
  std::memcpy(text + n, name.data(), name.size());
  n += name.size();
  std::memcpy(text + n, "\": ", 3);
  out_.append(text, n + 3);
  after_key_ = true;
}

void JsonWriter::open(char bracket, bool one_line) {
  before_value();
  out_ += bracket;
  levels_.push_back(Level{true, one_line || (!levels_.empty() && levels_.back().one_line)});
}

void JsonWriter::close(char bracket) {
  const Level level = levels_.back();
  levels_.pop_back();
  if (!level.empty && !level.one_line) newline(levels_.size());
  out_ += bracket;
}

void JsonWriter::value(std::string_view text) {
  before_value();
  append_json_string(out_, text);
}

void JsonWriter::value(bool b) {
  before_value();
  out_ += b ? "true" : "false";
}

void JsonWriter::value(long long n) {
  before_value();
  const fmt::format_int text(n);
  out_.append(text.data(), text.size());
}

void JsonWriter::value(unsigned long long n) {
  before_value();
  const fmt::format_int text(n);
  out_.append(text.data(), text.size());
}

void JsonWriter::value(double d) {
  before_value();
  if (!std::isfinite(d)) {
    out_ += "null";
    return;
  }
  const std::size_t start = out_.size();
  fmt::format_to(std::back_inserter(out_), "{}", d);
  if (out_.find_first_of(".eE", start) == std::string::npos) out_ += ".0";
}

void JsonWriter::null() {
  before_value();
  out_ += "null";
}

void JsonWriter::raw(std::string_view json) {
  before_value();
  out_ += json;
}

}  // namespace attune::render
