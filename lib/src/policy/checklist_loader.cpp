// templates/checklists/*.yaml and policy.yaml -> Checklist and PolicyAnswers, with every
// problem reported at its place.

#include <algorithm>
#include <set>
#include <system_error>

#include <fmt/format.h>

#include "../io/config_reader.hpp"
#include "../io/record_table.hpp"
#include "../util/text.hpp"
#include "attune/policy_checklist.hpp"
#include "attune/rule_catalog.hpp"

namespace attune {
namespace {

/// YAML's folded and literal blocks end in a newline; texts are kept without it.
std::string trimmed(std::optional<std::string> text) {
  std::string s = text.value_or("");
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ' || s.back() == '\r')) s.pop_back();
  return s;
}

std::vector<std::string> text_list(const io::ConfigReader& r, const io::ConfigNode& parent, std::string_view key) {
  std::vector<std::string> out;
  const io::ConfigNode* list = r.list(parent, key);
  if (list == nullptr) return out;
  for (const auto& item : list->children) {
    if (!item.is_scalar() || item.text.empty()) r.error(item, fmt::format("each of {} is a piece of text", key));
    else out.push_back(item.text);
  }
  return out;
}

void decode_item(const io::ConfigReader& r, const io::ConfigNode& node, std::set<std::string>& ids,
                 ChecklistSection& section) {
  if (!node.is_map()) {
    r.error(node, "an item is a map with id, title, question, guidance, evidence, sources");
    return;
  }
  r.check_keys(node, {"id", "title", "question", "guidance", "evidence", "sources", "roster_rules"}, "an item");
  ChecklistItem item;
  item.id = r.text(node, "id", true).value_or("");
  item.title = trimmed(r.text(node, "title", true));
  item.question = trimmed(r.text(node, "question", true));
  item.guidance = trimmed(r.text(node, "guidance", false));
  item.evidence = trimmed(r.text(node, "evidence", false));
  item.sources = text_list(r, node, "sources");
  if (const io::ConfigNode* rules = r.list(node, "roster_rules")) {
    for (const auto& rule : rules->children) {
      const RuleInfo* info = find_rule(rule.text);
      if (info == nullptr) {
        r.error(rule, unknown_rule_message(rule.text), "see `attune rules` for the rule ids");
      } else {
        item.roster_rules.emplace_back(info->id);
      }
    }
  }
  if (!item.id.empty() && !ids.insert(item.id).second)
    r.error(*node.find("id"), fmt::format("item id \"{}\" is used twice", item.id), "give each item its own id");
  section.items.push_back(std::move(item));
}

std::optional<Checklist> decode_checklist(const io::ConfigNode& root, const io::SourceLines& lines,
                                          Diagnostics& diagnostics) {
  Diagnostics local;
  const io::ConfigReader r(lines, local);
  r.check_keys(root, {"checklist", "sections"}, "a checklist");
  Checklist c;
  if (const io::ConfigNode* head = r.map(root, "checklist")) {
    r.check_keys(*head, {"id", "title", "version", "description"}, "checklist");
    c.id = r.text(*head, "id", true).value_or("");
    c.title = r.text(*head, "title", true).value_or("");
    c.description = trimmed(r.text(*head, "description", false));
    c.version = static_cast<int>(r.integer(*head, "version", 1, 1000).value_or(1));
  } else {
    r.error(root, "missing the checklist: section", "start with checklist: { id: ..., title: ... }");
  }
  std::set<std::string> section_ids, item_ids;
  if (const io::ConfigNode* sections = r.list(root, "sections")) {
    for (const auto& node : sections->children) {
      if (!node.is_map()) {
        r.error(node, "a section is a map with id, title and items");
        continue;
      }
      r.check_keys(node, {"id", "title", "items"}, "a section");
      ChecklistSection section;
      section.id = r.text(node, "id", true).value_or("");
      section.title = r.text(node, "title", true).value_or("");
      if (!section.id.empty() && !section_ids.insert(section.id).second)
        r.error(*node.find("id"), fmt::format("section id \"{}\" is used twice", section.id));
      if (const io::ConfigNode* items = r.list(node, "items")) {
        for (const auto& item : items->children) decode_item(r, item, item_ids, section);
      }
      c.sections.push_back(std::move(section));
    }
  }
  if (c.sections.empty()) r.error(root, "the checklist has no sections", "add sections: with at least one item");
  const bool ok = !local.has_errors();
  diagnostics.merge(std::move(local));
  if (!ok) return std::nullopt;
  return c;
}

std::optional<AnswerStatus> parse_status(std::string_view text) {
  for (AnswerStatus s : {AnswerStatus::met, AnswerStatus::partly, AnswerStatus::not_met, AnswerStatus::not_applicable}) {
    if (answer_status_id(s) == text) return s;
  }
  return std::nullopt;
}

std::optional<PolicyAnswers> decode_answers(const io::ConfigNode& root, const io::SourceLines& lines,
                                            const std::vector<const Checklist*>& checklists, Diagnostics& diagnostics) {
  Diagnostics local;
  const io::ConfigReader r(lines, local);
  r.check_keys(root, {"answers"}, "a policy answers file");
  PolicyAnswers answers;
  const io::ConfigNode* map = r.map(root, "answers");
  if (map == nullptr) r.error(root, "missing answers:", "write answers: with one entry per checklist item id");
  std::vector<std::string> known;
  for (const Checklist* c : checklists)
    for (const auto& s : c->sections)
      for (const auto& i : s.items) known.push_back(i.id);
  std::set<std::string> seen;
  for (const auto& node : map != nullptr ? map->children : std::vector<io::ConfigNode>{}) {
    if (std::find(known.begin(), known.end(), node.key) == known.end()) {
      r.key_error(node, fmt::format("unknown checklist item \"{}\"{}", node.key, util::did_you_mean(node.key, known)),
              "answer the items of the checklist (`attune policy template` writes them all)");
      continue;
    }
    if (!seen.insert(node.key).second) {
      r.key_error(node, fmt::format("item \"{}\" is answered twice", node.key));
      continue;
    }
    if (!node.is_map()) {
      r.error(node, "an answer is a map: { status: met, evidence: ..., last_reviewed: 2026-03-01 }");
      continue;
    }
    r.check_keys(node, {"status", "evidence", "notes", "last_reviewed"}, fmt::format("the answer to {}", node.key));
    PolicyAnswer a;
    a.item = node.key;
    const auto status_text = r.text(node, "status", false);
    if (!status_text || status_text->empty()) continue;  // not answered yet
    {
      const auto status = parse_status(*status_text);
      if (!status) {
        r.error(*node.find("status"), fmt::format("unknown status {}", util::quoted(*status_text)),
                "use met, partly, not_met or not_applicable");
        continue;
      }
      a.status = *status;
    }
    a.evidence = trimmed(r.text(node, "evidence", false));
    a.notes = trimmed(r.text(node, "notes", false));
    if (const io::ConfigNode* date = node.find("last_reviewed"); date != nullptr && !date->text.empty())
      a.last_reviewed = r.date(node, "last_reviewed", false);
    answers.answers.push_back(std::move(a));
  }
  const bool ok = !local.has_errors();
  diagnostics.merge(std::move(local));
  if (!ok) return std::nullopt;
  return answers;
}

}  // namespace

std::optional<Checklist> load_checklist_text(std::string_view yaml, const std::string& display,
                                             Diagnostics& diagnostics) {
  const auto root = io::parse_yaml(yaml, display, diagnostics);
  if (!root) return std::nullopt;
  return decode_checklist(*root, io::SourceLines(yaml), diagnostics);
}

std::optional<Checklist> load_checklist(const std::filesystem::path& file, Diagnostics& diagnostics) {
  const std::string display = file.lexically_normal().string();
  const auto text = io::read_file(file.string(), display, diagnostics);
  if (!text) return std::nullopt;
  auto c = load_checklist_text(*text, display, diagnostics);
  if (c) c->path = file;
  return c;
}

std::optional<PolicyAnswers> load_policy_answers_text(std::string_view yaml, const std::string& display,
                                                      const std::vector<const Checklist*>& checklists,
                                                      Diagnostics& diagnostics) {
  const auto root = io::parse_yaml(yaml, display, diagnostics);
  if (!root) return std::nullopt;
  return decode_answers(*root, io::SourceLines(yaml), checklists, diagnostics);
}

std::optional<PolicyAnswers> load_policy_answers(const std::filesystem::path& file,
                                                 const std::vector<const Checklist*>& checklists,
                                                 Diagnostics& diagnostics) {
  const std::string display = file.lexically_normal().string();
  const auto text = io::read_file(file.string(), display, diagnostics);
  if (!text) return std::nullopt;
  auto a = load_policy_answers_text(*text, display, checklists, diagnostics);
  if (a) a->path = file;
  return a;
}

std::filesystem::path find_checklist(std::string_view name, const std::vector<std::filesystem::path>& data_dirs) {
  std::error_code ec;
  const std::filesystem::path as_path(name);
  if (name.find('/') != std::string_view::npos || as_path.extension() == ".yaml")
    return std::filesystem::exists(as_path, ec) ? as_path : std::filesystem::path{};
  for (const auto& dir : data_dirs) {
    const auto candidate = dir / "checklists" / (std::string(name) + ".yaml");
    if (std::filesystem::exists(candidate, ec)) return candidate;
  }
  return {};
}

std::vector<std::string> list_checklists(const std::vector<std::filesystem::path>& data_dirs) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& dir : data_dirs) {
    for (std::filesystem::directory_iterator it(dir / "checklists", ec), end; !ec && it != end; it.increment(ec)) {
      if (it->path().extension() != ".yaml") continue;
      const auto stem = it->path().stem().string();
      if (std::find(names.begin(), names.end(), stem) == names.end()) names.push_back(stem);
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace attune
