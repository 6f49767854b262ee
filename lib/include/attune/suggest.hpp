#pragma once
/// "Did you mean ...?": the candidates closest to a mistyped word.

#include <string>
#include <string_view>
#include <vector>

namespace attune {

/// Candidates within a small edit distance of `word` (letter case ignored), closest first.
std::vector<std::string> closest_matches(std::string_view word,
                                         const std::vector<std::string>& candidates,
                                         std::size_t max_results = 3);

}  // namespace attune
