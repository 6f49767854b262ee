// libFuzzer target: policy.yaml (a setting's answers to the policy checklists) and,
// from the same bytes, a checklist file. What loads is summarised and rendered.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "attune/policy_checklist.hpp"
#include "attune/policy_render.hpp"
#include "fuzz_support.hpp"

namespace {

const attune::Checklist& checklist(const char* name) {
  attune::Diagnostics diagnostics;
  auto c = attune::load_checklist(std::string(ATTUNE_TEMPLATES_DIR "/checklists/") + name + ".yaml", diagnostics);
  if (!c) {
    std::fprintf(stderr, "fuzz: cannot load the %s checklist\n", name);
    std::abort();
  }
  return *new attune::Checklist(std::move(*c));
}

void summarise(const attune::Checklist& list, const attune::PolicyAnswers* answers) {
  static const attune::Date as_of = *attune::parse_iso_date("2026-11-02");
  const attune::PolicySummary summary = attune::summarise_policy(list, answers, nullptr, as_of, false);
  attune::fuzz::require_utf8(attune::policy_text(summary, {}, false), "the policy summary");
  attune::fuzz::require_utf8(attune::policy_json(summary, {}), "the policy JSON");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const attune::Checklist& health = checklist("infant-mental-health");
  static const attune::Checklist& key_person = checklist("key-person");
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  attune::Diagnostics diagnostics;
  const auto answers = attune::load_policy_answers_text(text, "policy.yaml", {&health, &key_person}, diagnostics);
  if (answers) summarise(health, &*answers);

  const auto list = attune::load_checklist_text(text, "checklist.yaml", diagnostics);
  if (list) {
    summarise(*list, nullptr);
    attune::fuzz::require_utf8(attune::policy_answers_template(*list), "the answers template");
  }
  attune::fuzz::format_all(diagnostics);
  return 0;
}
