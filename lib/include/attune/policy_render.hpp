#pragma once
/// The policy summary in each format. JSON is the `attune.policy/1` schema
/// (docs/policy.md); the Markdown and HTML documents render templates/report/policy.md
/// and policy.html over the same data.

#include <optional>
#include <string>

#include "attune/document.hpp"
#include "attune/policy_checklist.hpp"

namespace attune {

/// The setting the summary is about (may be null: a checklist summarised without one).
struct PolicyContext {
  const Setting* setting = nullptr;
  const Period* period = nullptr;  ///< the rosters' period, when rosters were checked
};

std::string policy_json(const PolicySummary& summary, const PolicyContext& context);
std::string policy_text(const PolicySummary& summary, const PolicyContext& context, bool colour);
std::optional<std::string> policy_document(std::string_view template_text, const PolicySummary& summary,
                                           const PolicyContext& context, DocumentFormat format, std::string& error);

}  // namespace attune

namespace attune {

/// One setting of a group's policy overview (`attune policy summary GROUP/`).
struct PolicyGroupRow {
  std::string name;
  std::string urn;
  std::string path;
  bool answered = false;  ///< the setting has an answers file
  StatusCounts counts;    ///< with counts.contradicted
  std::size_t overdue = 0;
};

/// The row of one setting's summary.
PolicyGroupRow policy_group_row(const PolicySummary& summary, const Setting& setting);

/// Ranks the rows: most answers contradicted by the rosters first, then most gaps
/// (partly, not met, unanswered), then most overdue reviews, then the lowest score,
/// then path.
void rank_policy_group(std::vector<PolicyGroupRow>& rows);

/// The ranked overview: text, Markdown, or JSON (`attune.policy-group/1`, docs/policy.md).
/// `not_checked`: the paths of the group's settings whose input could not be loaded,
/// named after the ranking (JSON: "not_checked"), never silently left out.
std::string policy_group_text(const std::vector<PolicyGroupRow>& rows, const Checklist& checklist, Date as_of,
                              const std::vector<std::string>& not_checked = {});
std::string policy_group_markdown(const std::vector<PolicyGroupRow>& rows, const Checklist& checklist, Date as_of,
                                  const std::vector<std::string>& not_checked = {});
std::string policy_group_json(const std::vector<PolicyGroupRow>& rows, const Checklist& checklist, Date as_of,
                              const std::vector<std::string>& not_checked = {});

}  // namespace attune
