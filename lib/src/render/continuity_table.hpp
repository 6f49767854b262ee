#pragma once
// The continuity part of the terminal report: which children are least held.

#include <string>

#include "attune/render.hpp"
#include "text_style.hpp"

namespace attune {

/// Appends the child table (worst key-person coverage first) and the key-person lines.
void render_continuity_table(std::string& out, const SettingReport& report, const TextStyle& style,
                             bool redact);

/// Display width of UTF-8 text (code points), and padding to a width.
std::size_t text_width(std::string_view text);
std::string pad_right(std::string_view text, std::size_t width);
std::string pad_left(std::string_view text, std::size_t width);

}  // namespace attune
