#pragma once
// Decoders of a profile's number sections, shared by its first version and its
// [[versions]] (which change only the keys they give).

#include "attune/profile.hpp"
#include "config_reader.hpp"

namespace attune::io {

/// [ratios] under `parent`; `first`: the first version, where every band needs a ratio.
void decode_ratios(const ConfigReader& r, const ConfigNode& parent, RuleProfile& p, bool first);
/// [staff] under `parent`.
void decode_staff_rules(const ConfigReader& r, const ConfigNode& parent, RuleProfile& p);
/// [rules.ID] tables under `parent`: source, severity, enabled, exceptions, the rule's numbers.
void decode_rules(const ConfigReader& r, const ConfigNode& parent, RuleProfile& p);

}  // namespace attune::io
