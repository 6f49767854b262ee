#include "inputs.hpp"

#include <fmt/format.h>

#include "attune/load.hpp"
#include "profile_option.hpp"

namespace attune::cli {
namespace fs = std::filesystem;

namespace {

const CLI::Validator kIsoDate(
    [](std::string& value) -> std::string {
      return parse_iso_date(value) ? std::string{}
                                   : fmt::format("\"{}\" is not a date; write YYYY-MM-DD", value);
    },
    "DATE");

std::optional<Date> optional_date(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return parse_iso_date(text);
}

std::optional<RuleProfile> load_profile_for(const Setting& s, const InputOptions& options,
                                            const Environment& env, std::string& problems,
                                            std::vector<Diagnostic>& errors) {
  const std::string name = options.profile.empty() ? s.profile : options.profile;
  const fs::path dir = s.path.parent_path().empty() ? fs::path(".") : s.path.parent_path();
  // A profile the setting names is reported at its line; one from --profile at the option.
  std::string context = s.path.lexically_normal().string();
  if (!options.profile.empty()) context = "--profile";
  else if (s.profile_line > 0) context += fmt::format(":{}:{}", s.profile_line, s.profile_column);
  const SourceRegion where = options.profile.empty()
                                 ? SourceRegion{s.path.lexically_normal().string(), s.profile_line, s.profile_column, 0}
                                 : SourceRegion{"--profile", 0, 0, 0};
  return load_named_profile(name, options.profile.empty() ? dir : fs::path("."), context, env, &problems, &errors,
                            where);
}

}  // namespace

const CLI::Validator& iso_date_validator() { return kIsoDate; }

const CLI::Validator& seconds_validator() {
  static const CLI::Validator seconds(
      [](std::string& v) {
        double x = 0;
        return CLI::detail::lexical_cast(v, x) && x > 0 ? std::string{} : std::string("must be a number of seconds above 0");
      },
      "SECONDS");
  return seconds;
}

void add_input_options(CLI::App& app, InputOptions& options) {
  app.add_option("PATH", options.paths,
                 "a setting folder, a setting.toml or setting.yaml, or a folder of settings")
      ->required();
  app.add_option("--from", options.from, "first day of the audit period (overrides [period])")
      ->check(kIsoDate);
  app.add_option("--to", options.to, "last day of the audit period (overrides [period])")
      ->check(kIsoDate);
  app.add_option("--profile", options.profile,
                 "rule profile to use instead of the setting's (a name or a .toml path)");
}

std::string shell_word(const std::string& word) {
  const bool plain = !word.empty() && word.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                                             "0123456789-_./:=+,@") == std::string::npos;
  if (plain) return word;
  std::string out = "'";
  for (char c : word) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string validate_command(const std::string& path, const InputOptions& input) {
  std::string out = "attune validate " + shell_word(path);
  if (!input.from.empty()) out += " --from " + shell_word(input.from);
  if (!input.to.empty()) out += " --to " + shell_word(input.to);
  if (!input.profile.empty()) out += " --profile " + shell_word(input.profile);
  return out;
}

bool period_options_ok(const InputOptions& options) {
  const auto from = optional_date(options.from);
  const auto to = optional_date(options.to);
  if (!from || !to || *from <= *to) return true;
  fmt::print(stderr, "--from/--to: the period ends ({}) before it starts ({}); swap --from and --to\n"
                     "Run with --help for more information.\n",
             options.to, options.from);
  return false;
}

SettingPaths expand_setting_paths(const InputOptions& options) {
  SettingPaths out;
  // The command line is checked once, before any setting: not blamed on each of them.
  if (!period_options_ok(options)) {
    out.failed = true;
    return out;
  }
  out.group = options.paths.size() > 1;
  for (const auto& path : options.paths) {
    std::error_code ec;
    if (!fs::exists(path, ec)) {
      fmt::print(stderr, "{}: error: no such file or folder; check the path\n", path);
      out.failed = true;
      continue;
    }
    const auto found = find_settings(path);
    if (found.empty()) {
      fmt::print(stderr, "{}: error: no setting.toml or setting.yaml in this folder or below\n", path);
      out.failed = true;
    }
    if (found.size() != 1 || found.front() != fs::path(path)) out.group = true;
    out.settings.insert(out.settings.end(), found.begin(), found.end());
  }
  return out;
}

LoadedOne load_one(const fs::path& path, const InputOptions& options, const Environment& env, bool in_group) {
  LoadedOne out;
  std::error_code ec;
  LoadOptions load;
  load.from = optional_date(options.from);
  load.to = optional_date(options.to);
  load.keep_shift_rows = options.keep_shift_rows;
  load.shifts_file = options.shifts_file;
  LoadResult result = load_setting(path, load);
  out.rows_read = result.rows_read;
  out.error_count = result.diagnostics.error_count();
  out.name = result.name;
  out.urn = result.urn;
  if (result.diagnostics.total() > 0)
    out.problems = format_diagnostics(
        result.diagnostics, env.stderr_is_terminal && !env.no_color,
        in_group ? fmt::format("{} was not checked",
                               (fs::is_directory(path, ec) ? path : path.parent_path()).lexically_normal().string())
                 : std::string("nothing was checked"));
  if (!result.setting) {
    for (Diagnostic& d : result.diagnostics.sorted())
      if (d.severity == DiagnosticSeverity::error) out.errors.push_back(std::move(d));
    return out;
  }
  LoadedSetting loaded{std::move(*result.setting), RuleProfile{}, std::move(result.shift_rows)};
  auto profile = load_profile_for(loaded.setting, options, env, out.problems, out.errors);
  if (!profile) {
    out.error_count = std::max<std::size_t>(out.error_count, 1);
    return out;
  }
  Diagnostics fit;
  check_profile_fit(loaded.setting, *profile, fit);
  if (fit.total() > 0) {
    out.problems += format_diagnostics(
        fit, env.stderr_is_terminal && !env.no_color,
        in_group ? fmt::format("{} was not checked",
                               (fs::is_directory(path, ec) ? path : path.parent_path()).lexically_normal().string())
                 : std::string("nothing was checked"));
    if (fit.has_errors()) {
      out.error_count = std::max(out.error_count, fit.error_count());
      return out;
    }
  }
  loaded.profile = std::move(*profile);
  out.loaded = std::move(loaded);
  return out;
}

LoadedInputs load_inputs(const InputOptions& options, const Environment& env) {
  LoadedInputs out;
  const SettingPaths paths = expand_setting_paths(options);
  out.failed = paths.failed;
  out.group = paths.group;
  for (const auto& path : paths.settings) {
    LoadedOne one = load_one(path, options, env);
    out.rows_read += one.rows_read;
    fmt::print(stderr, "{}", one.problems);
    if (!one.loaded) {
      out.failed = true;
      continue;
    }
    out.settings.push_back(std::move(*one.loaded));
  }
  return out;
}

std::string group_inputs_note(std::string_view command, std::size_t settings, std::size_t not_checked,
                              std::string_view written) {
  if (not_checked == 0) return {};
  if (not_checked == settings)
    return fmt::format("attune {}: none of the {} settings could be checked; nothing was written\n", command,
                       settings);
  const std::size_t others = settings - not_checked;
  return fmt::format("attune {}: {} of {} settings {} not checked ({} input errors are above); {} the other {}\n",
                     command, not_checked, settings, not_checked == 1 ? "was" : "were",
                     not_checked == 1 ? "its" : "their", written,
                     others == 1 ? std::string("one") : std::to_string(others));
}

std::string ok_line(const LoadedSetting& loaded) {
  const Setting& s = loaded.setting;
  const auto count = [](std::size_t n, const char* one, const char* many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
  };
  return fmt::format("{}: ok: {}, {}, {} staff, {} ({} to {}), profile {}", s.path.lexically_normal().string(),
                     count(s.rooms.size(), "room", "rooms"), count(s.children.size(), "child", "children"),
                     s.staff.size(), count(s.days.size(), "day", "days"), format_iso_date(s.period.from),
                     format_iso_date(s.period.to), loaded.profile.id);
}

std::string format_diagnostics(const Diagnostics& diagnostics, bool colour, std::string_view consequence) {
  std::string out;
  // Problems that share a cause: after the last one shown, how many more and the one fix.
  const auto& causes = diagnostics.causes();
  std::vector<std::size_t> shown(causes.size(), 0);
  std::vector<bool> said(causes.size(), false);
  const auto say_cause = [&](std::size_t i) {
    const DiagnosticCause& c = causes[i];
    said[i] = true;
    return fmt::format("{}: ... and {} more like {} ({} in all): {}\n", c.file, c.count - c.kept,
                       c.kept == 1 ? "this" : "these", c.count, c.text);
  };
  const auto cause_line = [&](const Diagnostic& d) -> std::string {
    if (d.cause.empty()) return {};
    for (std::size_t i = 0; i < causes.size(); ++i) {
      const DiagnosticCause& c = causes[i];
      if (c.file != d.where.file || c.text != d.cause) continue;
      if (++shown[i] != c.kept || c.count <= c.kept) return {};
      return say_cause(i);
    }
    return {};
  };
  for (const Diagnostic& d : diagnostics.sorted()) {
    std::string text = format_diagnostic(d);
    if (colour) {
      const auto pos = text.find(": error: ");
      if (pos != std::string::npos) text.replace(pos, 9, ": \x1b[1;31merror:\x1b[0m ");
    }
    out += text + "\n";
    out += cause_line(d);
  }
  for (std::size_t i = 0; i < causes.size(); ++i) {  // its shown problems were past the limit
    if (!said[i] && causes[i].count > causes[i].kept) out += say_cause(i);
  }
  if (diagnostics.dropped() > 0) {
    out += fmt::format("... and {} more problem{} not shown\n", diagnostics.dropped(),
                       diagnostics.dropped() == 1 ? "" : "s");
  }
  if (diagnostics.error_count() > 0) {
    out += fmt::format("{} error{} in the input; {}\n", diagnostics.error_count(),
                       diagnostics.error_count() == 1 ? "" : "s", consequence);
  }
  return out;
}

void print_diagnostics(const Diagnostics& diagnostics, bool colour) {
  fmt::print(stderr, "{}", format_diagnostics(diagnostics, colour));
}

}  // namespace attune::cli
