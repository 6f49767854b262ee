// How far the rota can be from the best one, from its stages (see stage_summary.hpp).

#include "stage_summary.hpp"

#include <cmath>
#include <limits>
#include <vector>

#include <fmt/format.h>

#include "../util/text.hpp"

namespace attune::plan {
namespace {

bool is_coverage(std::string_view name) { return name == "min_under_2_coverage" || name == "min_coverage"; }

/// "stage 3", "stages 3 and 4", "stages 3-6" (numbers in order; runs joined).
std::string stage_numbers(const std::vector<int>& n) {
  if (n.size() == 1) return fmt::format("stage {}", n[0]);
  bool run = true;
  for (std::size_t i = 1; i < n.size(); ++i) run = run && n[i] == n[i - 1] + 1;
  if (run && n.size() > 2) return fmt::format("stages {}-{}", n.front(), n.back());
  std::string out = "stages ";
  for (std::size_t i = 0; i < n.size(); ++i)
    out += fmt::format("{}{}", i == 0 ? "" : (i + 1 == n.size() ? " and " : ", "), n[i]);
  return out;
}

}  // namespace

Share next_above(Share value, std::span<const long> attended) {
  if (value.part >= value.whole || attended.empty()) return value;
  Share next{1, 1};
  for (const long a : attended) {
    const Share c{(value.part * a) / value.whole + 1, a};  // the fewest minutes above value, over a
    if (c < next) next = c;
  }
  return next;
}

bool bound_proves(double bound, Share next) {
  if (!std::isfinite(bound)) return false;
  const double whole = static_cast<double>(next.whole);
  return bound * whole + 1e-6 * whole < static_cast<double>(next.part);
}

void summarise_stages(RotaPlan& plan) {
  plan.status = PlanStatus::optimal;
  plan.gap = 0.0;
  plan.gap_stage.clear();
  plan.unreached_stages.clear();
  for (const PlanStage& st : plan.stages) {
    if (st.status == "optimal" || st.status == "skipped") continue;
    plan.status = PlanStatus::feasible;
    if (st.status == "stopped") {
      plan.unreached_stages.push_back(st.name);
      continue;
    }
    const double gap = std::isnan(st.gap) ? std::numeric_limits<double>::infinity() : st.gap;
    if (plan.gap_stage.empty() || gap > plan.gap) {
      plan.gap = gap;
      plan.gap_stage = st.name;
    }
  }
}

std::string stage_title(std::string_view name) {
  if (name == "min_under_2_coverage") return "lowest key-person coverage of the children under 2";
  if (name == "min_coverage") return "lowest key-person coverage of all children";
  if (name == "key_person_minutes") return "key-person minutes";
  if (name == "key_or_buddy_minutes") return "key-person-or-buddy minutes";
  if (name == "extra_minutes") return "extra minutes (bank, overtime, no contract)";
  if (name == "shortfall_minutes") return "minutes short of contracts";
  if (name == "changed_minutes") return "minutes changed from the current rota";
  if (name == "room_changes") return "room changes";
  return std::string(name);
}

std::string stage_amount(std::string_view name, double value) {
  if (is_coverage(name)) return fmt::format("{:.2f}%", 100.0 * value);
  return fmt::format("{}", util::round_half_up(value));
}

std::string gap_sentence(const RotaPlan& plan) {
  std::string out = "The time limit stopped the solver.";
  std::vector<int> unreached;
  for (std::size_t i = 0; i < plan.stages.size(); ++i) {
    const PlanStage& st = plan.stages[i];
    const int n = static_cast<int>(i) + 1;
    if (st.status == "stopped") unreached.push_back(n);
    if (st.name != plan.gap_stage || !st.value) continue;
    if (st.bound && std::isfinite(*st.bound))
      out += fmt::format(" The largest gap is in stage {}, {}: {} against a best possible {} (gap {:.2f}%).", n,
                         stage_title(st.name), stage_amount(st.name, *st.value), stage_amount(st.name, *st.bound),
                         100.0 * st.gap);
    else
      out += fmt::format(" Stage {}, {}, got to {} with no bound proved: how far it is from the best is not known.", n,
                         stage_title(st.name), stage_amount(st.name, *st.value));
  }
  if (!unreached.empty()) {
    std::vector<std::string> titles;
    for (const int n : unreached) titles.push_back(stage_title(plan.stages[static_cast<std::size_t>(n - 1)].name));
    std::string which = stage_numbers(unreached);
    which[0] = 'S';
    out += fmt::format(" {} ({}) had no time: {} this rota's, not optimised.", which,
                       util::join(titles, ", "), unreached.size() == 1 ? "its value is" : "their values are");
  }
  return out;
}

}  // namespace attune::plan
