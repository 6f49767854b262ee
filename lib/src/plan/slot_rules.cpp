// The statutory rules of one slot with everyone's place known (see slot_rules.hpp).
// Mirrors lib/src/plan/requirements.cpp rule by rule, reading the rows with every
// presence a known 0 or 1: each "amount >= need" row becomes "need - amount" short.

#include "slot_rules.hpp"

#include <algorithm>

namespace attune::plan {
namespace {

constexpr std::size_t kUnder2 = static_cast<std::size_t>(AgeBand::under_2);
constexpr std::size_t kAge3 = static_cast<std::size_t>(AgeBand::age_3_plus);

/// Who counts for what among the people in one place.
struct Tally {
  int in_ratio = 0, level3 = 0, level2 = 0, graduate = 0, baby_trained = 0, under_2 = 0, pfa = 0, childminders = 0;
  int working = 0;

  void add(const StaffCounts& c) {
    ++working;
    if (c.pfa) ++pfa;
    if (!c.in_ratio) return;
    ++in_ratio;
    level3 += c.level3 ? 1 : 0;
    level2 += c.level2 ? 1 : 0;
    graduate += c.graduate ? 1 : 0;
    baby_trained += c.baby_trained ? 1 : 0;
    under_2 += c.under_2_experienced ? 1 : 0;
    childminders += c.childminder ? 1 : 0;
  }
};

bool inside(TimeWindow inner, TimeWindow outer) { return outer.start <= inner.start && inner.end <= outer.end; }

int short_of(long need, long have) { return need > have ? static_cast<int>(need - have) : 0; }

/// `sum >= 0` of a row in hundredths (the shares): 0 when it holds, else the people short.
int short_hundredths(double lhs) { return lhs >= -1e-9 ? 0 : static_cast<int>((-lhs + 99.999) / 100.0); }

int required(Segment children, int graduate_children, const RuleProfile& p) {
  children.graduate_ratio_children = graduate_children;
  return required_staff(children, p);
}

}  // namespace

SlotRules::SlotRules(const Setting& setting, const Requirements& requirements)
    : setting_(setting), requirements_(requirements) {}

bool SlotRules::in_force(const RuleProfile& version, std::string_view rule) const {
  const auto& planned = requirements_.rules().planned;
  return std::find(planned.begin(), planned.end(), rule) != planned.end() && version.rule_enabled(rule);
}

bool SlotRules::excepted(std::string_view rule, Date date, RoomIndex room, TimeWindow time) const {
  return std::any_of(setting_.overrides.begin(), setting_.overrides.end(), [&](const Override& o) {
    return !o.category.empty() && o.rule == rule && o.date == date && (o.room == kNone || o.room == room) &&
           (!o.time || inside(time, *o.time));
  });
}

int SlotRules::shortfall(const PlanDay& day, std::size_t slot, const std::vector<PersonDay>& people,
                         const std::vector<RoomIndex>& place) const {
  const SlotInfo& info = day.slots[slot];
  if (info.pieces.empty()) return 0;
  const RuleProfile& p = requirements_.profile().on(day.date);
  const Recorded& recorded = setting_.recorded;
  std::vector<Tally> rooms(setting_.rooms.size());
  Tally work, premises_pfa;
  for (std::size_t k = 0; k < people.size(); ++k) {
    const RoomIndex at = place[k];
    if (at == SlotState::kOff) continue;
    if (at == SlotState::kBreak) {
      if (p.pfa_counts_during_break && people[k].counts.pfa) ++premises_pfa.pfa;
      continue;
    }
    if (at < rooms.size()) rooms[at].add(people[k].counts);
    work.add(people[k].counts);
    if (people[k].counts.pfa) ++premises_pfa.pfa;
  }
  const bool ratio_room = in_force(p, "RATIO-ROOM"), ratio_setting = in_force(p, "RATIO-SETTING");
  int out = 0;
  for (const Piece& piece : info.pieces) {
    const auto ok = [&](std::string_view rule, RoomIndex room) { return !excepted(rule, day.date, room, piece.time); };
    int graduate_children = 0;
    for (const auto& [room, seg] : piece.rooms) {
      if (seg.child_count() == 0) continue;
      const Tally& a = rooms[room];
      const int under_2 = seg.children[kUnder2];
      // The graduate ratio, as graduate_ratio() in requirements.cpp decides it.
      bool g = p.graduate_children_per_adult > 0 && seg.children[kAge3] > 0 && a.graduate > 0 &&
               (!p.graduate_hours || inside(piece.time, *p.graduate_hours)) &&
               (!p.graduate_needs_other_level3 || a.level3 >= 2);
      g = g && (ratio_room || ratio_setting);
      if (g) graduate_children += seg.children[kAge3];
      if (ratio_room && ok("RATIO-ROOM", room)) out += short_of(required(seg, g ? seg.children[kAge3] : 0, p), a.in_ratio);
      if (in_force(p, "QUAL-LEVEL3") && ok("QUAL-LEVEL3", room)) out += short_of(1, a.level3);
      if (in_force(p, "QUAL-LEVEL2-HALF") && ok("QUAL-LEVEL2-HALF", room)) {
        const double pct = p.level2_min_percent;
        out += short_hundredths(100.0 * a.level2 - pct * a.in_ratio - (a.level3 > 0 ? 100.0 - pct : 0.0));
      }
      if (in_force(p, "QUAL-BABY-TRAINING") && recorded.baby_training && under_2 > 0 && ok("QUAL-BABY-TRAINING", room))
        out += short_hundredths(100.0 * a.baby_trained - static_cast<double>(p.baby_training_min_percent) * a.in_ratio);
      if (in_force(p, "U2-ROOM-LEAD") && recorded.under_2_experience && under_2 > 0 && ok("U2-ROOM-LEAD", room))
        out += short_of(1, a.under_2);
      if (in_force(p, "PFA-MEALTIME") && recorded.pfa_expiry && ok("PFA-MEALTIME", room)) {
        const auto& meals = setting_.rooms[room].meals;
        if (std::any_of(meals.begin(), meals.end(), [&](const TimeWindow& w) { return overlap_minutes(piece.time, w) > 0; }))
          out += short_of(1, a.pfa);
      }
    }
    if (piece.premises.child_count() == 0) continue;
    if (ratio_setting && ok("RATIO-SETTING", kNone))
      out += short_of(required(piece.premises, graduate_children, p), work.in_ratio);
    for (std::string_view rule : {"CM-UNDER-12", "CM-UNDER-8", "CM-YOUNG", "CM-UNDER-1"}) {
      const RuleOptionValue* max = p.rule_option(rule, "max_per_adult");
      const RuleOptionValue* band = p.rule_option(rule, "band");
      if (!in_force(p, rule) || max == nullptr || band == nullptr || band->band < 0 || max->number <= 0 || !ok(rule, kNone))
        continue;
      std::int64_t children = 0;
      for (std::size_t k = 0; k <= static_cast<std::size_t>(band->band) && k < kMaxBands; ++k)
        children += piece.premises.children[k];
      out += short_of((children + max->number - 1) / max->number, work.in_ratio);
    }
    if (const RuleOptionValue* max = p.rule_option("CM-WORKING-TOGETHER", "max_people");
        in_force(p, "CM-WORKING-TOGETHER") && max != nullptr && ok("CM-WORKING-TOGETHER", kNone))
      out += short_of(work.working, max->number);
    if (in_force(p, "PFA-ON-SITE") && recorded.pfa_expiry && ok("PFA-ON-SITE", kNone)) out += short_of(1, premises_pfa.pfa);
  }
  return out;
}

std::optional<int> SlotRules::sole_charge_limit(Date date) const {
  const RuleProfile& p = requirements_.profile().on(date);
  const RuleOptionValue* max = p.rule_option("CM-ASSISTANT-ALONE", "max_minutes_per_day");
  if (!in_force(p, "CM-ASSISTANT-ALONE") || max == nullptr) return std::nullopt;
  if (excepted("CM-ASSISTANT-ALONE", date, kNone, setting_.opening)) return std::nullopt;
  return static_cast<int>(max->number);
}

bool SlotRules::sole_charge(const PlanDay& day, std::size_t slot, const std::vector<PersonDay>& people,
                            const std::vector<RoomIndex>& place) const {
  if (day.slots[slot].minutes_with_children == 0) return false;
  bool assistant = false;
  for (std::size_t k = 0; k < people.size(); ++k) {
    if (place[k] == SlotState::kOff || place[k] == SlotState::kBreak || !people[k].counts.in_ratio) continue;
    if (people[k].counts.childminder) return false;
    assistant = true;
  }
  return assistant;
}

}  // namespace attune::plan
