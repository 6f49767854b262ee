#include "table_schema.hpp"

#include <array>

namespace attune::io {
namespace {

constexpr std::array<std::string_view, 4> kChildrenRequired{"id", "name", "date_of_birth", "room"};
constexpr std::array<std::string_view, 6> kChildrenOptional{"key_person", "buddy",  "start_date",
                                                            "leave_date", "family", "own_child"};
constexpr std::array<std::string_view, 4> kStaffRequired{"id", "name", "role", "qualification"};
constexpr std::array<std::string_view, 9> kStaffOptional{"date_of_birth", "pfa_expiry", "baby_training",
                                                         "start_date",    "leave_date", "in_ratio",
                                                         "studying",      "under_2_experience",
                                                         "contracted_minutes_per_week"};
constexpr std::array<std::string_view, 5> kShiftsRequired{"staff", "date", "start", "end", "room"};
constexpr std::array<std::string_view, 1> kShiftsOptional{"kind"};
constexpr std::array<std::string_view, 4> kAttendanceRequired{"child", "date", "start", "end"};
constexpr std::array<std::string_view, 1> kAttendanceOptional{"room"};
constexpr std::array<std::string_view, 5> kCareRequired{"child", "staff", "date", "time", "kind"};
constexpr std::array<std::string_view, 3> kAllocationsRequired{"child", "key_person", "from"};
constexpr std::array<std::string_view, 2> kAllocationsOptional{"buddy", "to"};
constexpr std::array<std::string_view, 3> kOverridesRequired{"date", "rule", "reason"};
constexpr std::array<std::string_view, 5> kOverridesOptional{"start", "end", "room", "child", "category"};
constexpr std::array<std::string_view, 4> kAvailabilityRequired{"staff", "date", "start", "end"};

const std::array<TableSchema, kTableKinds> kSchemas{{
    {kChildrenRequired, kChildrenOptional},
    {kStaffRequired, kStaffOptional},
    {kShiftsRequired, kShiftsOptional},
    {kAttendanceRequired, kAttendanceOptional},
    {kCareRequired, {}},
    {kAllocationsRequired, kAllocationsOptional},
    {kOverridesRequired, kOverridesOptional},
    {kAvailabilityRequired, {}},
}};

}  // namespace

const TableSchema& table_schema(TableKind kind) { return kSchemas[static_cast<std::size_t>(kind)]; }

}  // namespace attune::io
