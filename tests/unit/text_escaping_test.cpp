// JSON strings and CSV cells: escaped or quoted as RFC 8259 and RFC 4180 ask, whatever
// the position of a byte in the 8-byte blocks plain text is copied in.

#include <doctest/doctest.h>

#include <string>

#include "attune/document.hpp"
#include "render/json_writer.hpp"

using attune::render::append_json_string;

namespace {

std::string json_quoted(std::string_view text) {
  std::string out;
  append_json_string(out, text);
  return out;
}

}  // namespace

TEST_CASE("plain text is copied as it is, in blocks and in the bytes after them") {
  CHECK(json_quoted("") == "\"\"");
  CHECK(json_quoted("abc") == "\"abc\"");
  CHECK(json_quoted("arrival at 08:15: neither key person nor buddy") == "\"arrival at 08:15: neither key person nor buddy\"");
}

TEST_CASE("a byte to escape is escaped at every position of a block") {
  // Each of these, put at position 0 to 16 of a run of letters, is written escaped, and
  // the letters around it unchanged.
  const std::pair<std::string, std::string> cases[] = {
      {"\"", "\\\""}, {"\\", "\\\\"}, {"\n", "\\n"}, {"\t", "\\t"}, {std::string(1, '\x01'), "\\u0001"},
      {std::string(1, '\x1f'), "\\u001f"}, {"\xc3\xa9", "\xc3\xa9"}, {"\xff", "\xef\xbf\xbd"}};
  for (const auto& [raw, escaped] : cases) {
    for (std::size_t at = 0; at <= 16; ++at) {
      const std::string before(at, 'a');
      const std::string after(17 - at, 'b');
      INFO("byte ", escaped, " at ", at);
      CHECK(json_quoted(before + raw + after) == "\"" + before + escaped + after + "\"");
    }
  }
}

TEST_CASE("a short plain string is copied in one piece, and longer ones and escapes around that length too") {
  // Up to 126 plain bytes are quoted in a buffer; from 127 on, or with a byte to escape,
  // they are copied in runs. Either way the text is the same.
  for (std::size_t n : {125u, 126u, 127u, 128u, 300u}) {
    const std::string plain(n, 'x');
    INFO("length ", n);
    CHECK(json_quoted(plain) == "\"" + plain + "\"");
    CHECK(json_quoted(plain + "\n") == "\"" + plain + "\\n\"");
    CHECK(json_quoted("\t" + plain) == "\"\\t" + plain + "\"");
    CHECK(json_quoted(plain + "\xc3\xa9" + plain) == "\"" + plain + "\xc3\xa9" + plain + "\"");
  }
}

TEST_CASE("bytes just below and above the ones to escape are copied") {
  // space (0x20), '!' (0x21), '#' (0x23), '[' (0x5b), ']' (0x5d), DEL (0x7f): none needs escaping.
  const std::string edge = " !#[]\x7f" + std::string(10, ' ') + " !#[]\x7f";
  CHECK(json_quoted(edge) == "\"" + edge + "\"");
}

TEST_CASE("a CSV cell is quoted when it holds a comma, a quote or a line end, at any position") {
  for (const char* special : {",", "\"", "\r", "\n"}) {
    for (std::size_t at = 0; at <= 16; ++at) {
      const std::string cell = std::string(at, 'a') + special + std::string(17 - at, 'b');
      std::string quoted_cell = "\"";
      // A cell starting with a carriage return is guarded against formulas as well.
      if (at == 0 && special[0] == '\r') quoted_cell += '\'';
      for (char c : cell) {
        if (c == '"') quoted_cell += '"';
        quoted_cell += c;
      }
      quoted_cell += '"';
      INFO("at ", at);
      CHECK(attune::csv_cell(cell) == quoted_cell);
    }
  }
  const std::string plain = "arrival at 08:15; neither key person nor buddy";
  CHECK(attune::csv_cell(plain) == plain);
  CHECK(attune::csv_cell("=1+1") == "'=1+1");
  CHECK(attune::csv_cell("-1, or 2") == "\"'-1, or 2\"");
  // Quotes side by side and at the end: each doubled, the rest copied as it is.
  CHECK(attune::csv_cell("say \"\"hi\"") == "\"say \"\"\"\"hi\"\"\"");
}

TEST_CASE("a finding's object on one line inside an indented document") {
  // Worked by hand: members of an indented level on their own line, two spaces deeper
  // per level; inside the one-line object ", " between members and nothing else.
  std::string out;
  attune::render::JsonWriter w(out);
  w.begin_object();
  w.key("a"), w.value(1);
  w.key("list");
  w.begin_array();
  w.begin_object_on_one_line();
  w.key("x"), w.value("s1");
  w.key("y");
  w.begin_array();
  w.value(2);
  w.value(3);
  w.end_array();
  w.key("z");
  w.begin_object();
  w.end_object();
  w.end_object();
  w.begin_object_on_one_line();
  w.end_object();
  w.end_array();
  w.end_object();
  CHECK(out == "{\n  \"a\": 1,\n  \"list\": [\n    {\"x\": \"s1\", \"y\": [2, 3], \"z\": {}},\n    {}\n  ]\n}");
}
