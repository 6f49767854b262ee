// GROUP-SIZE: the most children a room (a group) may hold, by the profile's bands
// (New York, Texas; California's toddler component).

#include <fmt/format.h>

#include "rule.hpp"

namespace attune::rules {
namespace {

constexpr RuleOption kOptions[] = {
    {.key = "max_group",
     .kind = RuleOption::Kind::by_band,
     .min = 1,
     .max = 1000,
     .required = true,
     .meaning = "the most children in a group, by band: max_group = { toddler = 12 }"},
};

class GroupSize final : public Rule {
 public:
  void room_day(RuleContext& ctx, const Day& day, const RoomDay& rd) override {
    const RuleProfile& version = ctx.on(day);
    const RuleOptionValue* caps = version.rule_option(id(), "max_group");
    if (caps == nullptr) return;
    BreachRun run(ctx, id(), day, rd.room, [](const Finding& f) {
      const auto* band = std::get_if<std::string>(f.value("profile_band"));
      return fmt::format("{} in the room; a group with children in band {} may have at most {}",
                         count_of(int_value(f, "children"), "child", "children"), band != nullptr ? *band : "",
                         int_value(f, "max_group"));
    });
    for (const Segment& s : rd.segments) {
      // The group is held to the limit of its youngest band that has one.
      std::size_t band = version.bands.size();
      for (std::size_t b = 0; b < version.bands.size() && b < caps->by_band.size(); ++b) {
        if (s.children[b] > 0 && caps->by_band[b] > 0) {
          band = b;
          break;
        }
      }
      if (band == version.bands.size() || s.child_count() <= caps->by_band[band]) {
        run.close();
        continue;
      }
      const std::int64_t cap = caps->by_band[band];
      run.add(s.time, (s.child_count() - cap) * 1000 + s.child_count(), [&] {
        return std::vector<NamedValue>{{"children", std::int64_t{s.child_count()}},
                                       {"max_group", cap},
                                       {"profile_band", version.bands[band].id}};
      });
    }
  }
};

}  // namespace

extern const RuleInfo kGroupSize{
    .id = "GROUP-SIZE",
    .family = RuleFamily::statutory,
    .severity = Severity::error,
    .scope = RuleScope::room,
    .title = "Group size within the limit",
    .checks = "In every room, at every minute children are present, the number of children is at most the profile's "
              "max_group for the youngest band present that has a limit (a room is one group).",
    .why = "Small groups keep noise, handling and the number of relationships a child must manage within what young "
           "children can bear; the limit holds however many staff are added.",
    .fix = "Split the group between rooms at these times, or move the older children to another group.",
    .reads = "[rules.GROUP-SIZE] max_group",
    .enabled_by_default = false,
    .options = kOptions,
    .uses_profile_band = true,
    .numbers = [](const RuleProfile& p, const ContinuityPolicy&) -> std::vector<std::string> {
      const RuleOptionValue* v = p.rule_option("GROUP-SIZE", "max_group");
      if (v == nullptr) return {};
      std::vector<std::string> out;
      for (std::size_t b = 0; b < v->by_band.size() && b < p.bands.size(); ++b) {
        if (v->by_band[b] > 0) out.push_back(fmt::format("{}: at most {} children in a group", p.bands[b].label, v->by_band[b]));
      }
      return out;
    },
    .make = make<GroupSize>,
};

}  // namespace attune::rules
