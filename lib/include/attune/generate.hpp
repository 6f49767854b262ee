#pragma once
/// Synthetic settings for demos and benchmarks (`attune generate`).
///
/// Each setting is made from (seed, index) alone, so settings can be generated in any
/// order, in parallel, and the same options always give byte-identical files:
///
///     attune::GenerateOptions options;
///     options.settings = 100;
///     options.weeks = 52;
///     options.seed = 7;
///     auto s = attune::generate_setting(options, 0);
///     s.folder_name       // "setting-001"
///     s.attendance_rows   // about 11,000 for a year of dated rows
///
/// Everything in the files is invented: the nursery's name and URN, the children, the
/// staff and their dates. No real person's data is used.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "attune/calendar.hpp"

namespace attune {

/// What to generate.
struct GenerateOptions {
  int settings = 1;         ///< settings in the group (1 to 9999); sets the folder-name width
  int weeks = 1;            ///< length of the period, in weeks (1 to 520)
  std::uint64_t seed = 0;   ///< everything random is drawn from (seed, setting index)
  Date start = Date{std::chrono::year{2026} / std::chrono::January / 5};  ///< period start
  bool patterns = false;    ///< weekday pattern rows (Mon..Fri) instead of dated rows
  /// Rotas that match the bookings badly, as exported rotas often do: shifts recorded
  /// late or short, people rostered in another room for the day, children arriving
  /// before and leaving after their booked times. Dated rows only. The tidy setting's
  /// rows are drawn as without it, then changed from streams of their own.
  bool mismatch = false;
  /// Rooms by age (3 to 9): a baby room, a toddler room and a pre-school room; each one
  /// more adds a second (then a third) in that order, with its own team: 5 rooms are two
  /// baby rooms, two toddler rooms and a pre-school room (about 90 children, 25 staff
  /// over 4 weeks). The default, 3, gives the same files as before the option existed.
  int rooms = 3;
};

/// One setting's files, as text.
struct GeneratedSetting {
  std::string folder_name;  ///< "setting-001"
  std::string setting_toml;
  std::string children_csv;
  std::string staff_csv;
  std::string shifts_csv;
  std::string attendance_csv;
  std::string allocations_csv;  ///< key-person changes when a key person or buddy leaves
  std::size_t attendance_rows = 0;  ///< data rows of attendance.csv (header not counted)
  std::size_t shift_rows = 0;       ///< data rows of shifts.csv

  /// Total size of the six files, in bytes.
  [[nodiscard]] std::size_t bytes() const;
};

/// Why `options` cannot be generated ("--weeks must be from 1 to 520"), or nullopt.
std::optional<std::string> check_generate_options(const GenerateOptions& options);

/// "setting-001" for index 0: three digits, or more when `settings` needs them.
std::string generated_folder_name(int index, int settings);

/// The setting with 0-based `index` of the group described by `options`, which must
/// pass check_generate_options. Deterministic: depends only on `options` and `index`.
GeneratedSetting generate_setting(const GenerateOptions& options, int index);

}  // namespace attune
