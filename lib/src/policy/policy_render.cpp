#include "attune/policy_render.hpp"

#include <fmt/format.h>

#include "../render/text_style.hpp"
#include "../report/mustache.hpp"
#include "policy_model.hpp"
#include "../util/text.hpp"

namespace attune {

std::string policy_json(const PolicySummary& summary, const PolicyContext& context) {
  auto model = policy::policy_model(summary, context);
  // The JSON keeps the data; the display helpers are for templates.
  for (auto key : {"has_gaps", "has_overdue", "has_contradicted", "has_roster_evidence"}) model.erase(key);
  return model.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::optional<std::string> policy_document(std::string_view template_text, const PolicySummary& summary,
                                           const PolicyContext& context, DocumentFormat format, std::string& error) {
  return report::render_mustache(template_text, policy::policy_model(summary, context), format, error);
}

std::string policy_text(const PolicySummary& summary, const PolicyContext& context, bool colour) {
  const TextStyle style(colour);
  const Checklist& c = *summary.checklist;
  std::string out = style.bold(c.title) + "\n";
  if (context.setting != nullptr) out += fmt::format("{}", context.setting->name);
  if (context.period != nullptr)
    out += fmt::format(" · rosters {} to {}", format_iso_date(context.period->from), format_iso_date(context.period->to));
  out += fmt::format(" · as of {}\n", format_iso_date(summary.as_of));
  const auto& t = summary.counts;
  out += fmt::format("{} met, {} partly, {} not met, {} not applicable, {} unanswered; score {}\n", t.met, t.partly,
                     t.not_met, t.not_applicable, t.unanswered,
                     t.score() ? util::percent(*t.score()) : "n/a");
  if (!summary.have_answers) out += style.severity(Severity::warning, "No answers file: every item is unanswered.") + "\n";
  if (context.period != nullptr && context.period->days() < 28)
    out += style.dim(fmt::format("The rosters cover {} days; a term's rosters (--from and --to) give stronger evidence.",
                                 context.period->days())) + "\n";

  out += "\n" + style.bold("By section") + "\n";
  for (const SectionSummary& s : summary.sections) {
    const auto score = s.counts.score();
    out += fmt::format("  {:>4}  {}  ({} met, {} partly, {} not met, {} unanswered)\n",
                       score ? util::percent(*score) : "n/a", s.section->title, s.counts.met,
                       s.counts.partly, s.counts.not_met, s.counts.unanswered);
    if (s.counts.contradicted > 0) {
      const auto with = s.counts.score_with_rosters();
      out += style.severity(Severity::error,
                            fmt::format("        {} contradicted by the rosters: {} counting {} as partly met",
                                        s.counts.contradicted, with ? util::percent(*with) : "n/a",
                                        s.counts.contradicted == 1 ? "it" : "them")) + "\n";
    }
  }
  bool heading = false;
  for (const SectionSummary& s : summary.sections) {
    for (const ItemSummary& i : s.items) {
      if (i.roster != RosterEvidence::contradicted) continue;
      if (!heading) out += "\n" + style.severity(Severity::error, "Answers the rosters contradict") + "\n";
      heading = true;
      out += fmt::format("  {} {}: answered met, but\n", i.item->id, i.item->title);
      for (const auto& d : i.detail) out += fmt::format("    - {}\n", d);
      // The claim beside what the rosters show.
      if (i.answer != nullptr && !i.answer->evidence.empty())
        out += fmt::format("    the setting's evidence: \"{}\"\n", i.answer->evidence);
    }
  }
  heading = false;
  for (const SectionSummary& s : summary.sections) {
    for (const ItemSummary& i : s.items) {
      const bool gap = i.answer == nullptr || i.answer->status == AnswerStatus::partly ||
                       i.answer->status == AnswerStatus::not_met;
      if (!gap) continue;
      if (!heading) out += "\n" + style.bold("Gaps, and next steps") + "\n";
      heading = true;
      out += fmt::format("  {} {} ({})\n", i.item->id, i.item->title, policy::status_words(i.answer));
      if (!i.item->guidance.empty()) out += fmt::format("    next: {}\n", i.item->guidance);
    }
  }
  heading = false;
  for (const SectionSummary& s : summary.sections) {
    for (const ItemSummary& i : s.items) {
      if (!i.review_overdue) continue;
      if (!heading) out += "\n" + style.severity(Severity::warning, "Reviews more than 12 months old") + "\n";
      heading = true;
      out += fmt::format("  {} {}: last reviewed {}\n", i.item->id, i.item->title,
                         format_iso_date(*i.answer->last_reviewed));
    }
  }
  heading = false;
  for (const SectionSummary& s : summary.sections) {
    for (const ItemSummary& i : s.items) {
      if (i.roster == RosterEvidence::none || i.roster == RosterEvidence::contradicted) continue;
      if (!heading) out += "\n" + style.bold("Roster evidence for the other items") + "\n";
      heading = true;
      out += fmt::format("  {} {}: {}{}\n", i.item->id, i.item->title, policy::evidence_words(i),
                         i.detail.empty() ? "" : fmt::format(": {}", fmt::join(i.detail, "; ")));
    }
  }
  return out;
}

}  // namespace attune
