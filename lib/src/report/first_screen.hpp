#pragma once
// The report's first screen, "what must I fix this week?": the statutory problems in time
// order, each with its room, time, what is short and what the rota offers to fix it, shown
// before any chart; and the same detail (pattern, who was there, could fix) for every
// finding of the findings section.

#include <nlohmann/json.hpp>

#include "attune/render.hpp"

namespace attune::report {

/// Adds a finding's pattern ("pattern": "every weekday", "dates": "5 days: ...") and its
/// context ("context": [{"label", "text", "items"}], "has_context") to its template data.
void add_finding_detail(nlohmann::ordered_json& j, const SettingReport& report, const Finding& f, bool redact);

/// True for a finding that stands for itself in a list: not a later member of a pattern.
bool listed_once(const CheckResult& result, const Finding& f);

/// The first screen: {"items": [...], "count", "more", "has_more", "warnings_text"}: the
/// statutory errors (patterns once) in time order, at most `limit`.
nlohmann::ordered_json problems_json(const SettingReport& report, bool redact, std::size_t limit = 25);

}  // namespace attune::report
