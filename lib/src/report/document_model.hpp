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
};

nlohmann::ordered_json document_model(const SettingReport& report, const ModelOptions& options);

}  // namespace attune::report
