#pragma once
// An inline SVG line chart of a few series over runs, for the history page: drawn from
// numbers already read, every text escaped, no script, no font, no link.

#include <optional>
#include <string>
#include <vector>

namespace attune::history {

struct ChartLine {
  std::string label;      ///< in the legend
  std::string css_class;  ///< "errors", "warnings", ... (colours are in the page's CSS)
  std::vector<std::optional<double>> values;  ///< one per run; nullopt breaks the line
};

/// Lines over `x_labels` (one per run, e.g. "23 Nov"), the y axis from 0 to the highest
/// value (or to 100% when `share`).
std::string line_chart_svg(const std::vector<std::string>& x_labels, const std::vector<ChartLine>& lines, bool share,
                           const std::string& title);

}  // namespace attune::history
