#include "environment.hpp"

#include <unistd.h>

#include <cstdlib>
#include <system_error>

namespace attune::cli {
namespace fs = std::filesystem;

Environment detect_environment() {
  Environment env;
  std::error_code ec;
  if (const char* dir = std::getenv("ATTUNE_DATA_DIR"); dir != nullptr && *dir != '\0')
    env.data_dirs.emplace_back(dir);
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    // <prefix>/bin/attune -> <prefix>/share/attune
    const fs::path installed = exe.parent_path().parent_path() / ATTUNE_INSTALL_DATA_DIR;
    if (fs::is_directory(installed / "profiles", ec)) env.data_dirs.push_back(installed);
  }
  const fs::path source = ATTUNE_SOURCE_DATA_DIR;
  if (fs::is_directory(source / "profiles", ec)) env.data_dirs.push_back(source);
  env.stdout_is_terminal = isatty(STDOUT_FILENO) == 1;
  env.stderr_is_terminal = isatty(STDERR_FILENO) == 1;
  const char* no_color = std::getenv("NO_COLOR");
  env.no_color = no_color != nullptr && *no_color != '\0';
  if (const char* term = std::getenv("TERM"); term != nullptr && std::string_view(term) == "dumb")
    env.no_color = true;
  return env;
}

}  // namespace attune::cli
