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
  void day(RuleContext& ctx, const Day& day) override {
    for_each_child(day, [&](ChildIndex child, TimeWindow span, RoomIndex room) {
      if (ctx.setting.children[child].own_child) return;  // a childminder's own child needs none
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
    if (may_be_key_person(s.role)) return {};
    return fmt::format("the key person is a {}; a key person must be an employed practitioner",
                       s.role == Role::admin  ? "member of the admin staff"
                       : s.role == Role::bank ? "bank or agency worker"
                                              : role_id(s.role));
  }
};

std::string without_key_person(const EvidenceInput& in) {
  return fmt::format("{} without a valid key person ({})",
                     count_of(static_cast<long>(in.findings.size()), "child-day", "child-days"),
                     count_of(static_cast<long>(distinct_children(in.findings)), "child", "children"));
}

}  // namespace

extern const RuleInfo kKpAssigned{
    .id = "KP-ASSIGNED",
    .family = RuleFamily::statutory,
    .severity = Severity::error,
    .scope = RuleScope::child,
    .title = "Every child has a key person",
    .checks = "Every child attending on a date has a key person for that date: the key_person column of "
              "children.csv, or the allocation in force in allocations.csv. A childminder's own child (children.csv "
              "own_child) needs none.",
    .why = "The framework requires each child to be assigned a key person, who helps the child become familiar "
           "with the setting, offers a settled relationship, and builds a relationship with the parents. A baby's "
           "emotional security rests on a small number of consistent adults; the key person is the first of them.",
    .fix = "Name a key person for the child in children.csv (or allocations.csv) and tell the parents who it is.",
    .reads = "none",
    .evidence = without_key_person,
    .make = make<KpAssigned>,
};

extern const RuleInfo kKpValid{
    .id = "KP-VALID",
    .family = RuleFamily::statutory,
    .severity = Severity::error,
    .scope = RuleScope::child,
    .title = "The key person is an employed practitioner",
    .checks = "The key person named for a child on a date is employed on that date (between start_date and "
              "leave_date in staff.csv) and is not a student, volunteer, cook, administrator or bank worker.",
    .why = "A key person who has left, has not started yet, or is on placement cannot offer the settled "
           "relationship the role exists for; the child in effect has no key person.",
    .fix = "Allocate an employed practitioner as the key person. A student can support a key person, not be one.",
    .reads = "none",
    .evidence = without_key_person,
    .make = make<KpValid>,
};

}  // namespace attune::rules
