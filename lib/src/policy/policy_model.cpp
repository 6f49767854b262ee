#include "policy_model.hpp"

#include <fmt/format.h>
#include "../util/text.hpp"

namespace attune::policy {
namespace {

using Json = nlohmann::ordered_json;

Json score_json(const StatusCounts& c) {
  const auto score = c.score();
  return score ? Json(*score) : Json(nullptr);
}

std::string score_text(const StatusCounts& c) {
  const auto score = c.score();
  return score ? util::percent(*score) : "n/a";
}

void add_counts(Json& j, const StatusCounts& c) {
  j["met"] = c.met;
  j["partly"] = c.partly;
  j["not_met"] = c.not_met;
  j["not_applicable"] = c.not_applicable;
  j["unanswered"] = c.unanswered;
  j["score"] = score_json(c);
  j["score_text"] = score_text(c);
  j["contradicted"] = c.contradicted;
  const auto with_rosters = c.score_with_rosters();
  j["score_with_rosters"] = with_rosters ? Json(*with_rosters) : Json(nullptr);
  j["score_with_rosters_text"] = with_rosters ? util::percent(*with_rosters) : "n/a";
  j["score_note"] = c.contradicted == 0 ? std::string()
                                        : fmt::format("{} contradicted by the rosters: {} counting {} as partly met",
                                                      c.contradicted, with_rosters ? util::percent(*with_rosters) : "n/a",
                                                      c.contradicted == 1 ? "it" : "them");
}

Json item_json(const ItemSummary& s) {
  Json j;
  j["id"] = s.item->id;
  j["title"] = s.item->title;
  j["question"] = s.item->question;
  j["status"] = s.answer != nullptr ? Json(std::string(answer_status_id(s.answer->status))) : Json(nullptr);
  j["status_text"] = std::string(status_words(s.answer));
  j["evidence"] = s.answer != nullptr ? s.answer->evidence : "";
  j["notes"] = s.answer != nullptr ? s.answer->notes : "";
  j["last_reviewed"] = s.answer != nullptr && s.answer->last_reviewed ? Json(format_iso_date(*s.answer->last_reviewed))
                                                                       : Json(nullptr);
  j["review_overdue"] = s.review_overdue;
  Json roster;
  roster["state"] = std::string(roster_evidence_id(s.roster));
  roster["rules"] = s.item->roster_rules;
  roster["findings"] = s.findings;
  roster["detail"] = s.detail;
  roster["no_data_reason"] = s.no_data_reason;
  j["roster"] = std::move(roster);
  j["guidance"] = s.item->guidance;
  j["sources"] = s.item->sources;
  return j;
}

}  // namespace

std::string evidence_words(const ItemSummary& s) {
  switch (s.roster) {
    case RosterEvidence::supported: return "supported (no findings)";
    case RosterEvidence::contradicted: return "contradicted";
    case RosterEvidence::findings: return "findings";
    case RosterEvidence::no_data: return s.no_data_reason.empty() ? "no data in this period" : "no data: " + s.no_data_reason;
    case RosterEvidence::none: return "";
  }
  return "";
}

std::string_view status_words(const PolicyAnswer* answer) {
  if (answer == nullptr) return "unanswered";
  switch (answer->status) {
    case AnswerStatus::met: return "met";
    case AnswerStatus::partly: return "partly met";
    case AnswerStatus::not_met: return "not met";
    case AnswerStatus::not_applicable: return "not applicable";
  }
  return "";
}

nlohmann::ordered_json policy_model(const PolicySummary& summary, const PolicyContext& context) {
  const Checklist& c = *summary.checklist;
  Json j;
  j["schema"] = "attune.policy/1";
  j["tool"] = Json{{"name", "attune"}, {"version", std::string(version())}};
  j["checklist"] = Json{{"id", c.id}, {"title", c.title}, {"version", c.version}, {"description", c.description}};
  if (context.setting != nullptr) {
    const Setting& s = *context.setting;
    j["setting"] = Json{{"name", s.name}, {"urn", s.urn.empty() ? Json(nullptr) : Json(s.urn)},
                        {"path", s.path.lexically_normal().string()}};
  } else {
    j["setting"] = nullptr;
  }
  j["as_of"] = format_iso_date(summary.as_of);
  j["period"] = context.period != nullptr
                    ? Json{{"from", format_iso_date(context.period->from)}, {"to", format_iso_date(context.period->to)}}
                    : Json(nullptr);
  j["answered"] = summary.have_answers;
  j["rosters"] = summary.have_rosters;
  Json totals;
  totals["items"] = summary.counts.met + summary.counts.partly + summary.counts.not_met +
                    summary.counts.not_applicable + summary.counts.unanswered;
  add_counts(totals, summary.counts);
  totals["overdue"] = summary.overdue();
  totals["contradicted"] = summary.contradicted();
  j["summary"] = std::move(totals);

  Json sections = Json::array(), gaps = Json::array(), overdue = Json::array(), contradicted = Json::array(),
       evidence = Json::array();
  for (const SectionSummary& ss : summary.sections) {
    Json s;
    s["id"] = ss.section->id;
    s["title"] = ss.section->title;
    add_counts(s, ss.counts);
    Json items = Json::array();
    for (const ItemSummary& is : ss.items) {
      items.push_back(item_json(is));
      const bool gap = is.answer == nullptr || is.answer->status == AnswerStatus::partly ||
                       is.answer->status == AnswerStatus::not_met;
      if (gap)
        gaps.push_back(Json{{"id", is.item->id}, {"title", is.item->title}, {"section", ss.section->title},
                            {"status_text", std::string(status_words(is.answer))}, {"next_step", is.item->guidance}});
      if (is.review_overdue)
        overdue.push_back(Json{{"id", is.item->id}, {"title", is.item->title},
                               {"last_reviewed", format_iso_date(*is.answer->last_reviewed)}});
      if (is.roster == RosterEvidence::contradicted)
        contradicted.push_back(Json{{"id", is.item->id}, {"title", is.item->title}, {"rules", is.item->roster_rules},
                                    {"findings", is.findings}, {"detail", is.detail},
                                    {"evidence", is.answer != nullptr ? is.answer->evidence : std::string()}});
      if (is.roster != RosterEvidence::none)
        evidence.push_back(Json{{"id", is.item->id}, {"title", is.item->title},
                                {"status_text", std::string(status_words(is.answer))},
                                {"state", std::string(roster_evidence_id(is.roster))},
                                {"state_text", std::string(evidence_words(is))},
                                {"rules", fmt::format("{}", fmt::join(is.item->roster_rules, ", "))},
                                {"detail", is.detail}});
    }
    s["items"] = std::move(items);
    sections.push_back(std::move(s));
  }
  j["sections"] = std::move(sections);
  j["gaps"] = gaps;
  j["overdue"] = overdue;
  j["contradicted"] = contradicted;
  j["roster_evidence"] = evidence;
  j["has_gaps"] = !gaps.empty();
  j["has_overdue"] = !overdue.empty();
  j["has_contradicted"] = !contradicted.empty();
  j["has_roster_evidence"] = !evidence.empty();
  return j;
}

}  // namespace attune::policy
