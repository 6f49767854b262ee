// The catalog seen from the model: rule ids as data. Finding order, loaders (profiles,
// overrides.csv, checklists), --only and the renderers look rules up here; the list
// itself is the registry (lib/src/rules/registry.cpp, rule_catalog()).

#include "attune/rule_catalog.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <unordered_map>

#include <fmt/format.h>

#include "../util/text.hpp"

namespace attune {

const RuleInfo* find_rule(std::string_view id) {
  const auto same = [](std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
             return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
  };
  for (const RuleInfo& info : rule_catalog()) {
    if (info.id == id) return &info;  // the usual case: the id as the registry spells it
  }
  for (const RuleInfo& info : rule_catalog()) {
    if (same(info.id, id)) return &info;
  }
  return nullptr;
}

int rule_order(std::string_view id) {
  // The renderers and the sort ask for every finding's: an index of the catalog, made
  // once (the catalog never changes), instead of a search each time.
  static const std::unordered_map<std::string_view, int> order = [] {
    std::unordered_map<std::string_view, int> out;
    const auto all = rule_catalog();
    for (std::size_t i = 0; i < all.size(); ++i) out.emplace(all[i].id, static_cast<int>(i));
    return out;
  }();
  const auto it = order.find(id);
  return it != order.end() ? it->second : static_cast<int>(order.size());
}

namespace {
std::vector<std::string> all_ids() {
  std::vector<std::string> ids;
  for (const RuleInfo& info : rule_catalog()) ids.emplace_back(info.id);
  return ids;
}
}  // namespace

std::vector<std::string> similar_rule_ids(std::string_view id) { return util::closest(id, all_ids(), 3); }

std::string unknown_rule_message(std::string_view id) {
  return fmt::format("unknown rule {}{}", util::quoted(id), util::did_you_mean(id, all_ids()));
}

std::vector<std::string> rule_numbers(std::string_view rule, const RuleProfile& profile,
                                      const ContinuityPolicy& policy) {
  const RuleInfo* info = find_rule(rule);
  if (info == nullptr || info->numbers == nullptr) return {};
  return info->numbers(profile, policy);
}

std::string_view rule_family_id(RuleFamily family) {
  return family == RuleFamily::statutory ? "statutory" : "continuity";
}

std::string_view rule_scope_id(RuleScope scope) {
  switch (scope) {
    case RuleScope::premises: return "premises";
    case RuleScope::room: return "room";
    case RuleScope::child: return "child";
    case RuleScope::staff: return "staff";
  }
  return "room";
}

}  // namespace attune
