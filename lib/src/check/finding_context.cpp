#include "finding_context.hpp"

#include "attune/check.hpp"

#include <algorithm>

namespace attune {
namespace {

/// How far before or after a finding a shift may end or start to be worth extending.
constexpr Minute kExtendReach = 120;

enum class Need : unsigned char { ratio, level3, level2, baby_training, under_2, first_aid };

}  // namespace

struct FindingContextRule {
  std::string_view id;
  Need need;
  bool premises;  ///< about the whole premises, not one room
};

namespace {

using ContextRule = FindingContextRule;

constexpr ContextRule kContextRules[] = {
    {"RATIO-SETTING", Need::ratio, true},         {"RATIO-ROOM", Need::ratio, false},
    {"QUAL-LEVEL3", Need::level3, false},         {"QUAL-LEVEL2-HALF", Need::level2, false},
    {"QUAL-BABY-TRAINING", Need::baby_training, false}, {"U2-ROOM-LEAD", Need::under_2, false},
    {"PFA-ON-SITE", Need::first_aid, true},       {"PFA-MEALTIME", Need::first_aid, false},
};

const ContextRule* context_rule(std::string_view rule) {
  for (const ContextRule& r : kContextRules) {
    if (r.id == rule) return &r;
  }
  return nullptr;
}

/// A stable insertion sort: these lists are a few people long, and std::stable_sort
/// took a buffer from the allocator for each of them.
template <typename T, typename Less>
void sort_few(std::vector<T>& items, Less less) {
  for (std::size_t i = 1; i < items.size(); ++i) {
    T item = items[i];
    std::size_t j = i;
    for (; j > 0 && less(item, items[j - 1]); --j) items[j] = items[j - 1];
    items[j] = item;
  }
}

TimeWindow clipped(TimeWindow spell, TimeWindow to) {
  return TimeWindow{std::max(spell.start, to.start), std::min(spell.end, to.end)};
}

/// The segments of `room` on the date (none when no child is in it).
const RoomDay* room_day(const DayTimeline& timeline, RoomIndex room) {
  for (const RoomDay& rd : timeline.rooms) {
    if (rd.room == room) return &rd;
  }
  return nullptr;
}

}  // namespace

std::string_view presence_id(Presence p) {
  switch (p) {
    case Presence::counted: return "counted";
    case Presence::counted_below_level: return "counted_below_level";
    case Presence::not_in_ratio: return "not_in_ratio";
    case Presence::under_age: return "under_age";
    case Presence::on_break: return "on_break";
    case Presence::non_contact: return "non_contact";
  }
  return "";
}

std::string_view fix_kind_id(FixKind k) {
  switch (k) {
    case FixKind::move_break: return "move_break";
    case FixKind::from_non_contact: return "from_non_contact";
    case FixKind::from_room: return "from_room";
    case FixKind::extend_shift: return "extend_shift";
  }
  return "";
}

bool rule_has_context(std::string_view rule) { return context_rule(rule) != nullptr; }

FindingContextBuilder::FindingContextBuilder(const Setting& setting, const RuleProfile& profile)
    : setting_(setting),
      profile_(profile),
      standings_(setting.staff.size()),
      standing_date_(setting.staff.size()),
      standing_known_(setting.staff.size(), false) {}

const StaffStanding& FindingContextBuilder::standing(StaffIndex staff, const Day& day) {
  if (!standing_known_[staff] || standing_date_[staff] != day.date) {
    standings_[staff] = staff_standing(setting_.staff[staff], day.date, profile_);
    standing_date_[staff] = day.date;
    standing_known_[staff] = true;
  }
  return standings_[staff];
}

/// Whether this person, with the children in the finding's room, would supply what the
/// finding lacks.
bool FindingContextBuilder::helps(StaffIndex staff, const StaffStanding& st) const {
  const Staff& person = setting_.staff[staff];
  switch (rule_->need) {
    case Need::ratio: return st.in_ratio;
    case Need::level3: return st.in_ratio && qualification_level(st.counts_as) >= 3;
    case Need::level2: return st.in_ratio && qualification_level(st.counts_as) >= 2;
    case Need::baby_training: return st.in_ratio && person.baby_training;
    case Need::under_2:  // where the profile says so, the experienced person must be the level 3
      return st.in_ratio && person.under_2_experience.value_or(false) &&
             (!version_->under_2_lead_needs_level3 || qualification_level(st.counts_as) >= 3);
    case Need::first_aid: return st.pfa;
  }
  return false;
}

Presence FindingContextBuilder::presence_of(const StaffSpell& spell, const StaffStanding& st) const {
  if (spell.kind == ShiftKind::on_break) return Presence::on_break;
  if (spell.kind == ShiftKind::non_contact) return Presence::non_contact;
  if (st.in_ratio) {
    const Staff& person = setting_.staff[spell.staff];
    const bool trainee = person.role == Role::student || person.role == Role::apprentice;
    const bool marked_down = trainee && person.studying && version_->trainees_count_level_below &&
                             version_->trainees_need_pfa && person.pfa_recorded && !st.pfa &&
                             qualification_level(level_below(*person.studying)) > qualification_level(st.counts_as);
    return marked_down ? Presence::counted_below_level : Presence::counted;
  }
  return st.under_age ? Presence::under_age : Presence::not_in_ratio;
}

/// Whether `room` keeps its ratio (and its level 3) without this person during `window`.
bool FindingContextBuilder::can_spare(const DayTimeline& timeline, RoomIndex room, TimeWindow window,
                                      const StaffStanding& st) const {
  const RoomDay* rd = room_day(timeline, room);
  if (rd == nullptr) return true;  // no children there that day
  const bool level3 = st.in_ratio && qualification_level(st.counts_as) >= 3;
  for (const Segment& s : rd->segments) {
    if (overlap_minutes(s.time, window) == 0) continue;
    const int left = s.staff_in_ratio - (st.in_ratio ? 1 : 0);
    if (left < s.required) return false;  // the sweep's figure, under the day's version
    if (level3 && s.level3_in_ratio - 1 < 1) return false;
  }
  return true;
}

void FindingContextBuilder::add_present(const Finding& f, const Day& day, FindingContext& out) {
  const bool premises = rule_->premises;
  for (const StaffSpell& spell : day.staff) {
    if (overlap_minutes(spell.time, *f.time) == 0) continue;
    if (!premises && spell.room != f.room) continue;
    const StaffStanding& st = standing(spell.staff, day);
    const Presence presence = presence_of(spell, st);
    const TimeWindow time = clipped(spell.time, *f.time);
    if (!out.present.empty() && out.present.back().staff == spell.staff && out.present.back().presence == presence) {
      out.present.back().time.end = time.end;  // two spells of one kind (a visit out and back)
      continue;
    }
    out.present.push_back(PresentStaff{spell.staff, time, presence, st.counts_as});
  }
  sort_few(out.present, [](const PresentStaff& a, const PresentStaff& b) { return a.presence < b.presence; });
  if (out.present.size() > FindingContext::kMaxPresent) {
    out.present_not_shown = static_cast<std::uint32_t>(out.present.size() - FindingContext::kMaxPresent);
    out.present.resize(FindingContext::kMaxPresent);
  }
}

void FindingContextBuilder::add_options(const Finding& f, const Day& day, const DayTimeline& timeline,
                                        FindingContext& out) {
  const ContextRule& rule = *rule_;
  const TimeWindow when = *f.time;
  const bool breaks_help = rule.need != Need::first_aid || !rule.premises || !version_->pfa_counts_during_break;
  const bool non_contact_helps = !(rule.need == Need::first_aid && rule.premises);  // it counts already
  // Who is on the premises during the finding: their shift is not "longer" (one pass;
  // the spells are sorted by staff).
  around_.clear();
  for (const StaffSpell& spell : day.staff) {
    if (overlap_minutes(spell.time, when) > 0 && (around_.empty() || around_.back() != spell.staff))
      around_.push_back(spell.staff);
  }
  // One pass over the day's spells: each one that would help is a candidate, ranked by
  // the smallest change (a break moved, non-contact time given up, someone lent by
  // another room, a shift made longer), then by how much of the finding it covers (a
  // longer shift: by how little extra time it needs). One option per person.
  std::vector<Candidate>& candidates = candidates_;
  candidates.clear();
  for (const StaffSpell& spell : day.staff) {
    const bool overlaps = overlap_minutes(spell.time, when) > 0;
    const bool here = rule.premises || spell.room == f.room;
    FixKind kind{};
    if (overlaps && spell.kind == ShiftKind::on_break && here && breaks_help) kind = FixKind::move_break;
    else if (overlaps && spell.kind == ShiftKind::non_contact && non_contact_helps) kind = FixKind::from_non_contact;
    else if (overlaps && !rule.premises && spell.kind == ShiftKind::work && spell.room != f.room && spell.room != kNone)
      kind = FixKind::from_room;
    else if (!overlaps && spell.kind == ShiftKind::work && here &&
             ((spell.time.end <= when.start && spell.time.end + kExtendReach >= when.start) ||
              (spell.time.start >= when.end && spell.time.start <= when.end + kExtendReach)) &&
             !std::binary_search(around_.begin(), around_.end(), spell.staff))
      kind = FixKind::extend_shift;
    else continue;
    const StaffStanding& st = standing(spell.staff, day);
    if (!helps(spell.staff, st)) continue;
    const TimeWindow time = kind == FixKind::extend_shift ? spell.time : clipped(spell.time, when);
    if (kind == FixKind::from_room && !can_spare(timeline, spell.room, time, st)) continue;
    const long within = kind != FixKind::extend_shift ? -static_cast<long>(time.length())
                        : spell.time.end <= when.start ? when.end - spell.time.end
                                                       : spell.time.start - when.start;
    candidates.push_back(Candidate{FixOption{kind, spell.staff, spell.room, time, st.counts_as},
                                   static_cast<long>(kind) * 100000 + within});
  }
  sort_few(candidates, [](const Candidate& a, const Candidate& b) { return a.rank < b.rank; });
  for (const Candidate& c : candidates) {
    if (out.options.size() == FindingContext::kMaxOptions) break;
    const bool offered = std::any_of(out.options.begin(), out.options.end(),
                                     [&](const FixOption& o) { return o.staff == c.option.staff; });
    if (!offered) out.options.push_back(c.option);
  }
}

namespace {
bool wants_context(const Finding& f, const Day& day) {
  return f.date && *f.date == day.date && f.time && rule_has_context(f.rule);
}
}  // namespace

FindingContext FindingContextBuilder::context_of(const Finding& f, const Day& day, const DayTimeline& timeline) {
  version_ = &profile_.on(day.date);
  rule_ = context_rule(f.rule);  // looked up once, not per person considered
  FindingContext context;
  add_present(f, day, context);
  add_options(f, day, timeline, context);
  return context;
}

void FindingContextBuilder::add_day(const Day& day, const DayTimeline& timeline, std::vector<Finding>& findings,
                                    std::size_t first, std::vector<FindingContext>& contexts) {
  for (std::size_t i = first; i < findings.size(); ++i) {
    Finding& f = findings[i];
    if (!wants_context(f, day)) continue;
    FindingContext context = context_of(f, day, timeline);
    f.context = static_cast<std::uint32_t>(contexts.size());
    contexts.push_back(std::move(context));
  }
}

void FindingContextBuilder::mark_day(const Day& day, std::vector<Finding>& findings, std::size_t first) {
  for (std::size_t i = first; i < findings.size(); ++i) {
    if (wants_context(findings[i], day)) findings[i].context = kContextOnDemand;
  }
}

}  // namespace attune
