#pragma once
// The generator's random numbers: xoshiro256** seeded through splitmix64. Written out
// here (not std::*_distribution) so that the same seed gives the same files with every
// compiler and standard library.

#include <cstdint>
#include <span>

namespace attune::gen {

/// Which part of a setting a stream feeds: each part draws from its own stream, so a
/// change to how one part is made leaves the others as they were.
enum class Stream : std::uint64_t {
  names = 1,
  rooms,
  staff,
  children,
  keys,
  events,
  rota,
  attendance,
  mismatch_rota,      ///< --mismatch: how the exported rota departs from the day worked
  mismatch_register,  ///< --mismatch: how the register departs from the bookings
};

class Rng {
 public:
  /// The stream for (seed, setting index, part).
  Rng(std::uint64_t seed, std::uint64_t index, Stream stream);

  std::uint64_t next();

  /// 0 .. n-1, uniformly (n >= 1).
  int below(int n);

  /// lo .. hi, both included.
  int between(int lo, int hi) { return lo + below(hi - lo + 1); }

  /// [0, 1).
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

  bool chance(double p) { return unit() < p; }

  /// An index into `weights`, chosen with those (non-negative, not all zero) weights.
  int weighted(std::span<const int> weights);

  /// One element of an array (or any sized container with operator[]), uniformly.
  template <class Items>
  const auto& pick(const Items& items) {
    return items[static_cast<std::size_t>(below(static_cast<int>(items.size())))];
  }

 private:
  std::uint64_t state_[4];
};

/// One step of splitmix64 (also used to mix seeds).
std::uint64_t splitmix64(std::uint64_t& state);

}  // namespace attune::gen
