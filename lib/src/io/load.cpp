#include "attune/load.hpp"

#include <algorithm>
#include <system_error>

#include <fmt/format.h>

#include "config_node.hpp"
#include "csv_reader.hpp"
#include "data_source.hpp"
#include "inline_table.hpp"
#include "load_context.hpp"
#include "text_check.hpp"

namespace attune {
namespace fs = std::filesystem;

namespace {

bool is_yaml(const fs::path& file) {
  const auto ext = file.extension().string();
  return ext == ".yaml" || ext == ".yml";
}

/// The period: --from/--to override [period]; at least one source must give both ends.
/// False when there is none.
bool resolve_period(io::SettingConfig& config, const LoadOptions& options, const std::string& file,
                    Diagnostics& diagnostics) {
  Period& period = config.setting.period;
  if (!config.has_period && (!options.from || !options.to)) {
    if (config.period_wrong) return false;  // the wrong date is reported where it is
    if (!options.from && !options.to) {
      diagnostics.error(SourceRegion{file, 1, 0, 0}, "no audit period",
                        "add [period] from = 2026-11-02, to = 2026-11-06, or pass --from and --to");
      return false;
    }
    // One end given on the command line: the other defaults to it (one day).
    period = Period{options.from.value_or(*options.to), options.to.value_or(*options.from)};
  }
  if (options.from) period.from = *options.from;
  if (options.to) period.to = *options.to;
  if (period.to < period.from) {
    // Both ends from the command line are checked there, once; here one end came from
    // --from or --to and the other from this setting's [period].
    std::string hint = "swap from and to";
    if (options.from && !options.to) hint = "give --to as well, or correct --from";
    else if (options.to && !options.from) hint = "give --from as well, or correct --to";
    const std::string what =
        options.from && !options.to ? fmt::format("--from {} is after the end of [period] ({})",
                                                  format_iso_date(period.from), format_iso_date(period.to))
        : options.to && !options.from ? fmt::format("--to {} is before the start of [period] ({})",
                                                    format_iso_date(period.to), format_iso_date(period.from))
                                      : fmt::format("the period ends ({}) before it starts ({})",
                                                    format_iso_date(period.to), format_iso_date(period.from));
    diagnostics.error(SourceRegion{file, 1, 0, 0}, what, hint);
    period.to = period.from;
  }
  return true;
}

void read_tables(io::LoadContext& c, std::string_view setting_text, const io::DataSource& data) {
  const io::SourceLines lines(setting_text);
  for (std::size_t i = 0; i < io::kTableKinds; ++i) {
    io::TableSource& source = c.config.tables[i];
    if (!source.present) continue;
    if (source.inline_rows != nullptr) {
      c.tables[i] = io::table_from_list(*source.inline_rows, source.display,
                                        std::string(setting_text), c.diagnostics);
      continue;
    }
    if (source.named_by != nullptr && !data.exists(source.file)) {
      // Point at the line of setting.toml that names the missing file.
      io::report_at(c.diagnostics, *source.named_by, lines,
                    fmt::format("{} file \"{}\" not found", io::table_name(static_cast<io::TableKind>(i)),
                                source.named_by->text),
                    fmt::format("check the name, or put the file next to setting.toml ({})", source.display));
      continue;
    }
    auto text = data.read(source.file, source.display, c.diagnostics);
    if (!text || io::check_text(*text, source.display, true, c.diagnostics) == io::TextCheck::not_text) continue;
    c.tables[i] = io::read_csv(std::move(*text), source.display, c.diagnostics,
                               io::CsvOptions{source.spec.delimiter});
  }
}

LoadResult load(std::string_view text, bool yaml, const fs::path& display_path, const fs::path& base_dir,
                const io::DataSource& data, const LoadOptions& options) {
  LoadResult result{std::nullopt, Diagnostics(options.max_diagnostics), 0, {}, {}, {}};
  const std::string display = display_path.lexically_normal().string();
  result.diagnostics.note_file(display);
  const auto root = yaml ? io::parse_yaml(text, display, result.diagnostics)
                         : io::parse_toml(text, display, result.diagnostics);
  if (!root) return result;
  const io::SourceLines lines(text);
  io::LoadContext c(io::decode_setting_config(*root, yaml, lines, base_dir,
                                             display_path.parent_path(), data, result.diagnostics),
                    result.diagnostics);
  // Problems are listed file by file: the setting file, then the data files in order.
  for (const auto& table : c.config.tables) {
    if (table.present) result.diagnostics.note_file(table.display);
  }
  c.setting().path = display_path;
  result.name = c.setting().name;
  result.urn = c.setting().urn;
  c.setting().policy_answers = c.config.policy_answers;
  c.period_known = resolve_period(c.config, options, display, result.diagnostics);
  for (std::size_t i = 0; i < c.setting().rooms.size(); ++i) {
    const Room& room = c.setting().rooms[i];
    c.room_ids.ids.emplace(room.id, static_cast<RoomIndex>(i));
    if (!room.name.empty()) c.room_ids.names.emplace(util::to_lower(room.name), room.id);
  }
  // Rooms that could not be read are reported once, not again at every row naming them.
  c.room_ids.complete = c.config.rooms_complete;

  if (!options.shifts_file.empty()) {
    io::TableSource& shifts = c.config.table(io::TableKind::shifts);
    shifts.present = true;
    shifts.file = options.shifts_file;
    shifts.display = options.shifts_file.lexically_normal().string();
    shifts.inline_rows = nullptr;
    shifts.named_by = nullptr;
    result.diagnostics.note_file(shifts.display);
  }
  if (options.keep_shift_rows) c.shift_records = &result.shift_rows;
  read_tables(c, text, data);
  io::decode_staff(c);
  io::decode_children(c);
  io::decode_allocations(c);
  io::decode_shifts(c);
  io::decode_attendance(c);
  io::decode_care_log(c);
  io::decode_overrides(c);
  io::decode_availability(c);
  if (!result.diagnostics.has_errors()) io::build_days(c);

  result.rows_read = c.rows_read;
  if (!result.diagnostics.has_errors()) result.setting = std::move(c.config.setting);
  return result;
}

}  // namespace

LoadResult load_setting_text(std::string_view text, bool yaml, const fs::path& display_path,
                             const fs::path& base_dir, const LoadOptions& options) {
  return load(text, yaml, display_path, base_dir, io::DataSource(), options);
}

LoadResult load_setting_in_memory(std::string_view text, bool yaml, const DataFiles& files,
                                  const fs::path& display_path, const LoadOptions& options) {
  return load(text, yaml, display_path, fs::path(), io::DataSource(files), options);
}

fs::path setting_file(const fs::path& path) {
  std::error_code ec;
  if (!fs::is_directory(path, ec)) return path;
  for (const char* name : {"setting.toml", "setting.yaml", "setting.yml"}) {
    if (fs::exists(path / name, ec)) return path / name;
  }
  return path;
}

LoadResult load_setting(const fs::path& path, const LoadOptions& options) {
  std::error_code ec;
  const fs::path file = setting_file(path);
  if (file == path && fs::is_directory(path, ec)) {  // a folder without a setting file
    LoadResult result{std::nullopt, Diagnostics(options.max_diagnostics), 0, {}, {}, {}};
    result.diagnostics.error(SourceRegion{path.string(), 0, 0, 0}, "no setting.toml or setting.yaml in this folder",
                             "name a folder holding a setting.toml (see docs/formats.md)");
    return result;
  }
  Diagnostics read_errors(options.max_diagnostics);
  auto text = io::read_file(file.string(), file.lexically_normal().string(), read_errors);
  if (!text) return LoadResult{std::nullopt, std::move(read_errors), 0, {}, {}, {}};
  const fs::path base = file.parent_path().empty() ? fs::path(".") : file.parent_path();
  return load_setting_text(*text, is_yaml(file), file, base, options);
}

std::vector<fs::path> find_settings(const fs::path& path) {
  std::error_code ec;
  if (!fs::is_directory(path, ec)) return {path};
  for (const char* name : {"setting.toml", "setting.yaml", "setting.yml"}) {
    if (fs::exists(path / name, ec)) return {path};
  }
  std::vector<fs::path> found;
  fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const auto name = it->path().filename().string();
    if (it->is_directory(ec) && !name.empty() && name[0] == '.') {
      it.disable_recursion_pending();
      continue;
    }
    if (name == "setting.toml" || name == "setting.yaml" || name == "setting.yml") {
      const fs::path dir = it->path().parent_path();
      if (std::find(found.begin(), found.end(), dir) == found.end()) found.push_back(dir);
    }
  }
  std::sort(found.begin(), found.end());
  return found;
}

}  // namespace attune
