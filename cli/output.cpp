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
#include <fstream>
#include <memory>
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

}  // namespace

// Outside the anonymous namespace: a member of OutputFile::State, which has linkage.
struct SavedHandlers {
  struct sigaction old[std::size(kStopSignals)];
};

namespace {

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

}  // namespace

struct OutputFile::State {
  std::string path;
  bool holds_names = false;
  int fd = -1;               ///< the temporary file, or a device or pipe written in place
  bool special = false;      ///< a device or pipe: no temporary file, no rename
  bool to_stdout = false;
  std::vector<char> temp;    ///< the temporary file's name
  SavedHandlers previous;
  bool failed = false;
  int error = 0;             ///< errno of the first failure
  off_t written = 0;         ///< bytes written so far
  off_t flushed = 0;         ///< bytes the system has been asked to write to disk
};

std::unique_ptr<OutputFile> OutputFile::open(const std::string& path, bool holds_names) {
  auto file = std::unique_ptr<OutputFile>(new OutputFile);
  State& st = *file->state_;
  st.path = path;
  st.holds_names = holds_names;
  if (path.empty() || path == "-") {
    st.to_stdout = true;
    return file;
  }
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    fmt::print(stderr, "attune: cannot write {}: it is a folder; name a file\n", path);
    return nullptr;
  }
  if (fs::exists(path, ec) && !fs::is_regular_file(path, ec)) {
    st.special = true;
    st.fd = ::open(path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    if (st.fd < 0) {
      fmt::print(stderr, "attune: cannot write {}: {}\n", path, std::strerror(errno));
      return nullptr;
    }
    return file;
  }
  const fs::path target(path);
  const fs::path folder = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::string hidden = ".";
  hidden += target.filename().string();
  hidden += ".XXXXXX";
  const std::string pattern = (folder / hidden).string();
  if (pattern.size() >= sizeof g_temp_path) {
    fmt::print(stderr, "attune: cannot write {}: the path is too long\n", path);
    return nullptr;
  }
  st.temp.assign(pattern.begin(), pattern.end());
  st.temp.push_back('\0');
  const SignalsHeld held;
  st.fd = ::mkstemp(st.temp.data());  // created 0600
  if (st.fd < 0) {
    fmt::print(stderr, "attune: cannot write {}: {}{}\n", path, std::strerror(errno),
               errno == ENOENT ? " (the folder does not exist)" : "");
    return nullptr;
  }
  std::memcpy(g_temp_path, st.temp.data(), st.temp.size());
  g_have_temp = 1;
  install_handlers(st.previous);
  return file;
}

OutputFile::OutputFile() : state_(std::make_unique<State>()) {}

void OutputFile::write(std::string_view piece) {
  State& st = *state_;
  if (st.failed) return;
  if (st.to_stdout) {
    if (std::fwrite(piece.data(), 1, piece.size(), stdout) != piece.size()) st.failed = true, st.error = errno;
    return;
  }
  const std::string_view one[] = {piece};
  if (!write_all(st.fd, one)) {
    st.failed = true, st.error = errno;
    return;
  }
  st.written += static_cast<off_t>(piece.size());
#if defined(__linux__)
  // A long document (a group's JSON is about 1 MB per setting-year): have the system
  // start writing each 32 MB to disk now, without waiting, instead of leaving it all to
  // the fsync in commit(), which for 1000 settings waited 0.6 s for 900 MB.
  constexpr off_t kWriteBehind = off_t{32} << 20;
  if (!st.special && st.written - st.flushed >= kWriteBehind) {
    ::sync_file_range(st.fd, st.flushed, st.written - st.flushed, SYNC_FILE_RANGE_WRITE);
    st.flushed = st.written;
  }
#endif
}

bool OutputFile::commit() {
  State& st = *state_;
  if (st.to_stdout) {
    if (!st.failed && std::fflush(stdout) != 0) st.failed = true, st.error = errno;
    // A reader that stopped reading (a pipe into head) needs no message; exit 2 says it.
    if (st.failed && st.error != EPIPE)
      fmt::print(stderr, "attune: cannot write the output: {}\n", std::strerror(st.error));
    return !st.failed;
  }
  bool ok = !st.failed;
  int saved = st.error;
  if (st.special) {
    if (::close(st.fd) != 0 && ok) ok = false, saved = errno;
    st.fd = -1;
    if (!ok) fmt::print(stderr, "attune: cannot write {}: {}\n", st.path, std::strerror(saved));
    return ok;
  }
  if (ok && !st.holds_names) {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ok = ::fchmod(st.fd, 0666 & ~mask) == 0;
    saved = errno;
  }
  if (ok && ::fsync(st.fd) != 0 && errno != EINVAL) ok = false, saved = errno;
  if (::close(st.fd) != 0 && ok) ok = false, saved = errno;
  st.fd = -1;
  if (ok) test_pause_before_rename();
  {
    const SignalsHeld held;
    if (ok && std::rename(st.temp.data(), st.path.c_str()) != 0) ok = false, saved = errno;
    if (!ok) ::unlink(st.temp.data());
    g_have_temp = 0;
    restore_handlers(st.previous);
  }
  st.temp.clear();
  if (!ok) fmt::print(stderr, "attune: cannot write {}: {}\n", st.path, std::strerror(saved));
  return ok;
}

OutputFile::~OutputFile() {
  State& st = *state_;
  if (st.fd >= 0) ::close(st.fd);
  if (st.temp.empty()) return;
  const SignalsHeld held;  // not committed: the temporary file goes, the old file stays
  ::unlink(st.temp.data());
  g_have_temp = 0;
  restore_handlers(st.previous);
}

namespace {

bool write_pieces(std::span<const std::string_view> text, const std::string& path, bool holds_names) {
  const auto file = OutputFile::open(path, holds_names);
  if (!file) return false;
  for (std::string_view piece : text) file->write(piece);
  return file->commit();
}

}  // namespace

bool write_folder_file(const std::filesystem::path& path, const std::string& text, std::string_view command) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (out) out.write(text.data(), static_cast<std::streamsize>(text.size()));
  if (out) out.close();
  if (!out) fmt::print(stderr, "attune {}: cannot write {}: {}\n", command, path.string(), std::strerror(errno));
  return static_cast<bool>(out);
}

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
