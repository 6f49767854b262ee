#include "document_model.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "attune/allocate.hpp"
#include "attune/rule_catalog.hpp"
#include "first_screen.hpp"
#include "svg_charts.hpp"
#include "../util/text.hpp"

namespace attune::report {
namespace {

using Json = nlohmann::ordered_json;

std::string count_of(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string long_day(Date d) {
  const std::chrono::year_month_day ymd{d};
  return fmt::format("{} {}", format_day_label(d), static_cast<int>(ymd.year()));
}

std::string percent(long part, long whole) {
  return whole > 0 ? util::percent(static_cast<double>(part) / static_cast<double>(whole)) : "";
}

/// "good" >= 90%, "fair" >= 60%, "low" > 0, "none" = 0: the heat table's colours.
std::string level(long part, long whole) {
  if (whole == 0) return "absent";
  const double share = static_cast<double>(part) / static_cast<double>(whole);
  return share >= 0.9 ? "good" : share >= 0.6 ? "fair" : share > 0 ? "low" : "none";
}

Json finding_json(const Setting& s, const Finding& f, bool redact) {
  Json j;
  j["severity"] = std::string(severity_id(f.severity));
  j["date"] = f.date ? format_iso_date(*f.date) : "";
  j["day"] = f.date ? format_day_label(*f.date) : "";
  j["time"] = !f.time ? "" : f.time->start == f.time->end ? format_clock_time(f.time->start) : format_window(*f.time);
  j["where"] = f.room != kNone ? room_label(s, f.room) : (f.time && f.child == kNone && f.staff == kNone ? "premises" : "");
  j["child"] = f.child != kNone ? child_label(s, f.child, redact) : "";
  j["staff"] = f.staff != kNone ? staff_label(s, f.staff, redact) : "";
  j["message"] = f.message;
  return j;
}

Json rules_json(const SettingReport& r, const ModelOptions& o) {
  std::map<std::pair<int, int>, std::vector<const Finding*>> groups;  // (severity desc, rule order)
  // The findings come sorted by rule: each run of one rule and severity is looked up once.
  std::vector<const Finding*>* group = nullptr;
  const Finding* group_of = nullptr;
  for (const Finding& f : r.result.findings) {
    if (f.accepted) continue;
    if (group_of == nullptr || f.severity != group_of->severity || f.rule != group_of->rule) {
      group = &groups[{-static_cast<int>(f.severity), rule_order(f.rule)}];
      group_of = &f;
    }
    group->push_back(&f);
  }
  Json rules = Json::array();
  for (const auto& [key, list] : groups) {
    const RuleInfo* info = find_rule(list.front()->rule);
    Json g;
    g["id"] = list.front()->rule;
    g["severity"] = std::string(severity_id(list.front()->severity));
    g["title"] = info != nullptr ? std::string(info->title) : "";
    g["count"] = list.size();
    const std::string noun = list.front()->severity == Severity::info ? "note" : g["severity"].get<std::string>();
    g["count_text"] = count_of(list.size(), noun, noun + "s");
    g["source"] = std::string(r.profile.rule_source(list.front()->rule));
    g["fix"] = info != nullptr ? std::string(info->fix) : "";
    Json items = Json::array();
    std::size_t covered = 0;  // findings the lines stand for: a pattern is one line
    for (const Finding* f : list) {
      if (o.findings_per_rule > 0 && items.size() == o.findings_per_rule) break;
      if (!listed_once(r.result, *f)) continue;
      Json item = finding_json(r.setting, *f, o.redact);
      add_finding_detail(item, r, *f, o.redact);
      covered += f->pattern < r.result.patterns.size() ? r.result.patterns[f->pattern].findings.size() : 1;
      items.push_back(std::move(item));
    }
    g["findings"] = std::move(items);
    g["more"] = list.size() - covered;
    g["has_more"] = covered < list.size();
    rules.push_back(std::move(g));
  }
  return rules;
}

/// Per room, per day: the timeline chart, from the segments the check kept
/// (CheckResult::metrics.room_days): required staff and breaches as RATIO-ROOM judged them.
Json rooms_json(const SettingReport& r, const ModelOptions& o) {
  const Setting& s = r.setting;
  std::vector<std::vector<Json>> by_room(s.rooms.size());
  for (const RoomDayChart& rd : r.result.metrics.room_days) {
    const Day& day = s.days[rd.day];
    std::vector<ChartSegment> segments;
    int peak = 0;
    for (const RoomDaySegment& seg : rd.segments) {
      segments.push_back({seg.time, seg.children, seg.staff_in_ratio, seg.required, seg.breach});
      peak = std::max(peak, seg.children);
    }
    std::vector<TimeWindow> breaks;
    for (const StaffSpell& spell : day.staff) {
      if (spell.kind == ShiftKind::on_break && spell.room == rd.room) breaks.push_back(spell.time);
    }
    std::sort(breaks.begin(), breaks.end(), [](TimeWindow a, TimeWindow b) { return a.start < b.start; });
    Json j;
    j["date"] = format_iso_date(day.date);
    j["label"] = format_day_label(day.date);
    j["peak_children"] = peak;
    j["breach_minutes"] = rd.breach_minutes;
    j["has_breach"] = rd.breach_minutes > 0;
    j["breaks"] = breaks.size();
    j["breaks_text"] = count_of(breaks.size(), "staff break", "staff breaks");
    if (o.charts) {
      j["chart"] = timeline_svg(segments, breaks, s.opening,
                                fmt::format("{}, {}: children, staff in ratio and staff required",
                                            s.rooms[rd.room].name, format_day_label(day.date)));
    }
    by_room[rd.room].push_back(std::move(j));
  }
  Json rooms = Json::array();
  for (RoomIndex i = 0; i < s.rooms.size(); ++i) {
    if (by_room[i].empty()) continue;
    Json room;
    room["id"] = s.rooms[i].id;
    room["name"] = s.rooms[i].name;
    room["days"] = by_room[i];
    rooms.push_back(std::move(room));
  }
  return rooms;
}

/// The continuity table's columns: a day each for up to a week of days with children (so
/// a week fits A4 and a 1280 px screen), else a week each (Monday to Sunday) for up to 12
/// weeks, else a month each. `column` maps each day of the period to its column, or -1.
struct ContinuityColumns {
  Json columns = Json::array();
  std::vector<std::size_t> column;
  std::string unit;  ///< "day", "week" or "month"
};

ContinuityColumns continuity_columns(const Setting& s) {
  ContinuityColumns out;
  out.column.assign(s.days.size(), static_cast<std::size_t>(-1));
  std::size_t open = 0, weeks = 0;
  Date last_monday{};
  for (const Day& day : s.days) {
    if (day.children.empty()) continue;
    ++open;
    const Date monday = day.date - std::chrono::days{weekday_index(day.date)};
    if (weeks == 0 || monday != last_monday) ++weeks, last_monday = monday;
  }
  out.unit = open <= 7 ? "day" : weeks <= 12 ? "week" : "month";
  std::string last_key;
  for (std::size_t d = 0; d < s.days.size(); ++d) {
    const Date date = s.days[d].date;
    if (s.days[d].children.empty()) continue;
    std::string key, label;
    if (out.unit == "day") {
      key = format_iso_date(date), label = format_day_label(date);
    } else if (out.unit == "week") {
      const Date monday = date - std::chrono::days{weekday_index(date)};
      key = format_iso_date(monday);
      label = "w/c " + format_day_label(monday).substr(4);  // "w/c 2 Nov"
    } else {
      static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
      const std::chrono::year_month_day ymd{date};
      key = format_iso_date(date).substr(0, 7);
      label = fmt::format("{} {}", kMonths[static_cast<unsigned>(ymd.month()) - 1], static_cast<int>(ymd.year()));
    }
    if (key != last_key) {
      out.columns.push_back(Json{{"label", label}, {"date", key}});
      last_key = key;
    }
    out.column[d] = out.columns.size() - 1;
  }
  return out;
}

Json continuity_json(const SettingReport& r, const ModelOptions& o) {
  const Setting& s = r.setting;
  const Metrics& m = r.result.metrics;
  const ContinuityColumns cols = continuity_columns(s);
  const Json& days = cols.columns;
  const std::vector<std::size_t>& day_index = cols.column;
  std::vector<const ChildMetrics*> order;
  for (const ChildMetrics& c : m.children) {
    if (c.attended_minutes > 0) order.push_back(&c);
  }
  std::stable_sort(order.begin(), order.end(), [](const ChildMetrics* a, const ChildMetrics* b) {
    return std::make_tuple(a->key_person_coverage().value_or(0), a->key_or_buddy_coverage().value_or(0),
                           static_cast<int>(a->band)) <
           std::make_tuple(b->key_person_coverage().value_or(0), b->key_or_buddy_coverage().value_or(0),
                           static_cast<int>(b->band));
  });
  Json children = Json::array();
  for (const ChildMetrics* c : order) {
    std::vector<Json> cells(o.day_cells ? days.size() : 0, Json{{"value", ""}, {"level", "absent"}});
    std::vector<std::pair<long, long>> minutes(cells.size());  // key person's, attended
    // child_days is by child, then date: this child's are one run of it.
    const auto [first, last] = std::equal_range(
        m.child_days.begin(), m.child_days.end(), ChildDayMetrics{c->child, Date{}, 0, 0, 0},
        [](const ChildDayMetrics& a, const ChildDayMetrics& b) { return a.child < b.child; });
    for (auto cd_it = o.day_cells ? first : last; cd_it != last; ++cd_it) {
      const ChildDayMetrics& cd = *cd_it;
      const auto d = static_cast<std::size_t>((cd.date - s.period.from).count());
      if (d < day_index.size() && day_index[d] < cells.size()) {
        minutes[day_index[d]].first += cd.key_person_minutes;
        minutes[day_index[d]].second += cd.attended_minutes;
      }
    }
    for (std::size_t k = 0; k < cells.size(); ++k) {
      if (minutes[k].second > 0)
        cells[k] = Json{{"value", percent(minutes[k].first, minutes[k].second)}, {"level", level(minutes[k].first, minutes[k].second)}};
    }
    Json j;
    j["child"] = child_label(s, c->child, o.redact);
    j["band"] = std::string(age_band_label(c->band));
    j["band_short"] = c->band == AgeBand::under_2 ? "under 2" : c->band == AgeBand::age_2 ? "2" : "3+";
    j["key_person"] = c->key_person == kNone ? "none" : staff_label(s, c->key_person, o.redact);
    j["coverage"] = percent(c->key_person_minutes, c->attended_minutes);
    j["coverage_level"] = level(c->key_person_minutes, c->attended_minutes);
    j["key_or_buddy"] = percent(c->key_or_buddy_minutes, c->attended_minutes);
    j["handovers"] = fmt::format("{}/{}", c->arrivals_with_key_or_buddy + c->departures_with_key_or_buddy,
                                 c->arrivals + c->departures);
    j["adults"] = c->max_distinct_carers_per_week;
    j["cells"] = cells;
    children.push_back(std::move(j));
  }
  const std::string unit = cols.unit;
  return Json{{"days", days},
              {"unit", unit},
              {"total_label", unit == "day" ? "Week" : "Period"},
              {"columns_note", unit == "day" ? std::string()
                                            : fmt::format("The period is long: each column is a {}{}, the share of the "
                                                          "child's time that {} with their key person.",
                                                          unit, unit == "week" ? " (Monday to Sunday)" : "", unit)},
              {"children", children}};
}

Json key_persons_json(const SettingReport& r, const ModelOptions& o, std::string& chart) {
  const Setting& s = r.setting;
  const auto& max = s.policy.max_key_children;
  Json list = Json::array();
  std::vector<Bar> bars;
  for (const KeyPersonMetrics& k : r.result.metrics.key_persons) {
    std::vector<std::string> bands;
    double load = 0;
    for (AgeBand band : kAgeBands) {
      const auto b = static_cast<std::size_t>(band);
      if (k.by_band[b] == 0) continue;
      bands.push_back(fmt::format("{} {}", k.by_band[b], age_band_label(band)));
      load += static_cast<double>(k.by_band[b]) / max[b];
    }
    const std::string label = staff_label(s, k.staff, o.redact);
    list.push_back(Json{{"staff", label},
                        {"key_children", k.key_children},
                        {"bands", fmt::format("{}", fmt::join(bands, ", "))},
                        {"coverage", percent(k.minutes_with_key_children, k.key_children_minutes)},
                        {"load", util::percent(load)}});
    bars.push_back(Bar{label, load, fmt::format("{} ({} of a full caseload)", k.key_children, util::percent(load))});
  }
  if (o.charts && !bars.empty()) chart = bar_chart_svg(bars, 1.0, "Key children per key person, as a share of a full caseload");
  return list;
}

}  // namespace

nlohmann::ordered_json document_model(const SettingReport& report, const ModelOptions& options) {
  const Setting& s = report.setting;
  const CheckResult& r = report.result;
  Json j;
  j["tool"] = Json{{"name", "attune"}, {"version", std::string(version())}};
  j["setting"] = Json{{"name", s.name}, {"urn", s.urn}, {"path", s.path.lexically_normal().string()}};
  j["profile"] = Json{{"id", report.profile.id}, {"title", report.profile.title}, {"framework", report.profile.framework}};
  j["period"] = Json{{"from", format_iso_date(r.period.from)},
                     {"to", format_iso_date(r.period.to)},
                     {"label", fmt::format("{} to {}", long_day(r.period.from), long_day(r.period.to))}};
  j["compliant"] = r.counts.errors == 0;
  j["status"] = verdict(r);
  j["summary"] = Json{{"errors", r.counts.errors},
                      {"warnings", r.counts.warnings},
                      {"infos", r.counts.infos},
                      {"errors_text", count_of(r.counts.errors, "error", "errors")},
                      {"warnings_text", count_of(r.counts.warnings, "warning", "warnings")},
                      {"infos_text", count_of(r.counts.infos, "note", "notes")},
                      {"accepted", r.counts.accepted},
                      {"exceptions", exceptions_by_category(r.findings)}};
  j["redacted"] = options.redact;
  j["rules"] = rules_json(report, options);
  j["has_findings"] = !j["rules"].empty();
  j["problems"] = problems_json(report, options.redact);
  Json accepted = Json::array();
  for (const Finding& f : r.findings) {
    if (!f.accepted) continue;
    Json a = finding_json(s, f, options.redact);
    a["rule"] = f.rule;
    a["reason"] = f.accepted_reason;
    a["category"] = f.accepted_category;
    a["exception_child"] = f.accepted_child != kNone ? child_label(s, f.accepted_child, options.redact) : "";
    a["accepted_text"] = accepted_label(s, f, options.redact);
    accepted.push_back(std::move(a));
  }
  j["has_accepted"] = !accepted.empty();
  j["accepted"] = std::move(accepted);
  j["rooms"] = options.rooms ? rooms_json(report, options) : Json::array();
  j["has_rooms"] = !j["rooms"].empty();
  j["rooms_note"] = r.metrics.room_days_breaches_only
                        ? fmt::format("The period has {} days: only the days with a ratio breach are charted.", s.days.size())
                        : "";
  j["continuity"] = continuity_json(report, options);
  j["has_continuity"] = !j["continuity"]["children"].empty();
  j["allocation_hint"] = report.result.allocation_hint ? allocation_hint_text(*report.result.allocation_hint, true) + "."
                                                       : std::string();
  std::string caseload_chart;
  j["key_persons"] = key_persons_json(report, options, caseload_chart);
  j["caseload_chart"] = caseload_chart;
  return j;
}

}  // namespace attune::report
