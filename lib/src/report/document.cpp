#include "attune/document.hpp"

#include <kainjow/mustache.hpp>

#include "document_model.hpp"
#include "mustache.hpp"
#include "../util/markdown.hpp"

namespace attune {
namespace {

namespace mstch = kainjow::mustache;

/// kainjow's data has only copying set() and push_back(): a member or item added with
/// them is copied whole, and so again at every level above it (a year's report: most of
/// the time of `check --format markdown`). So an empty one is added and the value moved
/// into it. The element is not const (only the accessors are), so this is well defined.
void move_into(const mstch::data& slot, mstch::data&& value) { const_cast<mstch::data&>(slot) = std::move(value); }

mstch::data to_data(const nlohmann::ordered_json& j) {
  if (j.is_object()) {
    mstch::data d(mstch::data::type::object);
    for (const auto& [key, value] : j.items()) {
      d.set(key, mstch::data(false));
      move_into(*d.get(key), to_data(value));
    }
    return d;
  }
  if (j.is_array()) {
    mstch::data list(mstch::data::type::list);
    // Room for every item first: kainjow's data has no noexcept move, so a list that
    // grows copies every item whole (and everything in it) each time it is reallocated.
    const_cast<mstch::list&>(list.list_value()).reserve(j.size());
    for (const auto& item : j) {
      list.push_back(mstch::data(false));
      move_into(list.list_value().back(), to_data(item));
    }
    return list;
  }
  if (j.is_boolean()) return mstch::data(j.get<bool>() ? mstch::data::type::bool_true : mstch::data::type::bool_false);
  // Empty text is false in a section ({{#urn}}...{{/urn}} shows nothing without a URN);
  // as a variable it prints nothing either way.
  if (j.is_string()) {
    const auto& text = j.get_ref<const std::string&>();
    return text.empty() ? mstch::data(mstch::data::type::bool_false) : mstch::data(text);
  }
  if (j.is_null()) return mstch::data(mstch::data::type::bool_false);
  return mstch::data(j.dump());
}

/// At most one blank line in a row. kainjow mustache leaves an empty line where a section
/// that is not rendered stood on lines of its own; in Markdown blank lines only separate.
std::string collapse_blank_lines(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  int newlines = 0;
  for (char c : text) {
    newlines = c == '\n' ? newlines + 1 : 0;
    if (newlines <= 2) out += c;
  }
  return out;
}

report::ModelOptions model_options(const DocumentOptions& options) {
  report::ModelOptions m;
  m.redact = options.redact;
  m.charts = options.charts && options.format == DocumentFormat::html;
  m.findings_per_rule = options.findings_per_rule;
  return m;
}

}  // namespace

namespace report {
std::optional<std::string> render_mustache(std::string_view template_text, const nlohmann::ordered_json& model,
                                           DocumentFormat format, std::string& error) {
  mstch::mustache tmpl{std::string(template_text)};
  if (!tmpl.is_valid()) {
    error = tmpl.error_message();
    return std::nullopt;
  }
  if (format == DocumentFormat::markdown) tmpl.set_custom_escape([](const std::string& text) { return util::markdown_escape(text); });
  std::string out = tmpl.render(to_data(model));
  if (!tmpl.is_valid()) {
    error = tmpl.error_message();
    return std::nullopt;
  }
  return format == DocumentFormat::markdown ? collapse_blank_lines(out) : out;
}
}  // namespace report

std::optional<std::string> template_error(std::string_view template_text) {
  const mstch::mustache tmpl{std::string(template_text)};
  if (tmpl.is_valid()) return std::nullopt;
  return tmpl.error_message();
}

std::optional<std::string> render_document(std::string_view template_text, const SettingReport& report,
                                           const DocumentOptions& options, std::string& error) {
  // A Mustache template reads only the names written in it: the costly parts of the data
  // (a timeline per room and day, a column per day in the continuity table) are built
  // only for a template that names them. check.md names neither; a year of a setting
  // with thousands of findings is then a table, not a timeline per room-day.
  report::ModelOptions model = model_options(options);
  model.rooms = template_text.find("rooms") != std::string_view::npos;
  model.day_cells = template_text.find("cells") != std::string_view::npos;
  return report::render_mustache(template_text, report::document_model(report, model), options.format, error);
}

std::string document_data_json(const SettingReport& report, const DocumentOptions& options) {
  return report::document_model(report, model_options(options)).dump(2) + "\n";
}

}  // namespace attune
