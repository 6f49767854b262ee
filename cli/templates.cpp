#include "templates.hpp"

#include <fstream>
#include <sstream>
#include <system_error>

#include <fmt/format.h>

namespace attune::cli {
namespace fs = std::filesystem;

std::optional<std::string> read_template(const std::string& name, const std::string& template_dir,
                                         const Environment& env) {
  std::error_code ec;
  // A --template folder that does not exist is a mistake (a typo), not "use attune's".
  if (!template_dir.empty() && !fs::is_directory(template_dir, ec)) {
    fmt::print(stderr, "attune: --template {}: no such folder\n", template_dir);
    return std::nullopt;
  }
  std::vector<fs::path> candidates;
  if (!template_dir.empty()) candidates.push_back(fs::path(template_dir) / name);
  for (const auto& dir : env.data_dirs) candidates.push_back(dir / "report" / name);
  for (const auto& path : candidates) {
    if (!fs::is_regular_file(path, ec)) continue;
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    if (in) text << in.rdbuf();
    if (!in || in.bad()) {
      fmt::print(stderr, "attune: cannot read template {}\n", path.string());
      return std::nullopt;
    }
    return text.str();
  }
  fmt::print(stderr, "attune: template {} not found{}\n", name,
             template_dir.empty() ? " (set ATTUNE_DATA_DIR to attune's templates folder)"
                                  : fmt::format(" in {} or attune's templates", template_dir));
  return std::nullopt;
}

}  // namespace attune::cli
