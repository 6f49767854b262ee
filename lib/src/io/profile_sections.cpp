// The number sections of a profile ([ratios], [staff], [rules.ID]) onto a RuleProfile.
// The same decoders read the profile's first version, where the ratios are required,
// and each [[versions]] entry, which changes only the keys it gives.

#include "profile_sections.hpp"

#include <fmt/format.h>

#include "../model/names.hpp"
#include "../util/text.hpp"
#include "attune/rule_catalog.hpp"

namespace attune::io {
namespace {

std::vector<std::string> band_ids(const RuleProfile& p) {
  std::vector<std::string> ids;
  for (const auto& b : p.bands) ids.push_back(b.id);
  return ids;
}

/// The band `node` names, reported where it is not one of the profile's.
std::optional<std::uint8_t> band_named(const ConfigReader& r, const ConfigNode& node, const RuleProfile& p) {
  const int b = p.band_index(node.text);
  if (b >= 0) return static_cast<std::uint8_t>(b);
  r.error(node, fmt::format("unknown band {}{}", util::quoted(node.text), util::did_you_mean(node.text, band_ids(p))),
          fmt::format("the profile's bands are: {}", util::join(band_ids(p))));
  return std::nullopt;
}

void decode_graduate(const ConfigReader& r, const ConfigNode& node, RuleProfile& p) {
  std::vector<std::string> keys{"children_per_adult", "band", "qualifications", "needs_other_level3", "hours"};
  keys.emplace_back("age_3_plus");  // the first profiles' spelling: band age_3_plus
  r.check_keys(node, keys, "[ratios.graduate]");
  if (const ConfigNode* band = node.find("band")) {
    if (auto b = band_named(r, *band, p)) p.graduate_band = *b;
  } else if (node.find("age_3_plus") != nullptr) {
    const int b = p.band_index("age_3_plus");
    if (b < 0) r.error(*node.find("age_3_plus"), "the profile has no band age_3_plus", "write band = \"...\" and children_per_adult");
    else p.graduate_band = static_cast<std::uint8_t>(b);
  }
  for (const char* key : {"children_per_adult", "age_3_plus"}) {
    if (auto v = r.integer(node, key, 1, 100)) p.graduate_children_per_adult = static_cast<int>(*v);
  }
  if (const ConfigNode* list = r.list(node, "qualifications")) {
    p.graduate_qualifications.clear();
    for (const auto& item : list->children) {
      if (auto q = parse_qualification(item.text)) p.graduate_qualifications.push_back(*q);
      else r.error(item, fmt::format("unknown qualification {}", util::quoted(item.text)),
                   fmt::format("use one of: {}", detail::qualification_choices()));
    }
  }
  p.graduate_needs_other_level3 = r.boolean(node, "needs_other_level3").value_or(p.graduate_needs_other_level3);
  if (const ConfigNode* hours = node.find("hours")) p.graduate_hours = r.window(*hours, "from", "to");
}

void decode_short_session(const ConfigReader& r, const ConfigNode& node, RuleProfile& p) {
  r.check_keys(node, {"band", "under_minutes", "children_per_adult"}, "[ratios.short_session]");
  ShortSessionRatio s = p.short_session.value_or(ShortSessionRatio{});
  if (const ConfigNode* band = node.find("band")) {
    if (auto b = band_named(r, *band, p)) s.band = *b;
  } else if (!p.short_session) {
    r.error(node, "[ratios.short_session] needs band", "name the band the ratio is for");
  }
  if (auto v = r.integer(node, "under_minutes", 1, kMinutesPerDay)) s.under_minutes = static_cast<int>(*v);
  if (auto v = r.integer(node, "children_per_adult", 1, 100)) s.children_per_adult = static_cast<int>(*v);
  if (s.under_minutes == 0 || s.children_per_adult == 0)
    r.error(node, "[ratios.short_session] needs under_minutes and children_per_adult");
  p.short_session = s;
}

void decode_windows(const ConfigReader& r, const ConfigNode& list, RuleProfile& p) {
  p.windows.clear();
  for (const ConfigNode& node : list.children) {
    if (!node.is_map()) {
      r.error(node, "a ratio window is a table", "write [[ratios.windows]] with children_per_adult and bands");
      continue;
    }
    r.check_keys(node, {"after_opening_minutes", "before_closing_minutes", "children_per_adult", "bands",
                        "min_children_present"},
                 "[[ratios.windows]]");
    RatioWindow w;
    w.after_opening_minutes = static_cast<int>(r.integer(node, "after_opening_minutes", 0, kMinutesPerDay).value_or(0));
    w.before_closing_minutes = static_cast<int>(r.integer(node, "before_closing_minutes", 0, kMinutesPerDay).value_or(0));
    w.min_children_present = static_cast<int>(r.integer(node, "min_children_present", 0, 100000).value_or(0));
    const auto ratio = r.integer(node, "children_per_adult", 1, 100);
    if (!ratio) r.error(node, "[[ratios.windows]] needs children_per_adult (1 to 100)");
    w.children_per_adult = static_cast<int>(ratio.value_or(1));
    if (const ConfigNode* bands = r.list(node, "bands")) {
      for (const ConfigNode& b : bands->children) {
        if (auto i = band_named(r, b, p)) w.bands.push_back(*i);
      }
    }
    if (w.bands.empty()) r.error(node, "[[ratios.windows]] needs bands", "list the bands the window's ratio is for");
    p.windows.push_back(std::move(w));
  }
}

}  // namespace

void decode_ratios(const ConfigReader& r, const ConfigNode& parent, RuleProfile& p, bool first) {
  const ConfigNode* node = r.map(parent, "ratios");
  if (node == nullptr) return;
  std::vector<std::string> keys = band_ids(p);
  for (const char* k : {"mixed_age_method", "graduate", "short_session", "windows"}) keys.emplace_back(k);
  r.check_keys(*node, keys, "[ratios]");
  for (std::size_t b = 0; b < p.bands.size(); ++b) {
    const auto v = r.integer(*node, p.bands[b].id, 1, 100);
    if (v) p.children_per_adult[b] = static_cast<int>(*v);
    else if (first && node->find(p.bands[b].id) == nullptr)
      r.error(*node, fmt::format("[ratios] needs {} (children per adult, 1 to 100)", p.bands[b].id));
  }
  if (auto v = r.text(*node, "mixed_age_method", false)) {
    if (auto m = detail::parse_mixed_age_method(*v)) p.mixed_age_method = *m;
    else r.error(*node->find("mixed_age_method"), fmt::format("unknown mixed_age_method {}", util::quoted(*v)),
                 fmt::format("use one of: {}", detail::mixed_age_method_choices()));
  }
  if (const ConfigNode* graduate = r.map(*node, "graduate")) decode_graduate(r, *graduate, p);
  if (const ConfigNode* s = r.map(*node, "short_session")) decode_short_session(r, *s, p);
  if (const ConfigNode* windows = r.list(*node, "windows")) decode_windows(r, *windows, p);
}

void decode_staff_rules(const ConfigReader& r, const ConfigNode& parent, RuleProfile& p) {
  const ConfigNode* node = r.map(parent, "staff");
  if (node == nullptr) return;
  r.check_keys(*node, {"minimum_age", "minimum_age_apprentice", "in_ratio_roles", "trainees_count_level_below",
                       "trainees_need_pfa", "trainees_need_pfa_to_count", "under_2_lead_needs_level3",
                       "level2_min_percent", "baby_training_min_percent", "pfa_counts_during_break"},
               "[staff]");
  p.minimum_age = static_cast<int>(r.integer(*node, "minimum_age", 0, 30).value_or(p.minimum_age));
  p.minimum_age_apprentice = static_cast<int>(
      r.integer(*node, "minimum_age_apprentice", 0, 30).value_or(p.minimum_age_apprentice));
  if (const ConfigNode* list = r.list(*node, "in_ratio_roles")) {
    p.in_ratio_roles.clear();
    for (const auto& item : list->children) {
      if (auto role = parse_role(item.text)) p.in_ratio_roles.push_back(*role);
      else r.error(item, fmt::format("unknown role {}", util::quoted(item.text)),
                   fmt::format("use one of: {}", detail::role_choices()));
    }
  }
  const auto flag = [&](const char* key, bool& value) { value = r.boolean(*node, key).value_or(value); };
  flag("trainees_count_level_below", p.trainees_count_level_below);
  flag("trainees_need_pfa", p.trainees_need_pfa);
  flag("trainees_need_pfa_to_count", p.trainees_need_pfa_to_count);
  flag("under_2_lead_needs_level3", p.under_2_lead_needs_level3);
  flag("pfa_counts_during_break", p.pfa_counts_during_break);
  p.level2_min_percent = static_cast<int>(r.integer(*node, "level2_min_percent", 0, 100).value_or(p.level2_min_percent));
  p.baby_training_min_percent = static_cast<int>(
      r.integer(*node, "baby_training_min_percent", 0, 100).value_or(p.baby_training_min_percent));
}

namespace {

/// One rule's own numbers (`[rules.ID] key = value`) as its RuleOption entries say.
void decode_options(const ConfigReader& r, const ConfigNode& entry, const RuleInfo& info, const RuleProfile& p,
                    RuleSettings& settings) {
  using Kind = RuleOption::Kind;
  for (const RuleOption& option : info.options) {
    const ConfigNode* node = entry.find(option.key);
    if (node == nullptr) continue;
    RuleOptionValue value = settings.options[std::string(option.key)];
    switch (option.kind) {
      case Kind::number:
        if (auto v = r.integer(entry, option.key, static_cast<long>(option.min), static_cast<long>(option.max)))
          value.number = *v;
        break;
      case Kind::band:
        if (!node->is_scalar()) r.error(*node, fmt::format("{} is the id of a band of the profile", option.key));
        else if (auto b = band_named(r, *node, p)) value.band = *b;
        break;
      case Kind::qualification:
        if (auto q = parse_qualification(node->text)) value.qualification = *q;
        else r.error(*node, fmt::format("unknown qualification {}", util::quoted(node->text)),
                     fmt::format("use one of: {}", detail::qualification_choices()));
        break;
      case Kind::by_band: {
        if (!node->is_map()) {
          r.error(*node, fmt::format("{} is a table of band = number", option.key),
                  fmt::format("e.g. {} = {{ {} = 12 }}", option.key, p.bands.back().id));
          break;
        }
        value.by_band.assign(p.bands.size(), 0);
        for (const ConfigNode& item : node->children) {
          ConfigNode key = item;
          key.text = item.key;
          const auto b = band_named(r, key, p);
          const auto v = r.integer(*node, item.key, static_cast<long>(option.min), static_cast<long>(option.max));
          if (b && v) value.by_band[*b] = *v;
        }
        break;
      }
    }
    settings.options[std::string(option.key)] = std::move(value);
  }
}

}  // namespace

void decode_rules(const ConfigReader& r, const ConfigNode& parent, RuleProfile& p) {
  const ConfigNode* node = r.map(parent, "rules");
  if (node == nullptr) return;
  for (const auto& entry : node->children) {
    const RuleInfo* info = find_rule(entry.key);
    if (info == nullptr) {
      r.key_error(entry, unknown_rule_message(entry.key), "see `attune rules` for the rule ids");
      continue;
    }
    if (!entry.is_map()) {
      r.error(entry, "a rule's settings are a table", "write [rules.ID] with source, severity, enabled");
      continue;
    }
    std::vector<std::string> keys{"source", "severity", "enabled", "exceptions"};
    for (const RuleOption& option : info->options) keys.emplace_back(option.key);
    r.check_keys(entry, keys, fmt::format("[rules.{}]", info->id));
    RuleSettings& settings = p.rules[std::string(info->id)];
    if (auto v = r.text(entry, "source", false)) settings.source = *v;
    settings.enabled = r.boolean(entry, "enabled").value_or(true);
    if (auto v = r.text(entry, "severity", false)) {
      settings.severity = parse_severity(*v);
      if (!settings.severity)
        r.error(*entry.find("severity"), fmt::format("unknown severity {}", util::quoted(*v)),
                fmt::format("use one of: {}", detail::severity_choices()));
    }
    if (const ConfigNode* list = r.list(entry, "exceptions")) {
      settings.exceptions.emplace();
      for (const ConfigNode& item : list->children) {
        if (item.text == "siblings" || item.text == "own_child" || item.text == "continuity")
          settings.exceptions->push_back(item.text);
        else r.error(item, fmt::format("unknown exception category {}", util::quoted(item.text)),
                     "use siblings, own_child or continuity");
      }
    }
    decode_options(r, entry, *info, p, settings);
  }
}

}  // namespace attune::io
