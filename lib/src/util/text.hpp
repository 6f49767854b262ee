#pragma once
// Small text helpers shared by loaders and the catalog.

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace attune::util {

/// Hashes std::string and std::string_view alike, so a map keyed by std::string can be
/// searched with a string_view without making a string (heterogeneous lookup).
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const noexcept { return std::hash<std::string_view>{}(text); }
};

/// An unordered map from text, searchable with a string_view.
template <typename Value>
using TextMap = std::unordered_map<std::string, Value, StringHash, std::equal_to<>>;

/// Levenshtein distance, letter case ignored.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// Candidates within a small edit distance of `word`, closest first.
std::vector<std::string> closest(std::string_view word, const std::vector<std::string>& candidates,
                                 std::size_t max_results = 3);

/// " (did you mean \"x\"?)" or "".
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

/// "a, b, c" (at most `limit` items, then ", ...").
std::string join(const std::vector<std::string>& items, std::string_view separator = ", ",
                 std::size_t limit = 20);

std::string to_lower(std::string_view text);

/// A share as a whole per cent, rounded half up as people round (0.625 is "63%", not the
/// "62%" of round-half-to-even); a share computed as 0.285 still rounds to "29%".
std::string percent(double share);
/// The same number without the sign: 62.5 -> 63.
long round_half_up(double value);

/// The text in double quotes for a message, cut to 60 characters, control bytes shown.
std::string quoted(std::string_view text);

/// A CSV field for a data file attune reads back (RFC 4180): quoted when it holds a
/// comma, a quote or a line break; no formula escaping.
std::string csv_field(std::string_view text);

}  // namespace attune::util
