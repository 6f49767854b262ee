// The group overview: each setting's counts and babies' key-person coverage, ranked two
// ways, rendered from templates/report/group.html or group.md.

#include <algorithm>
#include <numeric>

#include <fmt/format.h>

#include "attune/age_band.hpp"
#include "attune/group_report.hpp"
#include "mustache.hpp"
#include "svg_charts.hpp"
#include "../util/text.hpp"

namespace attune {
namespace {

using Json = nlohmann::ordered_json;

std::string share_text(const std::optional<double>& share) {
  return share ? util::percent(*share) : std::string{};
}

std::string day_text(Date d) {
  const std::chrono::year_month_day ymd{d};
  return fmt::format("{} {}", format_day_label(d), static_cast<int>(ymd.year()));
}

std::string count_of(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string label_of(const GroupSettingSummary& row) {
  if (!row.checked) return row.path;
  return row.urn.empty() ? row.name : fmt::format("{} ({})", row.name, row.urn);
}

Json row_json(const GroupSettingSummary& row, std::size_t rank) {
  Json j;
  j["rank"] = std::to_string(rank);
  j["name"] = label_of(row);
  j["path"] = row.path;
  j["checked"] = row.checked;
  if (!row.checked) {
    j["input_errors"] = count_of(row.input_errors, "input error", "input errors");
    j["validate_command"] = row.validate_command.empty() ? "attune validate " + row.path : row.validate_command;
    return j;
  }
  j["errors"] = std::to_string(row.counts.errors);
  j["warnings"] = std::to_string(row.counts.warnings);
  j["accepted"] = std::to_string(row.counts.accepted);
  j["breach_minutes"] = std::to_string(row.breach_minutes);
  j["breach_hours"] = fmt::format("{:.1f}", static_cast<double>(row.breach_minutes) / 60.0);
  j["babies"] = std::to_string(row.babies);
  j["mean_coverage"] = share_text(row.babies_mean_coverage);
  j["worst_coverage"] = share_text(row.babies_worst_coverage);
  j["below_threshold"] = std::to_string(row.babies_below_threshold);
  j["threshold"] = util::percent(row.coverage_threshold);
  j["status"] = row.counts.errors > 0 ? "breaches" : "compliant";
  j["report_link"] = row.report_link;
  j["has_babies"] = row.babies > 0;
  return j;
}

/// Most statutory breaches first; then most minutes below ratio; then path.
bool by_breaches(const GroupSettingSummary& a, const GroupSettingSummary& b) {
  if (a.counts.errors != b.counts.errors) return a.counts.errors > b.counts.errors;
  if (a.breach_minutes != b.breach_minutes) return a.breach_minutes > b.breach_minutes;
  return a.path < b.path;
}

/// Least held babies first: the lowest mean share with the key person; settings without
/// babies last.
bool by_coverage(const GroupSettingSummary& a, const GroupSettingSummary& b) {
  if (a.babies_mean_coverage.has_value() != b.babies_mean_coverage.has_value()) return a.babies_mean_coverage.has_value();
  if (a.babies_mean_coverage && *a.babies_mean_coverage != *b.babies_mean_coverage)
    return *a.babies_mean_coverage < *b.babies_mean_coverage;
  if (a.babies_worst_coverage != b.babies_worst_coverage) return a.babies_worst_coverage < b.babies_worst_coverage;
  return a.path < b.path;
}

Json ranked(std::vector<const GroupSettingSummary*> rows, bool (*order)(const GroupSettingSummary&,
                                                                        const GroupSettingSummary&)) {
  std::stable_sort(rows.begin(), rows.end(), [&](const auto* a, const auto* b) { return order(*a, *b); });
  Json out = Json::array();
  for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(row_json(*rows[i], i + 1));
  return out;
}

Json group_model(const std::vector<GroupSettingSummary>& rows, const DocumentOptions& options) {
  std::vector<const GroupSettingSummary*> checked;
  Json not_checked = Json::array();
  FindingCounts total;
  long breach_minutes = 0;
  int babies = 0, below = 0;
  std::optional<Date> from, to;
  for (const auto& row : rows) {
    if (!row.checked) {
      not_checked.push_back(row_json(row, 0));
      continue;
    }
    checked.push_back(&row);
    total += row.counts;
    breach_minutes += row.breach_minutes;
    babies += row.babies;
    below += row.babies_below_threshold;
    from = from ? std::min(*from, row.period.from) : row.period.from;
    to = to ? std::max(*to, row.period.to) : row.period.to;
  }
  const auto compliant = static_cast<std::size_t>(
      std::count_if(checked.begin(), checked.end(), [](const auto* r) { return r->counts.errors == 0; }));
  Json j;
  j["tool"] = Json{{"name", "attune"}, {"version", std::string(version())}};
  j["title"] = "Nursery group overview";
  j["settings_text"] = count_of(rows.size(), "setting", "settings");
  j["checked_text"] = count_of(checked.size(), "setting checked", "settings checked");
  j["compliant_text"] = fmt::format("{} without a statutory breach", compliant);
  j["period"] = from ? fmt::format("{} to {}", day_text(*from), day_text(*to)) : std::string{};
  j["summary"] = Json{{"errors", std::to_string(total.errors)},
                      {"warnings", std::to_string(total.warnings)},
                      {"accepted", std::to_string(total.accepted)},
                      {"breach_hours", fmt::format("{:.1f}", static_cast<double>(breach_minutes) / 60.0)},
                      {"babies", std::to_string(babies)},
                      {"babies_below_threshold", std::to_string(below)}};
  j["by_breaches"] = ranked(checked, by_breaches);
  j["by_coverage"] = ranked(checked, by_coverage);
  j["has_not_checked"] = !not_checked.empty();
  j["not_checked"] = std::move(not_checked);
  j["has_settings"] = !checked.empty();
  // A chart of the babies' mean share with their key person, least held first.
  std::string chart;
  if (options.charts && options.format == DocumentFormat::html) {
    std::vector<report::Bar> bars;
    std::vector<const GroupSettingSummary*> order = checked;
    std::stable_sort(order.begin(), order.end(), [](const auto* a, const auto* b) { return by_coverage(*a, *b); });
    double threshold = 0;
    for (const auto* r : order) {
      if (!r->babies_mean_coverage) continue;
      std::string label = r->name;  // the URN is in the tables; a chart label has 200 pixels
      if (label.size() > 30) {
        std::size_t cut = 28;  // not inside a UTF-8 sequence
        while (cut > 0 && (static_cast<unsigned char>(label[cut]) & 0xC0) == 0x80) --cut;
        label = label.substr(0, cut) + "\u2026";
      }
      bars.push_back(report::Bar{label, *r->babies_mean_coverage, share_text(r->babies_mean_coverage)});
      threshold = r->coverage_threshold;
    }
    if (!bars.empty())
      chart = report::bar_chart_svg(bars, threshold, "Babies' time with their key person, by setting (mean)", true);
  }
  j["coverage_chart"] = chart;
  j["has_coverage_chart"] = !chart.empty();
  return j;
}

}  // namespace

GroupSettingSummary summarise_setting(const SettingReport& report) {
  const Setting& s = report.setting;
  const CheckResult& r = report.result;
  GroupSettingSummary out;
  out.path = s.path.lexically_normal().string();
  out.name = s.name;
  out.urn = s.urn;
  out.checked = true;
  out.profile = r.profile;
  out.period = r.period;
  out.counts = r.counts;
  for (const RoomMetrics& room : r.metrics.rooms) out.breach_minutes += room.breach_minutes;
  out.coverage_threshold = s.policy.key_person_coverage_min;
  double sum = 0;
  for (const ChildMetrics& c : r.metrics.children) {
    const auto share = c.key_person_coverage();
    if (c.band != AgeBand::under_2 || !share) continue;
    ++out.babies;
    sum += *share;
    out.babies_worst_coverage = out.babies_worst_coverage ? std::min(*out.babies_worst_coverage, *share) : *share;
    if (*share < out.coverage_threshold) ++out.babies_below_threshold;
  }
  if (out.babies > 0) out.babies_mean_coverage = sum / out.babies;
  return out;
}

GroupSettingSummary summarise_input_error(std::string path, std::size_t errors, std::string validate_command) {
  GroupSettingSummary out;
  out.path = std::move(path);
  out.input_errors = errors;
  out.validate_command = std::move(validate_command);
  return out;
}

std::optional<std::string> render_group_document(std::string_view template_text,
                                                 const std::vector<GroupSettingSummary>& rows,
                                                 const DocumentOptions& options, std::string& error) {
  return report::render_mustache(template_text, group_model(rows, options), options.format, error);
}

std::string group_document_data_json(const std::vector<GroupSettingSummary>& rows, const DocumentOptions& options) {
  return group_model(rows, options).dump(2) + "\n";
}

}  // namespace attune
