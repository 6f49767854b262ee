#pragma once
// State shared by the steps of loading one setting: the tables read so far, the id ->
// index maps, and the rows of the rota and register before patterns are resolved.

#include <array>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "attune/load.hpp"
#include "attune/setting.hpp"
#include "field_reader.hpp"
#include "setting_config.hpp"

namespace attune::io {


/// A shifts.csv row.
struct ShiftRow {
  StaffIndex staff = kNone;
  DaySpec day;
  TimeWindow time;  ///< empty on a dated "not working" row
  bool off = false; ///< dated row with no times: not working that day
  RoomIndex room = kNone;
  ShiftKind kind = ShiftKind::work;
  std::uint32_t row = 0;
};

/// An attendance.csv row.
struct AttendanceRow {
  ChildIndex child = kNone;
  DaySpec day;
  TimeWindow time;
  bool off = false;  ///< dated row with no times: absent that day
  RoomIndex room = kNone;
  std::uint32_t row = 0;
};

/// An availability.csv row.
struct AvailabilityRow {
  StaffIndex staff = kNone;
  DaySpec day;
  TimeWindow time;
  bool off = false;  ///< dated row with no times: not available that day
  std::uint32_t row = 0;
};

/// A care_log.csv row.
struct CareRow {
  Date date{};
  CareEvent event;
};

struct LoadContext {
  LoadContext(SettingConfig c, Diagnostics& d) : config(std::move(c)), diagnostics(d) {}

  SettingConfig config;
  Diagnostics& diagnostics;
  IdIndex room_ids;
  IdIndex staff_ids;
  IdIndex child_ids;
  std::array<std::optional<RecordTable>, kTableKinds> tables;
  std::vector<ShiftRow> shifts;
  std::vector<AttendanceRow> attendance;
  std::vector<CareRow> care;
  std::vector<AvailabilityRow> availability;
  /// Set when the caller keeps every shifts.csv row (LoadOptions::keep_shift_rows).
  std::vector<ShiftRecord>* shift_records = nullptr;
  std::size_t rows_read = 0;
  bool period_known = true;  ///< false: no period, so no date can be judged against it

  Setting& setting() { return config.setting; }
  [[nodiscard]] const RecordTable* table(TableKind kind) const {
    const auto& t = tables[static_cast<std::size_t>(kind)];
    return t ? &*t : nullptr;
  }
};

// Each reads one table (if present) into the context, reporting every bad row.
void decode_staff(LoadContext& context);
void decode_children(LoadContext& context);
void decode_allocations(LoadContext& context);
void decode_shifts(LoadContext& context);
void decode_attendance(LoadContext& context);
void decode_care_log(LoadContext& context);
void decode_overrides(LoadContext& context);
void decode_availability(LoadContext& context);

/// Resolves weekly patterns and dated rows into Setting::days, carving breaks out of
/// work, and reports overlaps and rows outside employment or enrolment.
void build_days(LoadContext& context);

}  // namespace attune::io
