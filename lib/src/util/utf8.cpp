#include "utf8.hpp"

#include <cstdint>
#include <cstring>

namespace attune::util {

std::size_t utf8_sequence_length(std::string_view text, std::size_t pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(pos);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;  // the range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) length = 2;
  else if (lead == 0xE0) length = 3, low = 0xA0;            // no overlong forms
  else if (lead == 0xED) length = 3, high = 0x9F;           // no surrogates
  else if (lead >= 0xE1 && lead <= 0xEF) length = 3;
  else if (lead == 0xF0) length = 4, low = 0x90;            // no overlong forms
  else if (lead == 0xF4) length = 4, high = 0x8F;           // nothing above U+10FFFF
  else if (lead >= 0xF1 && lead <= 0xF3) length = 4;
  else return 0;
  if (pos + length > text.size()) return 0;
  if (byte(pos + 1) < low || byte(pos + 1) > high) return 0;
  for (std::size_t i = 2; i < length; ++i) {
    if ((byte(pos + i) & 0xC0) != 0x80) return 0;
  }
  return length;
}

std::size_t find_invalid_utf8(std::string_view text, std::size_t from) {
  std::size_t pos = from;
  while (pos < text.size()) {
    if (pos + 8 <= text.size()) {
      std::uint64_t word = 0;
      std::memcpy(&word, text.data() + pos, 8);
      if ((word & 0x8080808080808080ULL) == 0) {
        pos += 8;
        continue;
      }
    }
    const std::size_t length = utf8_sequence_length(text, pos);
    if (length == 0) return pos;
    pos += length;
  }
  return std::string_view::npos;
}

std::string valid_utf8(std::string_view text) {
  std::size_t bad = find_invalid_utf8(text);
  if (bad == std::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size() + 16);
  std::size_t pos = 0;
  while (bad != std::string_view::npos) {
    out.append(text.substr(pos, bad - pos));
    out += "\xEF\xBF\xBD";
    pos = bad + 1;
    bad = find_invalid_utf8(text, pos);
  }
  out.append(text.substr(pos));
  return out;
}

}  // namespace attune::util
