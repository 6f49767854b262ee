// attune generate GROUP --settings N --weeks W --seed S [--start DATE] [--patterns] [--mismatch] [--rooms N]
//                 [--force]
// Writes N synthetic settings (GROUP/setting-001/ ...) for demos and benchmarks.

#include <filesystem>
#include <memory>
#include <system_error>
#include <utility>

#include <fmt/format.h>

#include "attune/generate.hpp"
#include "command.hpp"
#include "output.hpp"

namespace attune::cli {
namespace {

namespace fs = std::filesystem;

struct GenerateCommand {
  std::string group;
  GenerateOptions options;
  std::string start = "2026-01-05";
  bool force = false;
};

bool write_setting(const fs::path& folder, const GeneratedSetting& s) {
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec) {
    fmt::print(stderr, "attune generate: cannot create {}: {}\n", folder.string(), ec.message());
    return false;
  }
  const std::pair<const char*, const std::string*> files[] = {
      {"setting.toml", &s.setting_toml}, {"children.csv", &s.children_csv},     {"staff.csv", &s.staff_csv},
      {"shifts.csv", &s.shifts_csv},     {"attendance.csv", &s.attendance_csv}, {"allocations.csv", &s.allocations_csv}};
  for (const auto& [name, text] : files)
    if (!write_folder_file(folder / name, *text, "generate")) return false;
  return true;
}

/// Refuses a GROUP that is a file, or a setting folder that is already there (unless
/// --force), before anything is written.
bool check_destination(const GenerateCommand& o) {
  const fs::path group(o.group);
  std::error_code ec;
  if (fs::exists(group, ec) && !fs::is_directory(group, ec)) {
    fmt::print(stderr, "attune generate: {} is a file, not a folder; name a folder for the settings\n", o.group);
    return false;
  }
  if (o.force) return true;
  for (int i = 0; i < o.options.settings; ++i) {
    const fs::path folder = group / generated_folder_name(i, o.options.settings);
    if (fs::exists(folder, ec)) {
      fmt::print(stderr,
                 "attune generate: {} already exists; nothing was written. Choose another folder, "
                 "or pass --force to overwrite its files\n",
                 folder.string());
      return false;
    }
  }
  return true;
}

int run_generate(GenerateCommand& o) {
  o.options.start = *parse_iso_date(o.start);
  if (auto problem = check_generate_options(o.options)) {
    fmt::print(stderr, "attune generate: {}\n", *problem);
    return kBadInput;
  }
  if (!check_destination(o)) return kBadInput;
  std::size_t attendance = 0, shifts = 0, bytes = 0;
  for (int i = 0; i < o.options.settings; ++i) {
    const GeneratedSetting s = generate_setting(o.options, i);
    if (!write_setting(fs::path(o.group) / s.folder_name, s)) return kBadInput;
    attendance += s.attendance_rows;
    shifts += s.shift_rows;
    bytes += s.bytes();
  }
  fmt::print("wrote {} settings ({} attendance rows, {} shift rows, {:.1f} MB) to {}\n", o.options.settings,
             attendance, shifts, static_cast<double>(bytes) / 1e6, o.group);
  return kOk;
}

}  // namespace

std::function<int()> setup_generate(CLI::App& app, const Environment&) {
  auto o = std::make_shared<GenerateCommand>();
  app.add_option("GROUP", o->group, "the folder to write setting-001/, setting-002/, ... into")->required();
  app.add_option("--settings", o->options.settings, "how many settings (1 to 9999)")->required();
  app.add_option("--weeks", o->options.weeks, "weeks in each setting's period (1 to 520)")->required();
  app.add_option("--seed", o->options.seed, "the random seed: the same seed gives the same files")->required();
  app.add_option("--start", o->start, "the first day of the period (YYYY-MM-DD; default 2026-01-05)")
      ->check(CLI::Validator(
          [](std::string& v) {
            return parse_iso_date(v) ? std::string{} : fmt::format("\"{}\" is not a date; write YYYY-MM-DD", v);
          },
          "DATE"));
  app.add_flag("--patterns", o->options.patterns, "weekday pattern rows (Mon..Fri) instead of dated rows");
  app.add_flag("--mismatch", o->options.mismatch,
               "rotas that match the bookings badly, as exported rotas often do (many findings)");
  app.add_option("--rooms", o->options.rooms,
                 "rooms by age, 3 to 9 (default 3: babies, toddlers, pre-school; then a second of each)");
  app.add_flag("--force", o->force, "overwrite the files of setting folders that already exist");
  return [o] { return run_generate(*o); };
}

}  // namespace attune::cli
