#include <doctest/doctest.h>

#include "io/csv_reader.hpp"

using namespace attune;
using namespace attune::io;

namespace {
std::string all(const Diagnostics& d) {
  std::string out;
  for (const auto& x : d.sorted()) out += format_diagnostic(x) + "\n";
  return out;
}
}  // namespace

TEST_CASE("quoted fields, a BOM and CRLF line ends") {
  Diagnostics d;
  const RecordTable t = read_csv("\xEF\xBB\xBFid,name\r\nc1,\"Brown, Amy\"\r\nc2,\"Say \"\"hi\"\"\"\r\n", "x.csv", d);
  CHECK_FALSE(d.has_errors());
  REQUIRE(t.rows() == 2);
  CHECK(t.columns()[0] == "id");  // no BOM in the first column's name
  CHECK(t.cell(0, 1) == "Brown, Amy");
  CHECK(t.cell(1, 1) == "Say \"hi\"");
  CHECK(t.row_line(1) == 3);
}

TEST_CASE("a quoted field may span lines; later rows keep their line numbers") {
  Diagnostics d;
  const RecordTable t = read_csv("id,note\nc1,\"two\nlines\"\nc2,x\n", "x.csv", d);
  CHECK_FALSE(d.has_errors());
  REQUIRE(t.rows() == 2);
  CHECK(t.cell(0, 1) == "two\nlines");
  CHECK(t.row_line(0) == 2);
  CHECK(t.row_line(1) == 4);
}

TEST_CASE("blank lines are skipped, and a last line without newline is read") {
  Diagnostics d;
  const RecordTable t = read_csv("id,name\n\nc1,Amy\n\n\nc2,Ben", "x.csv", d);
  CHECK_FALSE(d.has_errors());
  REQUIRE(t.rows() == 2);
  CHECK(t.row_line(0) == 3);
  CHECK(t.row_line(1) == 6);
}

TEST_CASE("every bad row is reported with its line, and reading goes on") {
  Diagnostics d;
  const RecordTable t = read_csv("id,name,room\nc1,Amy\nc2,Ben,babies\nc3,Cal,x,y\nc4,Dot,babies\n", "kids.csv", d);
  CHECK(d.error_count() == 2);
  const std::string text = all(d);
  CHECK(text.find("kids.csv:2: error: this row has 2 fields but the header has 3") != std::string::npos);
  CHECK(text.find("kids.csv:4: error: this row has 4 fields but the header has 3") != std::string::npos);
  REQUIRE(t.rows() == 2);
  CHECK(t.cell(1, 0) == "c4");
}

TEST_CASE("a stray quote is reported at its line") {
  Diagnostics d;
  read_csv("id,name\nc1,Amy\nc2,\"Ben\"x\nc3,Cal\n", "x.csv", d);
  CHECK(d.error_count() == 1);
  CHECK(all(d).find("x.csv:3:") != std::string::npos);
}

TEST_CASE("an unterminated quote is reported at the line it starts") {
  Diagnostics d;
  read_csv("id,name\nc1,Amy\nc2,\"Ben\nc3,Cal\n", "x.csv", d);
  // c2,"Ben: the quote opens at column 4 of line 3.
  CHECK(all(d).find("x.csv:3:4: error: a quoted value that starts here is never closed") != std::string::npos);
}

TEST_CASE("cell places are found again for messages") {
  Diagnostics d;
  const RecordTable t = read_csv("id,name,room\nc1,\"Brown, Amy\",todlers\n", "x.csv", d);
  const SourceRegion r = t.cell_region(0, 2);
  CHECK(r.line == 2);
  CHECK(r.column == 17);  // c1, (3) + "Brown, Amy", (13) = 16 before it
  CHECK(r.length == 7);
}

TEST_CASE("an empty file has no header") {
  Diagnostics d;
  read_csv("", "x.csv", d);
  CHECK(all(d).find("x.csv:1: error: the file is empty") != std::string::npos);
}

TEST_CASE("semicolon-separated files") {
  Diagnostics d;
  const RecordTable t = read_csv("id;name\nc1;Brown, Amy\n", "x.csv", d, CsvOptions{';'});
  CHECK_FALSE(d.has_errors());
  CHECK(t.cell(0, 1) == "Brown, Amy");
}
