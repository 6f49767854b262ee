#pragma once
// The accepted spellings of each enum, as "a | b | c", for input error messages.

#include <string>

namespace attune::detail {
std::string role_choices();
std::string qualification_choices();
std::string shift_kind_choices();
std::string care_kind_choices();
std::string severity_choices();
std::string mixed_age_method_choices();
}  // namespace attune::detail

#include <optional>
#include <string_view>

#include "attune/finding.hpp"
#include "attune/profile.hpp"
#include "attune/setting.hpp"

namespace attune::detail {
std::optional<ShiftKind> parse_shift_kind(std::string_view text);
std::optional<CareKind> parse_care_kind(std::string_view text);
std::optional<MixedAgeMethod> parse_mixed_age_method(std::string_view text);
}  // namespace attune::detail
