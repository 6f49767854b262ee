#pragma once
/// The kind of provision a setting is, and a profile is for: group care (nurseries,
/// pre-schools, centres) or a childminder. A setting's kind must match its profile's.

#include <optional>
#include <string_view>

namespace attune {

enum class ProvisionKind : unsigned char { group, childminder };
/// "group" or "childminder" (setting.toml [setting] kind, a profile's [profile] kind).
std::string_view provision_kind_id(ProvisionKind kind);
std::optional<ProvisionKind> parse_provision_kind(std::string_view text);

}  // namespace attune
