#include "attune/profile.hpp"

#include <algorithm>
#include <system_error>

#include "attune/rule_catalog.hpp"
#include "enum_names.hpp"
#include "names.hpp"

namespace attune {

namespace detail {
constexpr auto kMixedAgeNames = make_enum_names<MixedAgeMethod>(
    std::pair{MixedAgeMethod::fractional, "fractional"},
    std::pair{MixedAgeMethod::per_band, "per_band"}, std::pair{MixedAgeMethod::youngest, "youngest"},
    std::pair{MixedAgeMethod::most_common, "most_common"});
std::string mixed_age_method_choices() { return kMixedAgeNames.choices(); }
std::optional<MixedAgeMethod> parse_mixed_age_method(std::string_view text) {
  return kMixedAgeNames.parse(text);
}
}  // namespace detail

std::string_view mixed_age_method_id(MixedAgeMethod method) {
  return detail::kMixedAgeNames.name(method);
}

std::string_view provision_kind_id(ProvisionKind kind) {
  return kind == ProvisionKind::childminder ? "childminder" : "group";
}

std::optional<ProvisionKind> parse_provision_kind(std::string_view text) {
  if (text == "group") return ProvisionKind::group;
  if (text == "childminder") return ProvisionKind::childminder;
  return std::nullopt;
}

const RuleProfile& RuleProfile::on(Date date) const {
  const RuleProfile* in_force = this;
  for (const RuleProfile& v : versions) {
    if (v.effective_from && *v.effective_from <= date) in_force = &v;
  }
  return *in_force;
}

bool RuleProfile::rule_enabled(std::string_view rule) const {
  const auto it = rules.find(rule);
  if (it != rules.end()) return it->second.enabled;
  const RuleInfo* info = find_rule(rule);
  return info == nullptr || info->enabled_by_default;
}

bool RuleProfile::rule_enabled_between(std::string_view rule, Date from, Date to) const {
  if (on(from).rule_enabled(rule)) return true;
  for (const RuleProfile& v : versions) {
    if (v.effective_from && *v.effective_from > from && *v.effective_from <= to && v.rule_enabled(rule)) return true;
  }
  return false;
}

const RuleOptionValue* RuleProfile::rule_option(std::string_view rule, std::string_view key) const {
  const auto it = rules.find(rule);
  if (it == rules.end()) return nullptr;
  const auto option = it->second.options.find(key);
  return option == it->second.options.end() ? nullptr : &option->second;
}

std::string_view RuleProfile::rule_source(std::string_view rule) const {
  const auto it = rules.find(rule);
  if (it != rules.end() && !it->second.source.empty()) return it->second.source;
  const RuleInfo* info = find_rule(rule);
  return info != nullptr ? info->source : std::string_view{};
}

bool RuleProfile::is_graduate(Qualification q) const {
  return std::find(graduate_qualifications.begin(), graduate_qualifications.end(), q) !=
         graduate_qualifications.end();
}

bool RuleProfile::counts_in_ratio_by_default(Role role) const {
  return std::find(in_ratio_roles.begin(), in_ratio_roles.end(), role) != in_ratio_roles.end();
}

std::filesystem::path find_profile(std::string_view name, const std::filesystem::path& setting_dir,
                                   const std::vector<std::filesystem::path>& data_dirs) {
  std::error_code ec;
  const std::filesystem::path as_path(name);
  if (name.find('/') != std::string_view::npos || as_path.extension() == ".toml") {
    const auto candidate = as_path.is_absolute() ? as_path : setting_dir / as_path;
    return std::filesystem::exists(candidate, ec) ? candidate : std::filesystem::path{};
  }
  for (const auto& dir : data_dirs) {
    const auto candidate = dir / "profiles" / (std::string(name) + ".toml");
    if (std::filesystem::exists(candidate, ec)) return candidate;
  }
  return {};
}

std::vector<std::string> list_profiles(const std::vector<std::filesystem::path>& data_dirs) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& dir : data_dirs) {
    for (std::filesystem::directory_iterator it(dir / "profiles", ec), end; !ec && it != end;
         it.increment(ec)) {
      if (it->path().extension() != ".toml") continue;
      const auto stem = it->path().stem().string();
      if (std::find(names.begin(), names.end(), stem) == names.end()) names.push_back(stem);
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace attune
