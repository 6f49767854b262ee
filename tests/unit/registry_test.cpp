// The rule registry checks itself: every registered rule has its texts, a factory that
// makes it, a section in docs/rules.md, a row in docs/json.md, a source in every
// profile that enables it, and at least one CLI case whose expected output names it.
// A rule added without one of these fails here, with the rule's id in the message.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "attune/profile.hpp"
#include "attune/rule_catalog.hpp"
#include "rules/rule.hpp"
#include "test_support.hpp"

namespace attune {
namespace {

namespace fs = std::filesystem;

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const fs::path kRoot = fs::path(ATTUNE_TEMPLATES_DIR).parent_path();

}  // namespace

TEST_CASE("every registered rule is complete: id, texts, a check") {
  std::set<std::string_view> ids;
  for (const RuleInfo& rule : rule_catalog()) {
    INFO(rule.id);
    CHECK(ids.insert(rule.id).second);
    CHECK_FALSE(rule.title.empty());
    CHECK_FALSE(rule.checks.empty());
    CHECK_FALSE(rule.why.empty());
    CHECK_FALSE(rule.fix.empty());
    CHECK_FALSE(rule.reads.empty());
    CHECK((rule.make != nullptr));
    CHECK(find_rule(rule.id) == &rule);
  }
  const auto checks = rules::make_rules();
  REQUIRE(checks.size() == rule_catalog().size());
  for (std::size_t i = 0; i < checks.size(); ++i) CHECK(checks[i]->id() == rule_catalog()[i].id);
}

TEST_CASE("rule ids are looked up in any letter case, with suggestions") {
  CHECK(find_rule("ratio-room")->id == "RATIO-ROOM");
  CHECK(find_rule("RATIO-ROM") == nullptr);
  CHECK(unknown_rule_message("RATIO-ROM") == "unknown rule \"RATIO-ROM\" (did you mean \"RATIO-ROOM\"?)");
  CHECK(rule_order("KP-ASSIGNED") == 0);
  CHECK(rule_order("NO-SUCH-RULE") == static_cast<int>(rule_catalog().size()));
}

TEST_CASE("every registered rule has a section in docs/rules.md and a row in docs/json.md") {
  const std::string rules_md = read_text(kRoot / "docs" / "rules.md");
  const std::string json_md = read_text(kRoot / "docs" / "json.md");
  for (const RuleInfo& rule : rule_catalog()) {
    INFO(rule.id);
    CHECK(rules_md.find(fmt::format("\n### {}\n", rule.id)) != std::string::npos);
    const bool row = json_md.find(fmt::format("\n| {} ", rule.id)) != std::string::npos ||
                     json_md.find(fmt::format("\n| {}, ", rule.id)) != std::string::npos;
    CHECK(row);
  }
}

TEST_CASE("docs/json.md lists the order of findings as the registry has it") {
  const std::string json_md = read_text(kRoot / "docs" / "json.md");
  const auto start = json_md.find("1. rule, in this order: ");
  REQUIRE(start != std::string::npos);
  const auto end = json_md.find(" (the\n", start);
  REQUIRE(end != std::string::npos);
  std::string listed = json_md.substr(start + 24, end - start - 24);
  std::replace(listed.begin(), listed.end(), '\n', ' ');
  std::string expected;
  for (const RuleInfo& rule : rule_catalog()) expected += (expected.empty() ? "" : ", ") + std::string(rule.id);
  std::string squeezed;
  for (char c : listed) {
    if (c == ' ' && !squeezed.empty() && squeezed.back() == ' ') continue;
    squeezed += c;
  }
  CHECK(squeezed == expected);
}

TEST_CASE("every profile gives a source for each rule it enables") {
  std::size_t profiles = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(ATTUNE_TEMPLATES_DIR) / "profiles")) {
    if (entry.path().extension() != ".toml") continue;
    ++profiles;
    Diagnostics d;
    const auto profile = load_profile(entry.path(), d);
    INFO(entry.path().filename().string());
    REQUIRE(profile.has_value());
    for (const RuleInfo& rule : rule_catalog()) {
      if (!profile->rule_enabled(rule.id)) continue;
      INFO(rule.id);
      CHECK_FALSE(profile->rule_source(rule.id).empty());
    }
  }
  CHECK(profiles > 0);
}

TEST_CASE("every registered rule has a CLI case whose expected output names it") {
  std::string expected;  // every case's expected stdout and stdout.json, one after another
  for (const auto& entry : fs::directory_iterator(kRoot / "tests" / "cli")) {
    for (const char* name : {"stdout.json", "stdout"}) {
      if (fs::exists(entry.path() / name)) expected += read_text(entry.path() / name);
    }
  }
  for (const RuleInfo& rule : rule_catalog()) {
    INFO(rule.id);
    const bool in_json = expected.find(fmt::format("\"rule\": \"{}\"", rule.id)) != std::string::npos;
    CHECK(in_json);
  }
}

}  // namespace attune
