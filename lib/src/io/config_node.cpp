#include "config_node.hpp"

namespace attune::io {

const ConfigNode* ConfigNode::find(std::string_view name) const {
  if (kind != Kind::map) return nullptr;
  for (const auto& child : children) {
    if (child.key == name) return &child;
  }
  return nullptr;
}

SourceLines::SourceLines(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') starts_.push_back(i + 1);
  }
}

std::string SourceLines::line(std::uint32_t number) const {
  if (number == 0 || number > starts_.size()) return {};
  const std::size_t begin = starts_[number - 1];
  std::size_t end = number < starts_.size() ? starts_[number] : text_.size();
  while (end > begin && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
  std::string out(text_.substr(begin, end - begin));
  if (number == 1 && out.rfind("\xEF\xBB\xBF", 0) == 0) out.erase(0, 3);
  return out;
}

void report_at(Diagnostics& diagnostics, const ConfigNode& node, const SourceLines& lines,
               std::string message, std::string hint) {
  Diagnostic d;
  d.where = node.where;
  d.message = std::move(message);
  d.hint = std::move(hint);
  // The whole file (a section is missing) is reported at line 1 without showing it.
  if (node.where.column > 0) d.source_line = lines.line(node.where.line);
  diagnostics.add(std::move(d));
}

void report_at_key(Diagnostics& diagnostics, const ConfigNode& node, const SourceLines& lines,
                   std::string message, std::string hint) {
  Diagnostic d;
  d.where = node.key_where.line > 0 ? node.key_where : node.where;
  d.where.length = node.key_where.line > 0 ? static_cast<std::uint32_t>(node.key.size()) : d.where.length;
  d.message = std::move(message);
  d.hint = std::move(hint);
  d.source_line = lines.line(d.where.line);
  diagnostics.add(std::move(d));
}

}  // namespace attune::io
