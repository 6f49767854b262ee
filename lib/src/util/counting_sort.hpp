#pragma once
// A stable counting sort, for many items with small whole-number keys (the minutes of a
// day, rooms, children): linear, and without the data-dependent branches of a
// comparison sort, which mispredict on almost every comparison of such data.

#include <cstdint>
#include <vector>

namespace attune::util {

/// Orders `items` by `key(item)` (0 <= key < buckets), keeping the order of items with
/// the same key. `scratch` and `counts` are buffers the caller may keep between calls.
template <typename T, typename Key>
void counting_sort(std::vector<T>& items, std::size_t buckets, Key key, std::vector<T>& scratch,
                   std::vector<std::uint32_t>& counts) {
  counts.assign(buckets + 1, 0);
  for (const T& item : items) ++counts[key(item) + 1];
  for (std::size_t i = 1; i <= buckets; ++i) counts[i] += counts[i - 1];
  scratch.resize(items.size());
  for (const T& item : items) scratch[counts[key(item)]++] = item;
  items.swap(scratch);
}

}  // namespace attune::util
