// Why no rota exists (see diagnose.hpp).

#include "diagnose.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "attune/check.hpp"
#include "attune/render.hpp"
#include "polish.hpp"
#include "rota.hpp"
#include "rota_model.hpp"

namespace attune::plan {
namespace {

constexpr std::size_t kMostReasons = 6;
constexpr std::size_t kMostNames = 5;

bool planned(const Requirements& r, std::string_view rule) {
  const auto& p = r.rules().planned;
  return std::find(p.begin(), p.end(), rule) != p.end();
}

std::string plural(long n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

/// One shortage at one time: what, and who could not be there.
struct Shortage {
  std::size_t day = 0;
  TimeWindow time;
  std::string what;
  std::vector<StaffIndex> away;  ///< would count, but are not available then
};

/// Who is available in slot `t` of day `d`, and who would count but is not.
struct Present {
  int in_ratio = 0, level3 = 0, graduates = 0, under_2 = 0, pfa = 0;
  std::vector<StaffIndex> away;
};

Present present_at(const Week& week, std::uint32_t d, std::size_t t) {
  Present p;
  for (const PersonDay& pd : week.person_days) {
    if (pd.day != d) continue;
    if (pd.available[t] == 0) {
      if (pd.counts.in_ratio) p.away.push_back(pd.staff);
      continue;
    }
    p.in_ratio += pd.counts.in_ratio ? 1 : 0;
    p.level3 += pd.counts.level3 ? 1 : 0;
    p.graduates += pd.counts.graduate ? 1 : 0;
    p.under_2 += pd.counts.under_2_experienced ? 1 : 0;
    p.pfa += pd.counts.pfa ? 1 : 0;
  }
  return p;
}

/// The fewest adults in ratio a piece can need: every room at the graduate ratio where
/// the available staff could make it so.
std::pair<int, std::vector<std::pair<RoomIndex, int>>> least_need(const Piece& piece, const RuleProfile& profile,
                                                                   const Present& p, bool rooms, bool premises) {
  const bool graduate = profile.graduate_children_per_adult > 0 && p.graduates > 0 &&
                        (!profile.graduate_needs_other_level3 || p.level3 >= 2) &&
                        (!profile.graduate_hours || (profile.graduate_hours->start <= piece.time.start &&
                                                     piece.time.end <= profile.graduate_hours->end));
  std::vector<std::pair<RoomIndex, int>> by_room;
  int sum = 0, graduate_children = 0;
  for (const auto& [room, seg] : piece.rooms) {
    Segment s = seg;
    s.graduate_ratio_children = graduate ? s.children[profile.graduate_band] : 0;
    graduate_children += s.graduate_ratio_children;
    const int need = required_staff(s, profile);
    by_room.emplace_back(room, need);
    sum += need;
  }
  Segment all = piece.premises;
  all.graduate_ratio_children = graduate_children;
  const int whole = premises ? required_staff(all, profile) : 0;
  return {std::max(rooms ? sum : 0, whole), by_room};
}

std::string names(const Setting& s, const std::vector<StaffIndex>& staff, Date date, bool redact) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < staff.size() && i < kMostNames; ++i)
    out.push_back(fmt::format("{} is {}", staff_label(s, staff[i], redact), availability_words(s, staff[i], date)));
  if (staff.size() > kMostNames) out.push_back(fmt::format("and {} more", staff.size() - kMostNames));
  std::string text;
  for (std::size_t i = 0; i < out.size(); ++i) text += (i == 0 ? "" : "; ") + out[i];
  return text;
}

/// Joins shortages that say the same thing at touching times.
std::vector<Shortage> merge(std::vector<Shortage> list) {
  std::vector<Shortage> out;
  for (Shortage& s : list) {
    if (!out.empty() && out.back().day == s.day && out.back().what == s.what && out.back().time.end == s.time.start) {
      out.back().time.end = s.time.end;
      continue;
    }
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<std::string> words(const Setting& s, const Week& week, const std::vector<Shortage>& list, bool redact) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < list.size() && i < kMostReasons; ++i) {
    const Shortage& x = list[i];
    const Date date = week.days[x.day].date;
    std::string line = fmt::format("{} {}: {}", format_day_label(date), format_window(x.time), x.what);
    if (!x.away.empty()) line += fmt::format(" Not available then: {}.", names(s, x.away, date, redact));
    out.push_back(std::move(line));
  }
  if (list.size() > kMostReasons)
    out.push_back(fmt::format("... and {} more such times.", list.size() - kMostReasons));
  return out;
}

std::string room_list(const Setting& s, const std::vector<std::pair<RoomIndex, int>>& rooms) {
  std::string out;
  for (const auto& [room, need] : rooms) out += fmt::format("{}{} {}", out.empty() ? "" : ", ", s.rooms[room].name, need);
  return out;
}

}  // namespace

std::string availability_words(const Setting& setting, StaffIndex staff, Date date) {
  const auto it = std::find_if(setting.days.begin(), setting.days.end(), [&](const Day& d) { return d.date == date; });
  if (it == setting.days.end()) return "not available that day";
  std::string windows;
  for (const Availability& a : it->available)
    if (a.staff == staff) windows += (windows.empty() ? "" : ", ") + format_window(a.time);
  if (!setting.staff[staff].employed_on(date)) return "not employed that day";
  return windows.empty() ? "not available that day" : "available " + windows;
}

std::vector<std::string> count_shortages(const Setting& setting, const Week& week, const Requirements& requirements,
                                         bool redact) {
  const RuleProfile& profile = requirements.profile();
  const bool rooms = planned(requirements, "RATIO-ROOM"), premises = planned(requirements, "RATIO-SETTING");
  const bool level3 = planned(requirements, "QUAL-LEVEL3");
  const bool pfa = planned(requirements, "PFA-ON-SITE") && setting.recorded.pfa_expiry;
  const bool u2 = planned(requirements, "U2-ROOM-LEAD") && setting.recorded.under_2_experience;
  std::vector<Shortage> list;
  for (std::uint32_t d = 0; d < week.days.size(); ++d) {
    const PlanDay& day = week.days[d];
    for (std::size_t t = 0; t < day.slots.size(); ++t) {
      if (day.slots[t].pieces.empty()) continue;
      const Present p = present_at(week, d, t);
      const RuleProfile& version = profile.on(day.date);  // the version in force that day
      for (const Piece& piece : day.slots[t].pieces) {
        const auto [need, by_room] = least_need(piece, version, p, rooms, premises);
        std::string what;
        if ((rooms || premises) && p.in_ratio < need) {
          what = fmt::format("{} in ratio are needed ({} children: {}); {} available, {} short.",
                             plural(need, "adult", "adults"), piece.premises.child_count(), room_list(setting, by_room),
                             p.in_ratio, plural(need - p.in_ratio, "adult", "adults"));
        } else if (level3 && p.level3 < static_cast<int>(piece.rooms.size())) {
          what = fmt::format("{} with children need a level 3 each; {} at level 3 available.",
                             plural(static_cast<long>(piece.rooms.size()), "room", "rooms"), p.level3);
        } else if (pfa && p.pfa == 0) {
          what = "no one with paediatric first aid is available, and someone must be on the premises.";
        } else if (u2) {
          int babies_rooms = 0;
          for (const auto& [room, seg] : piece.rooms) babies_rooms += seg.children[0] > 0 ? 1 : 0;
          if (p.under_2 < babies_rooms)
            what = fmt::format("{} with children under 2 need someone experienced with under-2s; {} available.",
                               plural(babies_rooms, "room", "rooms"), p.under_2);
        }
        if (what.empty()) continue;
        list.push_back(Shortage{d, piece.time, what, p.away});
        break;
      }
    }
  }
  return words(setting, week, merge(std::move(list)), redact);
}

std::vector<std::string> explain_infeasible(const Setting& setting, const RuleProfile& profile, const Week& week,
                                            const Requirements& requirements, const std::vector<Pupil>& pupils,
                                            Budget& budget, int threads, bool redact) {
  (void)pupils;
  RotaModel soft(setting, week, requirements, true);
  solver::Model& m = soft.model();
  m.clear_objective();
  for (const Requirement& r : soft.requirements())
    m.set_objective(r.breach, m.objective(r.breach) + static_cast<double>(r.time.length()));
  m.set_sense(solver::Sense::minimise);
  solver::SolveOptions o;
  o.time_limit_seconds = std::max(1.0, budget.remaining());
  o.threads = threads;
  o.absolute_gap = 0.5;
  const solver::Result r = solver::solve(m, o);
  std::vector<std::string> out;
  if (!r.has_solution()) {
    out.push_back("No rota meets every rule this week, and there was no time left to find where it fails.");
    return out;
  }
  std::vector<double> values = r.values;
  polish(soft, values);
  const Places places = soft.decode(values);
  RotaPlan rough;
  rough.shifts = shifts_of(week, places);
  CheckOptions only;
  for (std::string_view rule : requirements.rules().planned) only.only.emplace_back(rule);
  const CheckResult check = check_setting(with_rota(setting, rough.shifts), profile, only);
  // One line per day and time: the first breach in words, the other rules then by id,
  // and who was available but not on.
  std::vector<Shortage> list;
  std::vector<std::vector<std::string>> also;
  for (const Finding& f : check.findings) {
    if (f.severity != Severity::error || f.accepted || !f.date || !f.time) continue;
    const auto day = std::find_if(week.days.begin(), week.days.end(), [&](const PlanDay& x) { return x.date == *f.date; });
    if (day == week.days.end()) continue;
    const std::size_t d = static_cast<std::size_t>(day - week.days.begin());
    const auto same = std::find_if(list.begin(), list.end(), [&](const Shortage& x) { return x.day == d && x.time == *f.time; });
    if (same != list.end()) {
      auto& rules = also[static_cast<std::size_t>(same - list.begin())];
      if (std::find(rules.begin(), rules.end(), f.rule) == rules.end()) rules.push_back(f.rule);
      continue;
    }
    std::string what = fmt::format("{}{} ({})", f.room < setting.rooms.size() ? setting.rooms[f.room].name + ": " : "",
                                   f.message, f.rule);
    const FindingValue* req = f.value("required");
    const FindingValue* have = f.value("staff");
    if (req != nullptr && have != nullptr && std::holds_alternative<std::int64_t>(*req) &&
        std::holds_alternative<std::int64_t>(*have) && std::get<std::int64_t>(*req) > std::get<std::int64_t>(*have))
      what += fmt::format(", {} short", plural(static_cast<long>(std::get<std::int64_t>(*req) - std::get<std::int64_t>(*have)),
                                               "adult", "adults"));
    list.push_back(Shortage{d, *f.time, what, {}});
    also.emplace_back();
  }
  for (std::size_t i = 0; i < list.size(); ++i) {
    Shortage& x = list[i];
    if (!also[i].empty()) x.what += fmt::format("; also {} then", fmt::join(also[i], ", "));
    x.what += ".";
    // Who was available then but could not be on: their contract or the shift bounds.
    std::vector<StaffIndex> idle;
    for (std::size_t pd = 0; pd < week.person_days.size(); ++pd) {
      const PersonDay& p = week.person_days[pd];
      if (p.day != x.day) continue;
      const PlanDay& pday = week.days[p.day];
      for (std::size_t t = 0; t < pday.slots.size(); ++t) {
        if (overlap_minutes(pday.slots[t].time, x.time) == 0 || p.available[t] == 0) continue;
        if (places[pd][t].place == SlotState::kOff) {
          idle.push_back(p.staff);
          break;
        }
      }
    }
    if (!idle.empty()) {
      x.what += " Available but not on then (their contract, the break or the shift bounds hold them back): ";
      for (std::size_t k = 0; k < idle.size() && k < kMostNames; ++k)
        x.what += (k == 0 ? "" : ", ") + staff_label(setting, idle[k], redact);
      x.what += ".";
    }
  }
  out = words(setting, week, list, redact);
  if (out.empty()) out.push_back("No rota meets every rule this week with the shift bounds, breaks and contracts given.");
  return out;
}

}  // namespace attune::plan
