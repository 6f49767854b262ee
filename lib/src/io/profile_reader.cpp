// templates/profiles/*.toml -> RuleProfile.

#include <fmt/format.h>

#include "../model/names.hpp"
#include "../util/text.hpp"
#include "attune/profile.hpp"
#include "attune/rule_catalog.hpp"
#include "config_reader.hpp"
#include "record_table.hpp"

namespace attune {
namespace {

void decode_ratios(const io::ConfigReader& r, const io::ConfigNode& root, RuleProfile& p) {
  const io::ConfigNode* node = r.map(root, "ratios");
  if (node == nullptr) {
    r.error(root, "missing the [ratios] section", "add [ratios] with under_2, age_2, age_3_plus");
    return;
  }
  r.check_keys(*node, {"under_2", "age_2", "age_3_plus", "mixed_age_method", "graduate"},
               "[ratios]");
  for (AgeBand band : kAgeBands) {
    const auto v = r.integer(*node, age_band_id(band), 1, 100);
    if (!v) r.error(*node, fmt::format("[ratios] needs {} (children per adult, 1 to 100)", age_band_id(band)));
    p.children_per_adult[static_cast<std::size_t>(band)] = static_cast<int>(v.value_or(1));
  }
  if (auto v = r.text(*node, "mixed_age_method", false)) {
    if (auto m = detail::parse_mixed_age_method(*v)) p.mixed_age_method = *m;
    else r.error(*node->find("mixed_age_method"), fmt::format("unknown mixed_age_method {}", util::quoted(*v)),
                 fmt::format("use one of: {}", detail::mixed_age_method_choices()));
  }
  const io::ConfigNode* graduate = r.map(*node, "graduate");
  if (graduate == nullptr) return;
  r.check_keys(*graduate, {"age_3_plus", "qualifications", "needs_other_level3", "hours"},
               "[ratios.graduate]");
  p.graduate_children_per_adult = static_cast<int>(r.integer(*graduate, "age_3_plus", 1, 100).value_or(0));
  if (const io::ConfigNode* list = r.list(*graduate, "qualifications")) {
    for (const auto& item : list->children) {
      if (auto q = parse_qualification(item.text)) p.graduate_qualifications.push_back(*q);
      else r.error(item, fmt::format("unknown qualification {}", util::quoted(item.text)),
                   fmt::format("use one of: {}", detail::qualification_choices()));
    }
  }
  p.graduate_needs_other_level3 = r.boolean(*graduate, "needs_other_level3").value_or(true);
  if (const io::ConfigNode* hours = graduate->find("hours")) p.graduate_hours = r.window(*hours, "from", "to");
}

void decode_staff_rules(const io::ConfigReader& r, const io::ConfigNode& root, RuleProfile& p) {
  const io::ConfigNode* node = r.map(root, "staff");
  if (node == nullptr) return;
  r.check_keys(*node, {"minimum_age", "minimum_age_apprentice", "in_ratio_roles",
                       "trainees_count_level_below", "trainees_need_pfa", "level2_min_percent",
                       "baby_training_min_percent", "pfa_counts_during_break"},
               "[staff]");
  p.minimum_age = static_cast<int>(r.integer(*node, "minimum_age", 14, 30).value_or(p.minimum_age));
  p.minimum_age_apprentice = static_cast<int>(
      r.integer(*node, "minimum_age_apprentice", 14, 30).value_or(p.minimum_age_apprentice));
  if (const io::ConfigNode* list = r.list(*node, "in_ratio_roles")) {
    p.in_ratio_roles.clear();
    for (const auto& item : list->children) {
      if (auto role = parse_role(item.text)) p.in_ratio_roles.push_back(*role);
      else r.error(item, fmt::format("unknown role {}", util::quoted(item.text)),
                   fmt::format("use one of: {}", detail::role_choices()));
    }
  }
  p.trainees_count_level_below = r.boolean(*node, "trainees_count_level_below").value_or(p.trainees_count_level_below);
  p.trainees_need_pfa = r.boolean(*node, "trainees_need_pfa").value_or(p.trainees_need_pfa);
  p.level2_min_percent = static_cast<int>(r.integer(*node, "level2_min_percent", 0, 100).value_or(p.level2_min_percent));
  p.baby_training_min_percent = static_cast<int>(
      r.integer(*node, "baby_training_min_percent", 0, 100).value_or(p.baby_training_min_percent));
  p.pfa_counts_during_break = r.boolean(*node, "pfa_counts_during_break").value_or(p.pfa_counts_during_break);
}

void decode_rules(const io::ConfigReader& r, const io::ConfigNode& root, RuleProfile& p) {
  const io::ConfigNode* node = r.map(root, "rules");
  if (node == nullptr) return;
  for (const auto& entry : node->children) {
    const RuleInfo* info = find_rule(entry.key);
    if (info == nullptr) {
      r.error(entry, unknown_rule_message(entry.key), "see `attune rules` for the rule ids");
      continue;
    }
    if (!entry.is_map()) {
      r.error(entry, "a rule's settings are a table", "write [rules.ID] with source, severity, enabled");
      continue;
    }
    r.check_keys(entry, {"source", "severity", "enabled"}, fmt::format("[rules.{}]", entry.key));
    RuleSettings settings;
    settings.source = r.text(entry, "source", false).value_or("");
    settings.enabled = r.boolean(entry, "enabled").value_or(true);
    if (auto v = r.text(entry, "severity", false)) {
      settings.severity = parse_severity(*v);
      if (!settings.severity)
        r.error(*entry.find("severity"), fmt::format("unknown severity {}", util::quoted(*v)),
                fmt::format("use one of: {}", detail::severity_choices()));
    }
    p.rules[std::string(info->id)] = std::move(settings);
  }
}

}  // namespace

std::optional<RuleProfile> load_profile(const std::filesystem::path& file, Diagnostics& diagnostics) {
  const std::string display = file.lexically_normal().string();
  Diagnostics local;
  auto text = io::read_file(file.string(), display, local);
  if (!text) {
    diagnostics.merge(std::move(local));
    return std::nullopt;
  }
  const auto root = io::parse_toml(*text, display, local);
  if (!root) {
    diagnostics.merge(std::move(local));
    return std::nullopt;
  }
  const io::SourceLines lines(*text);
  const io::ConfigReader r(lines, local);
  r.check_keys(*root, {"profile", "ratios", "staff", "rules"}, "a profile");
  RuleProfile p;
  p.path = file;
  p.in_ratio_roles = {Role::practitioner, Role::room_leader, Role::manager};
  if (const io::ConfigNode* header = r.map(*root, "profile")) {
    r.check_keys(*header, {"id", "title", "framework"}, "[profile]");
    p.id = r.text(*header, "id", true).value_or("");
    p.title = r.text(*header, "title", false).value_or(p.id);
    p.framework = r.text(*header, "framework", false).value_or("");
  } else {
    r.error(*root, "missing the [profile] section", "add [profile] with id, title and framework");
  }
  decode_ratios(r, *root, p);
  decode_staff_rules(r, *root, p);
  decode_rules(r, *root, p);
  const bool ok = !local.has_errors();
  diagnostics.merge(std::move(local));
  if (!ok) return std::nullopt;
  return p;
}

}  // namespace attune
