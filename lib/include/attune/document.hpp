#pragma once
/// Documents rendered from Mustache templates (templates/report/): the HTML and Markdown
/// report, and `check --format markdown`. The data every template sees is listed in
/// docs/reports.md; templates lay it out and compute nothing.

#include <optional>
#include <string>
#include <string_view>

#include "attune/render.hpp"

namespace attune {

enum class DocumentFormat : unsigned char { html, markdown };

struct DocumentOptions {
  DocumentFormat format = DocumentFormat::html;
  bool redact = false;
  bool charts = true;
  std::size_t findings_per_rule = 0;  ///< 0 = all
};

/// Renders `template_text` (Mustache) with the report data of one setting. Every value is
/// escaped for the format (HTML entities; Markdown punctuation). nullopt, with `error`
/// set, if the template is not valid Mustache.
std::optional<std::string> render_document(std::string_view template_text, const SettingReport& report,
                                           const DocumentOptions& options, std::string& error);

/// Why `template_text` is not valid Mustache, or nullopt: to refuse a template before
/// any setting is checked.
std::optional<std::string> template_error(std::string_view template_text);

/// The data the templates see, as JSON text (for template authors: `attune report --format data`).
std::string document_data_json(const SettingReport& report, const DocumentOptions& options);

/// Findings as CSV, one row per finding, fixed columns (docs/reports.md). Cells that a
/// spreadsheet would run as a formula (starting = + - @, tab or CR) are prefixed with '.
std::string render_csv(std::span<const SettingReport> reports, const RenderOptions& options);

/// One CSV cell: quoted when needed (RFC 4180) and safe from formula injection.
std::string csv_cell(std::string_view text);

}  // namespace attune
