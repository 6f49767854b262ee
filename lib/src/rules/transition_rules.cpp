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
  std::string_view id() const override { return "SETTLING-IN"; }
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
  std::string_view id() const override { return "TRANSITION"; }
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

void add_transition_rules(std::vector<std::unique_ptr<Rule>>& rules) {
  rules.push_back(std::make_unique<SettlingIn>());
  rules.push_back(std::make_unique<Transition>());
}

}  // namespace attune::rules
