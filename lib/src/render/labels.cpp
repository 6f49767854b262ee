#include <fmt/format.h>

#include "attune/render.hpp"

namespace attune {

std::string_view version() { return ATTUNE_VERSION; }

std::string child_label(const Setting& setting, std::uint32_t child, bool redact) {
  if (child >= setting.children.size()) return {};
  const Child& c = setting.children[child];
  if (redact || c.name == c.id) return c.id;
  return fmt::format("{} ({})", c.name, c.id);
}

std::string staff_label(const Setting& setting, std::uint32_t staff, bool redact) {
  if (staff >= setting.staff.size()) return {};
  const Staff& s = setting.staff[staff];
  if (redact || s.name == s.id) return s.id;
  return fmt::format("{} ({})", s.name, s.id);
}

std::string room_label(const Setting& setting, std::uint32_t room) {
  if (room >= setting.rooms.size()) return "premises";
  return setting.rooms[room].name;
}

}  // namespace attune
