#include "data_source.hpp"

#include <system_error>

#include "record_table.hpp"

namespace attune::io {

bool DataSource::exists(const std::filesystem::path& file) const {
  if (memory_ != nullptr) return memory_->find(file.generic_string()) != memory_->end();
  std::error_code ec;
  return std::filesystem::exists(file, ec);
}

std::optional<std::string> DataSource::read(const std::filesystem::path& file, const std::string& display,
                                            Diagnostics& diagnostics) const {
  if (memory_ == nullptr) return read_file(file.string(), display, diagnostics);
  const auto it = memory_->find(file.generic_string());
  if (it != memory_->end()) return it->second;
  diagnostics.error(SourceRegion{display, 0, 0, 0}, "file not found",
                    "check the path, or the file name in setting.toml [data]");
  return std::nullopt;
}

}  // namespace attune::io
