// attune init: the model the setting templates are rendered over.

#include "attune/new_setting.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "../report/mustache.hpp"

namespace attune {
namespace {

using Json = nlohmann::ordered_json;
using std::chrono::days;

/// Rooms a nursery usually has, with a sensible capacity and meal times.
struct RoomPreset {
  std::string_view id;
  std::string_view name;
  int capacity;
  std::string_view meals;
  int child_age_months;  ///< the example child's age, to suit the room
};
constexpr RoomPreset kPresets[] = {
    {"babies", "Baby Room", 9, R"({ start = "11:30", end = "12:15" }, { start = "15:45", end = "16:15" })", 12},
    {"toddlers", "Toddler Room", 15, R"({ start = "11:45", end = "12:30" }, { start = "16:00", end = "16:30" })", 26},
    {"twos", "Twos Room", 15, R"({ start = "11:45", end = "12:30" }, { start = "16:00", end = "16:30" })", 28},
    {"preschool", "Pre-school Room", 24, R"({ start = "12:00", end = "12:45" }, { start = "16:00", end = "16:30" })", 42},
};

const RoomPreset* preset(std::string_view id) {
  for (const auto& p : kPresets) {
    if (p.id == id) return &p;
  }
  return nullptr;
}

/// "big-room" -> "Big room".
std::string name_from_id(std::string_view id) {
  std::string out(id);
  std::replace(out.begin(), out.end(), '-', ' ');
  std::replace(out.begin(), out.end(), '_', ' ');
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

/// Text inside a TOML basic string.
std::string toml_text(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) < 0x20) continue;
    out += c;
  }
  return out;
}

bool plain_id(std::string_view id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '-' ||
           c == '_';
  });
}

Json model(const NewSettingOptions& o) {
  const bool childminder = o.kind == SettingKind::childminder;
  Json j;
  j["name"] = toml_text(o.name);
  j["folder"] = o.folder.empty() ? std::string(".") : o.folder;
  j["profile"] = toml_text(!o.profile.empty() ? o.profile : childminder ? "eyfs-2024-childminder" : "eyfs-2024-group");
  j["childminder"] = childminder;
  j["period_from"] = format_iso_date(o.week);
  j["period_to"] = format_iso_date(o.week + days{4});
  Json rooms = Json::array();
  for (const std::string& id : o.rooms) {
    const RoomPreset* p = preset(id);
    Json r;
    r["id"] = id;
    r["name"] = toml_text(p != nullptr ? std::string(p->name) : name_from_id(id));
    r["capacity"] = p != nullptr ? Json(std::to_string(p->capacity)) : Json(false);
    r["has_meals"] = p != nullptr;
    r["meals"] = p != nullptr ? std::string(p->meals) : std::string();
    rooms.push_back(std::move(r));
  }
  j["rooms"] = std::move(rooms);
  const std::string first_room = o.rooms.empty() ? std::string("home") : o.rooms.front();
  const RoomPreset* first = preset(first_room);
  // The example child is of an age to suit the first room, enrolled from the week.
  const int months = first != nullptr ? first->child_age_months : 30;
  const auto ymd = std::chrono::year_month_day{o.week};
  const auto birth = std::chrono::year_month_day{ymd.year(), ymd.month(), std::chrono::day{1}} -
                     std::chrono::months{months};
  j["first_room"] = o.rooms.empty() ? std::string() : first_room;
  j["child_birth"] = format_iso_date(std::chrono::sys_days{birth});
  j["child_start"] = format_iso_date(o.week);
  j["lead_role"] = childminder ? "childminder" : "room_leader";
  j["pfa_expiry"] = format_iso_date(o.week + days{3 * 365});
  return j;
}

/// kainjow leaves an empty line where a section tag stood alone: at most one in a row.
std::string tidy_blank_lines(const std::string& text) {
  std::string out;
  int newlines = 0;
  for (char c : text) {
    newlines = c == '\n' ? newlines + 1 : 0;
    if (newlines <= 2) out += c;
  }
  return out;
}

}  // namespace

std::vector<std::string> new_setting_file_names() {
  return {"setting.toml", "children.csv", "staff.csv", "shifts.csv", "attendance.csv"};
}

std::vector<std::string> new_setting_problems(const NewSettingOptions& o) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < o.rooms.size(); ++i) {
    const std::string& id = o.rooms[i];
    if (!plain_id(id)) {
      out.push_back(fmt::format("room id \"{}\" is not a plain word; use lower-case letters, digits, - and _ "
                                "(the name shown in reports is set in setting.toml)",
                                id));
    }
    if (std::find(o.rooms.begin(), o.rooms.begin() + static_cast<std::ptrdiff_t>(i), id) !=
        o.rooms.begin() + static_cast<std::ptrdiff_t>(i))
      out.push_back(fmt::format("room id \"{}\" is named twice", id));
  }
  if (o.rooms.empty() && o.kind != SettingKind::childminder)
    out.push_back("a group setting needs at least one room; name them with --rooms babies,toddlers,preschool");
  if (weekday_index(o.week) != 0) out.push_back(fmt::format("{} is not a Monday", format_iso_date(o.week)));
  return out;
}

std::optional<std::vector<NewSettingFile>> render_new_setting(const std::map<std::string, std::string>& templates,
                                                              const NewSettingOptions& options, std::string& error) {
  const Json m = model(options);
  std::vector<NewSettingFile> out;
  for (const std::string& name : new_setting_file_names()) {
    const auto it = templates.find(name);
    if (it == templates.end()) {
      error = fmt::format("the setting template {} is missing", name);
      return std::nullopt;
    }
    // Every value is written with triple braces: TOML and CSV, not HTML.
    auto text = report::render_mustache(it->second, m, DocumentFormat::html, error);
    if (!text) {
      error = fmt::format("{}: {}", name, error);
      return std::nullopt;
    }
    out.push_back(NewSettingFile{name, tidy_blank_lines(*text)});
  }
  return out;
}

}  // namespace attune
