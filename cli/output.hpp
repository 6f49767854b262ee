#pragma once
// Where a command's output goes: standard output, or `-o FILE` written atomically (a
// temporary file in the same folder, then rename), so a failed or interrupted run never
// leaves half a file and never destroys the old one.

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace attune::cli {

/// Writes `text` to stdout (path empty or "-") or to `path`. A file holding names is
/// created with mode 0600. On failure prints why to stderr and returns false.
bool write_output(const std::string& text, const std::string& path, bool holds_names);
/// The same for a document in pieces, written one after another.
bool write_output(const std::vector<std::string>& pieces, const std::string& path, bool holds_names);

/// Writes one of the files of a folder being made (`attune init`, `attune generate`):
/// `text` to `path`, replacing it. On failure prints "attune COMMAND: cannot write PATH:
/// why" to stderr and returns false.
bool write_folder_file(const std::filesystem::path& path, const std::string& text, std::string_view command);

/// A document written piece by piece as its parts are ready (a group's JSON, while the
/// settings are still being checked): to standard output, a device or pipe, or a
/// temporary file beside PATH that commit() renames over it. Destroyed without commit()
/// (a failed run), or stopped by a signal, the temporary file is removed and the old
/// file is left as it was.
class OutputFile {
 public:
  /// nullptr, after saying why on stderr, when the output cannot be opened.
  static std::unique_ptr<OutputFile> open(const std::string& path, bool holds_names);
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  /// Appends; a failure is remembered and reported by commit().
  void write(std::string_view piece);
  /// Finishes the output (fsync and rename for a file); false, after saying why, on failure.
  bool commit();

 private:
  OutputFile();
  struct State;
  std::unique_ptr<State> state_;
};

/// Whether ANSI colour should be used for `--color auto|always|never`.
bool use_colour(const std::string& when, bool terminal, bool no_color_env, const std::string& path);

}  // namespace attune::cli
