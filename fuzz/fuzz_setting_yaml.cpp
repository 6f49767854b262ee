// libFuzzer target: setting.yaml, the one-file form (settings and every table in it).

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const attune::DataFiles none;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const attune::LoadResult loaded = attune::load_setting_in_memory(text, true, none, "setting.yaml", {});
  attune::fuzz::format_all(loaded.diagnostics);
  if (loaded.setting) attune::fuzz::check_and_render(*loaded.setting);
  return 0;
}
