#include "output.hpp"

#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
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

/// Ctrl-C, `kill` and a closed terminal remove the temporary file, then end the run
/// as the signal would have (exit status 128 + the signal's number).
constexpr int kStopSignals[] = {SIGINT, SIGTERM, SIGHUP};

/// While it lives, the stop signals wait; their handlers are swapped in and out under it,
/// so no signal can come between creating the temporary file and knowing its name.
class SignalsHeld {
 public:
  SignalsHeld() {
    sigset_t held;
    sigemptyset(&held);
    for (int s : kStopSignals) sigaddset(&held, s);
    pthread_sigmask(SIG_BLOCK, &held, &before_);
  }
  ~SignalsHeld() { pthread_sigmask(SIG_SETMASK, &before_, nullptr); }
  SignalsHeld(const SignalsHeld&) = delete;
  SignalsHeld& operator=(const SignalsHeld&) = delete;

 private:
  sigset_t before_{};
};

struct SavedHandlers {
  struct sigaction old[std::size(kStopSignals)];
};

void install_handlers(SavedHandlers& saved) {
  struct sigaction action {};
  action.sa_handler = remove_temp_and_exit;
  sigemptyset(&action.sa_mask);
  for (std::size_t i = 0; i < std::size(kStopSignals); ++i) sigaction(kStopSignals[i], &action, &saved.old[i]);
}

void restore_handlers(const SavedHandlers& saved) {
  for (std::size_t i = 0; i < std::size(kStopSignals); ++i) sigaction(kStopSignals[i], &saved.old[i], nullptr);
}

/// For tests of an interrupted run only: ATTUNE_TEST_PAUSE_BEFORE_RENAME=SECONDS waits
/// with the complete temporary file in place, so a test can send a signal then.
void test_pause_before_rename() {
  const char* seconds = std::getenv("ATTUNE_TEST_PAUSE_BEFORE_RENAME");
  if (seconds == nullptr || *seconds == '\0') return;
  fmt::print(stderr, "attune: test pause before rename\n");
  std::fflush(stderr);
  ::sleep(static_cast<unsigned>(std::atoi(seconds)));
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
  SavedHandlers previous;
  int fd = -1;
  {
    const SignalsHeld held;
    fd = ::mkstemp(temp.data());  // created 0600
    if (fd < 0) {
      fmt::print(stderr, "attune: cannot write {}: {}{}\n", path, std::strerror(errno),
                 errno == ENOENT ? " (the folder does not exist)" : "");
      return false;
    }
    std::memcpy(g_temp_path, temp.data(), temp.size());
    g_have_temp = 1;
    install_handlers(previous);
  }

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
  if (ok) test_pause_before_rename();
  {
    const SignalsHeld held;
    if (ok && std::rename(temp.data(), path.c_str()) != 0) {
      ok = false;
      saved = errno;
    }
    if (!ok) ::unlink(temp.data());
    g_have_temp = 0;
    restore_handlers(previous);
  }
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
