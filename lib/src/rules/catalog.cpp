// What each rule checks, why it matters, and what to change: the text behind
// `attune rules` and `attune explain`. Numbers live in the profile and [policy].

#include <algorithm>
#include <cctype>
#include <array>

#include "../util/text.hpp"
#include "attune/rules.hpp"

namespace attune {
namespace {

using enum RuleFamily;

constexpr std::array kCatalog{
    RuleInfo{"KP-ASSIGNED", statutory, Severity::error, "Every child has a key person",
             "Every child attending on a date has a key person for that date: the key_person "
             "column of children.csv, or the allocation in force in allocations.csv.",
             "The framework requires each child to be assigned a key person, who helps the child "
             "become familiar with the setting, offers a settled relationship, and builds a "
             "relationship with the parents. A baby's emotional security rests on a small number "
             "of consistent adults; the key person is the first of them.",
             "Name a key person for the child in children.csv (or allocations.csv) and tell the "
             "parents who it is.",
             "none"},
    RuleInfo{"KP-VALID", statutory, Severity::error, "The key person is an employed practitioner",
             "The key person named for a child on a date is employed on that date (between "
             "start_date and leave_date in staff.csv) and is not a student, volunteer, cook or "
             "administrator.",
             "A key person who has left, has not started yet, or is on placement cannot offer "
             "the settled relationship the role exists for; the child in effect has no key person.",
             "Allocate an employed practitioner as the key person. A student can support a key "
             "person, not be one.",
             "none"},
    RuleInfo{"RATIO-SETTING", statutory, Severity::error, "Staff:child ratio across the premises",
             "At every minute children are present, the staff counted in ratio on the premises are "
             "at least the number required for all the children present: each age band at the "
             "profile's ratio, mixed ages counted by the profile's method, 3-and-over children at "
             "the graduate ratio where a graduate works in their room.",
             "Ratios are the legal minimum number of adults for children's safety and care. The "
             "framework applies them to the staff available to work directly with the children.",
             "Add cover at the times shown, stagger breaks so fewer staff are off at once, or "
             "change the sessions booked at those times.",
             "[ratios] under_2, age_2, age_3_plus, mixed_age_method, [ratios.graduate]; [staff]"},
    RuleInfo{"RATIO-ROOM", statutory, Severity::error, "Staff:child ratio in each room",
             "In every room, at every minute children are present, the staff counted in ratio "
             "working in that room are at least the number required for the children in that "
             "room (same arithmetic as RATIO-SETTING, per room).",
             "A setting can meet its ratio on paper while one room is short: staff on the "
             "premises but deployed elsewhere are not looking after the babies in this room. "
             "Deployment is what children experience.",
             "Deploy staff to the room at these times: stagger lunch breaks, move a floater in, "
             "or move a session to a room with capacity.",
             "[ratios] under_2, age_2, age_3_plus, mixed_age_method, [ratios.graduate]; [staff]"},
    RuleInfo{"QUAL-LEVEL3", statutory, Severity::error, "A level 3 practitioner in every room",
             "While children are present in a room, at least one member of staff counted in ratio "
             "there holds (or counts at) a full and relevant level 3 qualification or above.",
             "The framework requires at least one level 3 qualified member of staff with each age "
             "group; they lead the practice the children receive.",
             "Rota a level 3 (or graduate) practitioner into the room for these times. A student or "
             "apprentice counts at the level below the one they study for.",
             "[staff] trainees_count_level_below, trainees_need_pfa"},
    RuleInfo{"QUAL-LEVEL2-HALF", statutory, Severity::error,
             "At least half of the other staff hold level 2",
             "In each room while children are present: of the staff in ratio other than the one "
             "level 3 practitioner, at least level2_min_percent per cent hold level 2 or above.",
             "The qualification mix is part of the statutory ratio requirements: unqualified staff "
             "count in the headcount, but not more than half of the others.",
             "Swap an unqualified member of staff for a qualified one at these times, or add a "
             "level 2 practitioner.",
             "[staff] level2_min_percent"},
    RuleInfo{"QUAL-BABY-TRAINING", statutory, Severity::error,
             "Baby-care training in rooms with under-2s",
             "In a room while under-2s are present, at least baby_training_min_percent per cent of "
             "the staff in ratio have received training that specifically addresses the care of "
             "babies (staff.csv baby_training).",
             "Babies communicate through cues, crying and body language; staff trained in their "
             "care read and answer those cues, which is how attunement is built.",
             "Deploy trained staff to the baby room at these times, or book baby-care training for "
             "the staff who work there.",
             "[staff] baby_training_min_percent"},
    RuleInfo{"U2-ROOM-LEAD", statutory, Severity::error, "Under-2 experience in the room",
             "While under-2s are present in a room, someone counted in ratio there has suitable "
             "experience of working with under-2s (staff.csv under_2_experience). Not evaluated "
             "when staff.csv has no under_2_experience column.",
             "The framework asks that the person in charge of under-2s has suitable experience of "
             "working with them.",
             "Rota an experienced practitioner into the baby room at these times.",
             "none"},
    RuleInfo{"PFA-ON-SITE", statutory, Severity::error, "A paediatric first aider on the premises",
             "Whenever children are present, at least one person with an in-date paediatric first "
             "aid certificate is on the premises and available: on a work or non-contact shift, "
             "not on a break (unless the profile's pfa_counts_during_break says so).",
             "A choking or allergic reaction needs a trained first aider within moments, at any "
             "time of the day, including the first and last half hour.",
             "Rota a first aider across opening and closing, and make sure first aiders' breaks "
             "do not coincide.",
             "[staff] pfa_counts_during_break"},
    RuleInfo{"PFA-MEALTIME", statutory, Severity::error, "A paediatric first aider in the room at mealtimes",
             "During each meal time of a room (the room's meals in setting.toml), while children "
             "are there, someone on a work shift in the room holds an in-date paediatric first aid "
             "certificate.",
             "Since September 2025 the framework requires a member of staff with paediatric first "
             "aid in the room while children eat, to act at once if a child chokes.",
             "Move a first aider's break out of the meal time, or deploy a first aider to the room "
             "for the meal.",
             "[[rooms]] meals"},
    RuleInfo{"PFA-EXPIRY", statutory, Severity::error, "Paediatric first aid certificates in date",
             "Certificates that have expired by the end of the period: an error when the holder "
             "was on the premises while PFA-ON-SITE failed (a valid certificate would have covered "
             "it), a warning otherwise. Certificates expiring within pfa_expiry_warning_days after "
             "the period: a warning.",
             "A certificate lasts three years; an expired one does not count, and renewing takes "
             "booking ahead.",
             "Book the renewal course before the expiry date.",
             "[policy] pfa_expiry_warning_days"},
    RuleInfo{"STAFF-AGE", statutory, Severity::info, "Staff under the minimum age are not counted",
             "Staff younger than the profile's minimum age on a date (17; apprentices 16) are not "
             "counted in ratio; the finding lists those rostered to work with children.",
             "Under-17s may help but must be supervised at all times; they cannot be relied on "
             "for ratios.",
             "Plan ratios without them, and make sure they are always working alongside an adult.",
             "[staff] minimum_age, minimum_age_apprentice"},
    RuleInfo{"KP-COVERAGE", continuity, Severity::warning, "The key person is there for the child",
             "Of the minutes a child attends, the share during which their key person (on that day) is on a "
             "work shift in the same room: not on a break, not non-contact time. A warning below "
             "key_person_coverage_min.",
             "A baby builds security with a few adults who are there, day after day. A rota can meet every "
             "ratio and still have the key person on shift mostly when their key children are not.",
             "Align the key person's shifts with their key children's sessions, or choose a key person whose "
             "working pattern matches the child's days.",
             "[policy] key_person_coverage_min"},
    RuleInfo{"KP-BUDDY-COVERAGE", continuity, Severity::warning, "The key person or buddy is there",
             "Of the minutes a child attends, the share during which their key person or their buddy is on a "
             "work shift in the same room. A warning below key_or_buddy_coverage_min.",
             "When the key person is away the buddy is the familiar face; together they should cover almost "
             "all of the child's day.",
             "Choose a buddy whose shifts cover the key person's days off, breaks and early or late shifts.",
             "[policy] key_or_buddy_coverage_min"},
    RuleInfo{"KP-HANDOVER", continuity, Severity::warning, "A familiar adult at arrival and departure",
             "For every arrival and departure, the key person or buddy is on a work shift in the child's room "
             "within handover_window_minutes of it: someone whose shift [start, end) has start - window <= t "
             "<= end + window. A room change without a gap is neither an arrival nor a departure.",
             "Handovers with parents are when a baby is passed between the people they trust; a familiar "
             "adult there makes the separation and the reunion safe, and lets the day's news be shared.",
             "Put the key person or buddy on the early or late shift on the child's days, around their "
             "arrival and collection times.",
             "[policy] handover_window_minutes"},
    RuleInfo{"KP-CASELOAD", continuity, Severity::warning, "A key person's caseload is manageable",
             "On each day, a key person's key children (enrolled that day), counted by band: the sum over "
             "bands of children / max_key_children for that band must not exceed 1 (so 4 babies is full, and "
             "3 babies plus 2 two-year-olds is 3/4 + 2/6 = 1.08, over). One finding per key person, on the "
             "day with the heaviest load.",
             "A key person can only hold a few babies in mind: attunement needs time with each child and "
             "each family.",
             "Share the key children out more evenly, or make a second practitioner the key person for some.",
             "[policy] max_key_children"},
    RuleInfo{"KP-ROOM", continuity, Severity::warning, "The key person works in the child's room",
             "Of the key person's work minutes over the period, the share in the child's room (children.csv "
             "room). A warning below key_person_room_share_min (default one half).",
             "A key person who works mostly in another room cannot be the child's familiar adult during the "
             "day.",
             "Choose a key person from the child's room, or deploy the key person to that room.",
             "[policy] key_person_room_share_min"},
    RuleInfo{"BUDDY-ASSIGNED", continuity, Severity::warning, "Every baby has a buddy",
             "Every child who attends while under 2 has a buddy (a back-up key person) on those days: "
             "children.csv buddy, or allocations.csv.",
             "Key persons have days off, holidays and breaks. A named buddy means the baby still has someone "
             "familiar, rather than whoever is free.",
             "Name a buddy for the child: ideally someone in the same room whose shifts cover the key person's "
             "absences.",
             "none"},
    RuleInfo{"CARERS-DISTINCT", continuity, Severity::warning, "A small number of familiar adults",
             "In each ISO week (Monday to Sunday), the number of different staff on a work shift in the "
             "child's room at some minute while the child is there. A warning above "
             "max_distinct_carers_per_week for the child's band.",
             "Continuity and consistency of care mean the same few adults. A baby handed between many adults "
             "in a week cannot form secure relationships with any of them.",
             "Keep staff in a room from day to day (fewer floaters), and put the child's key person and buddy "
             "on the child's days.",
             "[policy] max_distinct_carers_per_week"},
    RuleInfo{"SETTLING-IN", continuity, Severity::warning, "The key person settles a new child in",
             "For a child whose start_date falls in the period, in each of their first settling_in_sessions "
             "attended days the key person is in the child's room for every minute the child is there.",
             "Settling in is when a baby first learns that this adult will come back, and that this place is "
             "safe: the key person needs to be there throughout.",
             "Plan the new child's first sessions around the key person's shifts, not the other way round.",
             "[policy] settling_in_sessions"},
    RuleInfo{"TRANSITION", continuity, Severity::warning, "Transitions are prepared with the new key person",
             "When a child's key person or main room changes (from one attended day to the next), the child "
             "has spent at least transition_together_minutes with the new key person (in the same room, the "
             "key person on a work shift) on earlier days in the period.",
             "A move to a new room or a new key person is a loss for a baby; visits with the new adult "
             "beforehand turn a stranger into someone familiar.",
             "Plan visits to the new room with the new key person in the weeks before the move, or move the "
             "key person with the child.",
             "[policy] transition_together_minutes"},
    RuleInfo{"CARE-PRIMARY", continuity, Severity::warning, "Intimate care by the key person or buddy",
             "Each nappy change, feed, sleep and settle in care_log.csv is given by the child's key person or "
             "buddy on that day. One finding per child and day listing the others. Not evaluated without "
             "care_log.csv.",
             "Care routines are moments of close connection; being changed, fed and settled by a familiar "
             "adult is how a baby learns to trust.",
             "Plan who does care routines in the room so that key people care for their own key children.",
             "none"},
};

}  // namespace

std::span<const RuleInfo> rule_catalog() { return kCatalog; }

const RuleInfo* find_rule(std::string_view id) {
  const auto same = [](std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
             return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
  };
  for (const auto& info : kCatalog) {
    if (info.id == id) return &info;  // the usual case: the id as the catalog spells it
  }
  for (const auto& info : kCatalog) {
    if (same(info.id, id)) return &info;
  }
  return nullptr;
}

int rule_order(std::string_view id) {
  for (std::size_t i = 0; i < kCatalog.size(); ++i) {
    if (kCatalog[i].id == id) return static_cast<int>(i);
  }
  return static_cast<int>(kCatalog.size());
}

std::vector<std::string> similar_rule_ids(std::string_view id) {
  std::vector<std::string> ids;
  for (const auto& info : kCatalog) ids.emplace_back(info.id);
  return util::closest(id, ids, 3);
}

}  // namespace attune
