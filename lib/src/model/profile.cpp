#include "attune/profile.hpp"

#include <algorithm>
#include <system_error>

#include "enum_names.hpp"
#include "names.hpp"

namespace attune {

namespace detail {
constexpr auto kMixedAgeNames = make_enum_names<MixedAgeMethod>(
    std::pair{MixedAgeMethod::fractional, "fractional"},
    std::pair{MixedAgeMethod::per_band, "per_band"}, std::pair{MixedAgeMethod::youngest, "youngest"});
std::string mixed_age_method_choices() { return kMixedAgeNames.choices(); }
std::optional<MixedAgeMethod> parse_mixed_age_method(std::string_view text) {
  return kMixedAgeNames.parse(text);
}
}  // namespace detail

std::string_view mixed_age_method_id(MixedAgeMethod method) {
  return detail::kMixedAgeNames.name(method);
}

bool RuleProfile::rule_enabled(std::string_view rule) const {
  const auto it = rules.find(rule);
  return it == rules.end() || it->second.enabled;
}

std::string_view RuleProfile::rule_source(std::string_view rule) const {
  const auto it = rules.find(rule);
  return it == rules.end() ? std::string_view{} : std::string_view(it->second.source);
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
