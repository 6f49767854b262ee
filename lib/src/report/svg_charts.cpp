#include "svg_charts.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace attune::report {
namespace {

constexpr double kWidth = 720, kLeft = 34, kRight = 12, kTop = 12, kPlot = 130, kAxis = 18;

struct Scale {
  TimeWindow hours;
  int max_y = 1;
  [[nodiscard]] double x(Minute m) const {
    const double span = std::max(1, hours.end - hours.start);
    return kLeft + (kWidth - kLeft - kRight) * (std::clamp(m, hours.start, hours.end) - hours.start) / span;
  }
  [[nodiscard]] double y(double v) const { return kTop + kPlot * (1.0 - v / max_y); }
};

/// A step line through the segments' values; between segments the value is 0.
std::string steps(const std::vector<ChartSegment>& segments, const Scale& s, int ChartSegment::*field) {
  std::string points;
  Minute cursor = s.hours.start;
  auto add = [&](Minute m, double v) { points += fmt::format("{:.1f},{:.1f} ", s.x(m), s.y(v)); };
  add(cursor, 0);
  for (const ChartSegment& seg : segments) {
    if (seg.time.start > cursor) add(seg.time.start, 0);
    add(seg.time.start, seg.*field);
    add(seg.time.end, seg.*field);
    cursor = seg.time.end;
    const bool next_touches = &seg != &segments.back() && (&seg + 1)->time.start == seg.time.end;
    if (!next_touches) add(seg.time.end, 0);
  }
  add(s.hours.end, 0);
  return points;
}

}  // namespace

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string timeline_svg(const std::vector<ChartSegment>& segments, const std::vector<TimeWindow>& breaks,
                         TimeWindow hours, const std::string& title) {
  Scale s{hours, 1};
  for (const auto& seg : segments) s.max_y = std::max({s.max_y, seg.children, seg.staff, seg.required});
  s.max_y += 1;
  const int break_rows = static_cast<int>(std::min<std::size_t>(breaks.size(), 6));
  const double height = kTop + kPlot + kAxis + (break_rows > 0 ? 6 + 7.0 * break_rows : 0) + 4;
  std::string svg = fmt::format(
      R"(<svg class="chart timeline" viewBox="0 0 {:.0f} {:.0f}" role="img" aria-label="{}" xmlns="http://www.w3.org/2000/svg">)"
      "<title>{}</title>",
      kWidth, height, xml_escape(title), xml_escape(title));
  // Grid: a line per hour and per count.
  const int step = s.max_y > 20 ? 5 : s.max_y > 10 ? 2 : 1;
  for (int v = 0; v <= s.max_y; v += step) {
    svg += fmt::format(R"(<line class="grid" x1="{:.1f}" x2="{:.1f}" y1="{:.1f}" y2="{:.1f}"/><text class="tick" x="{:.1f}" y="{:.1f}" text-anchor="end">{}</text>)",
                       kLeft, kWidth - kRight, s.y(v), s.y(v), kLeft - 4, s.y(v) + 3, v);
  }
  for (Minute m = (hours.start + 59) / 60 * 60; m <= hours.end; m += 60) {
    svg += fmt::format(R"(<line class="grid" x1="{0:.1f}" x2="{0:.1f}" y1="{1:.1f}" y2="{2:.1f}"/><text class="tick" x="{0:.1f}" y="{3:.1f}" text-anchor="middle">{4:02}</text>)",
                       s.x(m), kTop, kTop + kPlot, kTop + kPlot + 13, m / 60);
  }
  svg += fmt::format(R"(<polygon class="children" points="{}"/>)", steps(segments, s, &ChartSegment::children));
  // Breaches over the children, under the lines.
  for (const auto& seg : segments) {
    if (!seg.breach) continue;
    svg += fmt::format(R"(<rect class="breach" x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}"/>)",
                       s.x(seg.time.start), kTop, std::max(1.0, s.x(seg.time.end) - s.x(seg.time.start)), kPlot);
  }
  svg += fmt::format(R"(<polyline class="required" points="{}"/>)", steps(segments, s, &ChartSegment::required));
  svg += fmt::format(R"(<polyline class="staff" points="{}"/>)", steps(segments, s, &ChartSegment::staff));
  double y = kTop + kPlot + kAxis + 4;
  for (int i = 0; i < break_rows; ++i, y += 7) {
    const TimeWindow& b = breaks[static_cast<std::size_t>(i)];
    svg += fmt::format(R"(<rect class="break" x="{:.1f}" y="{:.1f}" width="{:.1f}" height="5"><title>break {}</title></rect>)",
                       s.x(b.start), y, std::max(1.0, s.x(b.end) - s.x(b.start)), xml_escape(format_window(b)));
  }
  return svg + "</svg>";
}

std::string bar_chart_svg(const std::vector<Bar>& bars, double limit, const std::string& title, bool alert_below) {
  constexpr double kLabel = 200, kRow = 18, kBarRight = 640;
  double max_v = limit * 1.25;
  for (const Bar& b : bars) max_v = std::max(max_v, b.value * 1.05);
  const auto x = [&](double v) { return kLabel + (kBarRight - kLabel) * v / max_v; };
  const double height = kTop + kRow * static_cast<double>(bars.size()) + 10;
  std::string svg = fmt::format(
      R"(<svg class="chart bars" viewBox="0 0 {:.0f} {:.0f}" role="img" aria-label="{}" xmlns="http://www.w3.org/2000/svg"><title>{}</title>)",
      kWidth, height, xml_escape(title), xml_escape(title));
  double y = kTop;
  for (const Bar& b : bars) {
    svg += fmt::format(R"(<text class="label" x="{:.1f}" y="{:.1f}" text-anchor="end">{}</text>)", kLabel - 6, y + 11,
                       xml_escape(b.label));
    svg += fmt::format(R"(<rect class="{}" x="{:.1f}" y="{:.1f}" width="{:.1f}" height="12"/>)",
                       (alert_below ? b.value < limit : b.value > limit) ? "bar over" : "bar", kLabel, y + 1, std::max(0.0, x(b.value) - kLabel));
    svg += fmt::format(R"(<text class="value" x="{:.1f}" y="{:.1f}">{}</text>)", x(b.value) + 4, y + 11,
                       xml_escape(b.text));
    y += kRow;
  }
  svg += fmt::format(R"(<line class="limit" x1="{0:.1f}" x2="{0:.1f}" y1="{1:.1f}" y2="{2:.1f}"/>)", x(limit), kTop - 4,
                     y + 2);
  return svg + "</svg>";
}

}  // namespace attune::report
