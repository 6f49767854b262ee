// attune validate PATH... : load and check the input files only, settings in parallel.

#include <memory>

#include <fmt/format.h>

#include "command.hpp"
#include "inputs.hpp"
#include "parallel.hpp"

namespace attune::cli {
namespace {

struct ValidateCommand {
  InputOptions input;
  unsigned jobs = 0;  ///< 0: one per core
  bool quiet = false;
};

/// One setting's line ("...: ok: 3 rooms, ...") or its problems, and its rows read.
struct Validated {
  std::string line;
  std::string problems;
  std::size_t rows_read = 0;
  bool ok = false;
};

void validate_one(const std::filesystem::path& path, const ValidateCommand& o, const Environment& env, bool group,
                  Validated& out) {
  LoadedOne one = load_one(path, o.input, env, group);
  out.problems = std::move(one.problems);
  out.rows_read = one.rows_read;
  if (!one.loaded) return;
  out.ok = true;
  out.line = ok_line(*one.loaded) + "\n";
}

int run_validate(const ValidateCommand& o, const Environment& env) {
  const SettingPaths paths = expand_setting_paths(o.input);
  std::vector<Validated> results(paths.settings.size());
  Progress progress(paths.settings.size(), env.stderr_is_terminal && !o.quiet, "validated");
  for_each_parallel(
      paths.settings.size(), o.jobs,
      [&](std::size_t i) { validate_one(paths.settings[i], o, env, paths.group, results[i]); }, &progress);
  bool failed = paths.failed, any_ok = false;
  std::size_t rows = 0;
  for (const Validated& v : results) {  // in path order, whatever the threads did
    fmt::print(stderr, "{}", v.problems);
    fmt::print("{}", v.line);
    failed = failed || !v.ok;
    any_ok = any_ok || v.ok;
    rows += v.rows_read;
  }
  if (any_ok) fmt::print("{} rows read\n", rows);
  return failed ? kBadInput : kOk;
}

}  // namespace

std::function<int()> setup_validate(CLI::App& app, const Environment& env) {
  auto o = std::make_shared<ValidateCommand>();
  add_input_options(app, o->input);
  app.add_option("-j,--jobs", o->jobs, "settings loaded at once (default: the number of cores)");
  app.add_flag("-q,--quiet", o->quiet, "no progress line on a terminal");
  return [o, &env] { return run_validate(*o, env); };
}

}  // namespace attune::cli
