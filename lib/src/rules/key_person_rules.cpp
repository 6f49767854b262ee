// KP-ASSIGNED and KP-VALID: every child attending has a key person who can be one.

#include <fmt/format.h>

#include "rule.hpp"

namespace attune::rules {
namespace {

/// Calls `visit(child, span, room)` for each child attending on `day`, with the span from
/// their first arrival to their last departure and the room they arrive in.
template <class Visit>
void for_each_child(const Day& day, Visit visit) {
  for (std::size_t i = 0; i < day.children.size();) {
    std::size_t j = i;
    TimeWindow span = day.children[i].time;
    while (j < day.children.size() && day.children[j].child == day.children[i].child) {
      span.end = std::max(span.end, day.children[j].time.end);
      ++j;
    }
    visit(day.children[i].child, span, day.children[i].room);
    i = j;
  }
}

class KpAssigned final : public Rule {
 public:
  std::string_view id() const override { return "KP-ASSIGNED"; }
  void day(RuleContext& ctx, const Day& day) override {
    for_each_child(day, [&](ChildIndex child, TimeWindow span, RoomIndex room) {
      if (ctx.setting.key_people_on(child, day.date).first != kNone) return;
      Finding f = ctx.make(id());
      f.date = day.date;
      f.time = span;
      f.room = room;
      f.child = child;
      f.message = "no key person";
      ctx.findings.push_back(std::move(f));
    });
  }
};

class KpValid final : public Rule {
 public:
  std::string_view id() const override { return "KP-VALID"; }
  void day(RuleContext& ctx, const Day& day) override {
    for_each_child(day, [&](ChildIndex child, TimeWindow span, RoomIndex room) {
      const StaffIndex key = ctx.setting.key_people_on(child, day.date).first;
      if (key == kNone) return;
      const std::string problem = why_not(ctx.setting.staff[key], day.date);
      if (problem.empty()) return;
      Finding f = ctx.make(id());
      f.date = day.date;
      f.time = span;
      f.room = room;
      f.child = child;
      f.staff = key;
      f.message = problem;
      f.values = {{"role", std::string(role_id(ctx.setting.staff[key].role))}};
      ctx.findings.push_back(std::move(f));
    });
  }

 private:
  static std::string why_not(const Staff& s, Date date) {
    if (s.leave_date && date > *s.leave_date)
      return fmt::format("the key person left on {}", format_iso_date(*s.leave_date));
    if (s.start_date && date < *s.start_date)
      return fmt::format("the key person does not start until {}", format_iso_date(*s.start_date));
    switch (s.role) {
      case Role::student:
      case Role::volunteer:
      case Role::cook:
      case Role::admin:
        return fmt::format("the key person is a {}; a key person must be an employed practitioner",
                           s.role == Role::admin ? "member of the admin staff" : role_id(s.role));
      default: return {};
    }
  }
};

}  // namespace

void add_key_person_rules(std::vector<std::unique_ptr<Rule>>& rules) {
  rules.push_back(std::make_unique<KpAssigned>());
  rules.push_back(std::make_unique<KpValid>());
}

}  // namespace attune::rules
