#pragma once
// Where a setting's data files come from: the disk, or (tests, fuzzing) texts held in
// memory by the name setting.toml gives them. In memory, nothing is read from the disk.

#include <filesystem>
#include <optional>
#include <string>

#include "attune/diagnostic.hpp"
#include "attune/load.hpp"

namespace attune::io {

class DataSource {
 public:
  DataSource() = default;                                  ///< the disk
  explicit DataSource(const DataFiles& files) : memory_(&files) {}

  [[nodiscard]] bool exists(const std::filesystem::path& file) const;
  /// The file's text; nullopt, with an error reported against `display`, when it cannot
  /// be read (see read_file).
  std::optional<std::string> read(const std::filesystem::path& file, const std::string& display,
                                  Diagnostics& diagnostics) const;

 private:
  const DataFiles* memory_ = nullptr;
};

}  // namespace attune::io
