#pragma once
// Which format a command writes to `-o FILE` when --format is not given: the one the
// file's extension names, if the command writes it; a refusal, if the extension names a
// format the command does not write (`check -o week.html` used to write plain text into
// a .html file); the command's default when the extension names no format at all.

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace attune::cli {

/// A format a command writes, and the extensions that choose it, space-separated
/// (".md .markdown").
struct WrittenFormat {
  std::string_view format;
  std::string_view extensions;
};

/// `format` when it is not empty; else the format for `path`'s extension among
/// `writes`; else `fallback` when the extension names no format attune knows. When it
/// names one this command does not write, says so on stderr, with `advice` (what to run
/// instead), and returns nullopt: a usage error.
std::optional<std::string> output_format(std::string_view command, const std::string& format,
                                         const std::string& path, std::span<const WrittenFormat> writes,
                                         std::string_view fallback, std::string_view advice);

}  // namespace attune::cli
