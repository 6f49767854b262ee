#include "setting_config.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "../util/text.hpp"
#include "config_reader.hpp"
#include "table_schema.hpp"

namespace attune::io {
namespace {

constexpr std::array<std::string_view, kTableKinds> kTableNames{
    "children", "staff", "shifts", "attendance", "care_log", "allocations", "overrides", "availability"};

void decode_header(const ConfigReader& r, const ConfigNode& root, Setting& s, bool& opening_ok) {
  const ConfigNode* node = r.map(root, "setting");
  if (node == nullptr) {
    r.error(root, "missing the [setting] section", "add [setting] with name, profile and opening");
    return;
  }
  r.check_keys(*node, {"name", "urn", "profile", "opening", "kind"}, "[setting]");
  if (auto kind = r.text(*node, "kind", false)) {
    if (auto k = parse_provision_kind(*kind)) s.kind = *k;
    else r.error(*node->find("kind"), fmt::format("unknown kind {}", util::quoted(*kind)),
                 "use group (a nursery, pre-school or centre) or childminder");
  }
  if (auto v = r.text(*node, "name", true)) s.name = *v;
  if (auto v = r.text(*node, "urn", false)) s.urn = *v;
  s.profile = r.text(*node, "profile", false)
                  .value_or(s.kind == ProvisionKind::childminder ? "eyfs-2024-childminder" : "eyfs-2024-group");
  if (const ConfigNode* profile = node->find("profile")) {
    s.profile_line = profile->where.line;
    s.profile_column = profile->where.column;
  }
  s.opening = TimeWindow{0, kMinutesPerDay};
  if (const ConfigNode* opening = node->find("opening")) {
    if (auto w = r.window(*opening, "open", "close")) s.opening = *w;
    else opening_ok = false;
  } else {
    s.opening = TimeWindow{0, kMinutesPerDay};
  }
}

void decode_period(const ConfigReader& r, const ConfigNode& root, SettingConfig& config) {
  const ConfigNode* node = r.map(root, "period");
  if (node == nullptr) return;
  r.check_keys(*node, {"from", "to"}, "[period]");
  const auto from = r.date(*node, "from", true);
  const auto to = r.date(*node, "to", true);
  if (from && to) {
    config.setting.period = Period{*from, *to};
    config.has_period = true;
  } else {
    config.period_wrong = true;
  }
}

/// False when the room could not be read (it is reported).
bool decode_room(const ConfigReader& r, const ConfigNode& node, Setting& s) {
  if (!node.is_map()) {
    r.error(node, "a room must be a table", "write [[rooms]] with id, name, capacity");
    return false;
  }
  r.check_keys(node, {"id", "name", "capacity", "meals"}, "[[rooms]]");
  Room room;
  room.id = r.text(node, "id", true).value_or("");
  room.name = r.text(node, "name", false).value_or(room.id);
  room.capacity = static_cast<int>(r.integer(node, "capacity", 0, 1000).value_or(0));
  if (const ConfigNode* meals = r.list(node, "meals")) {
    for (const auto& meal : meals->children) {
      if (auto w = r.window(meal, "start", "end")) room.meals.push_back(*w);
    }
  }
  if (room.id.empty()) return false;
  for (const auto& other : s.rooms) {
    if (other.id == room.id) {
      r.error(node, fmt::format("room id \"{}\" is used twice", room.id), "give each room its own id");
      return true;  // the id is known: rows naming it are not wrong
    }
  }
  s.rooms.push_back(std::move(room));
  return true;
}

/// A key of the setting file that is a misspelling of "rooms" ([[room]]): its own
/// "unknown key ... (did you mean "rooms"?)" error says what is wrong.
bool misspelt_rooms(const ConfigNode& root) {
  const std::vector<std::string> rooms{"rooms"};
  for (const auto& child : root.children) {
    if (child.key != "rooms" && !util::did_you_mean(child.key, rooms).empty()) return true;
  }
  return false;
}

void decode_bands(const ConfigReader& r, const ConfigNode& parent, std::string_view key,
                  std::array<int, kAgeBandCount>& out) {
  const ConfigNode* node = r.map(parent, key);
  if (node == nullptr) return;
  r.check_keys(*node, {"under_2", "age_2", "age_3_plus"}, key);
  for (AgeBand band : kAgeBands) {
    if (auto v = r.integer(*node, age_band_id(band), 1, 1000))
      out[static_cast<std::size_t>(band)] = static_cast<int>(*v);
  }
}

void decode_policy(const ConfigReader& r, const ConfigNode& root, ContinuityPolicy& p) {
  const ConfigNode* node = r.map(root, "policy");
  if (node == nullptr) return;
  r.check_keys(*node,
               {"key_person_coverage_min", "key_or_buddy_coverage_min", "handover_window_minutes",
                "settling_in_sessions", "max_key_children", "max_distinct_carers_per_week",
                "pfa_expiry_warning_days", "key_person_room_share_min", "transition_together_minutes",
                "buddy_for_all"},
               "[policy]");
  if (auto v = r.number(*node, "key_person_coverage_min", 0, 1)) p.key_person_coverage_min = *v;
  if (auto v = r.number(*node, "key_or_buddy_coverage_min", 0, 1)) p.key_or_buddy_coverage_min = *v;
  if (auto v = r.integer(*node, "handover_window_minutes", 0, 240))
    p.handover_window_minutes = static_cast<int>(*v);
  if (auto v = r.integer(*node, "settling_in_sessions", 0, 100))
    p.settling_in_sessions = static_cast<int>(*v);
  if (auto v = r.integer(*node, "pfa_expiry_warning_days", 0, 3650))
    p.pfa_expiry_warning_days = static_cast<int>(*v);
  if (auto v = r.number(*node, "key_person_room_share_min", 0, 1)) p.key_person_room_share_min = *v;
  if (auto v = r.integer(*node, "transition_together_minutes", 0, 100000))
    p.transition_together_minutes = static_cast<int>(*v);
  if (auto v = r.boolean(*node, "buddy_for_all")) p.buddy_for_all = *v;
  decode_bands(r, *node, "max_key_children", p.max_key_children);
  decode_bands(r, *node, "max_distinct_carers_per_week", p.max_distinct_carers_per_week);
}

/// [cover]: what `attune cover` may change.
void decode_cover(const ConfigReader& r, const ConfigNode& root, CoverLimits& c) {
  const ConfigNode* node = r.map(root, "cover");
  if (node == nullptr) return;
  r.check_keys(*node, {"max_shift_minutes", "break_window_minutes", "step_minutes"}, "[cover]");
  if (auto v = r.integer(*node, "max_shift_minutes", 0, 24 * 60)) c.max_shift_minutes = static_cast<int>(*v);
  if (auto v = r.integer(*node, "break_window_minutes", 0, 240)) c.break_window_minutes = static_cast<int>(*v);
  if (auto v = r.integer(*node, "step_minutes", 1, 60)) c.step_minutes = static_cast<int>(*v);
}

/// [plan]: how `attune plan` builds a rota. break_window is "HH:MM-HH:MM".
void decode_plan(const ConfigReader& r, const ConfigNode& root, PlanLimits& p) {
  const ConfigNode* node = r.map(root, "plan");
  if (node == nullptr) return;
  r.check_keys(*node,
               {"slot_minutes", "break_minutes", "break_after_minutes", "break_window", "min_shift_minutes",
                "max_shift_minutes", "overtime_minutes", "time_limit_seconds"},
               "[plan]");
  auto minutes = [&](std::string_view key, long lo, long hi, int& out) {
    if (auto v = r.integer(*node, key, lo, hi)) out = static_cast<int>(*v);
  };
  minutes("slot_minutes", 1, 240, p.slot_minutes);
  minutes("break_minutes", 0, 240, p.break_minutes);
  minutes("break_after_minutes", 0, 24 * 60, p.break_after_minutes);
  minutes("min_shift_minutes", 0, 24 * 60, p.min_shift_minutes);
  minutes("max_shift_minutes", 1, 24 * 60, p.max_shift_minutes);
  minutes("overtime_minutes", 0, 7 * 24 * 60, p.overtime_minutes);
  minutes("time_limit_seconds", 1, 24 * 3600, p.time_limit_seconds);
  if (auto text = r.text(*node, "break_window", false)) {
    const auto dash = text->find('-');
    const auto start = dash == std::string::npos ? std::nullopt : parse_clock_time(text->substr(0, dash));
    const auto end = dash == std::string::npos ? std::nullopt : parse_clock_time(text->substr(dash + 1));
    if (start && end && *start < *end) p.break_window = TimeWindow{*start, *end};
    else r.error(*node->find("break_window"), fmt::format("break_window {} is not a time window", util::quoted(*text)),
                 "write it as \"HH:MM-HH:MM\" on the 24-hour clock, e.g. \"11:00-14:30\"");
  }
  if (p.min_shift_minutes > p.max_shift_minutes)
    r.error(*node, fmt::format("min_shift_minutes ({}) is more than max_shift_minutes ({})", p.min_shift_minutes,
                               p.max_shift_minutes),
            "a shift must be able to last from the shortest to the longest");
}

/// Reports `key` at `node` unless it is a column attune reads from `kind`.
bool known_column(const ConfigReader& r, const ConfigNode& node, TableKind kind, std::string_view section) {
  const TableSchema& schema = table_schema(kind);
  std::vector<std::string> names;
  for (auto n : schema.required) names.emplace_back(n);
  for (auto n : schema.optional) names.emplace_back(n);
  if (std::find(names.begin(), names.end(), node.key) != names.end()) return true;
  r.error(node, fmt::format("\"{}\" is not a column of {}{}", node.key, table_name(kind), util::did_you_mean(node.key, names)),
          fmt::format("{} maps attune's column names ({}) to your file's", section, util::join(names)));
  return false;
}

void decode_import(const ConfigReader& r, const ConfigNode& node, TableKind kind, ImportSpec& spec) {
  const std::string section = fmt::format("[import.{}]", node.key);
  r.check_keys(node, {"columns", "date_format", "time_format", "delimiter", "values"}, section);
  if (const ConfigNode* columns = r.map(node, "columns")) {
    for (const auto& c : columns->children) {
      if (!known_column(r, c, kind, section)) continue;
      if (!c.is_scalar() || c.text.empty()) r.error(c, "a column mapping is the file's column name");
      else spec.columns[c.key] = c.text;
    }
  }
  if (auto v = r.text(node, "date_format", false)) {
    if (*v == "iso" || *v == "yyyy-mm-dd") spec.date_format = DateFormat::iso;
    else if (*v == "dd/mm/yyyy") spec.date_format = DateFormat::dd_mm_yyyy;
    else if (*v == "d/m/yyyy") spec.date_format = DateFormat::d_m_yyyy;
    else r.error(*node.find("date_format"), fmt::format("unknown date_format {}", util::quoted(*v)),
                 "use iso, dd/mm/yyyy or d/m/yyyy");
  }
  if (auto v = r.text(node, "time_format", false)) {
    if (*v == "HH:MM") spec.time_format = TimeFormat::hh_mm;
    else if (*v == "h:mm am") spec.time_format = TimeFormat::h_mm_ampm;
    else r.error(*node.find("time_format"), fmt::format("unknown time_format {}", util::quoted(*v)),
                 "use \"HH:MM\" or \"h:mm am\"");
  }
  if (auto v = r.text(node, "delimiter", false)) {
    if (*v == "," || *v == ";" || *v == "\t") spec.delimiter = (*v)[0];
    else if (*v == "tab") spec.delimiter = '\t';
    else r.error(*node.find("delimiter"), fmt::format("unknown delimiter {}", util::quoted(*v)),
                 "use \",\", \";\" or \"tab\"");
  }
  if (const ConfigNode* values = r.map(node, "values")) {
    for (const auto& column : values->children) {
      if (!known_column(r, column, kind, section)) continue;
      if (!column.is_map()) {
        r.error(column, "a value map is a table: { \"their value\" = \"attune value\" }");
        continue;
      }
      for (const auto& v : column.children) spec.values[column.key][v.key] = v.text;
    }
  }
}

}  // namespace

std::string_view table_name(TableKind kind) { return kTableNames[static_cast<std::size_t>(kind)]; }

SettingConfig decode_setting_config(const ConfigNode& root, bool yaml, const SourceLines& lines,
                                    const std::filesystem::path& base_dir,
                                    const std::filesystem::path& display_dir, const DataSource& files,
                                    Diagnostics& diagnostics) {
  SettingConfig config;
  const ConfigReader r(lines, diagnostics);
  if (yaml) {
    r.check_keys(root, {"setting", "period", "rooms", "policy", "cover", "plan", "children", "staff", "shifts",
                        "attendance", "care_log", "allocations", "overrides", "availability"},
                 "setting.yaml");
  } else {
    r.check_keys(root, {"setting", "period", "rooms", "policy", "cover", "plan", "data", "import"}, "setting.toml");
  }
  decode_header(r, root, config.setting, config.opening_ok);
  decode_period(r, root, config);
  if (const ConfigNode* rooms = r.list(root, "rooms")) {
    for (const auto& room : rooms->children) {
      if (!decode_room(r, room, config.setting)) config.rooms_complete = false;
    }
  } else if (root.find("rooms") != nullptr) {
    config.rooms_complete = false;  // not a list: reported by list()
  }
  if (config.setting.rooms.empty() && config.setting.kind == ProvisionKind::childminder &&
      root.find("rooms") == nullptr) {
    // A childminder's home is one room unless the setting says otherwise.
    config.setting.rooms.push_back(Room{"home", "Home", 0, {}});
    config.setting.implicit_home = true;
  }
  if (config.setting.rooms.empty()) {
    // Rows naming a room are not blamed for it (see LoadContext::room_ids).
    config.rooms_complete = false;
    if (!misspelt_rooms(root))
      r.error(root, "the setting has no rooms", "add a [[rooms]] table for each room, with an id");
  }
  decode_policy(r, root, config.setting.policy);
  decode_cover(r, root, config.setting.cover);
  decode_plan(r, root, config.setting.plan);

  if (yaml) {
    for (std::size_t i = 0; i < kTableKinds; ++i) {
      if (const ConfigNode* rows = r.list(root, kTableNames[i])) {
        config.tables[i].present = true;
        config.tables[i].inline_rows = rows;
        config.tables[i].display = root.where.file;
      } else if (i < 4 && root.find(kTableNames[i]) == nullptr) {
        // A missing list would read as "nobody here": say so instead of finding nothing.
        r.error(root, fmt::format("setting.yaml has no {} list", kTableNames[i]),
                fmt::format("add `{}:` with one entry per row (write `{}: []` if there are none)", kTableNames[i],
                            kTableNames[i]));
      }
    }
    return config;
  }

  const ConfigNode* data = r.map(root, "data");
  if (data != nullptr) {
    r.check_keys(*data, {"children", "staff", "shifts", "attendance", "care_log", "allocations",
                         "policy", "overrides", "availability"},
                 "[data]");
  }
  for (std::size_t i = 0; i < kTableKinds; ++i) {
    const auto kind = static_cast<TableKind>(i);
    const bool required = i < 4;
    std::optional<std::string> named;
    if (data != nullptr) named = r.text(*data, kTableNames[i], false);
    const std::string file = named.value_or(fmt::format("{}.csv", kTableNames[i]));
    TableSource& t = config.table(kind);
    t.spec.table = kTableNames[i];
    if (named) t.named_by = data->find(kTableNames[i]);
    t.file = base_dir / file;
    t.display = (display_dir / file).lexically_normal().string();
    t.present = required || named.has_value() || files.exists(t.file);
  }
  if (data != nullptr) {
    if (auto v = r.text(*data, "policy", false)) config.policy_answers = base_dir / *v;

  }
  if (const ConfigNode* imports = r.map(root, "import")) {
    r.check_keys(*imports,
                 {"children", "staff", "shifts", "attendance", "care_log", "allocations", "overrides", "availability"},
                 "[import]");
    for (const auto& node : imports->children) {
      for (std::size_t i = 0; i < kTableKinds; ++i) {
        if (node.key == kTableNames[i] && node.is_map())
          decode_import(r, node, static_cast<TableKind>(i), config.tables[i].spec);
      }
    }
  }
  return config;
}

}  // namespace attune::io
