// Input limits (issue 6): UTF-8, the first 50 problems in file order, files that are not
// text, tab-separated blank lines, YAML aliases and keys, settings loaded from memory.

#include <doctest/doctest.h>

#include <string>

#include "attune/load.hpp"
#include "io/config_node.hpp"
#include "io/csv_reader.hpp"
#include "io/text_check.hpp"
#include "util/utf8.hpp"

using namespace attune;

namespace {

std::string all_messages(const Diagnostics& d) {
  std::string out;
  for (const auto& x : d.sorted()) out += format_diagnostic(x) + "\n";
  return out;
}

Diagnostic at(const char* file, std::uint32_t line) {
  return Diagnostic{DiagnosticSeverity::error, SourceRegion{file, line, 1, 0}, "x", {}, {}, {}};
}

}  // namespace

TEST_CASE("UTF-8: valid text, and every kind of invalid byte") {
  using util::find_invalid_utf8;
  constexpr auto none = std::string_view::npos;
  CHECK(find_invalid_utf8("plain ASCII, longer than eight bytes") == none);
  CHECK(find_invalid_utf8("Zo\xC3\xAB \xE2\x80\x94 \xF0\x9F\x91\xB6") == none);  // ë — 👶
  CHECK(find_invalid_utf8("Zo\xEB") == 2);                       // Latin-1 ë
  CHECK(find_invalid_utf8("ab\x80") == 2);                       // a stray continuation byte
  CHECK(find_invalid_utf8("\xC0\xAF") == 0);                     // overlong "/"
  CHECK(find_invalid_utf8("\xE0\x80\xAF") == 0);                 // overlong, three bytes
  CHECK(find_invalid_utf8("\xED\xA0\x80") == 0);                 // a surrogate
  CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == 0);             // above U+10FFFF
  CHECK(find_invalid_utf8("abcdefgh\xE2\x80") == 8);             // cut short at the end
  CHECK(util::valid_utf8("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
  CHECK(util::valid_utf8("ok \xC3\xA9") == "ok \xC3\xA9");
}

TEST_CASE("a CSV line with bytes that are not UTF-8 is reported at the first of them") {
  Diagnostics d;
  // Line 3 holds a Windows-1252 e-acute in "Chlo\xE9" (column 8) and another later.
  const std::string text = "id,name\nc1,Amy\nc2,Chlo\xE9 \xE9\nc3,Ben\n";
  CHECK(io::check_text(text, "children.csv", true, d) == io::TextCheck::invalid_bytes);
  REQUIRE(d.total() == 1);
  const std::string out = all_messages(d);
  CHECK(out.find("children.csv:3:8: error: byte 0xE9 is not UTF-8 text") == 0);
  CHECK(out.find("    3 | c2,Chlo\xEF\xBF\xBD \xEF\xBF\xBD\n") != std::string::npos);
  CHECK(out.find("      |        ^") != std::string::npos);
  CHECK(util::find_invalid_utf8(out) == std::string_view::npos);
}

TEST_CASE("files that are not text are one error each") {
  Diagnostics d;
  CHECK(io::check_text(std::string("PK\x03\x04rest", 8), "staff.csv", true, d) == io::TextCheck::not_text);
  CHECK(io::check_text("\xFF\xFEi\0d\0", "shifts.csv", true, d) == io::TextCheck::not_text);
  CHECK(io::check_text(std::string("id\nc1\0\n", 7), "a.csv", true, d) == io::TextCheck::not_text);
  CHECK(d.total() == 3);
  const std::string out = all_messages(d);
  CHECK(out.find("staff.csv:1:1: error: this is a zip file") != std::string::npos);
  CHECK(out.find("shifts.csv:1:1: error: the file is UTF-16 text, not UTF-8") != std::string::npos);
  CHECK(out.find("a.csv:2:3: error: the file holds a NUL byte") != std::string::npos);
}

TEST_CASE("setting.toml and setting.yaml with bytes that are not UTF-8 are not parsed") {
  Diagnostics d;
  CHECK_FALSE(io::parse_toml("[setting]\nname = \"Caf\xE9\"\n", "setting.toml", d).has_value());
  CHECK_FALSE(io::parse_yaml("setting: { name: Caf\xE9 }\n", "setting.yaml", d).has_value());
  const std::string out = all_messages(d);
  CHECK(out.find("setting.toml:2:12: error: byte 0xE9 is not UTF-8 text") != std::string::npos);
  CHECK(out.find("setting.yaml:1:21: error: byte 0xE9 is not UTF-8 text") != std::string::npos);
}

TEST_CASE("the first problems are kept in file order, whatever order they were found in") {
  Diagnostics d(3);
  d.note_file("setting.toml");
  d.note_file("children.csv");
  d.note_file("staff.csv");
  d.add(at("staff.csv", 2));
  d.add(at("children.csv", 9));
  d.add(at("children.csv", 7));
  d.add(at("staff.csv", 1));      // line 1 comes before line 2: replaces staff.csv:2
  d.add(at("setting.toml", 4));   // before them all: replaces staff.csv:1
  d.add(at("children.csv", 8));   // replaces children.csv:9
  CHECK(d.total() == 6);
  CHECK(d.dropped() == 3);
  const auto kept = d.sorted();
  REQUIRE(kept.size() == 3);
  CHECK(kept[0].where.file == "setting.toml");
  CHECK(kept[1].where.line == 7);
  CHECK(kept[2].where.line == 8);
  CHECK(d.would_keep(SourceRegion{"children.csv", 7, 0, 0}));
  CHECK_FALSE(d.would_keep(SourceRegion{"children.csv", 9, 0, 0}));
  CHECK_FALSE(d.would_keep(SourceRegion{"unknown.csv", 1, 0, 0}));
}

TEST_CASE("problems with one cause: the first three of a file kept, the rest counted under it") {
  const auto with_cause = [](const char* file, std::uint32_t line, const char* cause) {
    Diagnostic d = at(file, line);
    d.cause = cause;
    return d;
  };
  Diagnostics d;
  for (std::uint32_t line = 2; line <= 25; ++line) d.add(with_cause("children.csv", line, "uk dates"));
  d.add(with_cause("children.csv", 26, "12-hour times"));  // another cause: its own count
  d.add(with_cause("shifts.csv", 2, "uk dates"));          // another file: its own count
  d.add(at("staff.csv", 3));                                // no cause
  CHECK(d.total() == 27);
  CHECK(d.error_count() == 27);
  CHECK(d.items().size() == 6);  // 3 + 1 + 1 + 1
  CHECK(d.dropped() == 0);       // the 21 are counted under their cause, not as dropped
  REQUIRE(d.causes().size() == 3);
  CHECK(d.causes()[0].file == "children.csv");
  CHECK(d.causes()[0].count == 24);
  CHECK(d.causes()[0].kept == 3);
  CHECK(d.causes()[1].count == 1);
  CHECK(d.causes()[2].file == "shifts.csv");

  // Settings of a group are loaded apart and merged: the counts add up, nothing twice.
  Diagnostics group;
  Diagnostics other;
  for (std::uint32_t line = 2; line <= 5; ++line) other.add(with_cause("children.csv", line, "uk dates"));
  group.merge(std::move(d));
  group.merge(std::move(other));
  CHECK(group.total() == 31);
  CHECK(group.items().size() == 9);
  CHECK(group.dropped() == 0);
  CHECK(group.causes()[0].count == 28);
  CHECK(group.causes()[0].kept == 6);
}

TEST_CASE("a tab-separated line of tabs is a row with its line number, not a blank line") {
  Diagnostics d;
  const io::RecordTable t = io::read_csv("\t\r\n", "overrides.csv", d, io::CsvOptions{'\t'});
  const std::string out = all_messages(d);
  CHECK(out.find("overrides.csv:1: error: column 1 of the header row has no name") != std::string::npos);
  CHECK(out.find("overrides.csv:1: error: column 2 of the header row has no name") != std::string::npos);
}

TEST_CASE("a header that repeats a name reports each repeat once") {
  Diagnostics d;
  (void)io::read_csv("id,id,id,name\n", "x.csv", d);
  CHECK(d.total() == 2);
  CHECK(all_messages(d).find("x.csv:1: error: column \"id\" appears twice in the header") == 0);
}

TEST_CASE("YAML aliases that would expand to millions of values are refused") {
  // Each line doubles the one before: 2^20 values from 22 short lines.
  std::string yaml = "a0: &a0 [x, x]\n";
  for (int i = 1; i <= 20; ++i)
    yaml += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [*a" + std::to_string(i - 1) + ", *a" +
            std::to_string(i - 1) + "]\n";
  Diagnostics d;
  CHECK_FALSE(io::parse_yaml(yaml, "setting.yaml", d).has_value());
  CHECK(all_messages(d).find("error: the file expands to far more values than it holds") != std::string::npos);
}

TEST_CASE("rows of a setting.yaml list with too many different keys are refused") {
  std::string yaml = R"(setting: { name: Keys }
period: { from: 2026-11-02, to: 2026-11-02 }
rooms: [ { id: babies } ]
staff: []
shifts: []
attendance: []
children:
)";
  for (int i = 0; i < 101; ++i) yaml += "  - { k" + std::to_string(i) + ": x }\n";
  const LoadResult r = load_setting_text(yaml, true, "setting.yaml", ".", LoadOptions{});
  CHECK_FALSE(r.setting.has_value());
  // The 101st key, k100, is on line 108 (the list starts on line 8), at column 7.
  CHECK(all_messages(r.diagnostics).find("setting.yaml:108:7: error: the rows of children use more than 100 different keys") !=
        std::string::npos);
}

TEST_CASE("a setting loads from memory, with its data files by name") {
  const std::string toml = R"([setting]
name = "In Memory"
[period]
from = 2026-11-02
to = 2026-11-02
[[rooms]]
id = "babies"
[data]
children = "export/kids.csv"
)";
  DataFiles files{
      {"export/kids.csv", "id,name,date_of_birth,room,key_person\nc1,Amy,2025-06-01,babies,s1\n"},
      {"staff.csv", "id,name,role,qualification\ns1,Jo,practitioner,level3\n"},
      {"shifts.csv", "staff,date,start,end,room\ns1,Mon,08:00,12:00,babies\n"},
      {"attendance.csv", "child,date,start,end\nc1,Mon,08:00,12:00\n"},
  };
  const LoadResult ok = load_setting_in_memory(toml, false, files, "setting.toml", LoadOptions{});
  INFO(all_messages(ok.diagnostics));
  REQUIRE(ok.setting.has_value());
  CHECK(ok.setting->children.size() == 1);
  CHECK(ok.rows_read == 4);

  files.erase("staff.csv");  // nothing is read from the disk instead
  const LoadResult missing = load_setting_in_memory(toml, false, files, "setting.toml", LoadOptions{});
  CHECK_FALSE(missing.setting.has_value());
  CHECK(all_messages(missing.diagnostics).find("staff.csv: error: file not found") != std::string::npos);
}
