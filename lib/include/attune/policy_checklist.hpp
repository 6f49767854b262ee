#pragma once
/// Policy checklists (templates/checklists/*.yaml), a setting's answers (policy.yaml), and
/// the inspector's summary of both, with the rosters as evidence (docs/policy.md).
///
///     auto checklist = load_checklist(path, diagnostics);
///     auto answers = load_policy_answers(answers_path, {&*checklist}, diagnostics);
///     auto summary = summarise_policy(*checklist, &*answers, &report, as_of);

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "attune/calendar.hpp"
#include "attune/diagnostic.hpp"
#include "attune/render.hpp"

namespace attune {

struct ChecklistItem {
  std::string id;
  std::string title;
  std::string question;
  std::string guidance;  ///< good practice: the next step when the item is not met
  std::string evidence;  ///< what an inspector would look for
  std::vector<std::string> sources;
  std::vector<std::string> roster_rules;  ///< rules whose findings bear on the item
};

struct ChecklistSection {
  std::string id;
  std::string title;
  std::vector<ChecklistItem> items;
};

struct Checklist {
  std::string id;
  std::string title;
  std::string description;
  int version = 1;
  std::vector<ChecklistSection> sections;
  std::filesystem::path path;

  [[nodiscard]] const ChecklistItem* find(std::string_view item) const;
};

enum class AnswerStatus : unsigned char { met, partly, not_met, not_applicable };
std::string_view answer_status_id(AnswerStatus status);

struct PolicyAnswer {
  std::string item;
  AnswerStatus status = AnswerStatus::met;
  std::string evidence;
  std::string notes;
  std::optional<Date> last_reviewed;
};

struct PolicyAnswers {
  std::filesystem::path path;
  std::vector<PolicyAnswer> answers;
  [[nodiscard]] const PolicyAnswer* find(std::string_view item) const;
};

/// Reads a checklist; every problem is reported with its place.
std::optional<Checklist> load_checklist(const std::filesystem::path& file, Diagnostics& diagnostics);
std::optional<Checklist> load_checklist_text(std::string_view yaml, const std::string& display,
                                             Diagnostics& diagnostics);

/// Reads a setting's answers. An item id that is in none of `checklists` is an error, as
/// is a status that is not met/partly/not_met/not_applicable or a date that is not one.
std::optional<PolicyAnswers> load_policy_answers(const std::filesystem::path& file,
                                                 const std::vector<const Checklist*>& checklists,
                                                 Diagnostics& diagnostics);
std::optional<PolicyAnswers> load_policy_answers_text(std::string_view yaml, const std::string& display,
                                                      const std::vector<const Checklist*>& checklists,
                                                      Diagnostics& diagnostics);

/// A checklist's files: `name` in each data directory's checklists/, or a path.
std::filesystem::path find_checklist(std::string_view name, const std::vector<std::filesystem::path>& data_dirs);
std::vector<std::string> list_checklists(const std::vector<std::filesystem::path>& data_dirs);

/// What the rosters say about an item with roster_rules.
enum class RosterEvidence : unsigned char {
  none,          ///< the item has no roster_rules
  supported,     ///< no findings of those rules in the period
  contradicted,  ///< answered "met" while the rosters show findings
  findings,      ///< findings, and the answer does not claim "met"
  no_data,       ///< no rosters given, the rules could not be evaluated, or they had
                 ///< nothing to examine in the period (no child started, no change of room)
};
std::string_view roster_evidence_id(RosterEvidence evidence);

struct ItemSummary {
  const ChecklistItem* item = nullptr;
  const PolicyAnswer* answer = nullptr;  ///< nullptr: unanswered
  bool review_overdue = false;           ///< last reviewed more than 12 months before as_of
  RosterEvidence roster = RosterEvidence::none;
  std::size_t findings = 0;              ///< warnings and errors of the item's rules
  std::vector<std::string> detail;       ///< e.g. "2 children had their key person ... (worst: ...)"
  std::string no_data_reason;            ///< with no_data: "no child started in this period"
};

struct StatusCounts {
  int met = 0, partly = 0, not_met = 0, not_applicable = 0, unanswered = 0;
  int contradicted = 0;  ///< of the met, those the rosters contradict
  /// (met + partly / 2) / (items that apply); nullopt when none apply.
  [[nodiscard]] std::optional<double> score() const;
  /// The score with each contradicted "met" counted as partly met: what the rosters
  /// allow the answers to claim.
  [[nodiscard]] std::optional<double> score_with_rosters() const;
  /// Gaps: partly met, not met and unanswered.
  [[nodiscard]] int gaps() const { return partly + not_met + unanswered; }
  void add(const PolicyAnswer* answer);
};

struct SectionSummary {
  const ChecklistSection* section = nullptr;
  StatusCounts counts;
  std::vector<ItemSummary> items;
};

struct PolicySummary {
  const Checklist* checklist = nullptr;
  Date as_of{};
  bool have_answers = false;
  bool have_rosters = false;
  StatusCounts counts;
  std::vector<SectionSummary> sections;
  [[nodiscard]] std::size_t overdue() const;
  [[nodiscard]] std::size_t contradicted() const;
};

/// The summary. `rosters` may be null (no rota to judge by); `answers` may be null (a
/// blank self-assessment). `redact` shows ids instead of names in the evidence detail.
PolicySummary summarise_policy(const Checklist& checklist, const PolicyAnswers* answers,
                               const SettingReport* rosters, Date as_of, bool redact);

/// A blank answers file for `checklist`, every item commented with its question.
std::string policy_answers_template(const Checklist& checklist);

}  // namespace attune
