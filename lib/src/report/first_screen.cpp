#include "first_screen.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "attune/rules.hpp"
#include "../render/context_text.hpp"

namespace attune::report {

using Json = nlohmann::ordered_json;

bool listed_once(const CheckResult& result, const Finding& f) {
  if (f.pattern >= result.patterns.size()) return true;
  return &result.findings[result.patterns[f.pattern].findings.front()] == &f;
}

void add_finding_detail(Json& j, const SettingReport& report, const Finding& f, bool redact) {
  const CheckResult& r = report.result;
  j["pattern"] = "";
  j["dates"] = "";
  if (f.pattern < r.patterns.size()) {
    const render::PatternWords words = render::pattern_words(report.setting, r.patterns[f.pattern]);
    j["pattern"] = words.label;
    j["dates"] = words.dates;
    j["day"] = words.label;
  }
  Json lines = Json::array();
  if (const FindingContext* context = context_of(report.setting, r, f); context != nullptr) {
    // A pattern stands for several days; who was there is told for its first, as in text.
    const bool pattern = f.pattern < r.patterns.size() && f.date;
    for (const render::ContextLine& c : render::context_lines(report.setting, f, *context, redact)) {
      Json items = Json::array();
      for (const std::string& item : c.items) items.push_back(item);
      const bool fix = c.label == "could fix";
      lines.push_back(Json{{"label", pattern && !fix ? fmt::format("{} ({})", c.label, format_day_label(*f.date))
                                                     : c.label},
                           {"text", c.text()}, {"items", std::move(items)}, {"is_fix", fix}});
    }
  }
  j["has_context"] = !lines.empty();
  j["context"] = std::move(lines);
}

Json problems_json(const SettingReport& report, bool redact, std::size_t limit) {
  const Setting& s = report.setting;
  const CheckResult& r = report.result;
  std::vector<const Finding*> errors;
  for (const Finding& f : r.findings) {
    if (f.severity == Severity::error && !f.accepted && listed_once(r, f)) errors.push_back(&f);
  }
  // In time order: a manager reads the week from Monday morning.
  std::stable_sort(errors.begin(), errors.end(), [](const Finding* a, const Finding* b) {
    const auto key = [](const Finding* f) {
      return std::make_tuple(f->date.value_or(Date::max()), f->time ? f->time->start : Minute{-1}, f->room);
    };
    return key(a) < key(b);
  });
  Json items = Json::array();
  for (std::size_t i = 0; i < errors.size() && i < limit; ++i) {
    const Finding& f = *errors[i];
    Json j;
    j["rule"] = f.rule;
    j["day"] = f.date ? format_day_label(*f.date) : "";
    j["time"] = f.time ? format_window(*f.time) : "";
    j["where"] = f.room != kNone ? room_label(s, f.room) : (f.time && f.child == kNone && f.staff == kNone ? "premises" : "");
    std::string who;
    if (f.child != kNone) who = child_label(s, f.child, redact);
    if (f.staff != kNone) who += (who.empty() ? "" : ", key person ") + staff_label(s, f.staff, redact);
    j["who"] = who;
    j["message"] = f.message;
    add_finding_detail(j, report, f, redact);
    Json fixes = Json::array();
    for (const auto& line : j["context"]) {
      if (line["is_fix"].get<bool>()) fixes = line["items"];
    }
    if (fixes.empty()) {  // a rule without a context: what its catalog says to change
      if (const RuleInfo* info = find_rule(f.rule); info != nullptr && !info->fix.empty())
        fixes.push_back(std::string(info->fix));
    }
    j["fixes"] = std::move(fixes);
    j["has_fixes"] = !j["fixes"].empty();
    items.push_back(std::move(j));
  }
  std::size_t warnings = 0;
  for (const Finding& f : r.findings) warnings += f.severity == Severity::warning && !f.accepted ? 1 : 0;
  const std::size_t more = errors.size() > limit ? errors.size() - limit : 0;
  return Json{{"items", std::move(items)},
              {"count", errors.size()},
              {"has_items", !errors.empty()},
              {"more", more},
              {"has_more", more > 0},
              {"warnings", warnings},
              {"warnings_text", warnings == 0 ? std::string() : fmt::format("{} {} below, under the findings.", warnings,
                                                                            warnings == 1 ? "warning" : "warnings")}};
}

}  // namespace attune::report
