// The wall-clock budget every solve of a plan shares (see stages.hpp).

#include "stages.hpp"

#include <algorithm>
#include <ctime>

namespace attune::plan {

namespace {

/// CPU seconds of this process so far, all threads (std::clock).
double process_cpu_seconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

/// CPU seconds of CBC's first relaxation per variable x row of the programme: on
/// bench/plan.sh's week (27,497 variables, 16,875 rows) Clp's first solve of the
/// relaxation took 3.34 s of CPU (6.75 s wall at load 8), 7.2e-9 s a cell; rounded up.
constexpr double kFirstLpCpuPerCell = 1e-8;

}  // namespace

Budget::Budget(double seconds)
    : cpu_start_(process_cpu_seconds()),
      start_(std::chrono::steady_clock::now()),
      end_(start_ + std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(seconds))) {}

double Budget::remaining() const {
  return std::chrono::duration<double>(end_ - std::chrono::steady_clock::now()).count();
}

double Budget::total() const { return std::chrono::duration<double>(end_ - start_).count(); }

double Budget::slowdown() const {
  const double cpu = process_cpu_seconds() - cpu_start_;
  if (cpu < 0.2) return 1.0;  // too little measured to tell
  return std::max(1.0, elapsed() / cpu);
}

double Budget::first_lp_seconds(const solver::Model& model) const {
  const double cells = static_cast<double>(model.variable_count()) * static_cast<double>(model.row_count());
  return kFirstLpCpuPerCell * cells * slowdown();
}

double Budget::elapsed() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count(); }

}  // namespace attune::plan
