// `attune policy summary GROUP/`: the settings of a group ranked by answers the rosters
// contradict, then by gaps, for a quality lead deciding where to look first.

#include <algorithm>
#include <tuple>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "attune/policy_render.hpp"
#include "../render/continuity_table.hpp"
#include "../util/text.hpp"
#include "../util/markdown.hpp"

namespace attune {
namespace {

std::string score_of(const std::optional<double>& score) { return score ? util::percent(*score) : "n/a"; }

std::string label(const PolicyGroupRow& r) { return r.urn.empty() ? r.name : fmt::format("{} ({})", r.name, r.urn); }

}  // namespace

PolicyGroupRow policy_group_row(const PolicySummary& summary, const Setting& setting) {
  PolicyGroupRow r;
  r.name = setting.name;
  r.urn = setting.urn;
  r.path = setting.path.lexically_normal().string();
  r.answered = summary.have_answers;
  r.counts = summary.counts;
  r.overdue = summary.overdue();
  return r;
}

void rank_policy_group(std::vector<PolicyGroupRow>& rows) {
  std::stable_sort(rows.begin(), rows.end(), [](const PolicyGroupRow& a, const PolicyGroupRow& b) {
    const auto key = [](const PolicyGroupRow& r) {
      return std::make_tuple(-r.counts.contradicted, -r.counts.gaps(), -static_cast<long>(r.overdue),
                             r.counts.score().value_or(0), r.path);
    };
    return key(a) < key(b);
  });
}

std::string policy_group_text(const std::vector<PolicyGroupRow>& rows, const Checklist& c, Date as_of,
                              const std::vector<std::string>& not_checked) {
  std::string out = fmt::format("{}: {} settings, as of {}\n", c.title, rows.size() + not_checked.size(),
                                format_iso_date(as_of));
  out += "Ranked by answers the rosters contradict, then gaps (partly, not met, unanswered), then overdue reviews.\n\n";
  std::size_t w = 7;
  for (const auto& r : rows) w = std::max(w, text_width(label(r)));
  out += fmt::format("  {:>4}  {}  {:>12}  {:>4}  {:>7}  {:>5}  {:>17}  {}\n", "rank", "setting" + std::string(w - 7, ' '),
                     "contradicted", "gaps", "overdue", "score", "with the rosters", "path");
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& r = rows[i];
    const std::string name = label(r);
    out += fmt::format("  {:>4}  {}{}  {:>12}  {:>4}  {:>7}  {:>5}  {:>17}  {}{}\n", i + 1, name,
                       std::string(w - text_width(name), ' '), r.counts.contradicted, r.counts.gaps(), r.overdue,
                       score_of(r.counts.score()), score_of(r.counts.score_with_rosters()), r.path,
                       r.answered ? "" : " (no answers file)");
  }
  if (!not_checked.empty()) {
    out += fmt::format("\nNot checked: {} {} whose input has errors (`attune validate PATH` lists them):\n",
                       not_checked.size(), not_checked.size() == 1 ? "setting" : "settings");
    for (const auto& path : not_checked) out += fmt::format("  {}\n", path);
  }
  out += "\nRun `attune policy summary SETTING` for a setting's contradictions, gaps and next steps.\n";
  return out;
}

std::string policy_group_markdown(const std::vector<PolicyGroupRow>& rows, const Checklist& c, Date as_of,
                                  const std::vector<std::string>& not_checked) {
  std::string out = fmt::format("# {}: {} settings\n\nAs of {}. Ranked by answers the rosters contradict, then gaps "
                                "(partly, not met, unanswered), then reviews more than 12 months old.\n\n",
                                util::markdown_escape(c.title), rows.size() + not_checked.size(), format_iso_date(as_of));
  out += "| Rank | Setting | Contradicted | Gaps | Overdue | Score | With the rosters | Path |\n"
         "| ---: | --- | ---: | ---: | ---: | ---: | ---: | --- |\n";
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& r = rows[i];
    out += fmt::format("| {} | {}{} | {} | {} | {} | {} | {} | {} |\n", i + 1, util::markdown_escape(label(r)),
                       r.answered ? "" : " (no answers file)", r.counts.contradicted, r.counts.gaps(), r.overdue,
                       score_of(r.counts.score()), score_of(r.counts.score_with_rosters()), util::markdown_escape(r.path));
  }
  if (!not_checked.empty()) {
    out += fmt::format("\n**Not checked**: {} {} whose input has errors (`attune validate PATH` lists them):\n\n",
                       not_checked.size(), not_checked.size() == 1 ? "setting" : "settings");
    for (const auto& path : not_checked) out += fmt::format("- {}\n", util::markdown_escape(path));
  }
  return out;
}

std::string policy_group_json(const std::vector<PolicyGroupRow>& rows, const Checklist& c, Date as_of,
                              const std::vector<std::string>& not_checked) {
  using Json = nlohmann::ordered_json;
  Json j;
  j["schema"] = "attune.policy-group/1";
  j["tool"] = Json{{"name", "attune"}, {"version", std::string(version())}};
  j["checklist"] = Json{{"id", c.id}, {"title", c.title}, {"version", c.version}};
  j["as_of"] = format_iso_date(as_of);
  const auto number = [](const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); };
  Json list = Json::array();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& r = rows[i];
    list.push_back(Json{{"rank", i + 1},
                        {"setting", Json{{"name", r.name}, {"urn", r.urn.empty() ? Json(nullptr) : Json(r.urn)},
                                         {"path", r.path}}},
                        {"answered", r.answered},
                        {"contradicted", r.counts.contradicted},
                        {"gaps", r.counts.gaps()},
                        {"overdue", r.overdue},
                        {"met", r.counts.met},
                        {"partly", r.counts.partly},
                        {"not_met", r.counts.not_met},
                        {"not_applicable", r.counts.not_applicable},
                        {"unanswered", r.counts.unanswered},
                        {"score", number(r.counts.score())},
                        {"score_with_rosters", number(r.counts.score_with_rosters())}});
  }
  j["settings"] = std::move(list);
  Json skipped = Json::array();
  for (const auto& path : not_checked) skipped.push_back(Json{{"path", path}, {"status", "input_error"}});
  j["not_checked"] = std::move(skipped);
  return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace attune
