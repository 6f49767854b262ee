#pragma once
// Parts of attune's JSON documents written the same way in every one of them: the
// `setting` object that names a setting, and the structured input errors of a setting
// that could not be checked. Internal to lib/src/render.

#include <optional>
#include <string>

#include "attune/allocate.hpp"
#include "attune/render.hpp"
#include "json_writer.hpp"

namespace attune::render {

/// `"setting": { "name", "urn", "path" }`; name and urn null when empty.
void setting_object(JsonWriter& w, const std::string& name, const std::string& urn, const std::string& path);

/// `"rooms": [ { "room", "breach_minutes", "child_minutes" } ]` (metrics.rooms).
void rooms_member(JsonWriter& w, const Setting& s, const Metrics& m);

/// `"errors", "warnings", "infos", "accepted"` of `counts`, as members.
void summary_members(JsonWriter& w, const FindingCounts& counts);

/// What names a checked setting and sums it up, as members: `setting`, `status`,
/// `profile`, `period`, `summary`.
void checked_members(JsonWriter& w, const SettingReport& report);

/// `"error_count": n, "errors": [ { "file", "line", "column", "message", "hint", "text" } ]`
/// for a setting that could not be checked (line, column and hint null when unknown).
void input_errors_members(JsonWriter& w, const GroupEntry& entry);

/// A coverage (key-person minutes over attended minutes) as its unrounded value, as check
/// writes coverages; null when there is none (no child of that band attends). allocate's
/// and plan's objectives and trade-offs.
void share_value(JsonWriter& w, const std::optional<Share>& s);

}  // namespace attune::render
