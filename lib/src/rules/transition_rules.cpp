// SETTLING-IN and TRANSITION: the moments of change, when a familiar adult matters most.

#include <algorithm>

#include <fmt/format.h>

#include "rule.hpp"

namespace attune::rules {
namespace {

/// Minutes on `day` that `child` spent in a room while `staff` worked there.
long together(const Day& day, ChildIndex child, StaffIndex staff) {
  long minutes = 0;
  for (const ChildSpell& c : day.children) {
    if (c.child != child) continue;
    for (const StaffSpell& s : day.staff) {
      if (s.staff == staff && s.kind == ShiftKind::work && s.room == c.room) minutes += overlap_minutes(c.time, s.time);
    }
  }
  return minutes;
}

class SettlingIn final : public Rule {
 public:
  void finish(RuleContext& ctx) override {
    const Setting& s = ctx.setting;
    const int sessions = s.policy.settling_in_sessions;
    for (ChildIndex c = 0; c < s.children.size(); ++c) {
      const auto& start = s.children[c].start_date;
      // Only a start inside the period: earlier sessions are not in the data.
      if (!start || !s.period.contains(*start)) continue;
      int number = 0;
      for (const ChildSession& session : ctx.ledger.sessions(c)) {
        if (session.date < *start) continue;
        if (++number > sessions) break;
        if (session.with_key_person >= session.attended) continue;
        Finding f = ctx.make(id());
        f.date = session.date;
        f.time = session.span;
        f.room = session.room;
        f.child = c;
        f.staff = session.key_person;
        f.values = {{"session", std::int64_t{number}},
                    {"sessions", std::int64_t{sessions}},
                    {"attended_minutes", std::int64_t{session.attended}},
                    {"key_person_minutes", std::int64_t{session.with_key_person}}};
        f.message = fmt::format("settling-in session {} of {}: key person with the child {} of {} minutes", number,
                                sessions, session.with_key_person, session.attended);
        ctx.findings.push_back(std::move(f));
      }
    }
  }
};

class Transition final : public Rule {
 public:
  void finish(RuleContext& ctx) override {
    const Setting& s = ctx.setting;
    for (ChildIndex c = 0; c < s.children.size(); ++c) {
      const auto& sessions = ctx.ledger.sessions(c);
      for (std::size_t i = 1; i < sessions.size(); ++i) {
        const bool new_key = sessions[i].key_person != sessions[i - 1].key_person;
        const bool new_room = sessions[i].room != sessions[i - 1].room;
        if ((!new_key && !new_room) || sessions[i].key_person == kNone) continue;
        check(ctx, c, sessions[i], new_key, new_room);
      }
    }
  }

 private:
  void check(RuleContext& ctx, ChildIndex c, const ChildSession& at, bool new_key, bool new_room) {
    const Setting& s = ctx.setting;
    const long needed = s.policy.transition_together_minutes;
    long minutes = 0;
    for (const Day& day : s.days) {
      if (day.date >= at.date) break;
      minutes += together(day, c, at.key_person);
    }
    if (minutes >= needed) return;
    const std::string change = new_key && new_room ? "key person and room" : new_key ? "key person" : "room";
    Finding f = ctx.make(id());
    f.date = at.date;
    f.room = at.room;
    f.child = c;
    f.staff = at.key_person;
    f.values = {{"change", change}, {"together_minutes", std::int64_t{minutes}}, {"required", std::int64_t{needed}}};
    f.message = fmt::format("new {} from this day, after {} minutes together with the key person beforehand; the "
                            "policy asks for {}",
                            change, minutes, needed);
    ctx.findings.push_back(std::move(f));
  }
};

}  // namespace

extern const RuleInfo kSettlingIn{
    .id = "SETTLING-IN",
    .family = RuleFamily::continuity,
    .severity = Severity::warning,
    .scope = RuleScope::child,
    .title = "The key person settles a new child in",
    .checks = "For a child whose start_date falls in the period, in each of their first settling_in_sessions attended "
              "days the key person is in the child's room for every minute the child is there.",
    .why = "Settling in is when a baby first learns that this adult will come back, and that this place is safe: the "
           "key person needs to be there throughout.",
    .fix = "Plan the new child's first sessions around the key person's shifts, not the other way round.",
    .reads = "[policy] settling_in_sessions",
    .source = "The key person helps the child become familiar with the setting (the key-person approach; in England, EYFS section 3 'Key person')",
    .numbers = [](const RuleProfile&, const ContinuityPolicy& c) -> std::vector<std::string> {
      return {fmt::format("settling_in_sessions = {}", c.settling_in_sessions)};
    },
    .evidence = [](const EvidenceInput& in) {
      return fmt::format("{} without the key person throughout",
                         count_of(static_cast<long>(in.findings.size()), "settling-in session", "settling-in sessions"));
    },
    .make = make<SettlingIn>,
};

extern const RuleInfo kTransition{
    .id = "TRANSITION",
    .family = RuleFamily::continuity,
    .severity = Severity::warning,
    .scope = RuleScope::child,
    .title = "Transitions are prepared with the new key person",
    .checks = "When a child's key person or main room changes (from one attended day to the next), the child has "
              "spent at least transition_together_minutes with the new key person (in the same room, the key person "
              "on a work shift) on earlier days in the period.",
    .why = "A move to a new room or a new key person is a loss for a baby; visits with the new adult beforehand turn "
           "a stranger into someone familiar.",
    .fix = "Plan visits to the new room with the new key person in the weeks before the move, or move the key person "
           "with the child.",
    .reads = "[policy] transition_together_minutes",
    .source = "Continuity of primary care through changes of room and key person ('Infant mental health (babies to age two)', a local authority page for parents and professionals)",
    .numbers = [](const RuleProfile&, const ContinuityPolicy& c) -> std::vector<std::string> {
      return {fmt::format("transition_together_minutes = {}", c.transition_together_minutes)};
    },
    .evidence = [](const EvidenceInput& in) {
      return fmt::format("{} not prepared with the new key person",
                         count_of(static_cast<long>(in.findings.size()), "transition", "transitions"));
    },
    .make = make<Transition>,
};

}  // namespace attune::rules
