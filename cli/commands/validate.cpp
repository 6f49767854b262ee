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
      const auto count = [](std::size_t n, const char* one, const char* many) {
        return fmt::format("{} {}", n, n == 1 ? one : many);
      };
      fmt::print("{}: ok: {}, {}, {} staff, {} ({} to {}), profile {}\n", s.path.lexically_normal().string(),
                 count(s.rooms.size(), "room", "rooms"), count(s.children.size(), "child", "children"),
                 s.staff.size(), count(s.days.size(), "day", "days"), format_iso_date(s.period.from),
                 format_iso_date(s.period.to), loaded.profile.id);
    }
    if (!inputs.settings.empty()) fmt::print("{} rows read\n", inputs.rows_read);
    return inputs.failed ? kBadInput : kOk;
  };
}

}  // namespace attune::cli
