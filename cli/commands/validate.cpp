// attune validate PATH... : load and check the input files only.

#include <memory>

#include <fmt/format.h>

#include "command.hpp"
#include "inputs.hpp"

namespace attune::cli {

std::function<int()> setup_validate(CLI::App& app, const Environment& env) {
  auto o = std::make_shared<InputOptions>();
  add_input_options(app, *o);
  return [o, &env] {
    const LoadedInputs inputs = load_inputs(*o, env);
    for (const auto& loaded : inputs.settings) {
      const Setting& s = loaded.setting;
      fmt::print("{}: ok: {} rooms, {} children, {} staff, {} days ({} to {}), profile {}\n",
                 s.path.lexically_normal().string(), s.rooms.size(), s.children.size(), s.staff.size(),
                 s.days.size(), format_iso_date(s.period.from), format_iso_date(s.period.to),
                 loaded.profile.id);
    }
    if (!inputs.settings.empty()) fmt::print("{} rows read\n", inputs.rows_read);
    return inputs.failed ? kBadInput : kOk;
  };
}

}  // namespace attune::cli
