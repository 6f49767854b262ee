#include "random.hpp"

namespace attune::gen {
namespace {

std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

}  // namespace

std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

Rng::Rng(std::uint64_t seed, std::uint64_t index, Stream stream) {
  std::uint64_t mix = seed;
  std::uint64_t h = splitmix64(mix);
  mix = h ^ (index * 0xd1b54a32d192ed03ULL);
  h = splitmix64(mix);
  mix = h ^ (static_cast<std::uint64_t>(stream) * 0xabc98388fb8fac03ULL);
  for (auto& s : state_) s = splitmix64(mix);
}

std::uint64_t Rng::next() {
  const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
  const std::uint64_t t = state_[1] << 17;
  state_[2] ^= state_[0];
  state_[3] ^= state_[1];
  state_[1] ^= state_[2];
  state_[0] ^= state_[3];
  state_[2] ^= t;
  state_[3] = rotl(state_[3], 45);
  return result;
}

int Rng::below(int n) {
  if (n <= 1) return 0;
  const auto range = static_cast<std::uint64_t>(n);
  const std::uint64_t threshold = (0 - range) % range;  // 2^64 mod n: reject below it
  std::uint64_t r = next();
  while (r < threshold) r = next();
  return static_cast<int>(r % range);
}

int Rng::weighted(std::span<const int> weights) {
  int total = 0;
  for (int w : weights) total += w;
  int r = below(total);
  for (std::size_t i = 0; i < weights.size(); ++i) {
    if (r < weights[i]) return static_cast<int>(i);
    r -= weights[i];
  }
  return static_cast<int>(weights.size()) - 1;
}

}  // namespace attune::gen
