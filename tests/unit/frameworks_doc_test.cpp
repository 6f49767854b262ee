// docs/frameworks.md agrees with the shipped profiles. The page is written by hand (its
// conditions and caveats are prose), so this test parses its three tables and compares
// every number in bold with the profile it names:
//   - the profiles table: every shipped profile, its jurisdiction, kind and versions;
//   - the ratios table: one "; "-separated part per band of the profile, holding in bold
//     each ratio that band has in any version (the graduate and short-session ratios in
//     their band's part, a time-of-day ratio anywhere in the row), and nothing else;
//   - the other numbers table: for each rule a profile enables that reads numbers of its
//     own ([rules.ID] options: caps, minimum adults, first aiders per N, qualified share),
//     the rows naming it hold in bold exactly the numbers the profile gives it.
// A number changed in a profile and not in the page, or the other way round, fails here
// with the profile and band or rule in the message.

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "attune/calendar.hpp"
#include "attune/profile.hpp"
#include "attune/rule_catalog.hpp"
#include "test_support.hpp"

namespace attune {
namespace {

namespace fs = std::filesystem;

using Row = std::vector<std::string>;

std::string trim(std::string s) {
  const auto b = s.find_first_not_of(' ');
  const auto e = s.find_last_not_of(' ');
  return b == std::string::npos ? std::string{} : s.substr(b, e - b + 1);
}

std::vector<std::string> split_cells(const std::string& s, const std::string& sep) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (true) {
    const auto next = s.find(sep, at);
    out.push_back(trim(s.substr(at, next - at)));
    if (next == std::string::npos) return out;
    at = next + sep.size();
  }
}

/// The body rows of the first table after the line starting with `after` (a heading).
std::vector<Row> table_after(const std::string& doc, const std::string& after) {
  std::vector<Row> rows;
  const auto start = doc.find(after);
  REQUIRE_MESSAGE(start != std::string::npos, "docs/frameworks.md has no '" << after << "'");
  std::istringstream in(doc.substr(start));
  std::string line;
  bool in_table = false;
  int header_lines = 0;
  while (std::getline(in, line)) {
    if (line.starts_with("|")) {
      in_table = true;
      if (++header_lines <= 2) continue;  // the header and the --- line
      Row cells = split_cells(line.substr(1, line.size() - 2), "|");
      rows.push_back(std::move(cells));
    } else if (in_table) {
      break;
    }
  }
  return rows;
}

/// Every **bold** span of a cell.
std::vector<std::string> bold(const std::string& cell) {
  std::vector<std::string> out;
  static const std::regex kBold(R"(\*\*([^*]+)\*\*)");
  for (auto it = std::sregex_iterator(cell.begin(), cell.end(), kBold); it != std::sregex_iterator(); ++it) {
    out.push_back((*it)[1].str());
  }
  return out;
}

/// The N of each bold "1:N".
std::multiset<int> bold_ratios(const std::string& cell) {
  std::multiset<int> out;
  for (const std::string& b : bold(cell)) {
    if (b.starts_with("1:")) out.insert(std::stoi(b.substr(2)));
  }
  return out;
}

/// Bold numbers as the profile stores them: "6" and "50%" as themselves, "2 hours" in minutes.
std::set<std::int64_t> bold_numbers(const std::string& cell) {
  std::set<std::int64_t> out;
  static const std::regex kNumber(R"((\d+)(%| hours?| minutes?)?)");
  for (const std::string& b : bold(cell)) {
    std::smatch m;
    REQUIRE_MESSAGE(std::regex_match(b, m, kNumber), "not a number in bold: **" << b << "**");
    std::int64_t n = std::stoll(m[1].str());
    if (m[2].str().starts_with(" hour")) n *= 60;
    out.insert(n);
  }
  return out;
}

std::string read_doc(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const fs::path kDocsRoot = fs::path(ATTUNE_TEMPLATES_DIR).parent_path();

std::vector<RuleProfile> shipped_profiles() {
  std::vector<RuleProfile> out;
  for (const auto& entry : fs::directory_iterator(fs::path(ATTUNE_TEMPLATES_DIR) / "profiles")) {
    if (entry.path().extension() != ".toml") continue;
    Diagnostics d;
    auto profile = load_profile(entry.path(), d);
    INFO(entry.path().filename().string());
    REQUIRE(profile.has_value());
    out.push_back(std::move(*profile));
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  REQUIRE(out.size() >= 11);
  return out;
}

/// The profile and each of its dated versions.
std::vector<const RuleProfile*> versions_of(const RuleProfile& p) {
  std::vector<const RuleProfile*> out{&p};
  for (const RuleProfile& v : p.versions) out.push_back(&v);
  return out;
}

/// "1:4 1:5", for messages.
std::string ratios_text(const std::set<int>& ratios) {
  std::string out;
  for (int r : ratios) out += fmt::format("{}1:{}", out.empty() ? "" : " ", r);
  return out;
}

const Row* row_of(const std::vector<Row>& rows, const std::string& first_cell) {
  for (const Row& r : rows) {
    if (!r.empty() && r[0] == first_cell) return &r;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("docs/frameworks.md lists every shipped profile with its jurisdiction, kind and versions") {
  const std::string doc = read_doc(kDocsRoot / "docs" / "frameworks.md");
  const auto rows = table_after(doc, "| profile | jurisdiction | kind | versions |");
  const auto profiles = shipped_profiles();
  for (const RuleProfile& p : profiles) {
    INFO(p.id);
    const Row* row = row_of(rows, fmt::format("`{}`", p.id));
    REQUIRE_MESSAGE(row != nullptr, "no row for the profile");
    REQUIRE(row->size() == 4);
    CHECK((*row)[1] == p.jurisdiction);
    CHECK((*row)[2] == provision_kind_id(p.kind));
    std::string dates;
    for (const RuleProfile* v : versions_of(p)) {
      if (v->effective_from) dates += (dates.empty() ? "from " : "; ") + format_iso_date(*v->effective_from);
    }
    CHECK((*row)[3] == (dates.empty() ? std::string("one (no date)") : dates));
  }
  CHECK(rows.size() == profiles.size());  // and no row for a profile that is not shipped
}

TEST_CASE("docs/frameworks.md gives each band's ratios as the profiles do") {
  const std::string doc = read_doc(kDocsRoot / "docs" / "frameworks.md");
  const auto rows = table_after(doc, "## Ratios: children per adult, by band");
  std::size_t with_ratios = 0;
  for (const RuleProfile& p : shipped_profiles()) {
    INFO(p.id);
    const auto versions = versions_of(p);
    const bool has_ratios = std::any_of(versions.begin(), versions.end(), [](const RuleProfile* v) {
      return std::any_of(v->children_per_adult.begin(), v->children_per_adult.end(), [](int r) { return r > 0; });
    });
    const Row* row = row_of(rows, p.id);
    if (!has_ratios) {
      CHECK_MESSAGE(row == nullptr, "a row for a profile without ratios by band");
      continue;
    }
    ++with_ratios;
    REQUIRE_MESSAGE(row != nullptr, "no row in the ratios table");
    REQUIRE(row->size() == 4);
    const auto parts = split_cells((*row)[1], "; ");
    REQUIRE_MESSAGE(parts.size() == p.bands.size(), "one '; '-separated part per band: " << (*row)[1]);
    std::set<int> windows;
    for (const RuleProfile* v : versions_of(p)) {
      for (const RatioWindow& w : v->windows) windows.insert(w.children_per_adult);
    }
    for (std::size_t b = 0; b < p.bands.size(); ++b) {
      INFO("band " << p.bands[b].id << ": " << parts[b]);
      std::set<int> expected;
      for (const RuleProfile* v : versions_of(p)) {
        if (v->children_per_adult[b] > 0) expected.insert(v->children_per_adult[b]);
        if (v->graduate_children_per_adult > 0 && v->graduate_band == b) expected.insert(v->graduate_children_per_adult);
        if (v->short_session && v->short_session->band == b) expected.insert(v->short_session->children_per_adult);
      }
      const auto listed = bold_ratios(parts[b]);
      CHECK(ratios_text(std::set<int>(listed.begin(), listed.end())) == ratios_text(expected));
    }
    for (int w : windows) {
      INFO("time-of-day ratio 1:" << w);
      CHECK(bold_ratios((*row)[3]).count(w) == 1);
    }
    CHECK((*row)[2].starts_with(mixed_age_method_id(p.mixed_age_method)));
  }
  CHECK(rows.size() == with_ratios);
}

TEST_CASE("docs/frameworks.md gives each rule's own numbers as the profiles do") {
  const std::string doc = read_doc(kDocsRoot / "docs" / "frameworks.md");
  const auto rows = table_after(doc, "## Other numbers");
  const auto profiles = shipped_profiles();
  // Every row names a shipped profile and registered rules (or "(who counts)").
  for (const Row& row : rows) {
    INFO(row[0] << " | " << row[1]);
    REQUIRE(row.size() == 4);
    CHECK(std::any_of(profiles.begin(), profiles.end(), [&](const RuleProfile& p) { return p.id == row[0]; }));
    if (row[1] == "(who counts)") continue;
    for (const std::string& id : split_cells(row[1], ", ")) CHECK_MESSAGE(find_rule(id) != nullptr, id);
  }
  std::size_t compared = 0;
  for (const RuleProfile& p : profiles) {
    for (const RuleInfo& rule : rule_catalog()) {
      std::set<std::int64_t> expected;
      bool enabled = false;
      for (const RuleProfile* v : versions_of(p)) {
        if (!v->rule_enabled(rule.id)) continue;
        for (const RuleOption& option : rule.options) {
          const RuleOptionValue* value = v->rule_option(rule.id, option.key);
          if (value == nullptr) continue;
          enabled = true;
          if (option.kind == RuleOption::Kind::number) expected.insert(value->number);
          if (option.kind == RuleOption::Kind::by_band) {
            for (std::int64_t n : value->by_band) {
              if (n > 0) expected.insert(n);
            }
          }
        }
      }
      if (!enabled) continue;
      INFO(p.id << " " << rule.id);
      std::set<std::int64_t> listed;
      bool found = false;
      for (const Row& row : rows) {
        if (row[0] != p.id) continue;
        const auto ids = split_cells(row[1], ", ");
        if (std::find(ids.begin(), ids.end(), rule.id) == ids.end()) continue;
        found = true;
        // A row may name several rules (CM-UNDER-12, CM-YOUNG, ...): each of their
        // numbers must be in it; the row's bold numbers are checked against all of them below.
        const auto numbers = bold_numbers(row[2]);
        listed.insert(numbers.begin(), numbers.end());
      }
      REQUIRE_MESSAGE(found, "no row in the other numbers table");
      for (std::int64_t n : expected) CHECK_MESSAGE(listed.count(n) == 1, "the page does not give " << n);
      ++compared;
    }
  }
  // No bold number in a row that none of the rules it names has.
  for (const Row& row : rows) {
    if (row[1] == "(who counts)") continue;
    const auto* p = &*std::find_if(profiles.begin(), profiles.end(), [&](const RuleProfile& q) { return q.id == row[0]; });
    std::set<std::int64_t> known;
    for (const std::string& id : split_cells(row[1], ", ")) {
      const RuleInfo* rule = find_rule(id);
      if (rule == nullptr) continue;
      for (const RuleProfile* v : versions_of(*p)) {
        for (const RuleOption& option : rule->options) {
          const RuleOptionValue* value = v->rule_option(rule->id, option.key);
          if (value == nullptr) continue;
          known.insert(value->number);
          known.insert(value->by_band.begin(), value->by_band.end());
        }
      }
    }
    INFO(row[0] << " | " << row[1] << " | " << row[2]);
    for (std::int64_t n : bold_numbers(row[2])) CHECK_MESSAGE(known.count(n) == 1, "the profile has no " << n);
  }
  CHECK(compared >= 10);
}

TEST_CASE("docs/rules.md names the profiles that check each statutory rule, with their dates") {
  const std::string doc = read_doc(kDocsRoot / "docs" / "rules.md");
  const auto rows = table_after(doc, "| rule | profiles that check it |");
  const auto profiles = shipped_profiles();
  std::size_t statutory = 0;
  for (const RuleInfo& rule : rule_catalog()) {
    if (rule.family != RuleFamily::statutory) continue;
    ++statutory;
    INFO(rule.id);
    std::vector<std::string> expected;
    for (const RuleProfile& p : profiles) {
      const auto all = versions_of(p);
      std::vector<std::string> spans;
      bool every = true;
      for (std::size_t i = 0; i < all.size(); ++i) {
        if (!all[i]->rule_enabled(rule.id)) {
          every = false;
          continue;
        }
        if (i > 0 && all[i - 1]->rule_enabled(rule.id)) continue;
        std::size_t j = i;
        while (j + 1 < all.size() && all[j + 1]->rule_enabled(rule.id)) ++j;
        // As `attune rules` words it (lib/src/render/rule_text.cpp).
        const std::string until =
            j + 1 < all.size() ? " until " + format_iso_date(*all[j + 1]->effective_from - std::chrono::days{1}) : "";
        if (!all[i]->effective_from) spans.push_back(until.empty() ? std::string{} : until.substr(1));
        else spans.push_back("from " + format_iso_date(*all[i]->effective_from) + until);
      }
      if (spans.empty()) continue;
      std::string when;
      for (const auto& span : spans) when += (when.empty() ? "" : "; ") + span;
      expected.push_back(every ? fmt::format("`{}`", p.id) : fmt::format("`{}` ({})", p.id, when));
    }
    const Row* row = nullptr;
    for (const Row& r : rows) {
      if (r[0].starts_with(fmt::format("[{}]", rule.id))) row = &r;
    }
    REQUIRE_MESSAGE(row != nullptr, "no row in docs/rules.md's table of profiles");
    CHECK((*row)[1] == fmt::format("{}", fmt::join(expected, ", ")));
  }
  CHECK(rows.size() == statutory);
}

}  // namespace attune
