#include "config_reader.hpp"

#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "../util/text.hpp"

namespace attune::io {

void ConfigReader::error(const ConfigNode& node, std::string message, std::string hint) const {
  report_at(diagnostics_, node, lines_, std::move(message), std::move(hint));
}

void ConfigReader::key_error(const ConfigNode& node, std::string message, std::string hint) const {
  report_at_key(diagnostics_, node, lines_, std::move(message), std::move(hint));
}

void ConfigReader::check_keys(const ConfigNode& map, std::initializer_list<std::string_view> known,
                              std::string_view section) const {
  check_keys(map, std::vector<std::string>(known.begin(), known.end()), section);
}

void ConfigReader::check_keys(const ConfigNode& map, const std::vector<std::string>& names,
                              std::string_view section) const {
  if (!map.is_map()) return;
  for (const auto& child : map.children) {
    bool found = false;
    for (const auto& k : names) found = found || k == child.key;
    if (found) continue;
    std::string hint = fmt::format("{} takes: {}", section, util::join(names));
    key_error(child, fmt::format("unknown key \"{}\" in {}{}", child.key, section,
                             util::did_you_mean(child.key, names)),
          std::move(hint));
  }
}

const ConfigNode* ConfigReader::map(const ConfigNode& parent, std::string_view key) const {
  const ConfigNode* node = parent.find(key);
  if (node != nullptr && !node->is_map()) {
    error(*node, fmt::format("{} must be a table of keys and values", key));
    return nullptr;
  }
  return node;
}

const ConfigNode* ConfigReader::list(const ConfigNode& parent, std::string_view key) const {
  const ConfigNode* node = parent.find(key);
  if (node != nullptr && !node->is_list()) {
    error(*node, fmt::format("{} must be a list", key), "write it as [ ... ]");
    return nullptr;
  }
  return node;
}

const ConfigNode* ConfigReader::scalar(const ConfigNode& parent, std::string_view key,
                                       bool required, std::string_view expected) const {
  const ConfigNode* node = parent.find(key);
  if (node == nullptr) {
    if (required) {
      Diagnostic d;
      d.where = parent.where;
      d.message = parent.key.empty() ? fmt::format("missing {}", key)
                                     : fmt::format("{} is missing {}", parent.key, key);
      d.hint = fmt::format("add {} = {}", key, expected);
      if (d.where.column > 0) d.source_line = lines_.line(d.where.line);
      diagnostics_.add(std::move(d));
    }
    return nullptr;
  }
  if (!node->is_scalar()) {
    error(*node, fmt::format("{} must be a single value, {}", key, expected));
    return nullptr;
  }
  return node;
}

std::optional<std::string> ConfigReader::text(const ConfigNode& parent, std::string_view key,
                                              bool required) const {
  const ConfigNode* node = scalar(parent, key, required, "\"...\"");
  if (node == nullptr) return std::nullopt;
  if (required && node->text.empty()) {
    error(*node, fmt::format("{} is empty", key));
    return std::nullopt;
  }
  return node->text;
}

std::optional<long> ConfigReader::integer(const ConfigNode& parent, std::string_view key,
                                          long min, long max) const {
  const ConfigNode* node = scalar(parent, key, false, "a whole number");
  if (node == nullptr) return std::nullopt;
  long value = 0;
  const auto& t = node->text;
  const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
  if (ec != std::errc{} || end != t.data() + t.size() || value < min || value > max) {
    error(*node, fmt::format("{} must be a whole number from {} to {}", key, min, max));
    return std::nullopt;
  }
  return value;
}

std::optional<double> ConfigReader::number(const ConfigNode& parent, std::string_view key,
                                           double min, double max) const {
  const ConfigNode* node = scalar(parent, key, false, "a number");
  if (node == nullptr) return std::nullopt;
  double value = 0;
  const auto& t = node->text;
  const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
  if (ec != std::errc{} || end != t.data() + t.size() || !std::isfinite(value) || value < min ||
      value > max) {
    error(*node, fmt::format("{} must be a number from {} to {}", key, min, max));
    return std::nullopt;
  }
  return value;
}

std::optional<bool> ConfigReader::boolean(const ConfigNode& parent, std::string_view key) const {
  const ConfigNode* node = scalar(parent, key, false, "true or false");
  if (node == nullptr) return std::nullopt;
  if (node->text == "true") return true;
  if (node->text == "false") return false;
  error(*node, fmt::format("{} must be true or false", key));
  return std::nullopt;
}

std::optional<Date> ConfigReader::date(const ConfigNode& parent, std::string_view key,
                                       bool required) const {
  const ConfigNode* node = scalar(parent, key, required, "a date like 2026-11-02");
  if (node == nullptr) return std::nullopt;
  auto value = parse_iso_date(node->text);
  if (!value) error(*node, fmt::format("{} {} is not a date", key, util::quoted(node->text)),
                    "write it as YYYY-MM-DD, e.g. 2026-11-02");
  return value;
}

std::optional<Minute> ConfigReader::time(const ConfigNode& parent, std::string_view key,
                                         bool required) const {
  const ConfigNode* node = scalar(parent, key, required, "a time like \"07:30\"");
  if (node == nullptr) return std::nullopt;
  auto value = parse_clock_time(node->text);
  if (!value) error(*node, fmt::format("{} {} is not a time of day", key, util::quoted(node->text)),
                    "write it as \"HH:MM\" on the 24-hour clock, e.g. \"07:30\"");
  return value;
}

std::optional<TimeWindow> ConfigReader::window(const ConfigNode& node, std::string_view start_key,
                                               std::string_view end_key) const {
  if (!node.is_map()) {
    error(node, fmt::format("expected {{ {} = \"HH:MM\", {} = \"HH:MM\" }}", start_key, end_key));
    return std::nullopt;
  }
  check_keys(node, {start_key, end_key}, node.key.empty() ? "this time window" : node.key);
  const auto start = time(node, start_key, true);
  const auto end = time(node, end_key, true);
  if (!start || !end) return std::nullopt;
  if (*end <= *start) {
    error(node, fmt::format("{} {} is not after {} {}", end_key, format_clock_time(*end),
                            start_key, format_clock_time(*start)),
          "times are on the 24-hour clock, and a window ends after it starts");
    return std::nullopt;
  }
  return TimeWindow{*start, *end};
}

}  // namespace attune::io
