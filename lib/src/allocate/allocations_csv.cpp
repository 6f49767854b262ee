// allocations.csv from a proposal: the data file `attune check` reads back.

#include <algorithm>

#include <fmt/format.h>

#include "../util/text.hpp"
#include "attune/allocate.hpp"

namespace attune {
namespace {

/// The ids are written as they are (no formula escaping): this is a data file attune reads back.
std::string field(std::string_view text) { return util::csv_field(text); }

std::string id_of(const Setting& s, StaffIndex staff) { return staff < s.staff.size() ? s.staff[staff].id : ""; }

void row(std::string& out, const Setting& s, ChildIndex child, StaffIndex key, StaffIndex buddy, Date from,
         std::optional<Date> to) {
  out += fmt::format("{},{},{},{},{}\n", field(s.children[child].id), field(id_of(s, key)), field(id_of(s, buddy)),
                     format_iso_date(from), to ? format_iso_date(*to) : "");
}

}  // namespace

std::string render_allocations_csv(const Setting& setting, const AllocationProposal& proposal, Date apply_from) {
  std::vector<const ChildAllocation*> proposed(setting.children.size(), nullptr);
  const bool have = proposal.status == AllocationStatus::optimal || proposal.status == AllocationStatus::feasible;
  if (have)
    for (const ChildAllocation& c : proposal.children) proposed[c.child] = &c;
  std::string out = "child,key_person,buddy,from,to\n";
  for (ChildIndex c = 0; c < setting.children.size(); ++c) {
    auto first = std::lower_bound(setting.allocations.begin(), setting.allocations.end(), c,
                                  [](const Allocation& a, ChildIndex x) { return a.child < x; });
    bool any = false;
    for (auto it = first; it != setting.allocations.end() && it->child == c; ++it) {
      if (proposed[c] == nullptr) {  // not attending: its rows as they are
        row(out, setting, c, it->key_person, it->buddy, it->from, it->to);
        any = true;
      } else if (it->from < apply_from) {  // history before the proposal, ended the day before
        const Date end = apply_from - std::chrono::days{1};
        row(out, setting, c, it->key_person, it->buddy, it->from, it->to && *it->to < end ? *it->to : end);
      }
    }
    if (proposed[c] != nullptr) {
      row(out, setting, c, proposed[c]->proposed.key_person, proposed[c]->proposed.buddy, apply_from, std::nullopt);
    } else if (!any && setting.children[c].key_person != kNone) {  // the same as children.csv says
      const Child& child = setting.children[c];
      row(out, setting, c, child.key_person, child.buddy, apply_from, std::nullopt);
    }
  }
  return out;
}

}  // namespace attune
