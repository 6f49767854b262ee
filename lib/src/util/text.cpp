#include "text.hpp"

#include <algorithm>
#include <cmath>
#include <cctype>

#include <fmt/format.h>

namespace attune::util {

std::string to_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::string x = to_lower(a);
  const std::string y = to_lower(b);
  std::vector<std::size_t> row(y.size() + 1);
  for (std::size_t j = 0; j <= y.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= x.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= y.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (x[i - 1] == y[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[y.size()];
}

std::vector<std::string> closest(std::string_view word, const std::vector<std::string>& candidates,
                                 std::size_t max_results) {
  if (word.size() > 64) return {};
  const std::size_t limit = std::max<std::size_t>(2, word.size() / 3);
  std::vector<std::pair<std::size_t, std::string>> scored;
  for (const auto& c : candidates) {
    if (c.size() > 64) continue;
    const std::size_t d = edit_distance(word, c);
    if (d <= limit) scored.emplace_back(d, c);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& l, const auto& r) { return l.first < r.first; });
  std::vector<std::string> out;
  for (std::size_t i = 0; i < scored.size() && i < max_results; ++i) out.push_back(scored[i].second);
  return out;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  const auto best = closest(word, candidates, 1);
  if (best.empty()) return {};
  return fmt::format(" (did you mean \"{}\"?)", best.front());
}

std::string join(const std::vector<std::string>& items, std::string_view separator,
                 std::size_t limit) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i == limit) {
      out += fmt::format("{}... ({} more)", separator, items.size() - limit);
      break;
    }
    if (i > 0) out += separator;
    out += items[i];
  }
  return out;
}

std::string quoted(std::string_view text) {
  std::string out = "\"";
  std::size_t shown = 0;
  for (char c : text) {
    if (shown == 60) {
      out += "...";
      break;
    }
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F) out += fmt::format("\\x{:02x}", u);
    else out += c;
    ++shown;
  }
  out += '"';
  return out;
}

long round_half_up(double value) {
  // The tiny nudge absorbs binary error (28.499999999999996 for 0.285 * 100).
  return static_cast<long>(std::floor(value + 0.5 + 1e-9));
}

std::string percent(double share) { return fmt::format("{}%", round_half_up(share * 100.0)); }

std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace attune::util

#include "attune/suggest.hpp"

namespace attune {
std::vector<std::string> closest_matches(std::string_view word,
                                         const std::vector<std::string>& candidates,
                                         std::size_t max_results) {
  return util::closest(word, candidates, max_results);
}
}  // namespace attune
