// libFuzzer target: setting.toml. The input is the setting file; its data files are
// the fixed valid ones of fuzz_support.hpp, held in memory (nothing is read from disk).

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const bool ready = attune::fuzz::base_setting_loads();
  (void)ready;
  static const attune::DataFiles files = attune::fuzz::base_files();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const attune::LoadResult loaded = attune::load_setting_in_memory(text, false, files, "setting.toml", {});
  attune::fuzz::format_all(loaded.diagnostics);
  if (loaded.setting) attune::fuzz::check_and_render(*loaded.setting);
  return 0;
}
