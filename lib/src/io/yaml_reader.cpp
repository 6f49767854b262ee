// setting.yaml -> ConfigNode, keeping each value's place.

#include <yaml-cpp/yaml.h>

#include <fmt/format.h>

#include "config_node.hpp"
#include "text_check.hpp"

namespace attune::io {
namespace {

constexpr int kMaxDepth = 32;

SourceRegion region_of(const YAML::Mark& mark, const std::string& file) {
  SourceRegion r;
  r.file = file;
  if (mark.line >= 0) r.line = static_cast<std::uint32_t>(mark.line) + 1;
  if (mark.column >= 0) r.column = static_cast<std::uint32_t>(mark.column) + 1;
  return r;
}

/// `budget`: values still allowed. Each value of a file takes at least a byte of it, but
/// an alias (*name) repeats what it names: a few lines of aliases of aliases would
/// otherwise expand to billions of values.
bool convert(const YAML::Node& node, const std::string& file, int depth, ConfigNode& out,
             Diagnostics& diagnostics, std::size_t& budget) {
  out.where = region_of(node.Mark(), file);
  if (depth > kMaxDepth) {
    diagnostics.error(out.where, "nested too deeply",
                      "a setting.yaml has at most a few levels: maps of lists of maps");
    return false;
  }
  if (budget == 0) {
    diagnostics.error(out.where, "the file expands to far more values than it holds",
                      "write the values out instead of repeating them with YAML aliases (*name)");
    return false;
  }
  --budget;
  if (node.IsMap()) {
    out.kind = ConfigNode::Kind::map;
    for (auto it = node.begin(); it != node.end(); ++it) {
      ConfigNode child;
      if (!it->first.IsScalar()) {
        diagnostics.error(region_of(it->first.Mark(), file), "a key must be plain text");
        return false;
      }
      if (!convert(it->second, file, depth + 1, child, diagnostics, budget)) return false;
      child.key = it->first.Scalar();
      child.key_where = region_of(it->first.Mark(), file);
      if (child.where.line == 0) child.where = child.key_where;
      out.children.push_back(std::move(child));
    }
  } else if (node.IsSequence()) {
    out.kind = ConfigNode::Kind::list;
    for (const auto& item : node) {
      ConfigNode child;
      if (!convert(item, file, depth + 1, child, diagnostics, budget)) return false;
      out.children.push_back(std::move(child));
    }
  } else {
    out.kind = ConfigNode::Kind::scalar;
    if (node.IsScalar()) out.text = node.Scalar();
  }
  return true;
}

}  // namespace

std::optional<ConfigNode> parse_yaml(std::string_view text, const std::string& file,
                                     Diagnostics& diagnostics) {
  if (check_text(text, file, false, diagnostics) != TextCheck::ok) return std::nullopt;
  try {
    const YAML::Node doc = YAML::Load(std::string(text));
    ConfigNode root;
    std::size_t budget = 2 * text.size() + 64;
    if (!convert(doc, file, 0, root, diagnostics, budget)) return std::nullopt;
    if (!root.is_map()) {
      diagnostics.error(SourceRegion{file, 1, 1, 0}, "expected a map of sections",
                        "start the file with `setting:`, `rooms:`, `children:` ...");
      return std::nullopt;
    }
    root.where = SourceRegion{file, 1, 0, 0};  // a missing section is reported at line 1
    return root;
  } catch (const YAML::Exception& error) {
    Diagnostic d;
    d.where = region_of(error.mark, file);
    d.message = fmt::format("this is not valid YAML: {}", error.msg);
    d.hint = "fix the syntax at this place (indent with spaces; quote times like \"08:00\")";
    if (d.where.line == 0) d.where.line = 1;  // a parser that does not know where: the file
    d.source_line = SourceLines(text).line(d.where.line);
    diagnostics.add(std::move(d));
    return std::nullopt;
  }
}

}  // namespace attune::io
