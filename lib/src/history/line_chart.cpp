#include "line_chart.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "../report/svg_charts.hpp"
#include "../util/text.hpp"

namespace attune::history {
namespace {

using report::xml_escape;

constexpr double kWidth = 720, kLeft = 40, kRight = 28, kTop = 24, kPlot = 140, kAxis = 20;

struct Scale {
  std::size_t runs = 1;
  double top = 1;
  [[nodiscard]] double x(std::size_t i) const {
    if (runs <= 1) return kLeft + (kWidth - kLeft - kRight) / 2;
    return kLeft + (kWidth - kLeft - kRight) * static_cast<double>(i) / static_cast<double>(runs - 1);
  }
  [[nodiscard]] double y(double v) const { return kTop + kPlot * (1.0 - v / top); }
};

/// A round top for the y axis: 1, 2, 5, 10, 20, 50, ... at or above `v`.
double nice_top(double v) {
  double step = 1;
  while (true) {
    for (double m : {1.0, 2.0, 5.0})
      if (v <= m * step) return m * step;
    step *= 10;
  }
}

std::string tick_text(double v, bool share) {
  return share ? util::percent(v) : fmt::format("{}", static_cast<long long>(std::llround(v)));
}

/// The line's runs of consecutive values, each a polyline; single values as dots.
std::string draw(const ChartLine& line, const Scale& s, bool share) {
  std::string out, points;
  std::size_t in_run = 0;
  auto flush = [&] {
    if (in_run > 1) out += fmt::format(R"(<polyline class="line {}" points="{}"/>)", line.css_class, points);
    points.clear();
    in_run = 0;
  };
  for (std::size_t i = 0; i < line.values.size(); ++i) {
    if (!line.values[i]) {
      flush();
      continue;
    }
    points += fmt::format("{:.1f},{:.1f} ", s.x(i), s.y(*line.values[i]));
    ++in_run;
  }
  flush();
  for (std::size_t i = 0; i < line.values.size(); ++i) {
    if (!line.values[i]) continue;
    out += fmt::format(R"(<circle class="dot {}" cx="{:.1f}" cy="{:.1f}" r="2.5"><title>{}: {}</title></circle>)",
                       line.css_class, s.x(i), s.y(*line.values[i]), xml_escape(line.label),
                       tick_text(*line.values[i], share));
  }
  return out;
}

}  // namespace

std::string line_chart_svg(const std::vector<std::string>& x_labels, const std::vector<ChartLine>& lines, bool share,
                           const std::string& title) {
  Scale s{std::max<std::size_t>(1, x_labels.size()), 1};
  if (!share) {
    double high = 0;
    for (const auto& l : lines)
      for (const auto& v : l.values) high = std::max(high, v.value_or(0));
    s.top = nice_top(std::max(1.0, high));
  }
  std::string svg = fmt::format(
      R"(<svg class="chart history" viewBox="0 0 {:.0f} {:.0f}" role="img" aria-label="{}" xmlns="http://www.w3.org/2000/svg"><title>{}</title>)",
      kWidth, kTop + kPlot + kAxis + 4, xml_escape(title), xml_escape(title));
  for (int i = 0; i <= 4; ++i) {
    const double v = s.top * i / 4;
    svg += fmt::format(R"(<line class="grid" x1="{:.1f}" x2="{:.1f}" y1="{:.1f}" y2="{:.1f}"/><text class="tick" x="{:.1f}" y="{:.1f}" text-anchor="end">{}</text>)",
                       kLeft, kWidth - kRight, s.y(v), s.y(v), kLeft - 4, s.y(v) + 3,
                       share || s.top >= 4 || i % 2 == 0 ? tick_text(v, share) : "");
  }
  // At most about 12 run labels along the axis.
  const std::size_t every = std::max<std::size_t>(1, (x_labels.size() + 11) / 12);
  for (std::size_t i = 0; i < x_labels.size(); i += every) {
    svg += fmt::format(R"(<text class="tick" x="{:.1f}" y="{:.1f}" text-anchor="middle">{}</text>)", s.x(i),
                       kTop + kPlot + 14, xml_escape(x_labels[i]));
  }
  double legend_x = kLeft;
  for (const auto& l : lines) {
    svg += fmt::format(R"(<rect class="key {}" x="{:.1f}" y="6" width="10" height="10"/><text class="label" x="{:.1f}" y="15">{}</text>)",
                       l.css_class, legend_x, legend_x + 14, xml_escape(l.label));
    legend_x += 24 + 6.5 * static_cast<double>(l.label.size());
  }
  for (const auto& l : lines) svg += draw(l, s, share);
  return svg + "</svg>";
}

}  // namespace attune::history
