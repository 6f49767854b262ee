#pragma once
// One day of the week as a programme of its own: what the day-by-day start plans, and
// what the improvement of the lowest coverage (improve.cpp) plans again with the other
// days held. A day's variables are made in the same order as the week's (RotaModel), so
// a day's values map onto the week's and back. Internal to lib/src/plan.

#include <cstdint>
#include <vector>

#include "rota_model.hpp"

namespace attune::plan {

/// The week cut down to day `d` alone (its person-days renumbered to day 0);
/// `person_days` gets, for each of the day's person-days, the week's.
Week one_day(const Week& week, std::uint32_t d, std::vector<std::size_t>& person_days);

/// Copies the day's values `day` (over `alone`, the model of one_day(week, d)) into the
/// week's `values` (over `week_model`); false when the two do not match.
bool lay_day(const RotaModel& alone, const std::vector<double>& day, const RotaModel& week_model, std::uint32_t d,
             const std::vector<std::size_t>& person_days, std::vector<double>& values);

/// The reverse: day `d` of the week's `values`, as values of `alone` (the rest 0).
std::vector<double> take_day(const RotaModel& alone, const RotaModel& week_model, std::uint32_t d,
                             const std::vector<std::size_t>& person_days, const std::vector<double>& values);

/// Work minutes (breaks excluded) of person-day `pd` of `model` in `values`.
long worked(const RotaModel& model, std::size_t pd, const std::vector<double>& values);

/// Fixes every place of `places` in `model` (w, and the break starts), leaving only the
/// rules' helper variables free; false when the model has no variable for a place.
bool fix_places(RotaModel& model, const std::vector<std::vector<SlotState>>& places);

}  // namespace attune::plan
