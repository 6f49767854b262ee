// setting.toml, children.csv, staff.csv and allocations.csv of a synthetic setting, and the date and time
// formatting the row writers share.

#include <fmt/format.h>

#include "plan.hpp"

namespace attune::gen {
namespace {

std::string time_text(Minute m) {
  std::string s;
  append_time(s, m);
  return s;
}

std::string optional_date(const std::optional<Date>& d) { return d ? format_iso_date(*d) : std::string{}; }

std::string_view yes_no(bool b) { return b ? "yes" : "no"; }

std::string staff_id(const Plan& plan, int index) {
  return index >= 0 ? plan.staff[static_cast<std::size_t>(index)].id : std::string{};
}

}  // namespace

void append_time(std::string& out, Minute m) {
  const int h = m / 60, min = m % 60;
  out += static_cast<char>('0' + h / 10);
  out += static_cast<char>('0' + h % 10);
  out += ':';
  out += static_cast<char>('0' + min / 10);
  out += static_cast<char>('0' + min % 10);
}

std::string setting_toml(const Plan& plan) {
  const GenerateOptions& o = plan.options;
  std::string out = fmt::format(
      "# {}: a synthetic setting made by `attune generate` (seed {}, setting {} of {}{}).\n"
      "# Everything in it is invented: the nursery, its URN, the children, the staff and\n"
      "# their dates.\n\n",
      plan.name, o.seed, plan.index + 1, o.settings,
      o.patterns ? ", weekly patterns" : o.mismatch ? ", rota mismatched with the bookings" : "");
  out += fmt::format("[setting]\nname = \"{}\"\nurn = \"{}\"\nprofile = \"eyfs-2024-group\"\n", plan.name, plan.urn);
  out += fmt::format("opening = {{ open = \"{}\", close = \"{}\" }}\n\n", time_text(plan.open), time_text(plan.close));
  out += fmt::format("[period]\nfrom = {}\nto   = {}\n", format_iso_date(plan.from), format_iso_date(plan.to));
  for (const Room& r : plan.rooms) {
    out += fmt::format("\n[[rooms]]\nid = \"{}\"\nname = \"{}\"\ncapacity = {}\n", r.id, r.name, r.capacity);
    out += fmt::format("meals = [ {{ start = \"{}\", end = \"{}\" }}, {{ start = \"{}\", end = \"{}\" }} ]\n",
                       time_text(r.lunch.start), time_text(r.lunch.end), time_text(r.tea.start),
                       time_text(r.tea.end));
  }
  out +=
      "\n[data]\nchildren = \"children.csv\"\nstaff = \"staff.csv\"\nshifts = \"shifts.csv\"\n"
      "attendance = \"attendance.csv\"\nallocations = \"allocations.csv\"\n";
  return out;
}

std::string children_csv(const Plan& plan) {
  std::string out = "id,name,date_of_birth,room,key_person,buddy,start_date,leave_date\n";
  for (const Child& c : plan.children) {
    out += fmt::format("{},{},{},{},{},{},{},{}\n", c.id, c.name, format_iso_date(c.date_of_birth),
                       plan.rooms[static_cast<std::size_t>(c.room)].id, staff_id(plan, c.key_person),
                       staff_id(plan, c.buddy), optional_date(c.start_date), optional_date(c.leave_date));
  }
  return out;
}

std::string allocations_csv(const Plan& plan) {
  std::string out = "child,key_person,buddy,from,to\n";
  for (const Child& c : plan.children) {
    for (std::size_t i = 0; i < c.changes.size(); ++i) {
      const KeyChange& k = c.changes[i];
      const std::optional<Date> to =
          i + 1 < c.changes.size() ? std::optional<Date>(c.changes[i + 1].from - std::chrono::days{1}) : std::nullopt;
      out += fmt::format("{},{},{},{},{}\n", c.id, staff_id(plan, k.key_person), staff_id(plan, k.buddy),
                         format_iso_date(k.from), optional_date(to));
    }
  }
  return out;
}

std::string staff_csv(const Plan& plan) {
  std::string out =
      "id,name,date_of_birth,role,qualification,pfa_expiry,baby_training,start_date,leave_date,"
      "in_ratio,studying,under_2_experience\n";
  for (const Staff& s : plan.staff) {
    out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{}\n", s.id, s.name, format_iso_date(s.date_of_birth),
                       s.role, s.qualification, optional_date(s.pfa_expiry), yes_no(s.baby_training),
                       optional_date(s.start_date), optional_date(s.leave_date), yes_no(s.in_ratio),
                       s.studying, yes_no(s.under_2_experience));
  }
  return out;
}

}  // namespace attune::gen
