#pragma once
/// Findings: what a rule found, as data. Never an exception, never text alone.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "attune/calendar.hpp"
#include "attune/clock_time.hpp"

namespace attune {

/// error = statutory breach, warning = below the setting's own policy, info = for note.
enum class Severity : unsigned char { info = 0, warning = 1, error = 2 };
std::string_view severity_id(Severity severity);
std::optional<Severity> parse_severity(std::string_view text);

/// A measured value carried by a finding (`values` in the JSON).
using FindingValue = std::variant<std::int64_t, double, std::string>;

struct NamedValue {
  std::string name;
  FindingValue value;
};

struct Finding {
  std::string rule;  ///< stable id, e.g. "RATIO-ROOM"
  Severity severity = Severity::error;
  /// What was found, in words, without anybody's name (so --redact holds for every
  /// format): "7 children, 2 staff in ratio, 3 required".
  std::string message;
  std::optional<Date> date;
  std::optional<TimeWindow> time;
  std::uint32_t room = 0xFFFFFFFFu;   ///< RoomIndex or kNone
  std::uint32_t child = 0xFFFFFFFFu;  ///< ChildIndex or kNone
  std::uint32_t staff = 0xFFFFFFFFu;  ///< StaffIndex or kNone
  std::vector<NamedValue> values;
  /// Inside an override (exceptional circumstances): kept and shown, but not counted as
  /// an error or warning and never failing the run.
  bool accepted = false;
  std::string accepted_reason;
  /// The override's exception category (siblings, own_child, continuity), if it gave one.
  std::string accepted_category;
  std::uint32_t accepted_child = 0xFFFFFFFFu;  ///< ChildIndex the exception is for, or kNone
  /// Who was there and what the rota offers (CheckResult::contexts), for ratio,
  /// qualification and first-aid findings; 0xFFFFFFFF for none.
  std::uint32_t context = 0xFFFFFFFFu;
  /// The repeated pattern this finding belongs to (CheckResult::patterns), or 0xFFFFFFFF.
  std::uint32_t pattern = 0xFFFFFFFFu;

  [[nodiscard]] const FindingValue* value(std::string_view name) const;
};

/// Findings by severity; accepted findings (overrides) are counted only in `accepted`.
struct FindingCounts {
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t infos = 0;
  std::size_t accepted = 0;

  /// Adds another's counts (a group's or a run's totals).
  FindingCounts& operator+=(const FindingCounts& other) {
    errors += other.errors;
    warnings += other.warnings;
    infos += other.infos;
    accepted += other.accepted;
    return *this;
  }
};
FindingCounts count_findings(const std::vector<Finding>& findings);

/// Orders findings for output: by rule (catalog order), date, start, room, child, staff.
void sort_findings(std::vector<Finding>& findings);

}  // namespace attune
