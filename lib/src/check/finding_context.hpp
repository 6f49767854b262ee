#pragma once
// The stage of check_setting that gives ratio, qualification and first-aid findings
// their context (attune/finding_context.hpp): run after the rules of each date, over the
// findings they made, with the date's spells and timeline.

#include <cstddef>
#include <vector>

#include "attune/finding.hpp"
#include "attune/finding_context.hpp"
#include "attune/profile.hpp"
#include "attune/setting.hpp"
#include "attune/timeline.hpp"

namespace attune {

struct FindingContextRule;

class FindingContextBuilder {
 public:
  FindingContextBuilder(const Setting& setting, const RuleProfile& profile);

  /// Gives each of findings[first..] that is a finding of `day` and of a rule with a
  /// context its FindingContext (appended to `contexts`). The cost is that of the day's
  /// spells per such finding; nothing is done for the others.
  void add_day(const Day& day, const DayTimeline& timeline, std::vector<Finding>& findings, std::size_t first,
               std::vector<FindingContext>& contexts);
  /// Marks the findings add_day would give a context with kContextOnDemand instead.
  static void mark_day(const Day& day, std::vector<Finding>& findings, std::size_t first);
  /// The context add_day gives `f`, a finding of `day` made by its room and premises rules.
  FindingContext context_of(const Finding& f, const Day& day, const DayTimeline& timeline);

 private:
  const StaffStanding& standing(StaffIndex staff, const Day& day);
  /// Whether this person would supply what the finding (rule_) lacks.
  [[nodiscard]] bool helps(StaffIndex staff, const StaffStanding& st) const;
  [[nodiscard]] Presence presence_of(const StaffSpell& spell, const StaffStanding& st) const;
  [[nodiscard]] bool can_spare(const DayTimeline& timeline, RoomIndex room, TimeWindow window,
                               const StaffStanding& st) const;
  void add_present(const Finding& f, const Day& day, FindingContext& out);
  void add_options(const Finding& f, const Day& day, const DayTimeline& timeline, FindingContext& out);

  const Setting& setting_;
  const RuleProfile& profile_;
  const RuleProfile* version_ = &profile_;  ///< the version in force on the day being added
  const FindingContextRule* rule_ = nullptr;  ///< what the finding being given a context lacks
  std::vector<StaffStanding> standings_;
  std::vector<Date> standing_date_;  ///< the date each standing was worked out for
  std::vector<bool> standing_known_;
  std::vector<StaffIndex> around_;  ///< reused: who is on the premises during a finding
  struct Candidate {
    FixOption option;
    long rank;  ///< smaller is a smaller change
  };
  std::vector<Candidate> candidates_;  ///< reused: the options of one finding, before ranking
};

}  // namespace attune
