// The catalog seen from the model: rule ids as data. Finding order, loaders (profiles,
// overrides.csv, checklists), --only and the renderers look rules up here; the list
// itself is the registry (lib/src/rules/registry.cpp, rule_catalog()).

#include "attune/rule_catalog.hpp"

#include <algorithm>
#include <cctype>
#include <string>

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
  // The renderers ask for every finding's, in order, so the same rule many times running:
  // the last answer is kept (per thread) instead of searching the catalog again.
  thread_local std::string last_id;
  thread_local int last_order = -1;
  if (last_order >= 0 && id == last_id) return last_order;
  const auto all = rule_catalog();
  int order = static_cast<int>(all.size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (all[i].id == id) {
      order = static_cast<int>(i);
      break;
    }
  }
  last_id = std::string(id);
  last_order = order;
  return order;
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
