#pragma once
// A streaming JSON writer: appends pretty-printed JSON (two spaces a level, the layout
// nlohmann::json's dump(2) gives) straight to a string, without building a tree. The
// check document of a 100-setting group is about 100 MB; building it as a tree first
// cost more than checking the rules.
//
//     std::string out;
//     JsonWriter w(out);
//     w.begin_object();
//     w.key("rule"), w.value("RATIO-ROOM");
//     w.key("values"), w.begin_object(), w.key("children"), w.value(7), w.end_object();
//     w.end_object();

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace attune::render {

class JsonWriter {
 public:
  /// `indent`: spaces before every line after the first, so the text can be placed
  /// inside a document that is already that deep.
  explicit JsonWriter(std::string& out, std::size_t indent = 0) : out_(out), base_(indent) {}

  void begin_object() { open('{', false); }
  /// An object written on one line, `{"a": 1, "b": {"c": 2}}`, with everything in it
  /// (a finding: a year of a group has a million, and fifteen lines each would be most
  /// of the document).
  void begin_object_on_one_line() { open('{', true); }
  void end_object() { close('}'); }
  void begin_array() { open('[', false); }
  void end_array() { close(']'); }

  /// The next member's name, inside an object: one of attune's own names (letters,
  /// digits, '_'), written as it is.
  void key(std::string_view name);

  void value(std::string_view text);
  void value(const char* text) { value(std::string_view(text)); }
  void value(const std::string& text) { value(std::string_view(text)); }
  void value(bool b);
  void value(long long n);
  void value(unsigned long long n);
  void value(int n) { value(static_cast<long long>(n)); }
  void value(unsigned n) { value(static_cast<unsigned long long>(n)); }
  void value(long n) { value(static_cast<long long>(n)); }
  void value(unsigned long n) { value(static_cast<unsigned long long>(n)); }
  /// Shortest text that reads back as the same double; "1.0" for whole numbers; null
  /// for NaN and infinities (which JSON cannot hold).
  void value(double d);
  void null();
  /// The value, or null when there is none.
  void value_or_null(const std::optional<double>& number) {
    if (number) value(*number);
    else null();
  }
  void value_or_null(const std::string* text) {
    if (text != nullptr) value(*text);
    else null();
  }

  /// Text already written as JSON at this writer's depth (e.g. a nested document).
  void raw(std::string_view json);
  /// The text to append one value to, on one line, straight (a finding, whose member
  /// names are then constant pieces of text): its separator is written first.
  [[nodiscard]] std::string& value_text() {
    before_value();
    return out_;
  }

 private:
  void open(char bracket, bool one_line);
  void close(char bracket);
  /// Before a value: a comma and new line inside an array; nothing after a key.
  void before_value();
  /// Before a member or an element of the innermost level: its comma, and a new line
  /// and indentation unless the level is on one line.
  void separate();
  void newline(std::size_t depth);

  std::string& out_;
  std::size_t base_;
  struct Level {
    bool empty = true;
    bool one_line = false;
  };
  std::vector<Level> levels_;
  bool after_key_ = false;
};

/// `text` as a JSON string literal, quotes included: `"`, `\` and control characters
/// escaped, other UTF-8 as it is, and a byte that is not valid UTF-8 as U+FFFD.
void append_json_string(std::string& out, std::string_view text);
/// A time of day as format_clock_time writes it ("07:45"), quoted: it needs no escaping,
/// so it is written straight (a finding and its context have a dozen times).
void append_json_time(std::string& out, int minute);
/// One of the program's own ids (a severity, a qualification, a kind of fix), quoted:
/// they are plain ASCII, never the user's text, so nothing is tested.
void append_json_id(std::string& out, std::string_view id);

}  // namespace attune::render
