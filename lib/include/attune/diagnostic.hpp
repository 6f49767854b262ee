#pragma once
/// Input problems as values with a place: `file:line:column: what is wrong; what to do`.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace attune {

/// Where in an input file something is. Line and column are 1-based; 0 means unknown
/// (a whole-file problem has neither, a field named by key has a line only).
struct SourceRegion {
  std::string file;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::uint32_t length = 0;  ///< characters to underline from `column`; 0 = just a caret
};

enum class DiagnosticSeverity : unsigned char { error, warning, note };

/// One input problem.
struct Diagnostic {
  DiagnosticSeverity severity = DiagnosticSeverity::error;
  SourceRegion where;
  std::string message;      ///< what is wrong
  std::string hint;         ///< what to do about it (may be empty)
  std::string source_line;  ///< the text of the line, for the caret (may be empty)
  /// What this problem shares with others like it and what fixes them all at once, e.g.
  /// `the dates look like dd/mm/yyyy; set date_format = ...` (empty when it has no
  /// such cause). Only the first few problems with one cause in a file are kept.
  std::string cause;
};

/// Problems of one file that share a cause: how many there were, how many were kept.
struct DiagnosticCause {
  std::string file;
  std::string text;        ///< Diagnostic::cause
  std::size_t count = 0;   ///< every problem with this cause
  std::size_t kept = 0;    ///< of them, kept in full
};

/// Collects the problems found while loading. Every problem is counted; the first
/// `limit` in file order (by file, then line, then column, whatever order they were
/// found in) are kept in full, so a file with 100,000 bad rows costs nothing extra.
/// Of the problems of one file that share a cause, only the first kShownPerCause are
/// kept: the rest are counted under the cause (causes()), said once.
class Diagnostics {
 public:
  static constexpr std::size_t kShownPerCause = 3;

  explicit Diagnostics(std::size_t limit = 50) : limit_(limit) {}

  /// Files are ordered as they are noted here, or else as their first problem is added.
  void note_file(const std::string& file);
  void add(Diagnostic diagnostic);
  void error(SourceRegion where, std::string message, std::string hint = {});
  void warning(SourceRegion where, std::string message, std::string hint = {});

  /// Whether a problem at `where` would be kept (shown) rather than only counted, so a
  /// costly hint ("did you mean") can be skipped for problems nobody will see.
  [[nodiscard]] bool would_keep(const SourceRegion& where) const;

  [[nodiscard]] bool has_errors() const { return errors_ > 0; }
  [[nodiscard]] std::size_t error_count() const { return errors_; }
  [[nodiscard]] std::size_t total() const { return total_; }
  /// Problems beyond the limit, counted but not kept (those folded under a cause aside).
  [[nodiscard]] std::size_t dropped() const { return total_ - kept_.size() - folded_; }
  /// Problems that share a cause, by file, in the order the first of each was found.
  [[nodiscard]] const std::vector<DiagnosticCause>& causes() const { return causes_; }
  /// The kept problems, ordered by file (in the order files were read), line, column.
  [[nodiscard]] std::vector<Diagnostic> sorted() const;
  [[nodiscard]] const std::vector<Diagnostic>& items() const { return kept_; }

  /// Moves everything from `other` into this collector.
  void merge(Diagnostics&& other);

 private:
  std::size_t limit_;
  std::size_t total_ = 0;
  std::size_t errors_ = 0;
  std::size_t folded_ = 0;  ///< problems not kept because kShownPerCause of their cause were
  std::vector<Diagnostic> kept_;
  std::vector<DiagnosticCause> causes_;
  std::vector<std::string> file_order_;
  std::size_t last_kept_ = 0;  ///< the kept problem that comes last in file order
  void keep(Diagnostic diagnostic);
  DiagnosticCause& cause_of(const std::string& file, const std::string& text);
  [[nodiscard]] std::size_t file_rank(const std::string& file) const;
  [[nodiscard]] bool before(const SourceRegion& a, const SourceRegion& b) const;
};

/// `file:line:col: error: message; hint` followed by the source line and a caret line
/// when the line is known. No trailing newline. Bytes that are not UTF-8 are shown as
/// U+FFFD, so an input file's bad bytes never reach the terminal.
std::string format_diagnostic(const Diagnostic& diagnostic);

}  // namespace attune
