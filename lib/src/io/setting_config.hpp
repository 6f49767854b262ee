#pragma once
// The setting file's own sections ([setting], [period], [[rooms]], [policy], [data],
// [import.*]) decoded into the model, and where each data table comes from.

#include <array>
#include <filesystem>
#include <optional>
#include <string>

#include "attune/setting.hpp"
#include "config_node.hpp"
#include "data_source.hpp"
#include "import_spec.hpp"

namespace attune::io {

enum class TableKind : unsigned char {
  children, staff, shifts, attendance, care_log, allocations, overrides, availability
};
inline constexpr std::size_t kTableKinds = 8;
std::string_view table_name(TableKind kind);  ///< "children", ...

/// Where one data table's rows come from: a CSV file, or a list inside setting.yaml.
struct TableSource {
  bool present = false;
  std::filesystem::path file;      ///< CSV file to open
  std::string display;             ///< the file as named in messages
  const ConfigNode* inline_rows = nullptr;  ///< setting.yaml list
  const ConfigNode* named_by = nullptr;     ///< the [data] entry naming the file, if any
  ImportSpec spec;
};

struct SettingConfig {
  Setting setting;  ///< name, urn, profile, opening, policy, rooms; period if given
  bool has_period = false;
  bool period_wrong = false;  ///< [period] was given, but a date in it is wrong (reported there)
  bool rooms_complete = true;  ///< false: [[rooms]] missing or a room could not be read
  bool opening_ok = true;  ///< false: the opening hours were given but wrong (no checks against them)
  std::array<TableSource, kTableKinds> tables;
  std::filesystem::path policy_answers;  ///< [data] policy, if given

  TableSource& table(TableKind kind) { return tables[static_cast<std::size_t>(kind)]; }
};

/// Decodes the root of a setting.toml or setting.yaml. `base_dir` is where data files
/// are opened; `display_dir` is how that folder is named in messages; `files` says which
/// optional data files exist.
SettingConfig decode_setting_config(const ConfigNode& root, bool yaml, const SourceLines& lines,
                                    const std::filesystem::path& base_dir,
                                    const std::filesystem::path& display_dir, const DataSource& files,
                                    Diagnostics& diagnostics);

}  // namespace attune::io
