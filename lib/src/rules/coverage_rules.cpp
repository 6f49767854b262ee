// KP-COVERAGE, KP-BUDDY-COVERAGE, KP-HANDOVER and CARERS-DISTINCT: how much of a child's
// day their familiar adults are there, from the continuity ledger.

#include <fmt/format.h>

#include "rule.hpp"

namespace attune::rules {
namespace {

double share(long part, long whole) { return whole > 0 ? static_cast<double>(part) / static_cast<double>(whole) : 0.0; }

/// KP-COVERAGE and KP-BUDDY-COVERAGE differ only in which minutes count.
class Coverage final : public Rule {
 public:
  Coverage(std::string_view id, bool with_buddy) : id_(id), with_buddy_(with_buddy) {}
  std::string_view id() const override { return id_; }
  void finish(RuleContext& ctx) override {
    const ContinuityPolicy& policy = ctx.setting.policy;
    const double threshold = with_buddy_ ? policy.key_or_buddy_coverage_min : policy.key_person_coverage_min;
    for (const ChildMetrics& m : ctx.ledger.children()) {
      if (m.attended_minutes == 0 || m.key_person == kNone) continue;
      const long with = with_buddy_ ? m.key_or_buddy_minutes : m.key_person_minutes;
      const double coverage = share(with, m.attended_minutes);
      if (coverage >= threshold) continue;
      Finding f = ctx.make(id_);
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
  std::string_view id_;
  bool with_buddy_;
};

class Handovers final : public Rule {
 public:
  std::string_view id() const override { return "KP-HANDOVER"; }
  void finish(RuleContext& ctx) override {
    const int window = ctx.setting.policy.handover_window_minutes;
    for (const Handover& h : ctx.ledger.handovers()) {
      if (h.covered) continue;
      Finding f = ctx.make(id());
      f.date = h.date;
      f.time = TimeWindow{h.time, h.time};
      f.room = h.room;
      f.child = h.child;
      f.staff = ctx.setting.key_people_on(h.child, h.date).first;
      f.values = {{"event", std::string(h.arrival ? "arrival" : "departure")},
                  {"window_minutes", std::int64_t{window}}};
      f.message = fmt::format("{} at {}: neither key person nor buddy in the room within {} minutes",
                              h.arrival ? "arrival" : "departure", format_clock_time(h.time), window);
      ctx.findings.push_back(std::move(f));
    }
  }
};

class CarersDistinct final : public Rule {
 public:
  std::string_view id() const override { return "CARERS-DISTINCT"; }
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

}  // namespace

void add_coverage_rules(std::vector<std::unique_ptr<Rule>>& rules) {
  rules.push_back(std::make_unique<Coverage>("KP-COVERAGE", false));
  rules.push_back(std::make_unique<Coverage>("KP-BUDDY-COVERAGE", true));
  rules.push_back(std::make_unique<Handovers>());
  rules.push_back(std::make_unique<CarersDistinct>());
}

}  // namespace attune::rules
