#pragma once
/// Renderers: one per format, each walking the same CheckResult. They compute nothing
/// about compliance and return text; the CLI decides where it goes.

#include <span>
#include <string>
#include <string_view>

#include "attune/check.hpp"
#include "attune/diagnostic.hpp"
#include "attune/profile.hpp"
#include "attune/setting.hpp"

namespace attune {

struct RenderOptions {
  bool colour = false;  ///< ANSI colour (text only)
  bool redact = false;  ///< children's and staff names replaced by their ids
  /// Text: at most this many lines per rule, then "... and N more"; 0 = all.
  std::size_t limit_per_rule = 0;
  /// JSON: the several-settings form ({"settings": [...]}) even for one setting, as
  /// when a folder of settings was checked, so scripts see one shape.
  bool group = false;
};

/// One checked setting, as the renderers see it.
struct SettingReport {
  const Setting& setting;
  const RuleProfile& profile;
  const CheckResult& result;
};

/// The terminal report: a summary line, then findings grouped by rule, aligned.
std::string render_text(std::span<const SettingReport> reports, const RenderOptions& options);

/// The `attune.check/1` JSON document (docs/json.md). One setting: the document itself;
/// several: { "schema", "tool", "summary", "settings": [ ... ] }.
std::string render_json(std::span<const SettingReport> reports, const RenderOptions& options);

/// One setting of a group run, for the group's summary: checked, or not loaded.
struct GroupEntry {
  std::string path;   ///< the setting file (setting_file()), checked or not: one spelling
  std::string name;   ///< empty when the setting file itself could not be read
  std::string urn;
  bool checked = false;
  FindingCounts counts;
  /// When not checked: its input errors (the first 50 in file order, as on standard
  /// error) and how many there were in all.
  std::vector<Diagnostic> errors;
  std::size_t error_count = 0;
  /// The setting's document (JSON object text, or text/CSV/Markdown), when checked.
  std::string body;
};

/// How deep a setting's object sits in the group document ("settings": [ ... ]).
inline constexpr std::size_t kGroupJsonIndent = 4;

/// One setting's JSON object (no schema or tool header), every line after the first
/// indented by `indent` spaces: kGroupJsonIndent for a GroupEntry's body.
std::string render_json_setting(const SettingReport& report, const RenderOptions& options,
                                std::size_t indent = 0);

/// The group document: { "schema", "tool", "settings": [ ... ], "summary" }, the settings
/// in order, each checked one's body from render_json_setting(..., kGroupJsonIndent); one
/// that could not be loaded is { "setting": {"path"}, "status": "input_error", "errors":
/// [...] }. The summary comes last so that the document can be written while the
/// settings are still being checked (JsonGroupWriter).
std::string render_json_group(const std::vector<GroupEntry>& entries);

/// One setting of the `attune.summary/1` document (`check --summary`, docs/json.md):
/// name, URN, path, counts per rule and severity, breach minutes and the headline
/// continuity figures, no findings; every line after the first indented by `indent`.
std::string render_json_summary_setting(const SettingReport& report, std::size_t indent = kGroupJsonIndent);

/// The group document written as it goes: head(), then entry() for each setting in
/// order, then tail() with the totals. Joined, the pieces are render_json_group's text.
/// With `schema` "attune.summary/1", the settings' bodies are summaries.
class JsonGroupWriter {
 public:
  explicit JsonGroupWriter(std::string_view schema = "attune.check/1") : schema_(schema) {}
  /// `{ "schema": ..., "tool": {...}, "settings": [`
  [[nodiscard]] std::string head() const;
  /// Appends the setting's pieces (its body is moved, not copied).
  void entry(GroupEntry&& entry, std::vector<std::string>& pieces);
  /// `], "summary": {...} }` and the final new line.
  [[nodiscard]] std::string tail() const;

 private:
  std::string_view schema_;
  FindingCounts total_;
  std::size_t settings_ = 0;
  std::size_t failed_ = 0;
};
/// The same document as pieces to be written one after another, the settings' bodies
/// moved into it rather than copied (a year of a large group is hundreds of MB).
std::vector<std::string> render_json_group_pieces(std::vector<GroupEntry>&& entries);

/// The text report of a group: one line per setting, then each checked setting's report.
std::string render_text_group(const std::vector<GroupEntry>& entries, const RenderOptions& options);

/// "Amy Brown (c01)", or "c01" when redacting.
std::string child_label(const Setting& setting, std::uint32_t child, bool redact);
std::string staff_label(const Setting& setting, std::uint32_t staff, bool redact);
/// The room's name, or "premises" for kNone.
std::string room_label(const Setting& setting, std::uint32_t room);

/// An accepted finding's override: "siblings, for Amy Brown (c01): twins, parents told",
/// or just the reason when the override names no exception.
std::string accepted_label(const Setting& setting, const Finding& finding, bool redact);
/// The accepted findings by exception: "2 siblings, 1 continuity" ("" when none has one).
std::string exceptions_by_category(const std::vector<Finding>& findings);

/// The headline of a setting's result: "Statutory breaches found", "No statutory
/// breaches; statutory warnings to act on" (a certificate about to expire is a warning of a
/// statutory rule, not of the setting's policy), "No statutory breaches; below the
/// setting's own policy", both, or "No breaches found". Accepted findings do not count.
std::string verdict(const CheckResult& result);

/// attune's version, "0.1.0".
std::string_view version();

}  // namespace attune
