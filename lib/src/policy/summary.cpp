// The inspector's summary: answers scored per section, gaps, overdue reviews, and for items
// the rota can evidence, whether it supports or contradicts the answer.

#include <algorithm>

#include <fmt/format.h>

#include "attune/policy_checklist.hpp"
#include "evidence.hpp"
#include "examined.hpp"

namespace attune {

std::string_view answer_status_id(AnswerStatus status) {
  switch (status) {
    case AnswerStatus::met: return "met";
    case AnswerStatus::partly: return "partly";
    case AnswerStatus::not_met: return "not_met";
    case AnswerStatus::not_applicable: return "not_applicable";
  }
  return "met";
}

std::string_view roster_evidence_id(RosterEvidence evidence) {
  switch (evidence) {
    case RosterEvidence::none: return "none";
    case RosterEvidence::supported: return "supported";
    case RosterEvidence::contradicted: return "contradicted";
    case RosterEvidence::findings: return "findings";
    case RosterEvidence::no_data: return "no_data";
  }
  return "none";
}

const ChecklistItem* Checklist::find(std::string_view item) const {
  for (const auto& s : sections)
    for (const auto& i : s.items)
      if (i.id == item) return &i;
  return nullptr;
}

const PolicyAnswer* PolicyAnswers::find(std::string_view item) const {
  for (const auto& a : answers)
    if (a.item == item) return &a;
  return nullptr;
}

std::optional<double> StatusCounts::score() const {
  const int applicable = met + partly + not_met + unanswered;
  if (applicable == 0) return std::nullopt;
  return (met + 0.5 * partly) / applicable;
}

std::optional<double> StatusCounts::score_with_rosters() const {
  const int applicable = met + partly + not_met + unanswered;
  if (applicable == 0) return std::nullopt;
  return (met - contradicted + 0.5 * (partly + contradicted)) / applicable;
}

void StatusCounts::add(const PolicyAnswer* answer) {
  if (answer == nullptr) {
    ++unanswered;
    return;
  }
  switch (answer->status) {
    case AnswerStatus::met: ++met; break;
    case AnswerStatus::partly: ++partly; break;
    case AnswerStatus::not_met: ++not_met; break;
    case AnswerStatus::not_applicable: ++not_applicable; break;
  }
}

std::size_t PolicySummary::overdue() const {
  std::size_t n = 0;
  for (const auto& s : sections)
    for (const auto& i : s.items) n += i.review_overdue ? 1 : 0;
  return n;
}

std::size_t PolicySummary::contradicted() const {
  std::size_t n = 0;
  for (const auto& s : sections)
    for (const auto& i : s.items) n += i.roster == RosterEvidence::contradicted ? 1 : 0;
  return n;
}

namespace {

/// True if the check said it could not evaluate `rule` (an info finding "not evaluated").
bool not_evaluated(const CheckResult& r, std::string_view rule) {
  return std::any_of(r.findings.begin(), r.findings.end(), [&](const Finding& f) {
    return f.rule == rule && f.severity == Severity::info && f.message.rfind("not evaluated", 0) == 0;
  });
}

void judge_rosters(ItemSummary& s, const SettingReport* rosters, bool redact) {
  if (s.item->roster_rules.empty()) return;
  if (rosters == nullptr) {
    s.roster = RosterEvidence::no_data;
    s.no_data_reason = "no rosters were checked";
    return;
  }
  bool examined = false;
  std::vector<std::string> why_not;
  for (const auto& rule : s.item->roster_rules) {
    if (not_evaluated(rosters->result, rule)) {
      why_not.push_back(fmt::format("{} could not be evaluated", rule));
      continue;
    }
    std::vector<const Finding*> found;
    for (const Finding& f : rosters->result.findings) {
      if (f.rule == rule && f.severity != Severity::info) found.push_back(&f);
    }
    s.findings += found.size();
    if (!found.empty()) s.detail.push_back(policy::describe_findings(rule, found, *rosters, redact));
    // No finding proves nothing when there was nothing to find.
    const std::string nothing = found.empty() ? policy::nothing_to_examine(rule, *rosters) : std::string{};
    if (nothing.empty()) examined = true;
    else if (std::find(why_not.begin(), why_not.end(), nothing) == why_not.end()) why_not.push_back(nothing);
  }
  if (!examined) {
    s.roster = RosterEvidence::no_data;
    s.no_data_reason = fmt::format("{}", fmt::join(why_not, "; "));
  } else if (s.findings == 0) {
    s.roster = RosterEvidence::supported;
  }
  else if (s.answer != nullptr && s.answer->status == AnswerStatus::met) s.roster = RosterEvidence::contradicted;
  else s.roster = RosterEvidence::findings;
}

}  // namespace

PolicySummary summarise_policy(const Checklist& checklist, const PolicyAnswers* answers,
                               const SettingReport* rosters, Date as_of, bool redact) {
  PolicySummary summary;
  summary.checklist = &checklist;
  summary.as_of = as_of;
  summary.have_answers = answers != nullptr;
  summary.have_rosters = rosters != nullptr;
  // A review is overdue when it is more than 12 months old: before as_of less one year.
  const std::chrono::year_month_day today{as_of};
  const std::chrono::year_month_day year_ago{today.year() - std::chrono::years{1}, today.month(), today.day()};
  // 29 February less a year is 28 February.
  const Date cutoff = year_ago.ok() ? Date{year_ago}
                                    : Date{std::chrono::year_month_day_last{year_ago.year(),
                                                                            std::chrono::month_day_last{today.month()}}};
  for (const auto& section : checklist.sections) {
    SectionSummary ss;
    ss.section = &section;
    for (const auto& item : section.items) {
      ItemSummary is;
      is.item = &item;
      is.answer = answers != nullptr ? answers->find(item.id) : nullptr;
      is.review_overdue = is.answer != nullptr && is.answer->last_reviewed && *is.answer->last_reviewed < cutoff;
      judge_rosters(is, rosters, redact);
      ss.counts.add(is.answer);
      summary.counts.add(is.answer);
      if (is.roster == RosterEvidence::contradicted) ++ss.counts.contradicted, ++summary.counts.contradicted;
      ss.items.push_back(std::move(is));
    }
    summary.sections.push_back(std::move(ss));
  }
  return summary;
}

namespace {

/// `text` as comment lines of at most 88 characters, indented as the answers are.
std::string comment_block(const std::string& text) {
  std::string out, line;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(start, end - start);
    if (!line.empty() && line.size() + 1 + word.size() > 84) {
      out += "  # " + line + "\n";
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
    start = end + 1;
  }
  if (!line.empty()) out += "  # " + line + "\n";
  return out;
}

}  // namespace

std::string policy_answers_template(const Checklist& c) {
  std::string out = fmt::format(
      "# Answers to the checklist \"{}\" ({}, version {}).\n"
      "# For each item: status is met, partly, not_met or not_applicable; evidence says where\n"
      "# the practice can be seen; last_reviewed is the date the answer was last checked.\n"
      "# Leave an item out (or its status empty) while it is unanswered.\n"
      "# Name this file in setting.toml: [data] policy = \"policy.yaml\".\n\nanswers:\n",
      c.title, c.id, c.version);
  for (const auto& section : c.sections) {
    out += fmt::format("\n  # {}\n", section.title);
    for (const auto& item : section.items) {
      out += fmt::format("\n  # {}: {}\n  # {}\n", item.id, item.title, item.question);
      if (!item.guidance.empty()) out += comment_block("Good practice: " + item.guidance);
      if (!item.evidence.empty()) out += comment_block("Evidence an inspector looks for: " + item.evidence);
      if (!item.roster_rules.empty())
        out += fmt::format("  # The rosters can evidence this: {}\n", fmt::join(item.roster_rules, ", "));
      out += fmt::format("  {}:\n    status:\n    evidence: \"\"\n    notes: \"\"\n    last_reviewed:\n", item.id);
    }
  }
  return out;
}

}  // namespace attune
