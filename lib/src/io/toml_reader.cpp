// setting.toml and profiles -> ConfigNode, keeping each value's place.

#include <toml++/toml.h>

#include <fmt/format.h>

#include "config_node.hpp"
#include "text_check.hpp"

namespace attune::io {
namespace {

SourceRegion region_of(const toml::source_region& src, const std::string& file) {
  SourceRegion r;
  r.file = file;
  r.line = src.begin.line;
  r.column = src.begin.column;
  if (src.end.line == src.begin.line && src.end.column > src.begin.column)
    r.length = src.end.column - src.begin.column;
  return r;
}

std::string scalar_text(const toml::node& node) {
  if (auto s = node.as_string()) return s->get();
  if (auto i = node.as_integer()) return fmt::format("{}", i->get());
  if (auto f = node.as_floating_point()) return fmt::format("{}", f->get());
  if (auto b = node.as_boolean()) return b->get() ? "true" : "false";
  if (auto d = node.as_date()) {
    const toml::date v = d->get();
    return fmt::format("{:04}-{:02}-{:02}", v.year, v.month, v.day);
  }
  if (auto t = node.as_time()) {
    const toml::time v = t->get();
    if (v.second == 0 && v.nanosecond == 0) return fmt::format("{:02}:{:02}", v.hour, v.minute);
    return fmt::format("{:02}:{:02}:{:02}", v.hour, v.minute, v.second);
  }
  if (auto dt = node.as_date_time()) {
    const toml::date v = dt->get().date;
    return fmt::format("{:04}-{:02}-{:02}T", v.year, v.month, v.day);
  }
  return {};
}

ConfigNode convert(const toml::node& node, const std::string& file) {
  ConfigNode out;
  out.where = region_of(node.source(), file);
  if (auto table = node.as_table()) {
    out.kind = ConfigNode::Kind::map;
    for (auto&& [key, value] : *table) {
      ConfigNode child = convert(value, file);
      child.key = std::string(key.str());
      child.key_where = region_of(key.source(), file);
      if (child.where.line == 0) child.where = child.key_where;
      out.children.push_back(std::move(child));
    }
  } else if (auto array = node.as_array()) {
    out.kind = ConfigNode::Kind::list;
    for (auto&& item : *array) out.children.push_back(convert(item, file));
  } else {
    out.kind = ConfigNode::Kind::scalar;
    out.text = scalar_text(node);
  }
  return out;
}

}  // namespace

std::optional<ConfigNode> parse_toml(std::string_view text, const std::string& file,
                                     Diagnostics& diagnostics) {
  if (check_text(text, file, false, diagnostics) != TextCheck::ok) return std::nullopt;
  try {
    toml::table table = toml::parse(text, file);
    ConfigNode root = convert(table, file);
    root.where = SourceRegion{file, 1, 0, 0};  // a missing section is reported at line 1
    return root;
  } catch (const toml::parse_error& error) {
    Diagnostic d;
    d.where = region_of(error.source(), file);
    d.where.length = 0;
    d.message = fmt::format("this is not valid TOML: {}", error.description());
    d.hint = "fix the syntax at this place (quote text values; dates are YYYY-MM-DD)";
    if (d.where.line == 0) d.where.line = 1;  // a parser that does not know where: the file
    d.source_line = SourceLines(text).line(d.where.line);
    diagnostics.add(std::move(d));
    return std::nullopt;
  }
}

}  // namespace attune::io
