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
