#include "output.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <span>
#include <string_view>
#include <vector>

#include <fmt/format.h>

namespace attune::cli {
namespace {

// The temporary file being written, removed if the run is interrupted.
volatile std::sig_atomic_t g_have_temp = 0;
char g_temp_path[4096];

extern "C" void remove_temp_and_exit(int signal) {
  if (g_have_temp != 0) ::unlink(g_temp_path);
  std::signal(signal, SIG_DFL);
  std::raise(signal);
}

bool write_all(int fd, std::span<const std::string_view> pieces) {
  for (std::string_view text : pieces) {
    std::size_t done = 0;
    while (done < text.size()) {
      const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
      if (n < 0) {
        if (errno == EINTR) continue;
        return false;
      }
      done += static_cast<std::size_t>(n);
    }
  }
  return true;
}

/// A device or pipe (/dev/stdout, a FIFO): written in place, never replaced by a rename.
bool write_special(std::span<const std::string_view> text, const std::string& path) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
  if (fd < 0) {
    fmt::print(stderr, "attune: cannot write {}: {}\n", path, std::strerror(errno));
    return false;
  }
  bool ok = write_all(fd, text);
  int saved = errno;
  if (::close(fd) != 0 && ok) {
    ok = false;
    saved = errno;
  }
  if (!ok) fmt::print(stderr, "attune: cannot write {}: {}\n", path, std::strerror(saved));
  return ok;
}

bool write_stdout(std::span<const std::string_view> pieces) {
  for (std::string_view text : pieces) {
    if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size()) {
      fmt::print(stderr, "attune: cannot write the output: {}\n", std::strerror(errno));
      return false;
    }
  }
  if (std::fflush(stdout) != 0) {
    fmt::print(stderr, "attune: cannot write the output: {}\n", std::strerror(errno));
    return false;
  }
  return true;
}

}  // namespace

namespace {

bool write_pieces(std::span<const std::string_view> text, const std::string& path, bool holds_names) {
  if (path.empty() || path == "-") return write_stdout(text);
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    fmt::print(stderr, "attune: cannot write {}: it is a folder; name a file\n", path);
    return false;
  }
  if (fs::exists(path, ec) && !fs::is_regular_file(path, ec)) return write_special(text, path);
  const fs::path target(path);
  const fs::path folder = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  const std::string pattern = (folder / ("." + target.filename().string() + ".XXXXXX")).string();
  if (pattern.size() >= sizeof g_temp_path) {
    fmt::print(stderr, "attune: cannot write {}: the path is too long\n", path);
    return false;
  }
  std::vector<char> temp(pattern.begin(), pattern.end());
  temp.push_back('\0');
  const int fd = ::mkstemp(temp.data());  // created 0600
  if (fd < 0) {
    fmt::print(stderr, "attune: cannot write {}: {}{}\n", path, std::strerror(errno),
               errno == ENOENT ? " (the folder does not exist)" : "");
    return false;
  }
  std::memcpy(g_temp_path, temp.data(), temp.size());
  g_have_temp = 1;
  auto* previous_int = std::signal(SIGINT, remove_temp_and_exit);
  auto* previous_term = std::signal(SIGTERM, remove_temp_and_exit);

  bool ok = write_all(fd, text);
  int saved = errno;
  if (ok && !holds_names) {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ok = ::fchmod(fd, 0666 & ~mask) == 0;
    saved = errno;
  }
  if (ok && ::fsync(fd) != 0 && errno != EINVAL) {
    ok = false;
    saved = errno;
  }
  if (::close(fd) != 0 && ok) {
    ok = false;
    saved = errno;
  }
  if (ok && std::rename(temp.data(), path.c_str()) != 0) {
    ok = false;
    saved = errno;
  }
  if (!ok) ::unlink(temp.data());
  g_have_temp = 0;
  std::signal(SIGINT, previous_int);
  std::signal(SIGTERM, previous_term);
  if (!ok) fmt::print(stderr, "attune: cannot write {}: {}\n", path, std::strerror(saved));
  return ok;
}

}  // namespace

bool write_output(const std::string& text, const std::string& path, bool holds_names) {
  const std::string_view one[] = {text};
  return write_pieces(one, path, holds_names);
}

bool write_output(const std::vector<std::string>& pieces, const std::string& path, bool holds_names) {
  const std::vector<std::string_view> views(pieces.begin(), pieces.end());
  return write_pieces(views, path, holds_names);
}

bool use_colour(const std::string& when, bool terminal, bool no_color_env, const std::string& path) {
  if (when == "always") return true;
  if (when == "never") return false;
  return terminal && !no_color_env && (path.empty() || path == "-");
}

}  // namespace attune::cli
