#pragma once
/// The overview of a nursery group (`attune report GROUP/`): one row per setting, ranked
/// by breaches and by how much of the babies' time their key person is there.
///
///     std::vector<attune::GroupSettingSummary> rows;
///     rows.push_back(attune::summarise_setting(report));        // a checked setting
///     rows.push_back(attune::summarise_input_error("x", 3));    // one that did not load
///     auto html = attune::render_group_document(template_text, rows, options, error);
///
/// The overview holds no child's or staff member's name: settings, counts and shares.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "attune/document.hpp"
#include "attune/render.hpp"

namespace attune {

struct GroupSettingSummary {
  std::string path;  ///< the setting file, or the folder that did not load
  std::string name;  ///< empty when not checked
  std::string urn;
  bool checked = false;
  std::size_t input_errors = 0;  ///< when not checked
  /// When not checked: the command that shows the errors, with the options of the run
  /// that matter to loading (`attune validate group/setting-001 --from 2026-03-09 ...`).
  std::string validate_command;
  std::string profile;
  Period period;
  FindingCounts counts;
  long breach_minutes = 0;  ///< minutes below ratio, all rooms (RATIO-ROOM, from the timeline)
  /// Babies: children under 2 on the first day of the period who attended.
  int babies = 0;
  std::optional<double> babies_mean_coverage;   ///< mean share of time with the key person
  std::optional<double> babies_worst_coverage;  ///< the least held baby's share
  int babies_below_threshold = 0;               ///< share below [policy] key_person_coverage_min
  double coverage_threshold = 0;
  /// `report GROUP --each DIR`: the setting's own report, relative to the overview.
  std::string report_link;
};

GroupSettingSummary summarise_setting(const SettingReport& report);
GroupSettingSummary summarise_input_error(std::string path, std::size_t errors,
                                          std::string validate_command = {});

/// Renders `template_text` (templates/report/group.html or group.md) over the rows, in
/// the order given (path order); the template gets both rankings. nullopt, with `error`
/// set, if the template is not valid Mustache.
std::optional<std::string> render_group_document(std::string_view template_text,
                                                 const std::vector<GroupSettingSummary>& rows,
                                                 const DocumentOptions& options, std::string& error);

/// The data the group templates see, as JSON text (`attune report GROUP --format data`).
std::string group_document_data_json(const std::vector<GroupSettingSummary>& rows, const DocumentOptions& options);

}  // namespace attune
