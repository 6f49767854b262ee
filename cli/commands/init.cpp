// attune init DIR [--kind group|childminder] [--rooms babies,toddlers,preschool] [--name N]
//                 [--week DATE] [--force]
// A new setting from templates/setting: a commented setting.toml and CSV files with their
// headers and one example row, validated at once.

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

#include <fmt/format.h>

#include "attune/new_setting.hpp"
#include "command.hpp"
#include "output.hpp"
#include "inputs.hpp"

namespace attune::cli {
namespace {

namespace fs = std::filesystem;

struct InitCommand {
  std::string folder;
  std::string kind = "group";
  std::vector<std::string> rooms;
  std::string name;
  std::string week;
  bool force = false;
};

/// Today: ATTUNE_NOW's date when set (tests; see history.md), else the clock's.
Date today() {
  if (const char* now = std::getenv("ATTUNE_NOW"); now != nullptr && std::strlen(now) >= 10) {
    if (auto d = parse_iso_date(std::string_view(now, 10))) return *d;
  }
  return std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
}

/// The Monday of next week: the week a manager checks before publishing the rota.
Date next_monday(Date from) { return from + std::chrono::days{7 - weekday_index(from)}; }

std::optional<std::map<std::string, std::string>> read_setting_templates(const Environment& env) {
  for (const auto& dir : env.data_dirs) {
    std::error_code ec;
    if (!fs::is_directory(dir / "setting", ec)) continue;
    std::map<std::string, std::string> out;
    for (const std::string& name : new_setting_file_names()) {
      std::ifstream in(dir / "setting" / name, std::ios::binary);
      std::stringstream text;
      text << in.rdbuf();
      if (!in) {
        fmt::print(stderr, "attune init: cannot read the template {}\n", (dir / "setting" / name).string());
        return std::nullopt;
      }
      out[name] = text.str();
    }
    return out;
  }
  fmt::print(stderr, "attune init: the setting templates (templates/setting) are not installed; "
                     "set ATTUNE_DATA_DIR to attune's templates folder\n");
  return std::nullopt;
}


int run_init(const InitCommand& o, const Environment& env) {
  NewSettingOptions options;
  options.folder = o.folder;
  options.kind = o.kind == "childminder" ? SettingKind::childminder : SettingKind::group;
  if (!o.rooms.empty()) options.rooms = o.rooms;
  else if (options.kind == SettingKind::childminder) options.rooms.clear();
  if (!o.name.empty()) options.name = o.name;
  options.week = o.week.empty() ? next_monday(today()) : *parse_iso_date(o.week);
  const auto problems = new_setting_problems(options);
  for (const auto& p : problems) fmt::print(stderr, "attune init: {}\n", p);
  if (!problems.empty()) return kBadInput;

  const fs::path folder(o.folder);
  std::error_code ec;
  if (fs::exists(folder, ec) && !fs::is_directory(folder, ec)) {
    fmt::print(stderr, "attune init: {} is a file; name a folder for the new setting\n", o.folder);
    return kBadInput;
  }
  if (!o.force) {
    for (const std::string& name : new_setting_file_names()) {
      if (fs::exists(folder / name, ec)) {
        fmt::print(stderr, "attune init: {} already exists; nothing was written (use --force to overwrite)\n",
                   (folder / name).string());
        return kBadInput;
      }
    }
  }
  const auto templates = read_setting_templates(env);
  if (!templates) return kBadInput;
  std::string error;
  const auto files = render_new_setting(*templates, options, error);
  if (!files) {
    fmt::print(stderr, "attune init: {}\n", error);
    return kBadInput;
  }
  fs::create_directories(folder, ec);
  if (ec) {
    fmt::print(stderr, "attune init: cannot create {}: {}\n", o.folder, ec.message());
    return kBadInput;
  }
  std::vector<std::string> names;
  for (const auto& f : *files) {
    if (!write_folder_file(folder / f.name, f.text, "init")) return kBadInput;
    names.push_back(f.name);
  }
  fmt::print("wrote {}: {}\n", o.folder, fmt::join(names, ", "));

  // At once: what `attune validate` says of it.
  InputOptions input;
  input.paths = {o.folder};
  LoadedOne one = load_one(folder, input, env);
  fmt::print(stderr, "{}", one.problems);
  if (!one.loaded) return kBadInput;
  fmt::print("{}\n", ok_line(*one.loaded));
  fmt::print("Next: replace each file's example row with your own (docs/formats.md), or map your system's "
             "exports (docs/import.md); then `attune check {}`.\n",
             shell_word(o.folder));
  return kOk;
}

const CLI::Validator kMonday(
    [](std::string& v) -> std::string {
      const auto d = parse_iso_date(v);
      if (!d) return fmt::format("\"{}\" is not a date; write YYYY-MM-DD", v);
      if (weekday_index(*d) != 0) return fmt::format("{} is a {}, not a Monday", v, weekday_short_name(weekday_index(*d)));
      return {};
    },
    "MONDAY");

}  // namespace

std::function<int()> setup_init(CLI::App& app, const Environment& env) {
  auto o = std::make_shared<InitCommand>();
  app.add_option("DIR", o->folder, "the folder for the new setting (created if need be)")->required();
  app.add_option("--kind", o->kind, "group (default): a nursery or pre-school; childminder: one home")
      ->check(CLI::IsMember({"group", "childminder"}));
  app.add_option("--rooms", o->rooms, "room ids, comma-separated (default babies,toddlers,preschool)")->delimiter(',');
  app.add_option("--name", o->name, "the setting's name (default \"My Nursery\")");
  app.add_option("--week", o->week, "the Monday of the week [period] covers (default: next week)")->check(kMonday);
  app.add_flag("--force", o->force, "overwrite the files if the folder already has them");
  return [o, &env] { return run_init(*o, env); };
}

}  // namespace attune::cli
