// attune allocate SETTING : the provably best key person and buddy for every child.

#include <memory>

#include <fmt/format.h>

#include "attune/allocate.hpp"
#include "attune/suggest.hpp"
#include "command.hpp"
#include "inputs.hpp"
#include "output.hpp"

namespace attune::cli {
namespace {

struct AllocateCommand {
  InputOptions input;
  std::string setting;
  int max_changes = -1;  ///< -1: no limit
  std::vector<std::string> keep;
  bool reallocate = false;
  std::string apply_from;
  std::string format = "text";
  std::string output;  ///< allocations.csv
  bool redact = false;
  double time_limit = 60.0;
};

/// The children --keep names, by index; unknown ids are reported (with "did you mean").
std::optional<std::vector<ChildIndex>> kept_children(const Setting& s, const std::vector<std::string>& ids) {
  std::vector<ChildIndex> out;
  std::vector<std::string> known;
  for (const Child& c : s.children) known.push_back(c.id);
  bool ok = true;
  for (const std::string& id : ids) {
    const auto it = std::find(known.begin(), known.end(), id);
    if (it != known.end()) {
      out.push_back(static_cast<ChildIndex>(it - known.begin()));
      continue;
    }
    const auto close = closest_matches(id, known, 1);
    fmt::print(stderr, "attune allocate: --keep: no child \"{}\" in children.csv{}\n", id,
               close.empty() ? "" : fmt::format(" (did you mean \"{}\"?)", close.front()));
    ok = false;
  }
  if (!ok) return std::nullopt;
  return out;
}

int run_allocate(AllocateCommand& o, const Environment& env) {
  o.input.paths = {o.setting};
  LoadedInputs inputs = load_inputs(o.input, env);
  if (inputs.failed) return kBadInput;
  if (inputs.settings.size() != 1) {
    fmt::print(stderr, "attune allocate: name one setting ({} found)\n", inputs.settings.size());
    return kBadInput;
  }
  const Setting& s = inputs.settings.front().setting;
  AllocateOptions options;
  const auto keep = kept_children(s, o.keep);
  if (!keep) return kBadInput;
  options.keep = *keep;
  if (o.max_changes >= 0) options.max_changes = o.max_changes;
  options.reallocate = o.reallocate;
  options.time_limit_seconds = o.time_limit;
  options.redact = o.redact;
  const Date apply_from = o.apply_from.empty() ? s.period.from : *parse_iso_date(o.apply_from);

  const AllocationProposal proposal = allocate(s, options);
  for (const std::string& note : proposal.notes) fmt::print(stderr, "attune allocate: note: {}\n", note);
  const std::string report =
      o.format == "json" ? render_allocation_json(s, proposal) : render_allocation_text(s, proposal, o.redact);
  const bool have = proposal.status == AllocationStatus::optimal || proposal.status == AllocationStatus::feasible;
  if (!o.output.empty()) {
    if (have) {
      if (!write_output(render_allocations_csv(s, proposal, apply_from), o.output, false)) return kBadInput;
    } else {
      fmt::print(stderr, "attune allocate: no allocation, so {} was not written\n", o.output);
    }
  }
  if (!write_output(report, "", false)) return kBadInput;
  return have ? kOk : kFindings;
}


}  // namespace

std::function<int()> setup_allocate(CLI::App& app, const Environment& env) {
  auto o = std::make_shared<AllocateCommand>();
  app.add_option("SETTING", o->setting, "a setting folder, setting.toml or setting.yaml")->required();
  app.add_option("--from", o->input.from, "first day of the period to allocate over (overrides [period])")->check(iso_date_validator());
  app.add_option("--to", o->input.to, "last day of the period (overrides [period])")->check(iso_date_validator());
  app.add_option("--profile", o->input.profile, "rule profile to use instead of the setting's");
  app.add_option("--max-changes", o->max_changes, "at most N children get a new key person")
      ->check(CLI::Validator(
          [](std::string& v) { return v.starts_with('-') ? std::string("must be 0 or more") : std::string{}; }, "N"));
  app.add_option("--keep", o->keep, "these children keep their key person (child ids, comma-separated)")
      ->delimiter(',');
  app.add_flag("--reallocate", o->reallocate, "a new term: do not try to keep changes few");
  app.add_option("--apply-from", o->apply_from, "the day the new allocation starts in -o (default: the period's first day)")
      ->check(iso_date_validator());
  app.add_option("--format", o->format, "text (default) or json")->check(CLI::IsMember({"text", "json"}));
  app.add_option("-o,--output", o->output, "write the proposal as allocations.csv to FILE (atomically)");
  app.add_option("--time-limit", o->time_limit, "seconds the solver may take over all stages (default 60)")
      ->check(seconds_validator());
  app.add_flag("--redact", o->redact, "show ids instead of children's and staff names");
  return [o, &env] { return run_allocate(*o, env); };
}

}  // namespace attune::cli
