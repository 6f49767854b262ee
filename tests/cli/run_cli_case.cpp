// Runs one end-to-end case of tests/cli/<case>/ against the real binary.
//
//   run_cli_case ATTUNE_BINARY CASE_DIR
//
// A case folder holds (see tests/cli/README.md):
//   cmd          the arguments after `attune`, on one line ("check . --format json")
//   exit         the expected exit code
//   stdout       optional: the exact expected standard output
//   stdout.json  optional: JSON that standard output must contain (objects: the keys
//                given, with equal values; arrays: same length, element by element)
//   stderr       optional: lines that must appear in standard error, in order; without
//                this file, standard error must be empty
// The binary runs in the case folder with TZ=UTC, LC_ALL=C, NO_COLOR=1 and no terminal.

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> split_args(const std::string& line) {
  std::vector<std::string> out;
  std::string cur;
  bool in_quote = false, have = false;
  char quote = 0;
  for (char c : line) {
    if (in_quote) {
      if (c == quote) in_quote = false;
      else cur += c;
    } else if (c == '"' || c == '\'') {
      in_quote = true;
      quote = c;
      have = true;
    } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (have || !cur.empty()) out.push_back(cur);
      cur.clear();
      have = false;
    } else {
      cur += c;
    }
  }
  if (have || !cur.empty()) out.push_back(cur);
  return out;
}

struct Run {
  int exit = -1;
  std::string out, err;
};

std::string drain(int fd) {
  std::string s;
  char buf[65536];
  ssize_t n;
  while ((n = ::read(fd, buf, sizeof buf)) > 0) s.append(buf, static_cast<std::size_t>(n));
  return s;
}

Run run(const std::string& binary, const std::vector<std::string>& args, const fs::path& dir) {
  int out_pipe[2], err_pipe[2];
  if (pipe(out_pipe) != 0 || pipe(err_pipe) != 0) return {};
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(out_pipe[1], 1);
    dup2(err_pipe[1], 2);
    close(out_pipe[0]);
    close(err_pipe[0]);
    if (chdir(dir.c_str()) != 0) _exit(127);
    setenv("TZ", "UTC", 1);
    setenv("LC_ALL", "C", 1);
    setenv("NO_COLOR", "1", 1);
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(binary.c_str()));
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(binary.c_str(), argv.data());
    _exit(127);
  }
  close(out_pipe[1]);
  close(err_pipe[1]);
  Run r;
  // stderr is small; read stdout fully first, then stderr (cases keep stderr short).
  r.out = drain(out_pipe[0]);
  r.err = drain(err_pipe[0]);
  close(out_pipe[0]);
  close(err_pipe[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  r.exit = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return r;
}

/// Empty when `actual` contains `expected`; else where they differ.
std::string contains(const json& expected, const json& actual, const std::string& where) {
  if (expected.is_object()) {
    if (!actual.is_object()) return where + ": expected an object";
    for (const auto& [key, value] : expected.items()) {
      if (!actual.contains(key)) return where + "." + key + ": missing";
      auto d = contains(value, actual[key], where + "." + key);
      if (!d.empty()) return d;
    }
    return {};
  }
  if (expected.is_array()) {
    if (!actual.is_array()) return where + ": expected an array";
    if (expected.size() != actual.size())
      return where + ": expected " + std::to_string(expected.size()) + " items, got " +
             std::to_string(actual.size()) + ": " + actual.dump();
    for (std::size_t i = 0; i < expected.size(); ++i) {
      auto d = contains(expected[i], actual[i], where + "[" + std::to_string(i) + "]");
      if (!d.empty()) return d;
    }
    return {};
  }
  if (expected.is_number() && actual.is_number()) {
    const double e = expected.get<double>(), a = actual.get<double>();
    if (e == a || (e != 0 && std::abs(e - a) <= 1e-9 * std::abs(e))) return {};
    return where + ": expected " + expected.dump() + ", got " + actual.dump();
  }
  if (expected != actual) return where + ": expected " + expected.dump() + ", got " + actual.dump();
  return {};
}

/// ": line 3: expected \"...\", got \"...\"", for a golden file that differs.
std::string first_difference(const std::string& expected, const std::string& actual) {
  std::istringstream e(expected), a(actual);
  std::string le, la;
  for (int line = 1;; ++line) {
    const bool more_e = static_cast<bool>(std::getline(e, le));
    const bool more_a = static_cast<bool>(std::getline(a, la));
    if (!more_e && !more_a) return " (in the final new line)";
    if (!more_e || !more_a || le != la) {
      return ": line " + std::to_string(line) + ": expected " + (more_e ? "\"" + le + "\"" : "the end") + ", got " +
             (more_a ? "\"" + la + "\"" : "the end");
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: run_cli_case ATTUNE CASE_DIR\n";
    return 2;
  }
  const std::string binary = fs::absolute(argv[1]).string();
  const fs::path dir = argv[2];
  const auto args = split_args(read(dir / "cmd"));
  const int expected_exit = std::stoi(read(dir / "exit"));
  const Run r = run(binary, args, dir);
  bool ok = true;
  auto fail = [&](const std::string& what) {
    std::cerr << "FAIL " << dir.filename().string() << ": " << what << "\n";
    ok = false;
  };
  if (r.exit != expected_exit) fail("exit " + std::to_string(r.exit) + ", expected " + std::to_string(expected_exit));
  if (fs::exists(dir / "stdout") && read(dir / "stdout") != r.out) fail("stdout differs" + first_difference(read(dir / "stdout"), r.out));
  if (fs::exists(dir / "stdout.json")) {
    try {
      const auto d = contains(json::parse(read(dir / "stdout.json")), json::parse(r.out), "$");
      if (!d.empty()) fail("JSON " + d);
    } catch (const std::exception& e) {
      fail(std::string("stdout is not JSON: ") + e.what());
    }
  }
  if (fs::exists(dir / "stderr.exact")) {
    const std::string expected = read(dir / "stderr.exact");
    if (expected != r.err) fail("stderr differs" + first_difference(expected, r.err));
  } else if (fs::exists(dir / "stderr")) {
    std::istringstream lines(read(dir / "stderr"));
    std::string line;
    std::size_t from = 0;
    while (std::getline(lines, line)) {
      if (line.empty()) continue;
      const auto at = r.err.find(line, from);
      if (at == std::string::npos) fail("stderr lacks: " + line);
      else from = at + line.size();
    }
  } else if (!r.err.empty()) {
    fail("unexpected stderr");
  }
  if (!ok) std::cerr << "--- stdout ---\n" << r.out << "--- stderr ---\n" << r.err << "---\n";
  return ok ? 0 : 1;
}
