#pragma once
// Typed values out of a ConfigNode (setting.toml, setting.yaml, profiles), with each
// problem reported at the value's place, and unknown keys caught (a misspelt key must
// not be silently ignored).

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "attune/calendar.hpp"
#include "attune/clock_time.hpp"
#include "config_node.hpp"

namespace attune::io {

class ConfigReader {
 public:
  ConfigReader(const SourceLines& lines, Diagnostics& diagnostics)
      : lines_(lines), diagnostics_(diagnostics) {}

  void error(const ConfigNode& node, std::string message, std::string hint = {}) const;
  /// An error about a map entry's key (a misspelt key, an unknown id).
  void key_error(const ConfigNode& node, std::string message, std::string hint = {}) const;

  /// Reports every key of `map` not in `known`, with a suggestion.
  void check_keys(const ConfigNode& map, std::initializer_list<std::string_view> known,
                  std::string_view section) const;
  void check_keys(const ConfigNode& map, const std::vector<std::string>& known, std::string_view section) const;

  /// The map at `key` of `parent`; nullptr (and an error if present but not a map).
  const ConfigNode* map(const ConfigNode& parent, std::string_view key) const;
  const ConfigNode* list(const ConfigNode& parent, std::string_view key) const;

  std::optional<std::string> text(const ConfigNode& parent, std::string_view key,
                                  bool required) const;
  std::optional<long> integer(const ConfigNode& parent, std::string_view key, long min,
                              long max) const;
  std::optional<double> number(const ConfigNode& parent, std::string_view key, double min,
                               double max) const;
  std::optional<bool> boolean(const ConfigNode& parent, std::string_view key) const;
  std::optional<Date> date(const ConfigNode& parent, std::string_view key, bool required) const;
  std::optional<Minute> time(const ConfigNode& parent, std::string_view key, bool required) const;
  /// `{ start = "11:30", end = "12:15" }` (or open/close with those key names).
  std::optional<TimeWindow> window(const ConfigNode& node, std::string_view start_key,
                                   std::string_view end_key) const;

  [[nodiscard]] const SourceLines& lines() const { return lines_; }
  [[nodiscard]] Diagnostics& diagnostics() const { return diagnostics_; }

 private:
  const ConfigNode* scalar(const ConfigNode& parent, std::string_view key, bool required,
                           std::string_view expected) const;
  const SourceLines& lines_;
  Diagnostics& diagnostics_;
};

}  // namespace attune::io
