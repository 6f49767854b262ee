#pragma once
// One tree for setting.toml, setting.yaml and profile files, so a single decoder reads
// them all with the same messages. Every scalar keeps its text and where it was.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "attune/diagnostic.hpp"

namespace attune::io {

struct ConfigNode {
  enum class Kind : unsigned char { scalar, map, list };
  Kind kind = Kind::scalar;
  std::string key;   ///< the key under which a map holds this node
  std::string text;  ///< scalars: the value as written (TOML dates, numbers as text)
  std::vector<ConfigNode> children;  ///< map entries (with keys) or list items
  SourceRegion where;      ///< the value
  SourceRegion key_where;  ///< the key, for a map entry (line 0 when unknown)

  [[nodiscard]] bool is_map() const { return kind == Kind::map; }
  [[nodiscard]] bool is_list() const { return kind == Kind::list; }
  [[nodiscard]] bool is_scalar() const { return kind == Kind::scalar; }
  /// The entry of a map with this key, or nullptr.
  [[nodiscard]] const ConfigNode* find(std::string_view name) const;
};

/// The source text of a file split into lines, for carets under errors.
class SourceLines {
 public:
  SourceLines() = default;
  explicit SourceLines(std::string_view text);
  [[nodiscard]] std::string line(std::uint32_t number) const;  ///< 1-based; "" if none

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;
};

/// Parses TOML text. A syntax error is reported with its place; nullopt then.
std::optional<ConfigNode> parse_toml(std::string_view text, const std::string& file,
                                     Diagnostics& diagnostics);

/// Parses YAML text the same way.
std::optional<ConfigNode> parse_yaml(std::string_view text, const std::string& file,
                                     Diagnostics& diagnostics);

/// Reports `message` at `node` with the caret under it.
void report_at(Diagnostics& diagnostics, const ConfigNode& node, const SourceLines& lines,
               std::string message, std::string hint = {});
/// Reports `message` at the key of the map entry `node` (its value when the key's place
/// is not known).
void report_at_key(Diagnostics& diagnostics, const ConfigNode& node, const SourceLines& lines,
                   std::string message, std::string hint = {});

}  // namespace attune::io
