// What a run leaves in the history: the check's result with people and rooms turned
// into their ids, so the database never holds a name.

#include "attune/history.hpp"

namespace attune::history {
namespace {

namespace fs = std::filesystem;

template <typename Item>
std::string id_at(const std::vector<Item>& items, std::uint32_t index) {
  return index < items.size() ? items[index].id : std::string{};
}

std::string absolute_path(const fs::path& path) {
  std::error_code ec;
  fs::path full = fs::absolute(path, ec);
  if (ec) full = path;
  std::string text = full.lexically_normal().string();
  if (text.size() > 1 && text.back() == '/') text.pop_back();  // "group/a/" and "group/a" are one setting
  return text;
}

}  // namespace

SettingRecord record_checked(const fs::path& path, const Setting& setting, const CheckResult& result) {
  SettingRecord r;
  r.path = absolute_path(path);
  r.checked = true;
  r.name = setting.name;
  r.urn = setting.urn;
  r.profile = result.profile;
  r.period = result.period;
  r.counts = result.counts;
  r.findings.reserve(result.findings.size());
  for (const Finding& f : result.findings) {
    r.findings.push_back({f.rule, f.severity, f.date, f.time, id_at(setting.rooms, f.room),
                          id_at(setting.children, f.child), id_at(setting.staff, f.staff), f.accepted,
                          f.accepted ? f.accepted_reason : std::string{}});
  }
  r.children.reserve(result.metrics.children.size());
  for (const ChildMetrics& c : result.metrics.children) {
    r.children.push_back({id_at(setting.children, c.child), c.band, c.attended_minutes,
                          id_at(setting.staff, c.key_person), c.key_person_coverage(), c.key_or_buddy_coverage(),
                          c.arrivals, c.arrivals_with_key_or_buddy, c.departures, c.departures_with_key_or_buddy,
                          c.max_distinct_carers_per_week});
  }
  r.rooms.reserve(result.metrics.rooms.size());
  for (const RoomMetrics& m : result.metrics.rooms)
    r.rooms.push_back({id_at(setting.rooms, m.room), m.breach_minutes, m.child_minutes});
  return r;
}

SettingRecord record_input_error(const fs::path& path, std::size_t input_errors) {
  SettingRecord r;
  r.path = absolute_path(path);
  r.input_errors = input_errors;
  return r;
}

}  // namespace attune::history
