// attune cover SETTING --absent STAFF[,STAFF] (--date D | --from D --to D): who covers an
// absence so that the rules hold and every baby keeps an adult they know.

#include <memory>

#include <fmt/format.h>

#include "attune/cover.hpp"
#include "attune/suggest.hpp"
#include "command.hpp"
#include "inputs.hpp"
#include "output.hpp"

namespace attune::cli {
namespace {

struct CoverCommand {
  InputOptions input;
  std::string setting;
  std::vector<std::string> absent;
  std::string date;
  std::string format = "text";
  std::string output;  ///< the amended shifts.csv
  bool redact = false;
  double time_limit = 60.0;
};

/// The staff --absent names, by index; unknown ids are reported (with "did you mean").
std::optional<std::vector<StaffIndex>> absent_staff(const Setting& s, const std::vector<std::string>& ids,
                                                    std::string_view option) {
  std::vector<StaffIndex> out;
  std::vector<std::string> known;
  for (const Staff& st : s.staff) known.push_back(st.id);
  bool ok = true;
  for (const std::string& id : ids) {
    const auto it = std::find(known.begin(), known.end(), id);
    if (it != known.end()) {
      const auto i = static_cast<StaffIndex>(it - known.begin());
      if (std::find(out.begin(), out.end(), i) == out.end()) out.push_back(i);
      continue;
    }
    const auto close = closest_matches(id, known, 1);
    fmt::print(stderr, "attune: {}: no staff member \"{}\" in staff.csv{}\n", option, id,
               close.empty() ? "" : fmt::format(" (did you mean \"{}\"?)", close.front()));
    ok = false;
  }
  if (!ok) return std::nullopt;
  return out;
}

/// The same setting over the 28 days before the first day (to the day before the last):
/// who has worked in which room. Without it only key persons and buddies are familiar.
std::optional<Setting> history_of(const Setting& s) {
  LoadOptions options;
  options.from = s.period.from - std::chrono::days{28};
  options.to = s.period.to - std::chrono::days{1};
  LoadResult r = load_setting(s.path, options);
  if (!r.setting) {
    fmt::print(stderr,
               "attune cover: note: the 28 days before {} could not be read ({} input errors there; `attune validate "
               "{} --from {} --to {}` lists them); familiar adults are the key persons and buddies only\n",
               format_iso_date(s.period.from), r.diagnostics.error_count(), s.path.string(),
               format_iso_date(*options.from), format_iso_date(*options.to));
    return std::nullopt;
  }
  return std::move(r.setting);
}

int run_cover(CoverCommand& o, const Environment& env) {
  if (!o.date.empty() && (!o.input.from.empty() || !o.input.to.empty())) {
    fmt::print(stderr, "attune cover: give --date, or --from and --to, not both\n");
    return kBadInput;
  }
  if (!o.date.empty()) o.input.from = o.input.to = o.date;
  if (o.input.from.empty() || o.input.to.empty()) {
    fmt::print(stderr, "attune cover: say which days to cover: --date D, or --from D --to D\n");
    return kBadInput;
  }
  if (!period_options_ok(o.input)) return kBadInput;
  o.input.paths = {o.setting};
  o.input.keep_shift_rows = true;
  LoadedInputs inputs = load_inputs(o.input, env);
  if (inputs.failed) return kBadInput;
  if (inputs.settings.size() != 1) {
    fmt::print(stderr, "attune cover: name one setting ({} found)\n", inputs.settings.size());
    return kBadInput;
  }
  const LoadedSetting& loaded = inputs.settings.front();
  const Setting& s = loaded.setting;
  const auto absent = absent_staff(s, o.absent, "--absent");
  if (!absent) return kBadInput;
  for (StaffIndex i : *absent) {
    const bool rostered = std::any_of(s.days.begin(), s.days.end(), [&](const Day& d) {
      return std::any_of(d.staff.begin(), d.staff.end(), [&](const StaffSpell& x) { return x.staff == i; });
    });
    if (!rostered)
      fmt::print(stderr, "attune cover: note: {} has no shift on these days; there is nothing of theirs to cover\n",
                 s.staff[i].id);
  }
  const std::optional<Setting> history = history_of(s);

  CoverRequest request;
  request.absent = *absent;
  request.time_limit_seconds = o.time_limit;
  const CoverProposal proposal = cover(s, loaded.profile, request, history ? &*history : nullptr);
  for (const std::string& note : proposal.notes) fmt::print(stderr, "attune cover: note: {}\n", note);
  const std::string report = o.format == "json" ? render_cover_json(s, loaded.profile, proposal)
                                                : render_cover_text(s, proposal, o.redact);
  if (!o.output.empty() && !write_output(render_cover_shifts_csv(s, loaded.shift_rows, proposal), o.output, true))
    return kBadInput;
  if (!write_output(report, "", false)) return kBadInput;
  return proposal.status == CoverStatus::covered ? kOk : kFindings;
}

}  // namespace

std::function<int()> setup_cover(CLI::App& app, const Environment& env) {
  auto o = std::make_shared<CoverCommand>();
  app.add_option("SETTING", o->setting, "a setting folder, setting.toml or setting.yaml")->required();
  app.add_option("--absent", o->absent, "who is absent (staff ids, comma-separated)")->delimiter(',')->required();
  app.add_option("--date", o->date, "the day to cover")->check(iso_date_validator());
  app.add_option("--from", o->input.from, "first day to cover")->check(iso_date_validator());
  app.add_option("--to", o->input.to, "last day to cover")->check(iso_date_validator());
  app.add_option("--profile", o->input.profile, "rule profile to use instead of the setting's");
  app.add_option("--format", o->format, "text (default) or json")->check(CLI::IsMember({"text", "json"}));
  app.add_option("-o,--output", o->output, "write the whole amended shifts.csv to FILE (atomically)");
  app.add_option("--time-limit", o->time_limit, "seconds the solver may take over all stages (default 60)")
      ->check(seconds_validator());
  app.add_flag("--redact", o->redact, "show ids instead of staff names");
  return [o, &env] { return run_cover(*o, env); };
}

}  // namespace attune::cli
