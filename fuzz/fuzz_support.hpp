#pragma once
// What the fuzz targets share: a small valid setting (one week, two rooms, every data
// file) held in memory, the rule profile, and a check + render of whatever loads, so a
// mutated input that loads is also taken through the rules and the renderers.

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "attune/check.hpp"
#include "attune/document.hpp"
#include "attune/load.hpp"
#include "attune/profile.hpp"
#include "attune/render.hpp"
#include "util/utf8.hpp"

namespace attune::fuzz {

inline constexpr std::string_view kSettingToml = R"(# The fuzz targets' fixed setting.
[setting]
name = "Fuzz Day Nursery"
urn = "EY999999"
profile = "eyfs-2024-group"
opening = { open = "07:30", close = "18:30" }

[period]
from = 2026-11-02
to = 2026-11-06

[[rooms]]
id = "babies"
name = "Baby Room"
capacity = 9
meals = [ { start = "11:30", end = "12:15" } ]

[[rooms]]
id = "toddlers"
name = "Toddler Room"

[policy]
key_person_coverage_min = 0.6
max_key_children = { under_2 = 3 }

[data]
children = "children.csv"
staff = "staff.csv"
shifts = "shifts.csv"
attendance = "attendance.csv"
allocations = "allocations.csv"
care_log = "care_log.csv"
overrides = "overrides.csv"
)";

/// The tables in the order of the CSV target's first byte.
inline constexpr std::string_view kTables[] = {"children", "staff",    "shifts",   "attendance",
                                               "allocations", "care_log", "overrides"};
inline constexpr std::size_t kTableCount = sizeof kTables / sizeof kTables[0];

inline DataFiles base_files() {
  return DataFiles{
      {"children.csv",
       "id,name,date_of_birth,room,key_person,buddy,start_date,leave_date,family\n"
       "c1,Amy Brown,2025-06-01,babies,s1,s2,,,brown\n"
       "c2,\"Lee, Sam\",2024-03-10,toddlers,s3,s2,2026-11-03,,\n"
       "c3,Eve Hart,2023-09-15,toddlers,s3,,,2026-11-05,brown\n"},
      {"staff.csv",
       "id,name,date_of_birth,role,qualification,pfa_expiry,baby_training,start_date,leave_date,in_ratio,"
       "studying,under_2_experience\n"
       "s1,Jo Smith,1990-05-05,room_leader,level3,2028-01-31,yes,,,yes,,yes\n"
       "s2,Kim Lee,1995-09-30,practitioner,level2,2026-11-20,yes,,,,,no\n"
       "s3,Pat Ward,2000-01-01,apprentice,level2,2027-06-30,no,2026-01-01,,yes,level3,no\n"
       "s4,Max Cole,1985-02-02,manager,eyts,,no,,2026-12-31,,,\n"},
      {"shifts.csv",
       "staff,date,start,end,room,kind\n"
       "s1,Mon,08:00,17:00,babies,work\n"
       "s1,Mon,12:00,12:30,babies,break\n"
       "s2,Mon,08:30,16:30,babies,work\n"
       "s3,Tue,08:00,16:00,toddlers,work\n"
       "s4,2026-11-04,09:00,15:00,toddlers,non_contact\n"
       "s2,2026-11-06,,,babies,\n"},
      {"attendance.csv",
       "child,date,start,end,room\n"
       "c1,Mon,08:00,16:00,\n"
       "c2,Tue,09:00,15:00,toddlers\n"
       "c3,2026-11-04,08:30,12:00,\n"},
      {"allocations.csv",
       "child,key_person,buddy,from,to\n"
       "c1,s1,s2,2026-01-01,2026-11-03\n"
       "c1,s2,s1,2026-11-04,\n"},
      {"care_log.csv",
       "child,staff,date,time,kind\n"
       "c1,s1,2026-11-02,10:00,nappy\n"
       "c1,s2,2026-11-02,12:15,feed\n"},
      {"overrides.csv",
       "date,start,end,room,rule,reason\n"
       "2026-11-02,12:00,12:30,babies,RATIO-ROOM,Staff member taken ill\n"},
  };
}

/// The profile every loaded setting is checked against, read once.
inline const RuleProfile& profile() {
  static const RuleProfile loaded = [] {
    Diagnostics diagnostics;
    auto p = load_profile(ATTUNE_TEMPLATES_DIR "/profiles/eyfs-2024-group.toml", diagnostics);
    if (!p) {
      std::fputs("fuzz: cannot load the eyfs-2024-group profile\n", stderr);
      std::abort();
    }
    return *p;
  }();
  return loaded;
}

/// The promise of docs: nothing that is not UTF-8 ever reaches the output.
inline void require_utf8(std::string_view text, const char* what) {
  if (util::find_invalid_utf8(text) == std::string_view::npos) return;
  std::fprintf(stderr, "fuzz: %s is not valid UTF-8\n", what);
  std::abort();
}

/// Checks and renders a setting that loaded, when its period is short enough for a fuzz
/// iteration (a long period is slow by design, not a bug).
inline void check_and_render(const Setting& setting) {
  if ((setting.period.to - setting.period.from).count() > 62) return;
  const RuleProfile& rules = profile();
  const CheckResult result = check_setting(setting, rules);
  const SettingReport report{setting, rules, result};
  RenderOptions options;
  options.limit_per_rule = 5;
  require_utf8(render_text({&report, 1}, options), "the text report");
  require_utf8(render_json({&report, 1}, options), "the JSON report");
  options.redact = true;
  require_utf8(render_csv({&report, 1}, options), "the CSV report");
}

/// The fixed setting must load cleanly, or the targets would only fuzz error paths.
inline bool base_setting_loads() {
  const LoadResult loaded = load_setting_in_memory(kSettingToml, false, base_files(), "setting.toml", {});
  if (loaded.setting) return true;
  for (const Diagnostic& d : loaded.diagnostics.sorted()) std::fprintf(stderr, "%s\n", format_diagnostic(d).c_str());
  std::fputs("fuzz: the fixed setting of fuzz_support.hpp does not load\n", stderr);
  std::abort();
}

/// Every diagnostic is formatted, as the CLI would print it. Each names its file and a
/// line: a manager must be able to find what is wrong (the data files of these targets
/// are all there, so no problem is about a whole missing file).
inline void format_all(const Diagnostics& diagnostics) {
  for (const Diagnostic& d : diagnostics.sorted()) {
    const std::string text = format_diagnostic(d);
    require_utf8(text, "a message");
    if (d.where.file.empty() || d.where.line == 0) {
      std::fprintf(stderr, "fuzz: a message without its place:\n%s\n", text.c_str());
      std::abort();
    }
  }
}

}  // namespace attune::fuzz
