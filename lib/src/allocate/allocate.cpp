// attune::allocate: the staged optimisation, then the proposal measured exactly as
// `attune check` measures it (the continuity ledger over the setting with the proposal
// in force), and checked against what the optimiser predicted.

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

#include "../continuity/ledger.hpp"
#include "assignment.hpp"
#include "attune/allocate.hpp"
#include "diagnose.hpp"
#include "stages.hpp"

namespace attune {

std::string_view allocation_status_id(AllocationStatus status) {
  switch (status) {
    case AllocationStatus::optimal: return "optimal";
    case AllocationStatus::feasible: return "feasible";
    case AllocationStatus::infeasible: return "infeasible";
    case AllocationStatus::stopped: return "stopped";
  }
  return "stopped";
}

namespace {

/// The continuity ledger over the whole period: per child, as `attune check` measures.
std::vector<ChildMetrics> measured(const Setting& setting) {
  ContinuityLedger ledger(setting);
  for (const Day& day : setting.days) ledger.add_day(day);
  ledger.finish();
  return ledger.children();
}

/// The setting with each pupil's proposed key person and buddy in force over the period.
Setting with_proposal(const Setting& setting, const alloc::Problem& p, const alloc::Assignment& a) {
  Setting s = setting;
  std::vector<unsigned char> pupil(setting.children.size(), 0);
  for (const alloc::Pupil& x : p.pupils) pupil[x.child] = 1;
  std::erase_if(s.allocations, [&](const Allocation& row) { return pupil[row.child] != 0; });
  for (std::size_t i = 0; i < p.pupils.size(); ++i)
    s.allocations.push_back(Allocation{p.pupils[i].child, a.key[i], a.buddy[i], setting.period.from, std::nullopt});
  std::stable_sort(s.allocations.begin(), s.allocations.end(), [](const Allocation& x, const Allocation& y) {
    return x.child != y.child ? x.child < y.child : x.from < y.from;
  });
  return s;
}

AllocationObjective current_objective(const alloc::Problem& p, const std::vector<ChildMetrics>& now) {
  AllocationObjective o;
  for (const alloc::Pupil& pupil : p.pupils) {
    const ChildMetrics& m = now[pupil.child];
    const Share share{m.key_person_minutes, m.attended_minutes};
    if (pupil.baby && (!o.min_under_2_coverage || share < *o.min_under_2_coverage)) o.min_under_2_coverage = share;
    if (!o.min_coverage || share < *o.min_coverage) o.min_coverage = share;
    o.key_person_minutes += m.key_person_minutes;
    o.key_or_buddy_minutes += m.key_or_buddy_minutes;
  }
  return o;
}

std::vector<KeyPersonLoad> loads(const Setting& setting, const alloc::Problem& p, const alloc::Assignment* a) {
  std::vector<KeyPersonLoad> by_staff(setting.staff.size());
  std::vector<std::int32_t> pupil_of(setting.children.size(), -1);
  for (std::size_t i = 0; i < p.pupils.size(); ++i) pupil_of[p.pupils[i].child] = static_cast<std::int32_t>(i);
  for (ChildIndex c = 0; c < setting.children.size(); ++c) {
    std::pair<StaffIndex, StaffIndex> people{kNone, kNone};
    if (pupil_of[c] >= 0 && a != nullptr) {
      const auto i = static_cast<std::size_t>(pupil_of[c]);
      people = {a->key[i], a->buddy[i]};
    } else {
      const auto day = std::find_if(setting.days.begin(), setting.days.end(),
                                    [&](const Day& d) { return setting.children[c].enrolled_on(d.date); });
      if (day == setting.days.end()) continue;  // not enrolled in the period
      people = setting.key_people_on(c, day->date);
    }
    if (people.first < by_staff.size()) ++by_staff[people.first].key_children;
    if (people.second < by_staff.size()) ++by_staff[people.second].buddy_children;
  }
  std::vector<KeyPersonLoad> out;
  for (StaffIndex s = 0; s < by_staff.size(); ++s) {
    if (by_staff[s].key_children == 0 && by_staff[s].buddy_children == 0) continue;
    by_staff[s].staff = s;
    out.push_back(by_staff[s]);
  }
  return out;
}

void describe_children(AllocationProposal& out, const alloc::Problem& p, const std::vector<ChildMetrics>& now,
                       const alloc::Assignment* a, const std::vector<ChildMetrics>* then) {
  for (std::size_t i = 0; i < p.pupils.size(); ++i) {
    const alloc::Pupil& pupil = p.pupils[i];
    ChildAllocation c;
    c.child = pupil.child;
    c.band = pupil.band;
    c.attended_minutes = pupil.attended;
    c.needs_buddy = pupil.needs_buddy;
    c.current = Placement{pupil.current_key, pupil.current_buddy, now[pupil.child].key_person_minutes,
                          now[pupil.child].key_or_buddy_minutes};
    c.current_ineligible = pupil.current_key != kNone && !pupil.current_eligible;
    if (a != nullptr) {
      c.proposed = Placement{a->key[i], a->buddy[i], p.w(i, a->key[i]), p.familiar(i, a->key[i], a->buddy[i])};
      c.changed = pupil.current_eligible && a->key[i] != pupil.current_key;
      const ChildMetrics& m = (*then)[pupil.child];
      if (m.key_person_minutes != c.proposed.key_person_minutes ||
          m.key_or_buddy_minutes != c.proposed.key_or_buddy_minutes || m.attended_minutes != pupil.attended)
        throw std::logic_error("allocate: check would measure the proposal differently from the optimiser");
    } else {
      c.proposed = Placement{};
    }
    out.children.push_back(c);
  }
}

/// What --keep could not do.
std::vector<std::string> keep_notes(const Setting& setting, const alloc::Problem& p, const AllocateOptions& options) {
  std::vector<std::string> notes;
  for (ChildIndex c : options.keep) {
    const auto pupil = std::find_if(p.pupils.begin(), p.pupils.end(), [&](const alloc::Pupil& x) { return x.child == c; });
    const std::string id = setting.children[c].id;
    if (pupil == p.pupils.end())
      notes.push_back(fmt::format("--keep {}: the child does not attend in the period (and keeps their key person)", id));
    else if (!pupil->current_eligible)
      notes.push_back(fmt::format("--keep {}: {}, so a new one is proposed", id,
                                  pupil->current_key == kNone ? "the child has no key person"
                                                              : "the key person cannot be one on every day the child attends"));
  }
  return notes;
}

}  // namespace

AllocationProposal allocate(const Setting& setting, const AllocateOptions& options) {
  AllocationProposal out;
  const alloc::Problem p = alloc::build_problem(setting, options);
  out.notes = keep_notes(setting, p, options);
  alloc::Staged staged = alloc::optimise(p, options);
  out.tradeoff = std::move(staged.tradeoff);
  out.stages = std::move(staged.stages);
  out.solves = staged.solves;
  if (options.first_stage_only) {
    out.status = staged.infeasible ? AllocationStatus::infeasible
                 : !staged.found   ? AllocationStatus::stopped
                 : staged.proved   ? AllocationStatus::optimal
                                   : AllocationStatus::feasible;
    if (staged.found) out.after = alloc::objective_of(p, staged.allocation);
    return out;
  }
  const std::vector<ChildMetrics> now = measured(setting);
  out.before = current_objective(p, now);
  if (staged.infeasible || !staged.found) {
    out.status = staged.infeasible ? AllocationStatus::infeasible : AllocationStatus::stopped;
    if (staged.infeasible) {
      const alloc::Explanation why = alloc::explain_infeasible(p, options.time_limit_seconds, options.redact);
      out.reason = why.reason;
      out.what_to_change = why.what_to_change;
    }
    describe_children(out, p, now, nullptr, nullptr);
    out.key_persons = loads(setting, p, nullptr);
    return out;
  }
  out.status = staged.proved ? AllocationStatus::optimal : AllocationStatus::feasible;
  out.after = alloc::objective_of(p, staged.allocation);
  const std::vector<ChildMetrics> then = measured(with_proposal(setting, p, staged.allocation));
  describe_children(out, p, now, &staged.allocation, &then);
  out.key_persons = loads(setting, p, &staged.allocation);
  return out;
}

}  // namespace attune
