// KP-COVERAGE, KP-BUDDY-COVERAGE, KP-HANDOVER and CARERS-DISTINCT: how much of a child's
// day their familiar adults are there, from the continuity ledger.

#include <algorithm>

#include <fmt/format.h>

#include "rule.hpp"

namespace attune::rules {
namespace {

double share(long part, long whole) { return whole > 0 ? static_cast<double>(part) / static_cast<double>(whole) : 0.0; }

/// KP-COVERAGE and KP-BUDDY-COVERAGE differ only in which minutes count.
class Coverage final : public Rule {
 public:
  explicit Coverage(bool with_buddy) : with_buddy_(with_buddy) {}
  void finish(RuleContext& ctx) override {
    const ContinuityPolicy& policy = ctx.setting.policy;
    const double threshold = with_buddy_ ? policy.key_or_buddy_coverage_min : policy.key_person_coverage_min;
    for (const ChildMetrics& m : ctx.ledger.children()) {
      if (m.attended_minutes == 0 || m.key_person == kNone) continue;
      const long with = with_buddy_ ? m.key_or_buddy_minutes : m.key_person_minutes;
      const double coverage = share(with, m.attended_minutes);
      if (coverage >= threshold) continue;
      Finding f = ctx.make(id());
      f.child = m.child;
      f.staff = m.key_person;
      f.room = ctx.setting.children[m.child].room;
      f.values = {{"coverage", coverage},
                  {"threshold", threshold},
                  {"attended_minutes", std::int64_t{m.attended_minutes}},
                  {with_buddy_ ? "key_or_buddy_minutes" : "key_person_minutes", std::int64_t{with}}};
      f.message = fmt::format("{} there for {} of the child's time ({} of {} minutes); the policy asks for {}",
                              with_buddy_ ? "key person or buddy" : "key person", percent(coverage), with,
                              m.attended_minutes, percent(threshold));
      ctx.findings.push_back(std::move(f));
    }
  }

 private:
  bool with_buddy_;
};

class Handovers final : public Rule {
 public:
  void finish(RuleContext& ctx) override {
    const int window = ctx.setting.policy.handover_window_minutes;
    // The message's end is the same for every handover: worked out once (a year of a
    // group with rotas that match bookings badly has over half a million of these).
    const std::string tail = ": neither key person nor buddy in the room within " + std::to_string(window) + " minutes";
    // Room for them at once (not doubling as they come, moving every finding each
    // time), and some to spare, so the rules after this one do not move them all again.
    const auto& handovers = ctx.ledger.handovers();
    const std::size_t needed = ctx.findings.size() + static_cast<std::size_t>(std::count_if(
                                                         handovers.begin(), handovers.end(),
                                                         [](const Handover& h) { return !h.covered; }));
    if (needed > ctx.findings.capacity()) ctx.findings.reserve(std::max(needed + needed / 4, 2 * ctx.findings.capacity()));
    for (const Handover& h : handovers) {
      if (h.covered) continue;
      Finding f = ctx.make(id());
      f.date = h.date;
      f.time = TimeWindow{h.time, h.time};
      f.room = h.room;
      f.child = h.child;
      f.staff = ctx.setting.key_people_on(h.child, h.date).first;
      f.values.reserve(2);  // moved in, not copied from an initializer list
      f.values.push_back(NamedValue{"event", std::string(h.arrival ? "arrival" : "departure")});
      f.values.push_back(NamedValue{"window_minutes", std::int64_t{window}});
      const std::string at = format_clock_time(h.time);
      f.message.reserve(13 + at.size() + tail.size());
      f.message += h.arrival ? "arrival at " : "departure at ";
      f.message += at;
      f.message += tail;
      ctx.findings.push_back(std::move(f));
    }
  }
};

class CarersDistinct final : public Rule {
 public:
  void finish(RuleContext& ctx) override {
    for (const WeekOfCarers& w : ctx.ledger.weeks()) {
      const AgeBand band = age_band_on(ctx.setting.children[w.child].date_of_birth, w.first_day);
      const int limit = ctx.setting.policy.max_distinct_carers_per_week[static_cast<std::size_t>(band)];
      if (w.carers <= limit) continue;
      Finding f = ctx.make(id());
      f.date = w.first_day;
      f.child = w.child;
      f.room = ctx.setting.children[w.child].room;
      const std::string week = fmt::format("{}-W{:02}", w.week.year, w.week.week);
      f.values = {{"carers", std::int64_t{w.carers}}, {"limit", std::int64_t{limit}}, {"week", week}};
      f.message = fmt::format("{} different adults cared for the child in week {}; the policy allows {} for a child {}",
                              w.carers, week, limit, age_band_label(band));
      ctx.findings.push_back(std::move(f));
    }
  }
};

std::string coverage_evidence(const EvidenceInput& in, std::string_view who) {
  const Finding* worst = extreme(in.findings, "coverage", true);
  return fmt::format("{} had their {} present less than {} of their time (worst: {}, {})",
                     count_of(static_cast<long>(in.findings.size()), "child", "children"), who,
                     percent(number_value(*worst, "threshold")), percent(number_value(*worst, "coverage")),
                     in.child(worst->child));
}

std::string pct(double share) { return percent(share); }

}  // namespace

extern const RuleInfo kKpCoverage{
    .id = "KP-COVERAGE",
    .family = RuleFamily::continuity,
    .severity = Severity::warning,
    .scope = RuleScope::child,
    .title = "The key person is there for the child",
    .checks = "Of the minutes a child attends, the share during which their key person (on that day) is on a work "
              "shift in the same room: not on a break, not non-contact time. A warning below "
              "key_person_coverage_min.",
    .why = "A baby builds security with a few adults who are there, day after day. A rota can meet every ratio and "
           "still have the key person on shift mostly when their key children are not.",
    .fix = "Align the key person's shifts with their key children's sessions, or choose a key person whose working "
           "pattern matches the child's days.",
    .reads = "[policy] key_person_coverage_min",
    .source = "Continuity and consistency of primary care, a key person who offers a settled relationship ('Infant mental health (babies to age two)', a local authority page for parents and professionals)",
    .numbers = [](const RuleProfile&, const ContinuityPolicy& c) -> std::vector<std::string> {
      return {fmt::format("key_person_coverage_min = {}", pct(c.key_person_coverage_min))};
    },
    .evidence = [](const EvidenceInput& in) { return coverage_evidence(in, "key person"); },
    .make = [] { return std::unique_ptr<Rule>(std::make_unique<Coverage>(false)); },
};

extern const RuleInfo kKpBuddyCoverage{
    .id = "KP-BUDDY-COVERAGE",
    .family = RuleFamily::continuity,
    .severity = Severity::warning,
    .scope = RuleScope::child,
    .title = "The key person or buddy is there",
    .checks = "Of the minutes a child attends, the share during which their key person or their buddy is on a work "
              "shift in the same room. A warning below key_or_buddy_coverage_min.",
    .why = "When the key person is away the buddy is the familiar face; together they should cover almost all of "
           "the child's day.",
    .fix = "Choose a buddy whose shifts cover the key person's days off, breaks and early or late shifts.",
    .reads = "[policy] key_or_buddy_coverage_min",
    .source = "A back-up (buddy) key person so that a child has one or two familiar adults (Elfer, Goldschmied and Selleck 2003, as cited by Nursery World); continuity of primary care ('Infant mental health (babies to age two)', a local authority page for parents and professionals)",
    .numbers = [](const RuleProfile&, const ContinuityPolicy& c) -> std::vector<std::string> {
      return {fmt::format("key_or_buddy_coverage_min = {}", pct(c.key_or_buddy_coverage_min))};
    },
    .evidence = [](const EvidenceInput& in) { return coverage_evidence(in, "key person or buddy"); },
    .make = [] { return std::unique_ptr<Rule>(std::make_unique<Coverage>(true)); },
};

extern const RuleInfo kKpHandover{
    .id = "KP-HANDOVER",
    .family = RuleFamily::continuity,
    .severity = Severity::warning,
    .scope = RuleScope::child,
    .title = "A familiar adult at arrival and departure",
    .checks = "For every arrival and departure, the key person or buddy is on a work shift in the child's room "
              "within handover_window_minutes of it: someone whose shift [start, end) has start - window <= t <= "
              "end + window. A room change without a gap is neither an arrival nor a departure.",
    .why = "Handovers with parents are when a baby is passed between the people they trust; a familiar adult there "
           "makes the separation and the reunion safe, and lets the day's news be shared.",
    .fix = "Put the key person or buddy on the early or late shift on the child's days, around their arrival and "
           "collection times.",
    .reads = "[policy] handover_window_minutes",
    .source = "Handovers with parents as moments of connection and trust ('What is infant mental health - and why should parents care?', a news article on a nursery group's infant mental health policy)",
    .numbers = [](const RuleProfile&, const ContinuityPolicy& c) -> std::vector<std::string> {
      return {fmt::format("handover_window_minutes = {}", c.handover_window_minutes)};
    },
    .evidence = [](const EvidenceInput& in) {
      return fmt::format("{} without the key person or buddy ({})",
                         count_of(static_cast<long>(in.findings.size()), "arrival or departure",
                                  "arrivals and departures"),
                         count_of(static_cast<long>(distinct_children(in.findings)), "child", "children"));
    },
    .make = make<Handovers>,
};

extern const RuleInfo kCarersDistinct{
    .id = "CARERS-DISTINCT",
    .family = RuleFamily::continuity,
    .severity = Severity::warning,
    .scope = RuleScope::child,
    .title = "A small number of familiar adults",
    .checks = "In each ISO week (Monday to Sunday), the number of different staff on a work shift in the child's "
              "room at some minute while the child is there. A warning above max_distinct_carers_per_week for the "
              "child's band.",
    .why = "Continuity and consistency of care mean the same few adults. A baby handed between many adults in a "
           "week cannot form secure relationships with any of them.",
    .fix = "Keep staff in a room from day to day (fewer floaters), and put the child's key person and buddy on the "
           "child's days.",
    .reads = "[policy] max_distinct_carers_per_week",
    .source = "Continuity and consistency of primary care, supporting responsive and sustained relationships with a few adults ('Infant mental health (babies to age two)', a local authority page for parents and professionals; 'Infant Mental Health: The Critical Role of Relationships' (15 June 2022), an early-years sector article)",
    .numbers = [](const RuleProfile&, const ContinuityPolicy& c) -> std::vector<std::string> {
      const auto& v = c.max_distinct_carers_per_week;
      return {fmt::format("max_distinct_carers_per_week: under 2: {}; aged 2: {}; aged 3 and over: {}", v[0], v[1],
                          v[2])};
    },
    .evidence = [](const EvidenceInput& in) {
      const std::size_t n = in.findings.size();
      const Finding* worst = extreme(in.findings, "carers", false);
      return fmt::format("{} more adults in a week than the policy allows ({}; worst: {:.0f} adults)",
                         n == 1 ? "1 child-week had" : fmt::format("{} child-weeks had", n),
                         count_of(static_cast<long>(distinct_children(in.findings)), "child", "children"),
                         number_value(*worst, "carers"));
    },
    .make = make<CarersDistinct>,
};

}  // namespace attune::rules
