// Statutory rules -> rows of a mixed-integer programme (see requirements.hpp).
//
// Every rule is "an amount of people >= what the children need". Where the amount needed
// depends on who is there (the graduate ratio, the level-2 share, which sets the level 3
// aside), a binary variable says which case holds, tied both ways to the people present,
// so the rows are exact: never stricter than `attune check`, never looser.

#include "requirements.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <stdexcept>

#include "attune/rules.hpp"

namespace attune::plan {
namespace {

constexpr std::size_t kUnder2 = static_cast<std::size_t>(AgeBand::under_2);
constexpr std::size_t kAge3 = static_cast<std::size_t>(AgeBand::age_3_plus);

/// The statutory rules with a requirement below, in the catalog's words.
constexpr std::array<std::string_view, 13> kPlanned{
    "RATIO-SETTING", "RATIO-ROOM",  "QUAL-LEVEL3", "QUAL-LEVEL2-HALF", "QUAL-BABY-TRAINING",
    "U2-ROOM-LEAD",  "PFA-ON-SITE", "PFA-MEALTIME", "CM-UNDER-12",     "CM-UNDER-8",
    "CM-YOUNG",      "CM-UNDER-1",  "CM-WORKING-TOGETHER"};
/// A childminder's per-adult limits (lib/src/rules/childminder_rules.cpp).
constexpr std::array<std::string_view, 4> kPerAdult{"CM-UNDER-12", "CM-UNDER-8", "CM-YOUNG", "CM-UNDER-1"};
/// Statutory rules whose rows span a day, planned for a planner that adds them.
constexpr std::array<std::string_view, 1> kWholeDay{"CM-ASSISTANT-ALONE"};
/// Statutory rules a change of rota can neither break nor mend: who the key person is
/// (children.csv, allocations.csv).
constexpr std::array<std::string_view, 2> kNotRota{"KP-ASSIGNED", "KP-VALID"};
/// Statutory rules that hold whenever the planned ones hold: PFA-EXPIRY is an error only
/// for a time when no one with in-date first aid is on the premises (PFA-ON-SITE).
constexpr std::array<std::string_view, 1> kFollows{"PFA-EXPIRY"};

template <std::size_t N>
bool among(const std::array<std::string_view, N>& list, std::string_view rule) {
  return std::find(list.begin(), list.end(), rule) != list.end();
}

/// A sum of presences with a constant part, built up worker by worker.
struct Sum {
  double constant = 0.0;
  std::vector<solver::Term> terms;
  int workers = 0;  ///< how many may count (the largest value the sum can take)

  void add(const Presence& p, double coefficient = 1.0) {
    constant += coefficient * p.constant;
    for (const solver::Term& t : p.terms) terms.push_back({t.variable, coefficient * t.coefficient});
    ++workers;
  }
};

/// Who counts for what among some workers.
struct Amounts {
  Sum in_ratio, level3, level2, graduate, baby_trained, under_2_experienced, pfa;
};

Amounts amounts(const std::vector<Worker>& workers) {
  Amounts a;
  for (const Worker& w : workers) {
    const StaffCounts& c = w.counts;
    if (c.in_ratio) a.in_ratio.add(w.present);
    if (c.level3) a.level3.add(w.present);
    if (c.level2) a.level2.add(w.present);
    if (c.graduate) a.graduate.add(w.present);
    if (c.baby_trained) a.baby_trained.add(w.present);
    if (c.under_2_experienced) a.under_2_experienced.add(w.present);
    if (c.pfa) a.pfa.add(w.present);
  }
  return a;
}

/// Builds one row `sum of (coefficient x sum) + sum of (coefficient x variable) >= rhs`.
class Row {
 public:
  Row& plus(const Sum& s, double coefficient = 1.0) {
    constant_ += coefficient * s.constant;
    for (const solver::Term& t : s.terms) terms_.push_back({t.variable, coefficient * t.coefficient});
    return *this;
  }
  Row& plus(solver::Variable v, double coefficient) {
    terms_.push_back({v, coefficient});
    return *this;
  }
  void at_least(solver::Model& m, double rhs) { m.add_greater_equal(terms_, rhs - constant_); }
  void at_most(solver::Model& m, double rhs) { m.add_less_equal(terms_, rhs - constant_); }

 private:
  double constant_ = 0.0;
  std::vector<solver::Term> terms_;
};

bool inside(TimeWindow inner, TimeWindow outer) { return outer.start <= inner.start && inner.end <= outer.end; }

/// Whether an exception the framework allows (an overrides.csv row with a category:
/// siblings, own child, continuity) covers `rule` at this place and time: check accepts
/// every finding of the rule inside it (lib/src/check/check.cpp), so the rule may give
/// way there. Other overrides (exceptional circumstances) are not planned for.
bool excepted(const std::vector<Override>& overrides, std::string_view rule, Date date, RoomIndex room, TimeWindow time) {
  return std::any_of(overrides.begin(), overrides.end(), [&](const Override& o) {
    return !o.category.empty() && o.rule == rule && o.date == date && (o.room == kNone || o.room == room) &&
           (!o.time || inside(time, *o.time));
  });
}

/// The stretch lies inside `window`, or outside it; a stretch across its edge is the
/// planner's mistake (the check would see two segments).
bool within(TimeWindow stretch, TimeWindow window) {
  if (inside(stretch, window)) return true;
  if (overlap_minutes(stretch, window) > 0) throw std::logic_error("plan::Requirements: a stretch crosses the edge of a meal or of the graduate hours");
  return false;
}

}  // namespace

StaffCounts staff_counts(const Staff& staff, Date date, const RuleProfile& all_versions) {
  const RuleProfile& profile = all_versions.on(date);  // the version in force that day
  const StaffStanding st = staff_standing(staff, date, profile);
  StaffCounts c;
  c.pfa = st.pfa;
  if (!st.in_ratio) return c;
  c.in_ratio = true;
  c.childminder = staff.role == Role::childminder;
  const int level = qualification_level(st.counts_as);
  c.level3 = level >= 3;
  c.level2 = level >= 2;
  c.graduate = profile.is_graduate(st.counts_as);
  c.baby_trained = staff.baby_training;
  // As U2-ROOM-LEAD counts: where the profile says so, the same person holds level 3.
  c.under_2_experienced = staff.under_2_experience.value_or(false) && (!profile.under_2_lead_needs_level3 || c.level3);
  return c;
}

bool rota_cannot_touch(std::string_view rule) { return among(kNotRota, rule); }

Requirements::Requirements(const Setting& setting, const RuleProfile& profile, bool whole_days)
    : setting_(setting), profile_(profile) {
  for (const RuleInfo& rule : rule_catalog()) {
    // Enabled in a version in force on some day of the period (each day's rows ask its own).
    if (rule.family != RuleFamily::statutory || !profile.rule_enabled_between(rule.id, setting.period.from, setting.period.to))
      continue;
    const auto it = profile.rules.find(rule.id);
    const Severity severity = it != profile.rules.end() && it->second.severity ? *it->second.severity : rule.severity;
    if (severity != Severity::error) continue;
    if (among(kPlanned, rule.id)) plan_.planned.push_back(rule.id);
    else if (among(kWholeDay, rule.id)) (whole_days ? plan_.planned : plan_.not_planned).push_back(rule.id);
    else if (among(kNotRota, rule.id) || among(kFollows, rule.id)) plan_.not_rota.push_back(rule.id);
    else plan_.not_planned.push_back(rule.id);
  }
}

bool Requirements::planned(std::string_view rule) const {
  return std::find(plan_.planned.begin(), plan_.planned.end(), rule) != plan_.planned.end();
}

namespace {

/// What `add` builds for one stretch.
class Builder {
 public:
  Builder(solver::Model& m, const Stretch& s, bool soft, std::vector<Requirement>& out, const std::vector<Override>& overrides)
      : m_(m), s_(s), soft_(soft), out_(out), overrides_(overrides) {}

  solver::Variable breach(std::string_view rule, RoomIndex room) {
    const bool free = soft_ || excepted(overrides_, rule, s_.date, room, s_.time);
    const solver::Variable v = free ? m_.add_binary() : m_.add_integer(0, 0);
    out_.push_back(Requirement{rule, room, v, s_.time});
    return v;
  }
  solver::Variable binary() { return m_.add_binary(); }
  solver::Model& model() { return m_; }

 private:
  solver::Model& m_;
  const Stretch& s_;
  bool soft_;
  std::vector<Requirement>& out_;
  const std::vector<Override>& overrides_;
};

/// 1 exactly when the room counts its 3-and-over children at the graduate ratio: a
/// graduate in ratio there (and another level 3, where the profile asks for one).
std::optional<solver::Variable> graduate_ratio(Builder& b, const RuleProfile& p, const Amounts& a,
                                               const RoomStretch& room, TimeWindow time) {
  if (p.graduate_children_per_adult <= 0 || room.children.children[kAge3] == 0 || a.graduate.workers == 0)
    return std::nullopt;
  if (p.graduate_hours && !within(time, *p.graduate_hours)) return std::nullopt;
  solver::Model& m = b.model();
  const double n = static_cast<double>(std::max(a.graduate.workers, a.level3.workers));
  const solver::Variable g = b.binary();
  const solver::Variable has_graduate = b.binary();
  Row().plus(a.graduate).plus(g, -1).at_least(m, 0);               // g -> a graduate
  Row().plus(a.graduate).plus(has_graduate, -n).at_most(m, 0);     // a graduate -> has_graduate
  if (p.graduate_needs_other_level3) {
    const solver::Variable two_level3 = b.binary();
    Row().plus(a.level3).plus(g, -2).at_least(m, 0);               // g -> two at level 3
    Row().plus(a.level3).plus(two_level3, -n).at_most(m, 1);       // two at level 3 -> two_level3
    m.add_greater_equal({{g, 1}, {has_graduate, -1}, {two_level3, -1}}, -1);  // both -> g
  } else {
    m.add_greater_equal({{g, 1}, {has_graduate, -1}}, 0);
  }
  return g;
}

int required(Segment children, int graduate_children, const RuleProfile& p) {
  children.graduate_ratio_children = graduate_children;
  return required_staff(children, p);
}

}  // namespace

void Requirements::add(solver::Model& model, const Stretch& stretch, bool soft, std::vector<Requirement>& out) const {
  Builder b(model, stretch, soft, out, setting_.overrides);
  const RuleProfile& p = profile_.on(stretch.date);  // the version in force that day
  const auto in_force = [&](std::string_view rule) { return planned(rule) && p.rule_enabled(rule); };
  const Recorded& recorded = setting_.recorded;
  const bool ratio_room = in_force("RATIO-ROOM"), ratio_setting = in_force("RATIO-SETTING");

  struct Graduate {
    solver::Variable g;
    int children = 0;
  };
  std::vector<Graduate> graduates;

  for (const RoomStretch& room : stretch.rooms) {
    if (room.children.child_count() == 0) continue;
    const Amounts a = amounts(room.workers);
    const int n = a.in_ratio.workers;
    const int under_2 = room.children.children[kUnder2];
    std::optional<solver::Variable> g;
    if (ratio_room || ratio_setting) g = graduate_ratio(b, p, a, room, stretch.time);
    if (g) graduates.push_back({*g, room.children.children[kAge3]});

    if (ratio_room) {
      const int r0 = required(room.children, 0, p);
      const int r1 = required(room.children, room.children.children[kAge3], p);
      Row row;
      row.plus(a.in_ratio).plus(b.breach("RATIO-ROOM", room.room), r0);
      if (g) row.plus(*g, r0 - r1);
      row.at_least(model, r0);
    }
    if (in_force("QUAL-LEVEL3")) Row().plus(a.level3).plus(b.breach("QUAL-LEVEL3", room.room), 1).at_least(model, 1);
    if (in_force("QUAL-LEVEL2-HALF")) {
      // With a level 3 there (h = 1) they are set aside: 100 (L2 - 1) >= pct (S - 1);
      // without one: 100 L2 >= pct S. Together: 100 L2 - pct S - (100 - pct) h >= 0.
      const double pct = p.level2_min_percent;
      const solver::Variable h = b.binary();
      Row().plus(a.level3).plus(h, -std::max(1, a.level3.workers)).at_most(model, 0);
      Row()
          .plus(a.level2, 100)
          .plus(a.in_ratio, -pct)
          .plus(h, -(100 - pct))
          .plus(b.breach("QUAL-LEVEL2-HALF", room.room), pct * n + 100)
          .at_least(model, 0);
    }
    if (in_force("QUAL-BABY-TRAINING") && recorded.baby_training && under_2 > 0) {
      const double pct = p.baby_training_min_percent;
      Row()
          .plus(a.baby_trained, 100)
          .plus(a.in_ratio, -pct)
          .plus(b.breach("QUAL-BABY-TRAINING", room.room), pct * n)
          .at_least(model, 0);
    }
    if (in_force("U2-ROOM-LEAD") && recorded.under_2_experience && under_2 > 0)
      Row().plus(a.under_2_experienced).plus(b.breach("U2-ROOM-LEAD", room.room), 1).at_least(model, 1);
    if (in_force("PFA-MEALTIME") && recorded.pfa_expiry) {
      const auto& meals = setting_.rooms[room.room].meals;
      const bool meal = std::any_of(meals.begin(), meals.end(), [&](const TimeWindow& w) { return within(stretch.time, w); });
      if (meal) Row().plus(a.pfa).plus(b.breach("PFA-MEALTIME", room.room), 1).at_least(model, 1);
    }
  }

  if (stretch.premises_children.child_count() == 0) return;
  if (ratio_setting) {
    const Amounts a = amounts(stretch.on_work);
    // The premises count the 3-and-over children of every room at the graduate ratio
    // there: the amount needed is a function of which rooms do. One binary per amount
    // of such children that can occur picks it (the function need not be monotone).
    std::set<int> sums{0};
    for (const Graduate& g : graduates) {
      std::set<int> more = sums;
      for (int s : sums) more.insert(s + g.children);
      sums = std::move(more);
    }
    std::vector<int> needed;
    for (int sum : sums) needed.push_back(required(stretch.premises_children, sum, p));
    const int most = *std::max_element(needed.begin(), needed.end());
    Row row;
    row.plus(a.in_ratio).plus(b.breach("RATIO-SETTING", kNone), most);
    if (sums.size() == 1) {
      row.at_least(model, most);
    } else {
      std::vector<solver::Term> pick, amount;
      for (const Graduate& g : graduates) amount.push_back({g.g, -static_cast<double>(g.children)});
      std::size_t k = 0;
      for (int sum : sums) {
        const solver::Variable z = b.binary();
        pick.push_back({z, 1});
        amount.push_back({z, static_cast<double>(sum)});
        row.plus(z, -needed[k++]);
      }
      model.add_equal(pick, 1);
      model.add_equal(amount, 0);
      row.at_least(model, 0);
    }
  }
  // A childminder's limits, across the home: the children of the bands up to the rule's
  // at most max_per_adult for each adult in ratio; everyone on a work shift at most
  // max_people (the rules' own counts: lib/src/rules/childminder_rules.cpp,
  // working_together_rule.cpp).
  const Amounts everyone = amounts(stretch.on_work);
  for (std::string_view rule : kPerAdult) {
    const RuleOptionValue* max = p.rule_option(rule, "max_per_adult");
    const RuleOptionValue* band = p.rule_option(rule, "band");
    if (!in_force(rule) || max == nullptr || band == nullptr || band->band < 0 || max->number <= 0) continue;
    std::int64_t children = 0;
    for (std::size_t k = 0; k <= static_cast<std::size_t>(band->band) && k < kMaxBands; ++k)
      children += stretch.premises_children.children[k];
    if (children == 0) continue;
    const auto need = static_cast<double>((children + max->number - 1) / max->number);
    Row().plus(everyone.in_ratio).plus(b.breach(rule, kNone), need).at_least(model, need);
  }
  if (const RuleOptionValue* max = p.rule_option("CM-WORKING-TOGETHER", "max_people");
      in_force("CM-WORKING-TOGETHER") && max != nullptr && static_cast<std::int64_t>(stretch.on_work.size()) > max->number) {
    Sum working;
    for (const Worker& w : stretch.on_work) working.add(w.present);
    const auto over = static_cast<double>(static_cast<std::int64_t>(stretch.on_work.size()) - max->number);
    Row().plus(working).plus(b.breach("CM-WORKING-TOGETHER", kNone), -over).at_most(model, static_cast<double>(max->number));
  }
  if (in_force("PFA-ON-SITE") && recorded.pfa_expiry) {
    Sum pfa;
    for (const Worker& w : stretch.on_premises)
      if (w.counts.pfa) pfa.add(w.present);
    Row().plus(pfa).plus(b.breach("PFA-ON-SITE", kNone), 1).at_least(model, 1);
  }
}

std::optional<solver::Term> Requirements::sole_charge(solver::Model& model, const Stretch& stretch, int minutes) const {
  const RuleProfile& p = profile_.on(stretch.date);
  if (minutes <= 0 || !planned("CM-ASSISTANT-ALONE") || !p.rule_enabled("CM-ASSISTANT-ALONE") ||
      p.rule_option("CM-ASSISTANT-ALONE", "max_minutes_per_day") == nullptr)
    return std::nullopt;
  // alone >= (assistant j in ratio, working) - (childminders in ratio, working), for each
  // j: at its least, 1 exactly when some assistant and no childminder counts (the rule's
  // "sole charge"), and the day's row keeps its minutes within the limit.
  Sum childminders;
  for (const Worker& w : stretch.on_work)
    if (w.counts.in_ratio && w.counts.childminder) childminders.add(w.present);
  std::optional<solver::Variable> alone;
  for (const Worker& w : stretch.on_work) {
    if (!w.counts.in_ratio || w.counts.childminder) continue;
    if (!alone) alone = model.add_continuous(0, 1);
    Sum assistant;
    assistant.add(w.present);
    Row().plus(*alone, 1).plus(childminders).plus(assistant, -1).at_least(model, 0);
  }
  if (!alone) return std::nullopt;
  return solver::Term{*alone, static_cast<double>(minutes)};
}

void Requirements::add_day(solver::Model& model, Date date, TimeWindow opening,
                           const std::vector<solver::Term>& sole_charge, bool soft, std::vector<Requirement>& out) const {
  const RuleOptionValue* max = profile_.on(date).rule_option("CM-ASSISTANT-ALONE", "max_minutes_per_day");
  if (sole_charge.empty() || max == nullptr) return;
  double most = 0.0;
  for (const solver::Term& t : sole_charge) most += t.coefficient;
  if (most <= static_cast<double>(max->number)) return;  // never more than the limit
  const bool free = soft || excepted(setting_.overrides, "CM-ASSISTANT-ALONE", date, kNone, opening);
  const solver::Variable breach = free ? model.add_binary() : model.add_integer(0, 0);
  out.push_back(Requirement{"CM-ASSISTANT-ALONE", kNone, breach, opening});
  std::vector<solver::Term> row = sole_charge;
  row.push_back({breach, -(most - static_cast<double>(max->number))});
  model.add_less_equal(row, static_cast<double>(max->number));
}

}  // namespace attune::plan
