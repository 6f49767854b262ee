#pragma once
// Inline SVG charts for the HTML report: drawn from numbers already computed, with every
// piece of text escaped. Self-contained: no scripts, fonts or links.

#include <string>
#include <vector>

#include "attune/clock_time.hpp"

namespace attune::report {

/// One stretch of a room's day, as the timeline chart shows it.
struct ChartSegment {
  TimeWindow time;
  int children = 0;
  int staff = 0;     ///< in ratio
  int required = 0;
  bool breach = false;
};

/// Children present (area), staff in ratio and staff required (steps) over the opening
/// hours; breaches shaded; staff breaks drawn as bars under the axis.
std::string timeline_svg(const std::vector<ChartSegment>& segments, const std::vector<TimeWindow>& breaks,
                         TimeWindow hours, const std::string& title);

struct Bar {
  std::string label;
  double value = 0;  ///< e.g. key children as a share of a full caseload (1.0 = full)
  std::string text;  ///< printed at the end of the bar
};

/// Horizontal bars with a marker at `limit`: bars past it (or, with `alert_below`, short
/// of it) are drawn in the alert colour.
std::string bar_chart_svg(const std::vector<Bar>& bars, double limit, const std::string& title,
                          bool alert_below = false);

/// &, <, >, " and ' as entities.
std::string xml_escape(std::string_view text);

}  // namespace attune::report
