#pragma once
// Eight bytes at a time: for the writers that copy text which is nearly always plain
// (JSON strings, CSV cells), a test of a whole 8-byte block for the few bytes that need
// more than copying, instead of a test of every byte.

#include <cstdint>
#include <cstring>

namespace attune::util {

inline constexpr std::uint64_t kByteOnes = 0x0101010101010101ULL;
inline constexpr std::uint64_t kByteHighs = 0x8080808080808080ULL;

/// The 8 bytes at `p`, in memory order.
inline std::uint64_t load8(const char* p) {
  std::uint64_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

/// Whether any byte of `v` is 0. Exact: a block with no zero byte always gives false.
inline bool has_zero_byte(std::uint64_t v) { return ((v - kByteOnes) & ~v & kByteHighs) != 0; }

/// Whether any byte of `v` is `byte`.
inline bool has_byte(std::uint64_t v, unsigned char byte) { return has_zero_byte(v ^ (kByteOnes * byte)); }

/// Whether any byte of `v` is below 0x20 or at or above 0x80 (a control character, or
/// part of a multi-byte UTF-8 sequence).
inline bool has_control_or_high_byte(std::uint64_t v) {
  return (((v - kByteOnes * 0x20) & ~v & kByteHighs) | (v & kByteHighs)) != 0;
}

}  // namespace attune::util
