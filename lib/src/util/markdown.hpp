#pragma once
// Text from the input (names, rooms, evidence) put into Markdown, where it must never
// become markup: one escaper for every Markdown the library writes.

#include <string>
#include <string_view>

namespace attune::util {

/// Characters with a meaning in Markdown get a backslash (\ ` * _ [ ] | # ! { }); <, >
/// and & become entities, since Markdown passes HTML through; line breaks become spaces,
/// so a value cannot end a table row or start a heading.
std::string markdown_escape(std::string_view text);

}  // namespace attune::util
