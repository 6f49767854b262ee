#pragma once
// The data every report template sees (docs/reports.md lists it): a tree of display-ready
// text built from the setting and its CheckResult. Templates only lay it out.

#include <nlohmann/json.hpp>

#include "attune/render.hpp"

namespace attune::report {

struct ModelOptions {
  bool redact = false;
  bool charts = true;                 ///< draw the SVG charts (HTML)
  std::size_t findings_per_rule = 0;  ///< 0 = all
  /// Parts of the data a template never names are not built: the timeline of every room
  /// and day (`rooms`), and the continuity table's day columns (`cells`, `days`).
  bool rooms = true;
  bool day_cells = true;
};

nlohmann::ordered_json document_model(const SettingReport& report, const ModelOptions& options);

}  // namespace attune::report
