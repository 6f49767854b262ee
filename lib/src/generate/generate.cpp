// attune::generate_setting: plans one synthetic setting from (seed, index) and writes
// its six files as text.

#include "attune/generate.hpp"

#include <fmt/format.h>

#include "plan.hpp"

namespace attune {
namespace {

using namespace std::chrono;

gen::Plan make_plan(const GenerateOptions& options, int index) {
  using gen::Rng;
  using gen::Stream;
  const auto i = static_cast<std::uint64_t>(index);
  gen::Plan plan;
  plan.options = options;
  plan.index = index;
  plan.from = options.start;
  plan.to = options.start + days{7 * options.weeks - 1};
  plan.open_days = gen::open_days(plan.from, plan.to);
  plan.name = gen::setting_name(options.seed, index);
  plan.urn = gen::setting_urn(options.seed, index);
  Rng names_rng(options.seed, i, Stream::names);
  gen::NameBook names(names_rng);
  Rng rooms(options.seed, i, Stream::rooms);
  gen::plan_rooms(plan, rooms);
  Rng staff(options.seed, i, Stream::staff);
  gen::plan_staff(plan, staff, names);
  Rng children(options.seed, i, Stream::children);
  gen::plan_children(plan, children, names);
  Rng keys(options.seed, i, Stream::keys);
  gen::assign_key_persons(plan, keys);
  Rng events(options.seed, i, Stream::events);
  gen::plan_breaches(plan, events);
  return plan;
}

}  // namespace

std::size_t GeneratedSetting::bytes() const {
  return setting_toml.size() + children_csv.size() + staff_csv.size() + shifts_csv.size() +
         attendance_csv.size() + allocations_csv.size();
}

std::optional<std::string> check_generate_options(const GenerateOptions& options) {
  if (options.settings < 1 || options.settings > 9999) return "--settings must be from 1 to 9999";
  if (options.weeks < 1 || options.weeks > 520) return "--weeks must be from 1 to 520 (ten years)";
  if (options.rooms < 3 || options.rooms > 9)
    return "--rooms must be from 3 to 9 (a baby, a toddler and a pre-school room, then more of each)";
  if (options.mismatch && options.patterns)
    return "--mismatch changes the rota and register day by day: it needs dated rows, not --patterns";
  const Date earliest{year{1970} / January / 1};
  const Date latest{year{2150} / December / 31};
  if (options.start < earliest || options.start > latest) {
    return fmt::format("--start {} is out of range; use a date from 1970-01-01 to 2150-12-31",
                       format_iso_date(options.start));
  }
  return std::nullopt;
}

std::string generated_folder_name(int index, int settings) {
  const int width = settings > 999 ? 4 : 3;
  return fmt::format("setting-{:0{}}", index + 1, width);
}

GeneratedSetting generate_setting(const GenerateOptions& options, int index) {
  const gen::Plan plan = make_plan(options, index);
  GeneratedSetting out;
  out.folder_name = generated_folder_name(index, options.settings);
  out.setting_toml = gen::setting_toml(plan);
  out.children_csv = gen::children_csv(plan);
  out.staff_csv = gen::staff_csv(plan);
  out.allocations_csv = gen::allocations_csv(plan);
  out.shifts_csv = gen::shifts_csv(plan, out.shift_rows);
  out.attendance_csv = gen::attendance_csv(plan, out.attendance_rows);
  return out;
}

}  // namespace attune
