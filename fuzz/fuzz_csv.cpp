// libFuzzer target: the CSV loaders. The first byte picks the table (children, staff,
// shifts, attendance, allocations, care_log, overrides) and how setting.toml says to
// read it (attune's own format; ";" with dd/mm/yyyy and 12-hour times; tab with
// d/m/yyyy and a renamed column); the rest is that table's CSV file, inside the fixed
// valid setting of fuzz_support.hpp.

#include <cstddef>
#include <cstdint>
#include <string>

#include <fmt/format.h>

#include "fuzz_support.hpp"

namespace {

using attune::fuzz::kTables;

/// A value map for a column each table has, so the mapping code runs too.
std::string_view values_of(std::string_view table) {
  if (table == "children" || table == "attendance")
    return R"(values = { room = { "Baby Room" = "babies", "Toddler Room" = "toddlers" } })";
  if (table == "staff")
    return R"(values = { qualification = { "Level 3 NVQ" = "level3" }, role = { "Room Leader" = "room_leader" }, baby_training = { "Y" = "yes", "N" = "no" } })";
  if (table == "shifts")
    return R"(values = { room = { "Baby Room" = "babies" }, kind = { "Shift" = "work", "Lunch" = "break" } })";
  if (table == "allocations") return R"(values = { key_person = { "Jo" = "s1" } })";
  if (table == "care_log") return R"(values = { kind = { "Nappy change" = "nappy" } })";
  return R"(values = { rule = { "Ratio" = "RATIO-ROOM" } })";
}

/// The first column of each table, renamed in variant 2.
std::string_view first_column(std::string_view table) {
  if (table == "children" || table == "staff") return "id";
  if (table == "shifts") return "staff";
  if (table == "overrides") return "date";
  return "child";
}

std::string import_section(std::string_view table, int variant) {
  if (variant == 1) {
    return fmt::format("\n[import.{}]\ndelimiter = \";\"\ndate_format = \"dd/mm/yyyy\"\ntime_format = \"h:mm am\"\n{}\n",
                       table, values_of(table));
  }
  if (variant == 2) {
    return fmt::format("\n[import.{}]\ndelimiter = \"tab\"\ndate_format = \"d/m/yyyy\"\ncolumns = {{ {} = \"Ref\" }}\n{}\n",
                       table, first_column(table), values_of(table));
  }
  return {};
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const bool ready = attune::fuzz::base_setting_loads();
  (void)ready;
  if (size == 0) return 0;
  const std::string_view table = kTables[data[0] % attune::fuzz::kTableCount];
  const int variant = (data[0] / attune::fuzz::kTableCount) % 3;
  const std::string setting = std::string(attune::fuzz::kSettingToml) + import_section(table, variant);
  attune::DataFiles files = attune::fuzz::base_files();
  files[std::string(table) + ".csv"].assign(reinterpret_cast<const char*>(data) + 1, size - 1);

  const attune::LoadResult loaded = attune::load_setting_in_memory(setting, false, files, "setting.toml", {});
  attune::fuzz::format_all(loaded.diagnostics);
  if (loaded.setting) attune::fuzz::check_and_render(*loaded.setting);
  return 0;
}
