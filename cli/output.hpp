#pragma once
// Where a command's output goes: standard output, or `-o FILE` written atomically (a
// temporary file in the same folder, then rename), so a failed or interrupted run never
// leaves half a file and never destroys the old one.

#include <string>
#include <vector>

namespace attune::cli {

/// Writes `text` to stdout (path empty or "-") or to `path`. A file holding names is
/// created with mode 0600. On failure prints why to stderr and returns false.
bool write_output(const std::string& text, const std::string& path, bool holds_names);
/// The same for a document in pieces, written one after another.
bool write_output(const std::vector<std::string>& pieces, const std::string& path, bool holds_names);

/// Whether ANSI colour should be used for `--color auto|always|never`.
bool use_colour(const std::string& when, bool terminal, bool no_color_env, const std::string& path);

}  // namespace attune::cli
