#include "history_store.hpp"

#include <chrono>
#include <cstdlib>
#include <thread>

#include <fmt/format.h>

#include "attune/render.hpp"

namespace attune::cli {
namespace {

/// ATTUNE_NOW=2026-11-23T02:30:00Z pins the run's time (tests, backfilling); else the clock.
std::optional<std::string> run_time() {
  const char* pinned = std::getenv("ATTUNE_NOW");
  if (pinned == nullptr || *pinned == '\0')
    return history::format_utc_time(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
  if (!history::parse_utc_time(pinned)) {
    fmt::print(stderr, "attune: ATTUNE_NOW=\"{}\" is not a UTC time; write it as 2026-11-23T02:30:00Z\n", pinned);
    return std::nullopt;
  }
  return std::string(pinned);
}

/// Test-only (tests/history/history.sh kills a run mid-write): ATTUNE_HISTORY_PAUSE_AFTER_ROWS=N
/// makes the writer stop for 30 seconds after N rows, inside the transaction, and say so.
history::WriteHooks test_hooks() {
  history::WriteHooks hooks;
  const char* rows = std::getenv("ATTUNE_HISTORY_PAUSE_AFTER_ROWS");
  if (rows == nullptr || *rows == '\0') return hooks;
  hooks.pause_after_rows = std::strtoul(rows, nullptr, 10);
  hooks.pause = [n = hooks.pause_after_rows] {
    fmt::print(stderr, "attune: test hook: paused after {} rows, inside the transaction\n", n);
    std::fflush(stderr);
    std::this_thread::sleep_for(std::chrono::seconds(30));
  };
  return hooks;
}

std::optional<Date> date_option(const std::string& text) {
  return text.empty() ? std::nullopt : parse_iso_date(text);
}

}  // namespace

std::optional<HistorySink> open_history_sink(const std::string& path) {
  auto time = run_time();
  if (!time) return std::nullopt;
  std::string error;
  auto db = history::open_database(path, history::OpenMode::create, error);
  if (!db) {
    fmt::print(stderr, "attune: {}\nNothing was checked.\n", error);
    return std::nullopt;
  }
  return HistorySink{std::move(*db), std::move(*time)};
}

bool store_run(HistorySink& sink, const InputOptions& input, const std::vector<std::string>& only,
               std::vector<history::SettingRecord> settings) {
  history::RunRecord run;
  run.time = sink.time;
  run.tool_version = std::string(version());
  run.from = date_option(input.from);
  run.to = date_option(input.to);
  run.only = fmt::format("{}", fmt::join(only, ","));
  run.settings = std::move(settings);
  std::string error;
  if (!history::append_run(sink.db, run, test_hooks(), error)) {
    fmt::print(stderr, "attune: {}\n", error);
    return false;
  }
  return true;
}

}  // namespace attune::cli
