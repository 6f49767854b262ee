// attune plan SETTING --week D : a week's rota that meets every rule (docs/plan.md).

#include <memory>

#include <fmt/format.h>

#include "attune/plan.hpp"
#include "command.hpp"
#include "inputs.hpp"
#include "output.hpp"

namespace attune::cli {
namespace {

struct PlanCommand {
  InputOptions input;
  std::string setting;
  std::string week;
  std::string from_rota;
  std::string format = "text";
  std::string output;  ///< shifts.csv
  double time_limit = 0.0;
  bool redact = false;
};

int exit_code(const RotaPlan& plan) {
  if (plan.verified_breaches > 0) return kInternal;
  switch (plan.status) {
    case PlanStatus::optimal:
    case PlanStatus::feasible: return kOk;
    case PlanStatus::infeasible:
    case PlanStatus::stopped: return kFindings;
    case PlanStatus::unsupported: return kBadInput;
  }
  return kInternal;
}

int run_plan(PlanCommand& o, const Environment& env) {
  const Date day = *parse_iso_date(o.week);
  const Date monday = week_start(day);
  o.input.paths = {o.setting};
  o.input.from = format_iso_date(monday);
  o.input.to = format_iso_date(monday + std::chrono::days(6));
  o.input.shifts_file = o.from_rota;
  LoadedInputs inputs = load_inputs(o.input, env);
  if (inputs.failed) return kBadInput;
  if (inputs.settings.size() != 1) {
    fmt::print(stderr, "attune plan: name one setting ({} found)\n", inputs.settings.size());
    return kBadInput;
  }
  const Setting& s = inputs.settings.front().setting;
  if (!s.recorded.availability) {
    fmt::print(stderr,
               "{}: error: no availability.csv: attune plan needs to know who can work when\n"
               "  hint: add availability = \"availability.csv\" under [data], with rows staff,date,start,end "
               "(docs/plan.md)\n",
               s.path.generic_string());
    return kBadInput;
  }
  PlanOptions options;
  options.from_rota = !o.from_rota.empty();
  options.time_limit_seconds = o.time_limit;
  options.redact = o.redact;
  const RotaPlan plan = plan_rota(s, inputs.settings.front().profile, options);
  const bool have = plan.status == PlanStatus::optimal || plan.status == PlanStatus::feasible;
  std::string report;
  if (o.format == "json") report = render_plan_json(s, plan);
  else if (o.format == "html") report = render_plan_html(s, plan, o.redact);
  else report = render_plan_text(s, plan, o.redact);
  if (!o.output.empty()) {
    if (have && plan.verified_breaches == 0) {
      if (!write_output(render_plan_shifts_csv(s, plan), o.output, false)) return kBadInput;
    } else {
      fmt::print(stderr, "attune plan: no rota, so {} was not written\n", o.output);
    }
  }
  if (!write_output(report, "", false)) return kBadInput;
  return exit_code(plan);
}

}  // namespace

std::function<int()> setup_plan(CLI::App& app, const Environment& env) {
  auto o = std::make_shared<PlanCommand>();
  app.add_option("SETTING", o->setting, "a setting folder, setting.toml or setting.yaml")->required();
  app.add_option("--week", o->week, "a day of the week to plan (Monday to Sunday), YYYY-MM-DD")
      ->required()
      ->check(iso_date_validator());
  app.add_option("--from-rota", o->from_rota,
                 "the current rota (a shifts.csv): change as little of it as the rules and the objective allow");
  app.add_option("--profile", o->input.profile, "rule profile to use instead of the setting's");
  app.add_option("--format", o->format, "text (default), json or html")->check(CLI::IsMember({"text", "json", "html"}));
  app.add_option("-o,--output", o->output, "write the rota as shifts.csv to FILE (atomically)");
  app.add_option("--time-limit", o->time_limit, "seconds the solver may take over all stages (default: [plan] "
                                                "time_limit_seconds, 60)")
      ->check(seconds_validator());
  app.add_flag("--redact", o->redact, "show ids instead of children's and staff names");
  return [o, &env] { return run_plan(*o, env); };
}

}  // namespace attune::cli
