#pragma once
// `attune check --history FILE.db`: the history is opened (and migrated) before anything
// is checked, so a wrong path fails at once, and the run is stored after the settings are
// checked, from the main thread, in path order, in one transaction.

#include <optional>
#include <string>
#include <vector>

#include "attune/history.hpp"
#include "inputs.hpp"

namespace attune::cli {

struct HistorySink {
  history::Database db;
  std::string time;  ///< when the run started: ATTUNE_NOW, or the clock (UTC)
};

/// Opens FILE.db for a run. Prints why not to stderr and returns nullopt on failure.
std::optional<HistorySink> open_history_sink(const std::string& path);

/// Stores the run: every setting found, checked or not. Prints why not to stderr and
/// returns false on failure (nothing of the run is stored then).
bool store_run(HistorySink& sink, const InputOptions& input, const std::vector<std::string>& only,
               std::vector<history::SettingRecord> settings);

}  // namespace attune::cli
