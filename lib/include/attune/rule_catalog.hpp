#pragma once
/// The rule catalog: what every rule is. Each rule is one unit in lib/src/rules/ (its
/// id, its texts, the numbers it reads and its check, side by side), listed once in
/// lib/src/rules/registry.cpp; everything else (the profile loader, overrides.csv,
/// --only, `attune rules`, `attune explain`, the reports, the policy summary and the
/// tests) reads the rules through this header. Numbers and sources come from the
/// profile and [policy], never from here.
///
///     for (const RuleInfo& rule : rule_catalog()) fmt::print("{} {}\n", rule.id, rule.title);
///     find_rule("ratio-room")->title  // "Staff:child ratio in each room"

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "attune/finding.hpp"

namespace attune {

namespace rules {
class Rule;  // the check itself (lib/src/rules/rule.hpp)
}
struct RuleProfile;
struct ContinuityPolicy;

enum class RuleFamily : unsigned char {
  statutory,   ///< the framework's requirements (profile)
  continuity,  ///< key-person and primary-caregiving principles ([policy])
};
/// "statutory" or "continuity" (the --only selectors).
std::string_view rule_family_id(RuleFamily family);

/// Where a rule looks: what its findings are about.
enum class RuleScope : unsigned char {
  premises,  ///< the whole premises, or the home (room null)
  room,      ///< one room at a time
  child,     ///< one child
  staff,     ///< one member of staff
};
std::string_view rule_scope_id(RuleScope scope);

/// What the policy summary hands a rule to describe its findings in one sentence.
struct EvidenceInput {
  const std::vector<const Finding*>& findings;  ///< warnings and errors of the rule, never empty
  std::function<std::string(std::uint32_t)> child;  ///< a child's label (redacted as asked)
  std::function<std::string(std::uint32_t)> staff;  ///< a staff member's label
};

/// One number a rule reads from its own table in a profile (`[rules.GROUP-SIZE]
/// max_group = { toddler = 12 }`): the profile loader checks it against this.
struct RuleOption {
  enum class Kind : unsigned char {
    number,         ///< a whole number from `min` to `max`
    band,           ///< the id of one of the profile's bands
    by_band,        ///< a table of band id = whole number from `min` to `max`
    qualification,  ///< none, level2, level3, ...
  };
  std::string_view key;
  Kind kind = Kind::number;
  std::int64_t min = 0;
  std::int64_t max = 0;
  bool required = false;  ///< the rule cannot run without it
  std::string_view meaning;
};

/// One rule's entry in the registry.
struct RuleInfo {
  std::string_view id;  ///< stable, e.g. "RATIO-ROOM"
  RuleFamily family = RuleFamily::statutory;
  Severity severity = Severity::error;  ///< default; a profile may change it
  RuleScope scope = RuleScope::room;
  std::string_view title;   ///< one line
  std::string_view checks;  ///< what is measured, exactly
  std::string_view why;     ///< why it matters for the children
  std::string_view fix;     ///< what to change in the rota
  std::string_view reads;   ///< the profile or policy keys it reads ("none")
  /// The source when a profile gives none: the principle a continuity rule comes from,
  /// the same under every framework. Statutory rules have none: each profile cites its
  /// framework's paragraph.
  std::string_view source = {};
  /// Runs unless the profile says `enabled = false`; false: only where a profile enables
  /// it (the rules of one framework, such as Scotland's ADULTS-MIN).
  bool enabled_by_default = true;
  /// The numbers it reads from its own [rules.ID] table in the profile.
  std::span<const RuleOption> options{};
  /// Its findings carry values.profile_band (the profile's band they are about).
  bool uses_profile_band = false;
  /// The numbers it uses under a profile and policy, in words, for `attune explain`.
  std::vector<std::string> (*numbers)(const RuleProfile&, const ContinuityPolicy&) = nullptr;
  /// The policy summary's sentence about its findings; nullptr: a count of findings.
  std::string (*evidence)(const EvidenceInput&) = nullptr;
  /// Makes the check.
  std::unique_ptr<rules::Rule> (*make)() = nullptr;
};

/// Every rule, in the order reports list them.
std::span<const RuleInfo> rule_catalog();

/// nullptr when no rule has this id (ids are matched case-insensitively).
const RuleInfo* find_rule(std::string_view id);

/// Position in the catalog; unknown ids sort last.
int rule_order(std::string_view id);

/// Ids close to a mistyped one, for "did you mean ...?".
std::vector<std::string> similar_rule_ids(std::string_view id);

/// `unknown rule "X" (did you mean "Y"?)`: the message every reader of rule ids gives.
std::string unknown_rule_message(std::string_view id);

/// The numbers a rule uses under a profile and policy, in words, e.g.
/// "under 2: 1:3"; empty if it reads none.
std::vector<std::string> rule_numbers(std::string_view rule, const RuleProfile& profile,
                                      const ContinuityPolicy& policy);

}  // namespace attune
