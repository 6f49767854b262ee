#include "attune/diagnostic.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "../util/utf8.hpp"

namespace attune {

void Diagnostics::note_file(const std::string& file) {
  if (std::find(file_order_.begin(), file_order_.end(), file) == file_order_.end()) file_order_.push_back(file);
}

std::size_t Diagnostics::file_rank(const std::string& file) const {
  return static_cast<std::size_t>(std::find(file_order_.begin(), file_order_.end(), file) - file_order_.begin());
}

bool Diagnostics::before(const SourceRegion& a, const SourceRegion& b) const {
  const auto ra = file_rank(a.file);
  const auto rb = file_rank(b.file);
  if (ra != rb) return ra < rb;
  if (a.line != b.line) return a.line < b.line;
  return a.column < b.column;
}

bool Diagnostics::would_keep(const SourceRegion& where) const {
  if (kept_.size() < limit_) return true;
  if (limit_ == 0) return false;
  // A file not seen yet would sort last.
  return file_rank(where.file) < file_order_.size() && !before(kept_[last_kept_].where, where);
}

DiagnosticCause& Diagnostics::cause_of(const std::string& file, const std::string& text) {
  for (auto& cause : causes_) {
    if (cause.file == file && cause.text == text) return cause;
  }
  return causes_.emplace_back(DiagnosticCause{file, text, 0, 0});
}

void Diagnostics::add(Diagnostic diagnostic) {
  ++total_;
  if (diagnostic.severity == DiagnosticSeverity::error) ++errors_;
  note_file(diagnostic.where.file);
  if (!diagnostic.cause.empty()) {
    DiagnosticCause& cause = cause_of(diagnostic.where.file, diagnostic.cause);
    if (++cause.count > kShownPerCause) {
      ++folded_;
      return;
    }
    ++cause.kept;
  }
  keep(std::move(diagnostic));
}

void Diagnostics::keep(Diagnostic diagnostic) {
  if (limit_ == 0) return;
  if (kept_.size() < limit_) {
    kept_.push_back(std::move(diagnostic));
    if (kept_.size() == 1 || !before(kept_.back().where, kept_[last_kept_].where)) last_kept_ = kept_.size() - 1;
    return;
  }
  // Full: keep the first `limit` in file order, so this one replaces the last kept one
  // if it comes before it.
  if (!before(diagnostic.where, kept_[last_kept_].where)) return;
  kept_[last_kept_] = std::move(diagnostic);
  for (std::size_t i = 0; i < kept_.size(); ++i) {
    if (before(kept_[last_kept_].where, kept_[i].where)) last_kept_ = i;
  }
}

void Diagnostics::error(SourceRegion where, std::string message, std::string hint) {
  add(Diagnostic{DiagnosticSeverity::error, std::move(where), std::move(message), std::move(hint),
                 {}, {}});
}

void Diagnostics::warning(SourceRegion where, std::string message, std::string hint) {
  add(Diagnostic{DiagnosticSeverity::warning, std::move(where), std::move(message),
                 std::move(hint), {}, {}});
}

std::vector<Diagnostic> Diagnostics::sorted() const {
  std::vector<Diagnostic> out = kept_;
  std::stable_sort(out.begin(), out.end(), [this](const Diagnostic& a, const Diagnostic& b) {
    return before(a.where, b.where);
  });
  return out;
}

void Diagnostics::merge(Diagnostics&& other) {
  for (const auto& file : other.file_order_) note_file(file);
  total_ += other.total_;
  errors_ += other.errors_;
  folded_ += other.folded_;
  for (const auto& theirs : other.causes_) {
    DiagnosticCause& mine = cause_of(theirs.file, theirs.text);
    mine.count += theirs.count;
    mine.kept += theirs.kept;
  }
  for (auto& d : other.kept_) keep(std::move(d));
  other = Diagnostics(other.limit_);
}

namespace {

std::string_view severity_word(DiagnosticSeverity severity) {
  switch (severity) {
    case DiagnosticSeverity::error: return "error";
    case DiagnosticSeverity::warning: return "warning";
    case DiagnosticSeverity::note: return "note";
  }
  return "error";
}

/// Columns count characters, not bytes: UTF-8 continuation bytes take no column, and a
/// tab is kept so the caret lines up under it.
std::string caret_line(const std::string& line, std::uint32_t column, std::uint32_t length) {
  std::string out;
  std::uint32_t col = 1;
  for (std::size_t i = 0; i < line.size() && col < column; ++i) {
    const auto c = static_cast<unsigned char>(line[i]);
    if ((c & 0xC0) == 0x80) continue;
    out += c == '\t' ? '\t' : ' ';
    ++col;
  }
  out += '^';
  for (std::uint32_t i = 1; i < length && i < 200; ++i) out += '~';
  return out;
}

}  // namespace

std::string format_diagnostic(const Diagnostic& d) {
  std::string place = d.where.file;
  if (d.where.line > 0) place += fmt::format(":{}", d.where.line);
  if (d.where.line > 0 && d.where.column > 0) place += fmt::format(":{}", d.where.column);
  std::string out = fmt::format("{}: {}: {}", place, severity_word(d.severity), d.message);
  if (!d.hint.empty()) out += fmt::format("; {}", d.hint);
  if (!d.source_line.empty() && d.where.line > 0) {
    const std::string gutter = fmt::format("{:>5}", d.where.line);
    out += fmt::format("\n{} | {}", gutter, d.source_line);
    if (d.where.column > 0) {
      out += fmt::format("\n{} | {}", std::string(gutter.size(), ' '),
                         caret_line(d.source_line, d.where.column, d.where.length));
    }
  }
  return util::valid_utf8(out);
}

}  // namespace attune
