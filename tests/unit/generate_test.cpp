// The synthetic settings of `attune generate`: deterministic per (seed, index), the size
// the benchmarks expect, loadable without a single input error, with key-person changes
// when staff leave.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

#include "attune/generate.hpp"
#include "test_support.hpp"

using namespace attune;
namespace fs = std::filesystem;

namespace {

GenerateOptions year_of(int settings, std::uint64_t seed) {
  GenerateOptions o;
  o.settings = settings;
  o.weeks = 52;
  o.seed = seed;
  return o;
}

fs::path write(const GeneratedSetting& s, const fs::path& root) {
  const fs::path dir = root / s.folder_name;
  fs::create_directories(dir);
  const std::pair<const char*, const std::string*> files[] = {
      {"setting.toml", &s.setting_toml}, {"children.csv", &s.children_csv},     {"staff.csv", &s.staff_csv},
      {"shifts.csv", &s.shifts_csv},     {"attendance.csv", &s.attendance_csv}, {"allocations.csv", &s.allocations_csv}};
  for (const auto& [name, text] : files) std::ofstream(dir / name, std::ios::binary) << *text;
  return dir;
}

std::size_t lines(const std::string& text) { return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')); }

}  // namespace

TEST_CASE("a generated setting depends only on the options and its index") {
  const GenerateOptions o = year_of(10, 42);
  const GeneratedSetting third = generate_setting(o, 2);
  // Made again, after others, it is byte for byte the same.
  (void)generate_setting(o, 7);
  const GeneratedSetting again = generate_setting(o, 2);
  CHECK(third.attendance_csv == again.attendance_csv);
  CHECK(third.shifts_csv == again.shifts_csv);
  CHECK(third.children_csv == again.children_csv);
  CHECK(third.setting_toml == again.setting_toml);
  // Another index or another seed is another nursery.
  CHECK(generate_setting(o, 3).children_csv != third.children_csv);
  CHECK(generate_setting(year_of(10, 43), 2).children_csv != third.children_csv);
}

TEST_CASE("a year of a generated setting is the size the benchmarks are built on") {
  // DESIGN's scale target: 100 settings, about 1.1 million attendance rows and 750,000
  // shift rows, so about 11,000 and 7,500 per setting-year. Allow a generous spread.
  const GenerateOptions o = year_of(100, 1);
  std::size_t attendance = 0, shifts = 0;
  for (int i = 0; i < 5; ++i) {
    const GeneratedSetting s = generate_setting(o, i);
    CHECK(s.attendance_rows == lines(s.attendance_csv) - 1);
    CHECK(s.shift_rows == lines(s.shifts_csv) - 1);
    attendance += s.attendance_rows;
    shifts += s.shift_rows;
  }
  CHECK(attendance / 5 > 8000);
  CHECK(attendance / 5 < 14000);
  CHECK(shifts / 5 > 5500);
  CHECK(shifts / 5 < 9500);
}

TEST_CASE("generated settings load without an input error, dated or as patterns") {
  const fs::path root = fs::temp_directory_path() / "attune-generate-test";
  fs::remove_all(root);
  for (bool patterns : {false, true}) {
    GenerateOptions o = year_of(3, 5);
    o.weeks = patterns ? 4 : 26;
    o.patterns = patterns;
    for (int i = 0; i < 3; ++i) {
      const GeneratedSetting g = generate_setting(o, i);
      const fs::path dir = write(g, root / (patterns ? "patterns" : "dated"));
      LoadResult r = load_setting(dir / "setting.toml", LoadOptions{});
      std::string problems;
      for (const auto& d : r.diagnostics.sorted()) problems += format_diagnostic(d) + "\n";
      INFO(g.folder_name, patterns ? " (patterns)" : " (dated)", "\n", problems);
      REQUIRE(r.setting.has_value());
      CHECK(r.diagnostics.total() == 0);
      CHECK(r.setting->days.size() == static_cast<std::size_t>(7 * o.weeks));
      CHECK(r.setting->rooms.size() >= 2);
    }
  }
  fs::remove_all(root);
}

TEST_CASE("when a key person leaves, the colleague who replaces them takes over their key children") {
  // A year has staff turnover; every change is an allocation from the day after someone
  // leaves, so no child is left with a key person who has gone (KP-VALID).
  const GenerateOptions o = year_of(4, 9);
  std::size_t changes = 0;
  for (int i = 0; i < 4; ++i) {
    const GeneratedSetting g = generate_setting(o, i);
    changes += lines(g.allocations_csv) - 1;
    const fs::path dir = write(g, fs::temp_directory_path() / "attune-generate-keys");
    LoadResult r = load_setting(dir / "setting.toml", LoadOptions{});
    REQUIRE(r.setting.has_value());
    const CheckResult result = check_setting(*r.setting, test::group_profile(), CheckOptions{});
    for (const Finding& f : result.findings) {
      INFO(g.folder_name, " ", f.rule);
      CHECK(f.rule != "KP-VALID");
      CHECK(f.rule != "KP-ASSIGNED");
    }
  }
  fs::remove_all(fs::temp_directory_path() / "attune-generate-keys");
  CHECK(changes > 0);
}

TEST_CASE("generate options are checked, and folders are named to sort") {
  GenerateOptions o;
  CHECK_FALSE(check_generate_options(o).has_value());
  o.settings = 0;
  CHECK(check_generate_options(o).value() == "--settings must be from 1 to 9999");
  o.settings = 1;
  o.weeks = 521;
  CHECK(check_generate_options(o).value() == "--weeks must be from 1 to 520 (ten years)");
  CHECK(generated_folder_name(0, 100) == "setting-001");
  CHECK(generated_folder_name(99, 100) == "setting-100");
  CHECK(generated_folder_name(0, 1000) == "setting-0001");
}

namespace {

/// Findings per rule of one generated setting, checked as attune check would.
std::map<std::string, std::size_t> findings_by_rule(const GeneratedSetting& g, const fs::path& root) {
  const fs::path dir = write(g, root);
  LoadResult r = load_setting(dir / "setting.toml", LoadOptions{});
  std::string problems;
  for (const auto& d : r.diagnostics.sorted()) problems += format_diagnostic(d) + "\n";
  INFO(g.folder_name, "\n", problems);
  REQUIRE(r.setting.has_value());
  CHECK(r.diagnostics.total() == 0);
  std::map<std::string, std::size_t> out;
  for (const Finding& f : check_setting(*r.setting, test::group_profile(), CheckOptions{}).findings) ++out[f.rule];
  return out;
}

}  // namespace

TEST_CASE("--mismatch: the same nursery, with a rota and a register that match the bookings badly") {
  GenerateOptions o = year_of(20, 3);
  o.weeks = 8;
  GenerateOptions m = o;
  m.mismatch = true;
  const GeneratedSetting tidy = generate_setting(o, 4);
  const GeneratedSetting bad = generate_setting(m, 4);
  // The people, their bookings and key persons are the tidy setting's; only times and
  // rooms of the rota and register rows differ, never how many rows there are.
  CHECK(bad.children_csv == tidy.children_csv);
  CHECK(bad.staff_csv == tidy.staff_csv);
  CHECK(bad.allocations_csv == tidy.allocations_csv);
  CHECK(bad.shift_rows == tidy.shift_rows);
  CHECK(bad.attendance_rows == tidy.attendance_rows);
  CHECK(bad.shifts_csv != tidy.shifts_csv);
  CHECK(bad.attendance_csv != tidy.attendance_csv);
  // Deterministic, like everything generated.
  CHECK(generate_setting(m, 4).shifts_csv == bad.shifts_csv);
  CHECK(generate_setting(m, 4).attendance_csv == bad.attendance_csv);

  // It still loads without an input error, and the check finds what real exports give:
  // many more missed handovers, rooms short of staff and rooms without a level 3.
  const fs::path root = fs::temp_directory_path() / "attune-generate-mismatch";
  fs::remove_all(root);
  auto tidy_findings = findings_by_rule(tidy, root / "tidy");
  auto bad_findings = findings_by_rule(bad, root / "mismatch");
  fs::remove_all(root);
  for (const char* rule : {"KP-HANDOVER", "RATIO-ROOM", "QUAL-LEVEL3"}) {
    INFO(rule, ": tidy ", tidy_findings[rule], ", mismatched ", bad_findings[rule]);
    CHECK(bad_findings[rule] >= 3 * tidy_findings[rule] + 20);
  }
}

TEST_CASE("--mismatch needs dated rows") {
  GenerateOptions o;
  o.mismatch = true;
  CHECK_FALSE(check_generate_options(o).has_value());
  o.patterns = true;
  CHECK(check_generate_options(o).value() ==
        "--mismatch changes the rota and register day by day: it needs dated rows, not --patterns");
}
