#pragma once
// The policy summary as data: the attune.policy/1 document, which the templates also see.

#include <nlohmann/json.hpp>

#include "attune/policy_render.hpp"

namespace attune::policy {

nlohmann::ordered_json policy_model(const PolicySummary& summary, const PolicyContext& context);

/// "met", "partly met", "not met", "not applicable", "unanswered".
std::string_view status_words(const PolicyAnswer* answer);
/// "supported (no findings)", "no data: no child started in this period", ...
std::string evidence_words(const ItemSummary& item);

}  // namespace attune::policy
