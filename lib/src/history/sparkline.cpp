// Sparklines: one block character per value, from ▁ (zero) to █ (the top).

#include <algorithm>
#include <cmath>

#include "attune/history.hpp"

namespace attune::history {

std::string sparkline(const std::vector<std::optional<double>>& values, double top) {
  static constexpr std::string_view kBlocks[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
  if (top <= 0)
    for (const auto& v : values) top = std::max(top, v.value_or(0));
  std::string out;
  for (const auto& v : values) {
    if (!v) {
      out += "·";
      continue;
    }
    // Zero is the lowest block; anything above zero at least the second, the top the highest.
    int level = 0;
    if (*v > 0 && top > 0) level = static_cast<int>(std::ceil(7 * std::min(*v, top) / top - 1e-9));
    out += kBlocks[std::clamp(level, 0, 7)];
  }
  return out;
}

}  // namespace attune::history
