#pragma once
// A fixed table of an enum's spellings, shared by every enum read from or written to files.

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace attune::detail {

template <class Enum, std::size_t N>
struct EnumNames {
  std::array<std::pair<Enum, std::string_view>, N> entries;

  [[nodiscard]] constexpr std::string_view name(Enum value) const {
    for (const auto& [v, id] : entries) {
      if (v == value) return id;
    }
    return entries[0].second;
  }

  [[nodiscard]] constexpr std::optional<Enum> parse(std::string_view text) const {
    for (const auto& [v, id] : entries) {
      if (id == text) return v;
    }
    return std::nullopt;
  }

  /// "a | b | c", for messages that say what was expected.
  [[nodiscard]] std::string choices() const {
    std::string out;
    for (const auto& [v, id] : entries) {
      if (!out.empty()) out += " | ";
      out += id;
    }
    return out;
  }
};

template <class Enum, class... Pairs>
constexpr auto make_enum_names(Pairs... pairs) {
  return EnumNames<Enum, sizeof...(Pairs)>{{{std::pair<Enum, std::string_view>(pairs)...}}};
}

}  // namespace attune::detail
