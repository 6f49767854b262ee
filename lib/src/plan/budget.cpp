// The wall-clock budget every solve of a plan shares (see stages.hpp).

#include "stages.hpp"

namespace attune::plan {

Budget::Budget(double seconds)
    : start_(std::chrono::steady_clock::now()),
      end_(start_ + std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(seconds))) {}

double Budget::remaining() const {
  return std::chrono::duration<double>(end_ - std::chrono::steady_clock::now()).count();
}

double Budget::total() const { return std::chrono::duration<double>(end_ - start_).count(); }

double Budget::elapsed() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count(); }

}  // namespace attune::plan
