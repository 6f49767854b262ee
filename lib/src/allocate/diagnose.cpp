// Explaining an infeasible allocation (see diagnose.hpp).

#include "diagnose.hpp"

#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "attune/render.hpp"
#include "search.hpp"

namespace attune::alloc {
namespace {

std::string children_of_band(AgeBand band, int n) {
  switch (band) {
    case AgeBand::under_2: return n == 1 ? "1 baby" : fmt::format("{} babies", n);
    case AgeBand::age_2: return n == 1 ? "1 two-year-old" : fmt::format("{} two-year-olds", n);
    case AgeBand::age_3_plus:
      return n == 1 ? "1 child aged 3 and over" : fmt::format("{} children aged 3 and over", n);
  }
  return {};
}

/// "the 1 eligible key person", "the 2 eligible buddies".
std::string eligible_people(int n, bool buddies) {
  if (n == 1) return buddies ? "the 1 eligible buddy" : "the 1 eligible key person";
  return fmt::format("the {} eligible {}", n, buddies ? "buddies" : "key persons");
}

std::string join_and(const std::vector<std::string>& parts) {
  if (parts.empty()) return {};
  if (parts.size() == 1) return parts[0];
  std::string out;
  for (std::size_t i = 0; i + 1 < parts.size(); ++i) out += (i > 0 ? ", " : "") + parts[i];
  return out + " and " + parts.back();
}

/// "student, volunteer, cook or admin": the roles that may not be key persons
/// (may_be_key_person, the list KP-VALID reads).
std::string roles_never_key_persons() {
  std::vector<std::string> ids;
  for (int r = 0; r < 64; ++r) {
    const auto role = static_cast<Role>(r);
    if (parse_role(role_id(role)) != role) break;  // past the last role
    if (!may_be_key_person(role)) ids.emplace_back(role_id(role));
  }
  std::string out = join_and(ids);
  if (const auto last = out.rfind(" and "); last != std::string::npos) out.replace(last, 5, " or ");
  return out;
}

std::string max_setting(const Setting& s, AgeBand band) {
  return fmt::format("max_key_children.{} = {}", age_band_id(band), s.policy.max_key_children[static_cast<std::size_t>(band)]);
}

class Explainer {
 public:
  Explainer(const Problem& p, bool redact) : p_(p), s_(*p.setting), redact_(redact) {}

  std::optional<Explanation> nobody_eligible() const {
    for (const Pupil& pupil : p_.pupils) {
      const std::string child = child_label(s_, pupil.child, redact_);
      if (pupil.eligible.empty())
        return Explanation{
            fmt::format("{} attends, but no member of staff can be a key person on every day the child attends "
                        "(employed on each of those days, and not a {})",
                        child, roles_never_key_persons()),
            "add a practitioner employed on those days to staff.csv, or correct start_date and leave_date"};
      if (pupil.needs_buddy && pupil.eligible.size() < 2)
        return Explanation{fmt::format("{} needs a key person and a buddy, but only {} can be either on every day the "
                                       "child attends",
                                       child, staff_label(s_, pupil.eligible.front(), redact_)),
                           pupil.baby || s_.policy.buddy_for_all
                               ? "add a second practitioner employed on those days to staff.csv"
                               : "add a second practitioner employed on those days to staff.csv, or clear the "
                                 "child's buddy in children.csv (the child has one today, so allocate keeps one)"};
    }
    return std::nullopt;
  }

  std::optional<Explanation> already_full() const {
    for (const DayLoad& load : p_.loads) {
      for (StaffIndex k = 0; k < p_.staff_count; ++k) {
        if (load.fixed_key[k] <= p_.full_units) continue;
        std::vector<std::string> parts;
        for (AgeBand band : kAgeBands)
          if (int n = load.fixed_key_children[k][static_cast<std::size_t>(band)]; n > 0)
            parts.push_back(children_of_band(band, n) + " (" + max_setting(s_, band) + ")");
        return Explanation{
            fmt::format("on {}, {} is already the key person of {} who do not attend in the period: more than "
                        "a full caseload under the setting's policy",
                        format_day_label(load.first), staff_label(s_, k, redact_), join_and(parts)),
            "give some of those children another key person in children.csv or allocations.csv, or raise "
            "max_key_children in [policy] (the caps are the setting's policy, not the law)"};
      }
    }
    return std::nullopt;
  }

  /// More children than places on some day, counted over the whole setting.
  std::optional<Explanation> too_few_places(bool buddies) const {
    for (const DayLoad& load : p_.loads) {
      long needed = 0, places = 0;
      std::array<int, kAgeBandCount> by_band{0, 0, 0};
      std::vector<unsigned char> can(p_.staff_count, 0);
      for (std::size_t i = 0; i < p_.pupils.size(); ++i) {
        if (load.units[i] == 0 || (buddies && !p_.pupils[i].needs_buddy)) continue;
        needed += load.units[i];
        ++by_band[static_cast<std::size_t>(age_band_on(s_.children[p_.pupils[i].child].date_of_birth, load.first))];
        for (StaffIndex s : p_.pupils[i].eligible) can[s] = 1;
      }
      int staff = 0;
      for (StaffIndex s = 0; s < p_.staff_count; ++s) {
        if (can[s] == 0) continue;
        ++staff;
        places += std::max(0, p_.full_units - (buddies ? load.fixed_buddy[s] : load.fixed_key[s]));
      }
      if (needed <= places) continue;
      return Explanation{counted(load, by_band, staff, places, buddies),
                         fmt::format("raise max_key_children in [policy] (the caps are the setting's policy, not "
                                     "the law), or add a practitioner who can be a {}",
                                     buddies ? "buddy" : "key person")};
    }
    return std::nullopt;
  }

  std::optional<Explanation> siblings() const {
    for (const auto& family : p_.families) {
      std::vector<std::string> names;
      for (std::uint32_t i : family) names.push_back(child_label(s_, p_.pupils[i].child, redact_));
      const Child& first = s_.children[p_.pupils[family[0]].child];
      const std::string who = fmt::format("{} are siblings in the {} (family \"{}\") and share a key person",
                                          join_and(names), room_label(s_, first.room), first.family);
      bool common = false;
      for (StaffIndex s = 0; s < p_.staff_count && !common; ++s) {
        common = std::all_of(family.begin(), family.end(), [&](std::uint32_t i) { return p_.eligible(i, s); });
      }
      if (!common)
        return Explanation{who + ", but nobody can be key person to all of them on every day each attends",
                           "check the staff's start_date and leave_date, or the family column of children.csv"};
      for (const DayLoad& load : p_.loads) {
        long units = 0;
        for (std::uint32_t i : family) units += load.units[i];
        if (units > p_.full_units)
          return Explanation{fmt::format("{}, but on {} that is more than a full caseload under the setting's policy "
                                         "(max_key_children: under_2 = {}, age_2 = {}, age_3_plus = {})",
                                         who, format_day_label(load.first), s_.policy.max_key_children[0],
                                         s_.policy.max_key_children[1], s_.policy.max_key_children[2]),
                             "raise max_key_children in [policy], or give the siblings different family values"};
      }
    }
    return std::nullopt;
  }

 private:
  [[nodiscard]] std::string counted(const DayLoad& load, const std::array<int, kAgeBandCount>& by_band, int staff,
                                    long places, bool buddies) const {
    const std::string when = p_.loads.size() > 1 ? fmt::format("on {}, ", format_day_label(load.first)) : "";
    std::vector<std::string> groups;
    std::vector<AgeBand> present;
    for (AgeBand b : kAgeBands)
      if (by_band[static_cast<std::size_t>(b)] > 0) {
        groups.push_back(children_of_band(b, by_band[static_cast<std::size_t>(b)]));
        present.push_back(b);
      }
    const bool one = by_band[0] + by_band[1] + by_band[2] == 1;
    const std::string attend = buddies ? (one ? "needs a buddy" : "need a buddy") : (one ? "attends" : "attend");
    if (present.size() == 1) {
      const int unit = p_.full_units / s_.policy.max_key_children[static_cast<std::size_t>(present[0])];
      return fmt::format("{}{} {}; with {} {} can take {}", when, groups[0], attend, max_setting(s_, present[0]),
                         eligible_people(staff, buddies), places / unit);
    }
    std::vector<std::string> limits;
    for (AgeBand b : present) limits.push_back(max_setting(s_, b));
    const double needed = [&] {
      double n = 0;
      for (AgeBand b : present)
        n += static_cast<double>(by_band[static_cast<std::size_t>(b)]) /
             s_.policy.max_key_children[static_cast<std::size_t>(b)];
      return n;
    }();
    return fmt::format("{}{} {}: {:.2f} full caseloads with {}, and {} can take {:.2f}", when, join_and(groups),
                       attend, needed, fmt::join(limits, ", "), eligible_people(staff, buddies),
                       static_cast<double>(places) / p_.full_units);
  }

  const Problem& p_;
  const Setting& s_;
  bool redact_;
};

}  // namespace

Explanation explain_infeasible(const Problem& problem, double time_limit_seconds, bool redact) {
  const Explainer e(problem, redact);
  if (auto x = e.nobody_eligible()) return *x;
  if (auto x = e.already_full()) return *x;
  if (auto x = e.too_few_places(false)) return *x;
  if (auto x = e.too_few_places(true)) return *x;
  if (auto x = e.siblings()) return *x;

  // Solve again without --keep, then without --max-changes: if that works, it was the cause.
  Problem unkept = problem;
  std::vector<std::string> kept;
  for (Pupil& pupil : unkept.pupils) {
    if (pupil.keep) kept.push_back(child_label(*problem.setting, pupil.child, redact));
    pupil.keep = false;
  }
  Search search(unkept, time_limit_seconds);
  if (!kept.empty()) {
    const Outcome o = search.run(Limits{}, Goal::feasible);
    if (o.allocation)
      return {fmt::format("keeping the key person of {} leaves no allocation within the caps", join_and(kept)),
              "keep fewer children (--keep)"};
  }
  if (problem.max_changes) {
    Problem unlimited = unkept;
    unlimited.max_changes.reset();
    Search again(unlimited, time_limit_seconds);
    const Outcome o = again.run(Limits{}, Goal::min_changes);
    if (o.allocation) {
      int needed = 0;
      for (std::size_t i = 0; i < unlimited.pupils.size(); ++i)
        if (unlimited.pupils[i].current_eligible && o.allocation->key[i] != unlimited.pupils[i].current_key) ++needed;
      return {fmt::format("with at most {} {} no allocation keeps the caps: at least {} a new key person",
                          *problem.max_changes, *problem.max_changes == 1 ? "change" : "changes",
                          needed == 1 ? std::string("1 child needs") : fmt::format("{} children need", needed)),
              fmt::format("allow {} {} or more (--max-changes {})", needed, needed == 1 ? "change" : "changes", needed)};
    }
  }
  return {"no allocation keeps every cap, buddy and family rule at once, although no single day has more children "
          "than places: the children some staff may take overlap too little",
          "raise max_key_children in [policy], or check which staff can be key persons (start_date, leave_date, "
          "role)"};
}

}  // namespace attune::alloc
