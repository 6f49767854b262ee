// templates/profiles/*.toml -> RuleProfile: [profile], [[bands]], the first version's
// numbers, and [[versions]], each a copy of the version before with the keys it gives.

#include <algorithm>
#include <numeric>

#include <fmt/format.h>

#include "../util/text.hpp"
#include "attune/profile.hpp"
#include "attune/rule_catalog.hpp"
#include "config_reader.hpp"
#include "profile_sections.hpp"
#include "record_table.hpp"

namespace attune {
namespace {

using io::ConfigNode;
using io::ConfigReader;

void decode_header(const ConfigReader& r, const ConfigNode& root, RuleProfile& p) {
  const ConfigNode* header = r.map(root, "profile");
  if (header == nullptr) {
    r.error(root, "missing the [profile] section", "add [profile] with id, title and framework");
    return;
  }
  r.check_keys(*header, {"id", "title", "framework", "jurisdiction", "kind", "effective_from", "version"},
               "[profile]");
  p.id = r.text(*header, "id", true).value_or("");
  p.title = r.text(*header, "title", false).value_or(p.id);
  p.framework = r.text(*header, "framework", false).value_or("");
  p.jurisdiction = r.text(*header, "jurisdiction", false).value_or("");
  p.version_label = r.text(*header, "version", false).value_or("");
  p.effective_from = r.date(*header, "effective_from", false);
  if (auto kind = r.text(*header, "kind", false)) {
    if (auto k = parse_provision_kind(*kind)) p.kind = *k;
    else r.error(*header->find("kind"), fmt::format("unknown kind {}", util::quoted(*kind)), "use group or childminder");
  }
}

/// `until = { months = 24 }`, `{ weeks = 6 }` or `{ school_year_after_birthday = 5 }`.
std::optional<AgeLimit> decode_limit(const ConfigReader& r, const ConfigNode& node) {
  if (!node.is_map() || node.children.size() != 1) {
    r.error(node, "until is one of { months = N }, { weeks = N }, { school_year_after_birthday = N }");
    return std::nullopt;
  }
  r.check_keys(node, {"months", "weeks", "school_year_after_birthday"}, "until");
  const ConfigNode& only = node.children.front();
  AgeLimit limit;
  if (only.key == "weeks") limit.unit = AgeLimit::Unit::weeks;
  else if (only.key == "school_year_after_birthday") limit.unit = AgeLimit::Unit::school_year;
  else if (only.key != "months") return std::nullopt;
  const auto v = r.integer(node, only.key, 1, 1200);
  if (!v) return std::nullopt;
  limit.count = static_cast<int>(*v);
  return limit;
}

void decode_bands(const ConfigReader& r, const ConfigNode& root, RuleProfile& p) {
  const ConfigNode* list = r.list(root, "bands");
  if (list == nullptr) return;
  p.bands.clear();
  for (const ConfigNode& node : list->children) {
    if (!node.is_map()) {
      r.error(node, "a band is a table", "write [[bands]] with id, label and until");
      continue;
    }
    r.check_keys(node, {"id", "label", "until"}, "[[bands]]");
    ProfileBand band;
    band.id = r.text(node, "id", true).value_or("");
    band.label = r.text(node, "label", false).value_or(band.id);
    if (const ConfigNode* until = node.find("until")) band.until = decode_limit(r, *until);
    if (p.band_index(band.id) >= 0) r.error(node, fmt::format("band id \"{}\" is used twice", band.id));
    if (!p.bands.empty() && !p.bands.back().until)
      r.error(node, "only the last band may have no until", "give every band but the oldest an until");
    p.bands.push_back(std::move(band));
  }
  if (p.bands.empty() || p.bands.size() > kMaxBands) {
    r.error(*list, fmt::format("a profile has 1 to {} bands", kMaxBands));
    p.bands = RuleProfile::default_bands();
    return;
  }
  // Each band must end after the one before, for any child: tried on dates of birth
  // across a school year and a leap day.
  for (const char* birth : {"2020-01-31", "2020-02-29", "2020-08-31", "2020-09-01", "2021-03-15"}) {
    const ProfileBandDates dates = p.band_dates(*parse_iso_date(birth));
    for (std::uint8_t b = 1; b < dates.count; ++b) {
      if (dates.ends[b] > dates.ends[b - 1]) continue;
      r.error(list->children[b], fmt::format("band {} does not end after band {}", p.bands[b].id, p.bands[b - 1].id),
              "list the bands youngest first");
      return;
    }
  }
}

/// A number in one of the version's ratios, for the common denominator's check.
void collect_ratios(const RuleProfile& v, std::vector<int>& out) {
  for (std::size_t b = 0; b < v.bands.size(); ++b) out.push_back(v.children_per_adult[b]);
  if (v.graduate_children_per_adult > 0) out.push_back(v.graduate_children_per_adult);
  if (v.short_session) out.push_back(v.short_session->children_per_adult);
  for (const RatioWindow& w : v.windows) out.push_back(w.children_per_adult);
}

/// What every version must satisfy; `where` is its table, for the messages.
void check_version(const ConfigReader& r, const ConfigNode& where, const RuleProfile& v) {
  const std::string name = v.effective_from ? fmt::format("the version from {}", format_iso_date(*v.effective_from))
                                            : std::string("the profile");
  std::vector<int> ratios;
  collect_ratios(v, ratios);
  std::int64_t lcm = 1;
  for (int x : ratios) {
    if (x > 0) lcm = std::lcm(lcm, std::int64_t{x});
    if (lcm > 1'000'000'000'000) {
      r.error(where, fmt::format("the ratios of {} have no common multiple below 10^12", name),
              "use fewer different ratios");
      break;
    }
  }
  const bool ratios_used = v.rule_enabled("RATIO-ROOM") || v.rule_enabled("RATIO-SETTING");
  for (std::size_t b = 0; ratios_used && b < v.bands.size(); ++b) {
    if (v.children_per_adult[b] <= 0)
      r.error(where, fmt::format("{} checks ratios but has none for band {}", name, v.bands[b].id),
              fmt::format("add {} = N to [ratios]", v.bands[b].id));
  }
  if (v.short_session && v.graduate_children_per_adult > 0 && v.short_session->band == v.graduate_band)
    r.error(where, fmt::format("{} has a graduate ratio and a short-session ratio for the same band", name));
  for (const RuleInfo& info : rule_catalog()) {
    if (!v.rule_enabled(info.id)) continue;
    for (const RuleOption& option : info.options) {
      if (option.required && v.rule_option(info.id, option.key) == nullptr)
        r.error(where, fmt::format("{} enables {} but gives no {}", name, info.id, option.key),
                fmt::format("add {} to [rules.{}]: {}", option.key, info.id, option.meaning));
    }
  }
}

/// The [[versions]] list: each entry starts from the version before it.
void decode_versions(const ConfigReader& r, const ConfigNode& root, RuleProfile& p) {
  const ConfigNode* list = r.list(root, "versions");
  if (list == nullptr) return;
  const RuleProfile* before = &p;
  for (const ConfigNode& node : list->children) {
    if (!node.is_map()) {
      r.error(node, "a version is a table", "write [[versions]] with effective_from");
      continue;
    }
    r.check_keys(node, {"effective_from", "version", "ratios", "staff", "rules"}, "[[versions]]");
    RuleProfile v = *before;
    v.versions.clear();
    v.version_label = r.text(node, "version", false).value_or("");
    v.effective_from = r.date(node, "effective_from", true);
    if (!v.effective_from) continue;
    const std::optional<Date> previous = before->effective_from;
    if (previous && *v.effective_from <= *previous)
      r.error(*node.find("effective_from"),
              fmt::format("effective_from {} is not after the version before ({})", format_iso_date(*v.effective_from),
                          format_iso_date(*previous)),
              "list the versions in date order");
    io::decode_ratios(r, node, v, false);
    io::decode_staff_rules(r, node, v);
    io::decode_rules(r, node, v);
    check_version(r, node, v);
    p.versions.push_back(std::move(v));
    before = &p.versions.back();
  }
}

}  // namespace

std::optional<RuleProfile> load_profile(const std::filesystem::path& file, Diagnostics& diagnostics) {
  const std::string display = file.lexically_normal().string();
  Diagnostics local;
  auto text = io::read_file(file.string(), display, local);
  if (!text) {
    diagnostics.merge(std::move(local));
    return std::nullopt;
  }
  const auto root = io::parse_toml(*text, display, local);
  if (!root) {
    diagnostics.merge(std::move(local));
    return std::nullopt;
  }
  const io::SourceLines lines(*text);
  const ConfigReader r(lines, local);
  r.check_keys(*root, {"profile", "bands", "ratios", "staff", "rules", "versions"}, "a profile");
  RuleProfile p;
  p.path = file;
  p.in_ratio_roles = {Role::practitioner, Role::room_leader, Role::manager, Role::bank};
  decode_header(r, *root, p);
  decode_bands(r, *root, p);
  const bool ratios_given = root->find("ratios") != nullptr;
  io::decode_ratios(r, *root, p, true);
  io::decode_staff_rules(r, *root, p);
  io::decode_rules(r, *root, p);
  if (!ratios_given && (p.rule_enabled("RATIO-ROOM") || p.rule_enabled("RATIO-SETTING")))
    r.error(*root, "missing the [ratios] section", "add [ratios] with a ratio for each band");
  else check_version(r, *root, p);
  decode_versions(r, *root, p);
  const bool ok = !local.has_errors();
  diagnostics.merge(std::move(local));
  if (!ok) return std::nullopt;
  return p;
}

}  // namespace attune
