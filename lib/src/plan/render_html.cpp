// The week per room as one self-contained HTML page (inline CSS, no scripts): a bar per
// person per room and day, breaks marked, and the key children each adult is with.

#include <fmt/format.h>

#include "../report/svg_charts.hpp"
#include "../util/text.hpp"
#include "attune/plan.hpp"
#include "attune/render.hpp"
#include "plan_view.hpp"
#include "stage_summary.hpp"

namespace attune {
namespace {

constexpr std::string_view kStyle = R"(body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #ccc}h3{font-size:1em;margin:.8em 0 .3em}
table{border-collapse:collapse}td,th{padding:2px 10px;text-align:left;border-bottom:1px solid #eee}
.row{display:flex;align-items:center;margin:2px 0}.who{width:14em;flex:none}.keys{margin-left:1em;color:#555;font-size:.9em}
.track{position:relative;flex:1;height:1.3em;background:#f4f4f4;min-width:30em}
.work{position:absolute;top:0;bottom:0;background:#7aa6d6;color:#fff;font-size:.75em;overflow:hidden;white-space:nowrap}
.break{position:absolute;top:0;bottom:0;background:repeating-linear-gradient(45deg,#fff,#fff 3px,#d98 3px,#d98 6px)}
.axis{display:flex;justify-content:space-between;margin-left:14em;color:#777;font-size:.75em}
.status{padding:.5em;background:#eef5ee}.status.bad{background:#f8e8e8}
@media print{body{margin:1cm}.track{min-width:0}h2{break-before:auto}})";

std::string esc(std::string_view text) { return report::xml_escape(text); }

std::string bar(TimeWindow w, TimeWindow hours, const char* css, bool label) {
  const double span = std::max(1, hours.length());
  const double left = 100.0 * (w.start - hours.start) / span, width = 100.0 * w.length() / span;
  return fmt::format(R"(<span class="{}" style="left:{:.2f}%;width:{:.2f}%" title="{}">{}</span>)", css, left, width,
                     esc(format_window(w)), label ? esc(format_window(w)) : "");
}

void status(std::string& out, const RotaPlan& p) {
  const bool have = p.status == PlanStatus::optimal || p.status == PlanStatus::feasible;
  std::string text = p.status == PlanStatus::optimal ? "Optimal: every stage of the objective was proved optimal."
                     : p.status == PlanStatus::feasible
                         ? "Feasible, not proved optimal. Every rule is met. " + plan::gap_sentence(p)
                     : p.status == PlanStatus::infeasible ? "Infeasible: no rota meets every statutory rule this week."
                     : p.status == PlanStatus::stopped    ? "Stopped: no rota was found in the time allowed."
                                                          : "Unsupported: attune plan cannot plan for this profile yet.";
  out += fmt::format(R"(<p class="status{}">{}</p>)", have ? "" : " bad", esc(text));
  if (!p.reasons.empty()) {
    out += "<ul>";
    for (const std::string& r : p.reasons) out += "<li>" + esc(r) + "</li>";
    out += "</ul>";
  }
}

void objective(std::string& out, const RotaPlan& p) {
  const PlanObjective& o = p.objective;
  auto share = [](const std::optional<Share>& s) { return s ? util::percent(s->value()) : std::string("none"); };
  out += "<h2>What the rota gives</h2><table>";
  auto row = [&](std::string_view what, const std::string& value) {
    out += fmt::format("<tr><td>{}</td><td>{}</td></tr>", esc(what), esc(value));
  };
  row("Lowest key-person coverage, under 2s", share(o.min_under_2_coverage));
  row("Lowest key-person coverage, everyone", share(o.min_coverage));
  row("Key-person minutes", std::to_string(o.key_person_minutes));
  row("Key-person-or-buddy minutes", std::to_string(o.key_or_buddy_minutes));
  row("Extra minutes (bank, overtime, no contract)", std::to_string(o.extra_minutes));
  row("Short of contracted minutes", std::to_string(o.shortfall_minutes));
  if (o.changed_minutes) row("Minutes changed from the current rota", std::to_string(*o.changed_minutes));
  row("Room changes", std::to_string(o.room_changes));
  out += "</table>";
}

void week(std::string& out, const Setting& s, const RotaPlan& p, bool redact) {
  const TimeWindow hours = s.opening;
  Date last{};
  for (const plan::RoomDayView& view : plan::room_days(s, p)) {
    if (view.date != last) out += fmt::format("<h2>{}</h2>", esc(format_day_label(view.date)));
    last = view.date;
    out += fmt::format("<h3>{}</h3>", esc(s.rooms[view.room].name));
    for (const auto& person : view.people) {
      out += fmt::format(R"(<div class="row"><span class="who">{}</span><div class="track">)",
                         esc(staff_label(s, person.staff, redact)));
      for (TimeWindow w : person.work) out += bar(w, hours, "work", true);
      for (TimeWindow b : person.breaks) out += bar(b, hours, "break", false);
      out += "</div>";
      std::string keys;
      for (const auto& k : person.key_children)
        keys += fmt::format("{}{} {}", keys.empty() ? "" : ", ", child_label(s, k.child, redact),
                            util::percent(static_cast<double>(k.with) / static_cast<double>(k.attended)));
      if (!keys.empty()) out += fmt::format(R"(<span class="keys">key children: {}</span>)", esc(keys));
      out += "</div>";
    }
    out += fmt::format(R"(<div class="axis"><span>{}</span><span>{}</span></div>)", format_clock_time(hours.start),
                       format_clock_time(hours.end));
  }
}

}  // namespace

std::string render_plan_html(const Setting& s, const RotaPlan& p, bool redact) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">";
  out += fmt::format("<title>{}</title><style>{}</style></head><body>", esc("Rota: " + s.name), kStyle);
  out += fmt::format("<h1>{}</h1>", esc(fmt::format("{}: rota for {} to {}", s.name, format_day_label(s.period.from),
                                                     format_day_label(s.period.to))));
  status(out, p);
  if (p.status == PlanStatus::optimal || p.status == PlanStatus::feasible) {
    objective(out, p);
    week(out, s, p, redact);
    out += "<h2>Staff</h2><table><tr><th>who</th><th>minutes</th><th>contract</th><th>days</th></tr>";
    for (const PlannedStaff& st : p.staff)
      out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>", esc(staff_label(s, st.staff, redact)),
                         st.planned_minutes, st.contracted_minutes ? std::to_string(*st.contracted_minutes) : "-", st.days);
    out += "</table>";
  }
  if (!p.notes.empty()) {
    out += "<h2>Notes</h2><ul>";
    for (const std::string& n : p.notes) out += "<li>" + esc(n) + "</li>";
    out += "</ul>";
  }
  out += "</body></html>\n";
  return out;
}

}  // namespace attune
