// attune register SETTING --date D : the daily record (children present, their hours,
// and each child's key person).

#include <memory>

#include <fmt/format.h>

#include "attune/daily_register.hpp"
#include "command.hpp"
#include "output_format.hpp"
#include "inputs.hpp"
#include "output.hpp"

namespace attune::cli {
namespace {

struct RegisterCommand {
  std::string setting;
  std::string date;
  std::string format;
  std::string output;
  bool redact = false;
};

constexpr WrittenFormat kRegisterWrites[] = {{"text", ".txt .text"}, {"csv", ".csv"}, {"markdown", ".md .markdown"}};

int run_register(const RegisterCommand& o, const Environment& env) {
  const auto chosen = output_format("register", o.format, o.output, kRegisterWrites, "text",
                                    "there is no HTML or PDF register: write Markdown or text and print it");
  if (!chosen) return kBadInput;
  const std::string format = *chosen;
  InputOptions input;
  input.paths = {o.setting};
  input.from = input.to = o.date;  // load just that day
  LoadedInputs inputs = load_inputs(input, env);
  if (inputs.failed) return kBadInput;
  if (inputs.settings.size() != 1) {
    fmt::print(stderr, "attune register: name one setting ({} found)\n", inputs.settings.size());
    return kBadInput;
  }
  const Setting& s = inputs.settings.front().setting;
  const DailyRegister reg = daily_register(s, inputs.settings.front().profile, *parse_iso_date(o.date));
  RenderOptions options;
  options.redact = o.redact;
  const std::string text = format == "csv"        ? render_register_csv(s, reg, options)
                           : format == "markdown" ? render_register_markdown(s, reg, options)
                                                  : render_register_text(s, reg, options);
  return write_output(text, o.output, !o.redact) ? kOk : kBadInput;
}

}  // namespace

std::function<int()> setup_register(CLI::App& app, const Environment& env) {
  auto o = std::make_shared<RegisterCommand>();
  app.add_option("SETTING", o->setting, "a setting folder, setting.toml or setting.yaml")->required();
  app.add_option("--date", o->date, "the day (YYYY-MM-DD)")
      ->required()
      ->check(CLI::Validator(
          [](std::string& v) { return parse_iso_date(v) ? std::string{} : fmt::format("\"{}\" is not a date; write YYYY-MM-DD", v); },
          "DATE"));
  app.add_option("--format", o->format, "text (default), csv or markdown")
      ->check(CLI::IsMember({"text", "csv", "markdown"}));
  app.add_option("-o,--output", o->output, "write to FILE (atomically) instead of standard output");
  app.add_flag("--redact", o->redact, "show ids instead of children's and staff names");
  return [o, &env] { return run_register(*o, env); };
}

}  // namespace attune::cli
