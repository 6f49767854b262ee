#pragma once
// Rendering a Mustache template over a JSON model, escaped for HTML or Markdown. Shared by
// the reports and the policy summary.

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "attune/document.hpp"

namespace attune::report {

std::optional<std::string> render_mustache(std::string_view template_text, const nlohmann::ordered_json& model,
                                           DocumentFormat format, std::string& error);

}  // namespace attune::report
