#pragma once
// The plan of one synthetic setting: everything `attune generate` decides before it
// writes a row. Made in steps, each from its own random stream (rooms, staff, children,
// key persons, deliberate problems), then expanded into rows by rota.cpp and
// attendance.cpp and written by writer.cpp. Internal to lib/src/generate.

#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "attune/calendar.hpp"
#include "attune/clock_time.hpp"
#include "attune/generate.hpp"
#include "random.hpp"

namespace attune::gen {

enum class RoomKind : unsigned char { babies, toddlers, preschool };

/// One of a room's standard shifts, with its break.
struct Slot {
  TimeWindow work;
  TimeWindow rest;  ///< the break, inside `work`
};

struct Room {
  RoomKind kind = RoomKind::babies;
  std::string id, name;
  int capacity = 0;
  int ratio = 3;  ///< children per adult, for the room's age band
  TimeWindow lunch, tea;
  std::vector<Slot> slots;        ///< the core team's shifts, earliest first
  std::vector<bool> rotating;     ///< slot held in turn (weekly) by the room's level 3s
  std::vector<std::vector<int>> home;  ///< per slot: staff whose week-0 slot it is, by start
  /// Children the core team can take in each 15-minute step from opening (one person
  /// on a break at a time), never more than `capacity`.
  std::vector<int> caps;
};

enum class Duty : unsigned char { room, floater, manager, cook };

struct Staff {
  std::string id, name;
  Date date_of_birth{};
  std::string role = "practitioner";
  std::string qualification = "level3";
  std::string studying;
  std::optional<Date> pfa_expiry, start_date, leave_date;
  bool baby_training = false;
  bool under_2_experience = false;
  bool in_ratio = true;
  bool can_be_key = true;  ///< may be a key person (not a student, cook)
  Duty duty = Duty::room;
  int room = -1;  ///< home room (room staff and the floater)
  int slot = -1;  ///< week-0 slot in the home room (room staff)
  int successor = -1;  ///< who takes over the job (and the key children) after leave_date
  std::vector<int> leave_weeks;  ///< weeks of annual leave, counted from the period's first week

  [[nodiscard]] bool employed(Date d) const {
    return (!start_date || *start_date <= d) && (!leave_date || d <= *leave_date);
  }
};

/// A weekly booking: days (bit 0 = Monday ... bit 4 = Friday) and times.
struct Booking {
  unsigned days = 0;
  Minute start = 0, end = 0;
};

/// From `from`, a child's key person and buddy are new: one of them has left.
struct KeyChange {
  Date from{};
  int key_person = -1, buddy = -1;
};

struct Child {
  std::string id, name;
  Date date_of_birth{};
  int room = 0;
  int key_person = -1, buddy = -1;
  std::vector<KeyChange> changes;  ///< later allocations (allocations.csv), in date order
  std::optional<Date> start_date, leave_date;
  Booking booking;
  int absence_permille = 60;
  bool joiner = false;  ///< starts during the period, so has settling-in sessions

  [[nodiscard]] bool enrolled(Date d) const {
    return (!start_date || *start_date <= d) && (!leave_date || d <= *leave_date);
  }
};

/// A problem put in on purpose, so that `attune check` has something to find.
enum class BreachKind : unsigned char {
  breaks_overlap,     ///< a break moved on top of a colleague's
  sick_not_replaced,  ///< off sick, nobody covers
  leaves_early,       ///< the closing shift ends before closing time
};

struct Breach {
  Date date{};
  BreachKind kind = BreachKind::breaks_overlap;
  int room = 0;
  int slot = 0;
};

struct Plan {
  GenerateOptions options;
  int index = 0;
  std::string name, urn;
  Minute open = 450, close = 1110;
  Date from{}, to{};
  std::vector<Date> open_days;  ///< weekdays of the period that are not bank holidays
  std::vector<Room> rooms;
  std::vector<Staff> staff;
  std::vector<Child> children;
  std::vector<Breach> breaches;
  int manager = -1, floater = -1, cook = -1;
  int floater_room = -1;
  Slot floater_slot;

  /// Weeks from the Monday of the period's first week.
  [[nodiscard]] int week_of(Date d) const {
    return static_cast<int>((week_start(d) - week_start(from)).count() / 7);
  }
  [[nodiscard]] int week_count() const { return week_of(to) + 1; }
};

/// Invented names, never twice in one setting.
class NameBook {
 public:
  explicit NameBook(Rng& rng) : rng_(rng) {}
  std::string child();
  std::string adult();

 private:
  std::string unique(bool child);
  Rng& rng_;
  std::unordered_set<std::string> used_;
};

// names.cpp
std::string setting_name(std::uint64_t seed, int index);
std::string setting_urn(std::uint64_t seed, int index);
std::string room_name(RoomKind kind, Rng& rng);

// days.cpp
bool is_bank_holiday(Date d);  ///< England and Wales
std::vector<Date> open_days(Date from, Date to);
Date days_after(Date d, int n);
Date friday_on_or_before(Date d);
Date monday_on_or_after(Date d);

// rooms.cpp, staff.cpp, children.cpp, keys.cpp, breaches.cpp: the planning steps.
void plan_rooms(Plan& plan, Rng& rng);
void plan_staff(Plan& plan, Rng& rng, NameBook& names);
void plan_turnover(Plan& plan, Rng& rng, NameBook& names);  // staff_changes.cpp
void plan_annual_leave(Plan& plan, Rng& rng);
void plan_expiring_certificates(Plan& plan, Rng& rng);
void plan_children(Plan& plan, Rng& rng, NameBook& names);
/// The children who hold one place of `room` in turn (occupants.cpp).
void fill_place(const Plan& plan, int room, const Booking& place, Rng& rng, NameBook& names,
                std::vector<Child>& out);
void assign_key_persons(Plan& plan, Rng& rng);
void plan_breaches(Plan& plan, Rng& rng);

/// The staff member holding `slot` of `room` on `date`: the weekly rotation of the
/// room's level 3s, and whoever of that slot's holders is employed then; -1 if none.
int slot_holder(const Plan& plan, int room, int slot, Date date, bool rotate);

/// One row of a day's rota (rota.cpp), before it is written.
enum class RotaKind : unsigned char { work, rest, non_contact, off };
struct RotaRow {
  int staff = 0;
  Minute start = 0, end = 0;
  int room = -1;
  RotaKind kind = RotaKind::work;
};

// mismatch.cpp: --mismatch, a rota and a register that depart from the plan.
/// Changes one day's rota rows (grouped by staff, work before its break) as an export
/// that does not match the day worked would show it.
void mismatch_rota_day(const Plan& plan, Rng& rng, std::vector<RotaRow>& day);
/// A session as the register records it, against the booked `w`.
TimeWindow mismatch_session(const Plan& plan, TimeWindow w, Rng& rng);

// rota.cpp, attendance.cpp: rows. Each returns the CSV text, counting its data rows.
std::string shifts_csv(const Plan& plan, std::size_t& rows);
std::string attendance_csv(const Plan& plan, std::size_t& rows);

// writer.cpp
std::string setting_toml(const Plan& plan);
std::string children_csv(const Plan& plan);
std::string staff_csv(const Plan& plan);
std::string allocations_csv(const Plan& plan);
void append_time(std::string& out, Minute m);  ///< HH:MM

}  // namespace attune::gen
