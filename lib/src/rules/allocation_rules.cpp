// KP-CASELOAD, KP-ROOM and BUDDY-ASSIGNED: whether the allocation of key people can work.

#include <algorithm>
#include <chrono>
#include <numeric>

#include <fmt/format.h>

#include "rule.hpp"

namespace attune::rules {
namespace {


/// Key children by band, and how full the caseload is: the sum over bands of
/// children / the band's maximum, so 3 babies (of 4) and 3 two-year-olds (of 6) is 1.25.
struct Caseload {
  std::array<int, kAgeBandCount> by_band{0, 0, 0};
  std::int64_t units = 0;  ///< load scaled by the lcm of the maxima: exact comparisons
  [[nodiscard]] int total() const { return by_band[0] + by_band[1] + by_band[2]; }
};

/// The dates on which some child's enrolment, band or key person may change (what a
/// caseload counts), sorted.
std::vector<Date> caseload_changes(const Setting& s, const std::vector<BandDates>& bands) {
  constexpr std::chrono::days kDay{1};
  std::vector<Date> out;
  for (ChildIndex c = 0; c < s.children.size(); ++c) {
    const Child& child = s.children[c];
    out.push_back(child.date_of_birth);
    if (child.start_date) out.push_back(*child.start_date);
    if (child.leave_date) out.push_back(*child.leave_date + kDay);
    out.push_back(bands[c].turns_2);
    out.push_back(bands[c].turns_3);
  }
  for (const Allocation& a : s.allocations) {
    out.push_back(a.from);
    if (a.to) out.push_back(*a.to + kDay);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

class KpCaseload final : public Rule {
 public:
  void finish(RuleContext& ctx) override {
    const Setting& s = ctx.setting;
    const auto& max = s.policy.max_key_children;
    const std::int64_t lcm = std::lcm(std::lcm<std::int64_t>(max[0], max[1]), max[2]);
    std::vector<Caseload> worst(s.staff.size());
    std::vector<Date> worst_date(s.staff.size());
    std::vector<BandDates> bands;
    for (const Child& child : s.children) bands.push_back(band_dates(child.date_of_birth));
    std::vector<Caseload> today(s.staff.size());
    // A day's caseloads are those of the day before unless a child was born, started,
    // left, changed band or key person in between: only those days are counted again
    // (a day equal to the one before cannot be a new worst).
    const std::vector<Date> changes = caseload_changes(s, bands);
    std::size_t next_change = 0;
    for (std::size_t d = 0; d < s.days.size(); ++d) {
      const Day& day = s.days[d];
      bool changed = d == 0;
      for (; next_change < changes.size() && changes[next_change] <= day.date; ++next_change) changed = true;
      if (!changed) continue;
      std::fill(today.begin(), today.end(), Caseload{});
      for (ChildIndex c = 0; c < s.children.size(); ++c) {
        if (!s.children[c].enrolled_on(day.date)) continue;
        const StaffIndex key = s.key_people_on(c, day.date).first;
        if (key == kNone) continue;
        const auto band = static_cast<std::size_t>(bands[c].on(day.date));
        ++today[key].by_band[band];
        today[key].units += lcm / max[band];
      }
      for (StaffIndex k = 0; k < s.staff.size(); ++k) {
        if (today[k].units > worst[k].units) {
          worst[k] = today[k];
          worst_date[k] = day.date;
        }
      }
    }
    for (StaffIndex k = 0; k < s.staff.size(); ++k) {
      if (worst[k].units <= lcm) continue;
      report(ctx, k, worst[k], worst_date[k], static_cast<double>(worst[k].units) / static_cast<double>(lcm));
    }
  }

 private:
  void report(RuleContext& ctx, StaffIndex k, const Caseload& load, Date date, double fullness) {
    const auto& max = ctx.setting.policy.max_key_children;
    Finding f = ctx.make(id());
    f.date = date;
    f.staff = k;
    f.values = {{"key_children", std::int64_t{load.total()}},
                {"under_2", std::int64_t{load.by_band[0]}},
                {"age_2", std::int64_t{load.by_band[1]}},
                {"age_3_plus", std::int64_t{load.by_band[2]}},
                {"load", fullness}};
    std::vector<std::string> parts, limits;
    for (AgeBand band : kAgeBands) {
      const auto b = static_cast<std::size_t>(band);
      if (load.by_band[b] == 0) continue;
      parts.push_back(fmt::format("{} {}", load.by_band[b], age_band_label(band)));
      limits.push_back(fmt::format("{} {}", max[b], age_band_label(band)));
    }
    if (parts.size() == 1) {
      f.message = fmt::format("{} key children ({}); the policy allows at most {}", load.total(), parts[0], limits[0]);
    } else {
      f.message = fmt::format("{} key children ({}): {:.2f} times a full caseload (at most {})", load.total(),
                              fmt::join(parts, ", "), fullness, fmt::join(limits, ", or "));
    }
    ctx.findings.push_back(std::move(f));
  }
};

class KpRoom final : public Rule {
 public:
  void finish(RuleContext& ctx) override {
    const double threshold = ctx.setting.policy.key_person_room_share_min;
    for (const ChildMetrics& m : ctx.ledger.children()) {
      if (m.attended_minutes == 0 || m.key_person == kNone) continue;
      const RoomIndex room = ctx.setting.children[m.child].room;
      const long total = ctx.ledger.work_minutes(m.key_person);
      if (total == 0) continue;  // not on the rota at all: KP-COVERAGE says so
      const long in_room = ctx.ledger.work_minutes(m.key_person, room);
      const double share = static_cast<double>(in_room) / static_cast<double>(total);
      if (share >= threshold) continue;
      Finding f = ctx.make(id());
      f.child = m.child;
      f.staff = m.key_person;
      f.room = room;
      f.values = {{"share", share},
                  {"threshold", threshold},
                  {"minutes_in_room", std::int64_t{in_room}},
                  {"work_minutes", std::int64_t{total}}};
      f.message = fmt::format("the key person works {} of their time in the child's room ({} of {} minutes); the "
                              "policy asks for at least {}",
                              percent(share), in_room, total, percent(threshold));
      ctx.findings.push_back(std::move(f));
    }
  }
};

class BuddyAssigned final : public Rule {
 public:
  void finish(RuleContext& ctx) override {
    const Setting& s = ctx.setting;
    for (ChildIndex c = 0; c < s.children.size(); ++c) {
      if (s.children[c].own_child) continue;  // a childminder's own child
      for (const ChildSession& session : ctx.ledger.sessions(c)) {
        if (age_band_on(s.children[c].date_of_birth, session.date) != AgeBand::under_2) continue;
        if (s.key_people_on(c, session.date).second != kNone) continue;
        Finding f = ctx.make(id());
        f.date = session.date;
        f.child = c;
        f.room = s.children[c].room;
        f.message = "no buddy (a second familiar adult) for a child under 2";
        ctx.findings.push_back(std::move(f));
        break;
      }
    }
  }
};

}  // namespace

extern const RuleInfo kKpCaseload{
    .id = "KP-CASELOAD",
    .family = RuleFamily::continuity,
    .severity = Severity::warning,
    .scope = RuleScope::staff,
    .title = "A key person's caseload is manageable",
    .checks = "On each day, a key person's key children (enrolled that day), counted by band: the sum over bands of "
              "children / max_key_children for that band must not exceed 1 (so 4 babies is full, and 3 babies plus 2 "
              "two-year-olds is 3/4 + 2/6 = 1.08, over). One finding per key person, on the day with the heaviest "
              "load.",
    .why = "A key person can only hold a few babies in mind: attunement needs time with each child and each family.",
    .fix = "Share the key children out more evenly, or make a second practitioner the key person for some.",
    .reads = "[policy] max_key_children",
    .source = "No statutory limit in the frameworks attune knows: practice guidance speaks of 'a small number of children' (EYFS 2008 Practice Guidance); settings set their own limit",
    .numbers = [](const RuleProfile&, const ContinuityPolicy& c) -> std::vector<std::string> {
      const auto& v = c.max_key_children;
      return {fmt::format("max_key_children: under 2: {}; aged 2: {}; aged 3 and over: {}", v[0], v[1], v[2])};
    },
    .evidence = [](const EvidenceInput& in) {
      const Finding* worst = extreme(in.findings, "load", false);
      return fmt::format("{} over the caseload the policy allows (worst: {}, {:.0f} key children)",
                         count_of(static_cast<long>(in.findings.size()), "key person", "key persons"),
                         in.staff(worst->staff), number_value(*worst, "key_children"));
    },
    .make = make<KpCaseload>,
};

extern const RuleInfo kKpRoom{
    .id = "KP-ROOM",
    .family = RuleFamily::continuity,
    .severity = Severity::warning,
    .scope = RuleScope::child,
    .title = "The key person works in the child's room",
    .checks = "Of the key person's work minutes over the period, the share in the child's room (children.csv room). "
              "A warning below key_person_room_share_min (default one half).",
    .why = "A key person who works mostly in another room cannot be the child's familiar adult during the day.",
    .fix = "Choose a key person from the child's room, or deploy the key person to that room.",
    .reads = "[policy] key_person_room_share_min",
    .source = "A key person offers a settled relationship in the child's day, so they work where the child is (the key-person approach: Elfer, Goldschmied and Selleck 2003, as cited by Nursery World)",
    .numbers = [](const RuleProfile&, const ContinuityPolicy& c) -> std::vector<std::string> {
      return {fmt::format("key_person_room_share_min = {}", percent(c.key_person_room_share_min))};
    },
    .evidence = [](const EvidenceInput& in) {
      return fmt::format("{} whose key person works mostly in another room",
                         count_of(static_cast<long>(in.findings.size()), "child", "children"));
    },
    .make = make<KpRoom>,
};

extern const RuleInfo kBuddyAssigned{
    .id = "BUDDY-ASSIGNED",
    .family = RuleFamily::continuity,
    .severity = Severity::warning,
    .scope = RuleScope::child,
    .title = "Every baby has a buddy",
    .checks = "Every child who attends while under 2 has a buddy (a back-up key person) on those days: children.csv "
              "buddy, or allocations.csv.",
    .why = "Key persons have days off, holidays and breaks. A named buddy means the baby still has someone "
           "familiar, rather than whoever is free.",
    .fix = "Name a buddy for the child: ideally someone in the same room whose shifts cover the key person's "
           "absences.",
    .reads = "none",
    .source = "A named back-up key person is important (Elfer, Goldschmied and Selleck 2003, as cited by Nursery World); continuity and consistency of primary care ('Infant mental health (babies to age two)', a local authority page for parents and professionals)",
    .evidence = [](const EvidenceInput& in) {
      return fmt::format("{} under 2 had no buddy", count_of(static_cast<long>(in.findings.size()), "child", "children"));
    },
    .make = make<BuddyAssigned>,
};

}  // namespace attune::rules
