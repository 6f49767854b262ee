#include "continuity_table.hpp"

#include <algorithm>

#include <fmt/format.h>
#include "../util/text.hpp"

namespace attune {
namespace {

std::string percent_or_dash(const std::optional<double>& share) {
  return share ? util::percent(*share) : "-";
}

using Row = std::array<std::string, 7>;

void render_rows(std::string& out, const std::vector<Row>& rows, const std::array<bool, 7>& right) {
  std::array<std::size_t, 7> width{};
  for (const Row& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], text_width(row[i]));
  }
  for (const Row& row : rows) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) {
      line += "  " + (right[i] ? pad_left(row[i], width[i]) : pad_right(row[i], width[i]));
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
}

}  // namespace

std::size_t text_width(std::string_view text) {
  std::size_t n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

std::string pad_right(std::string_view text, std::size_t width) {
  std::string out(text);
  out.append(width > text_width(text) ? width - text_width(text) : 0, ' ');
  return out;
}

std::string pad_left(std::string_view text, std::size_t width) {
  return std::string(width > text_width(text) ? width - text_width(text) : 0, ' ') + std::string(text);
}

void render_continuity_table(std::string& out, const SettingReport& report, const TextStyle& style,
                             bool redact) {
  const Setting& s = report.setting;
  std::vector<const ChildMetrics*> children;
  for (const ChildMetrics& m : report.result.metrics.children) {
    if (m.attended_minutes > 0) children.push_back(&m);
  }
  if (children.empty()) return;
  // Least held first: key-person coverage, then key-or-buddy coverage, youngest first.
  std::stable_sort(children.begin(), children.end(), [](const ChildMetrics* a, const ChildMetrics* b) {
    const auto key = [](const ChildMetrics* m) {
      return std::make_tuple(m->key_person_coverage().value_or(0), m->key_or_buddy_coverage().value_or(0),
                             static_cast<int>(m->band));
    };
    return key(a) < key(b);
  });
  out += '\n';
  out += style.bold("Continuity of care, least held first");
  out += '\n';
  std::vector<Row> rows;
  rows.push_back({"child", "band", "key person", "with key person", "with key or buddy", "handovers", "adults/week"});
  for (const ChildMetrics* m : children) {
    const int events = m->arrivals + m->departures;
    const int covered = m->arrivals_with_key_or_buddy + m->departures_with_key_or_buddy;
    rows.push_back({child_label(s, m->child, redact), std::string(age_band_label(m->band)),
                    m->key_person == kNone ? "none" : staff_label(s, m->key_person, redact),
                    percent_or_dash(m->key_person_coverage()), percent_or_dash(m->key_or_buddy_coverage()),
                    fmt::format("{}/{}", covered, events), fmt::format("{}", m->max_distinct_carers_per_week)});
  }
  render_rows(out, rows, {false, false, false, true, true, true, true});

  out += '\n';
  out += style.bold("Key persons");
  out += '\n';
  for (const KeyPersonMetrics& k : report.result.metrics.key_persons) {
    std::vector<std::string> bands;
    for (AgeBand band : kAgeBands) {
      const int n = k.by_band[static_cast<std::size_t>(band)];
      if (n > 0) bands.push_back(fmt::format("{} {}", n, age_band_label(band)));
    }
    const std::string there =
        k.key_children_minutes > 0
            ? fmt::format("; there for {} of their key children's time",
                          util::percent(static_cast<double>(k.minutes_with_key_children) /
                                        static_cast<double>(k.key_children_minutes)))
            : std::string{};
    out += fmt::format("  {}: {} key {} ({}){}\n", staff_label(s, k.staff, redact), k.key_children,
                       k.key_children == 1 ? "child" : "children", fmt::join(bands, ", "), there);
  }
}

}  // namespace attune
