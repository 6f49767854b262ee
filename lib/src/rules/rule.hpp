#pragma once
// What a rule is to the engine: it is shown each room-day and premises-day timeline, each
// date, and finally the whole period, and appends Findings. Rules never read files.
//
// A rule is one unit: its check (a class deriving from Rule) and its RuleInfo (id, texts,
// the numbers it reads, a factory) in one file of this folder, registered in
// registry.cpp. docs/architecture.md walks through adding one.

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "attune/finding.hpp"
#include "attune/profile.hpp"
#include "attune/rule_catalog.hpp"
#include "attune/setting.hpp"
#include "attune/timeline.hpp"
#include "../continuity/ledger.hpp"

namespace attune::rules {

struct RuleContext {
  const Setting& setting;
  const RuleProfile& profile;
  std::vector<Finding>& findings;
  /// Who was with each child; complete by the time `finish` is called.
  const ContinuityLedger& ledger;

  /// The version of the profile in force on a day: its numbers and rules.
  [[nodiscard]] const RuleProfile& on(const Day& day) const { return profile.on(day.date); }
  /// The profile's severity for a rule, else the catalog's default.
  [[nodiscard]] Severity severity(std::string_view rule) const;
  /// A finding with rule and severity filled in.
  [[nodiscard]] Finding make(std::string_view rule) const;
  /// One info finding saying a rule was not evaluated, and what input would enable it.
  void not_evaluated(std::string_view rule, std::string_view why) const;

  /// The last rule `make` was asked for and its severity: a rule makes its findings one
  /// after another, so the profile and the catalog are searched once per run of them,
  /// not once per finding (26,000 findings in the 3-setting --mismatch group).
  struct LastRule {
    std::string id;
    Severity severity = Severity::error;
    bool known = false;
  };
  mutable LastRule last_rule{};
};

class Rule {
 public:
  virtual ~Rule() = default;
  /// The registry entry this check was made from (set by make_rules).
  [[nodiscard]] const RuleInfo& info() const { return *info_; }
  [[nodiscard]] std::string_view id() const { return info_->id; }
  /// Called once before the first date; a rule that cannot run says so here.
  virtual void start(RuleContext&) {}
  virtual void room_day(RuleContext&, const Day&, const RoomDay&) {}
  virtual void premises_day(RuleContext&, const Day&, const RoomDay&) {}
  virtual void day(RuleContext&, const Day&) {}
  virtual void finish(RuleContext&) {}

 private:
  friend std::vector<std::unique_ptr<Rule>> make_rules();
  const RuleInfo* info_ = nullptr;
};

/// A check of every registered rule, in the registry's order (registry.cpp).
std::vector<std::unique_ptr<Rule>> make_rules();

/// Merges the breach segments of one rule in one room-day that touch into one finding,
/// keeping the values of the worst segment:
///
///     segments   [ok][breach 2][breach 3][ok][breach 1]
///     findings       [ worst = 3        ]    [ 1     ]
///
/// `badness` is shortfall * 1000 + children (or the children alone where there is no
/// shortfall to count). When the merged segments' shortfalls differ, the message names
/// the worst moment ("at worst 12:00–12:30: 4 children, 0 staff in ratio, 2 required"),
/// so a finding over a whole day does not read as if it were that bad all day; a change
/// in the number of children alone does not.
class BreachRun {
 public:
  using Describe = std::string (*)(const Finding&);
  BreachRun(RuleContext& context, std::string_view rule, const Day& day, RoomIndex room,
            Describe describe)
      : context_(context), rule_(rule), day_(day), room_(room), describe_(describe) {}
  BreachRun(const BreachRun&) = delete;
  BreachRun& operator=(const BreachRun&) = delete;
  ~BreachRun() { close(); }

  /// A breach during `time`; `make_values` runs only if this is the worst so far.
  template <class MakeValues>
  void add(TimeWindow time, long badness, MakeValues make_values) {
    if (open_ && time.start != finding_.time->end) close();
    if (!open_) {
      finding_ = context_.make(rule_);
      finding_.date = day_.date;
      finding_.time = time;
      finding_.room = room_;
      worst_ = badness - 1;
      least_ = badness / 1000;
      open_ = true;
    }
    finding_.time->end = time.end;
    least_ = std::min(least_, badness / 1000);
    if (badness > worst_) {
      worst_ = badness;
      worst_time_ = time;
      finding_.values = make_values();
    } else if (badness == worst_ && time.start == worst_time_.end) {
      worst_time_.end = time.end;
    }
  }
  /// Ends the current finding (a segment without a breach came).
  void close();

 private:
  RuleContext& context_;
  std::string_view rule_;
  const Day& day_;
  RoomIndex room_;
  Describe describe_;
  bool open_ = false;
  long worst_ = 0;
  long least_ = 0;         ///< the smallest merged shortfall (badness / 1000)
  TimeWindow worst_time_;  ///< the first run of worst segments
  Finding finding_;
};

/// "1 child" / "3 children".
std::string count_of(long n, std::string_view one, std::string_view many);
std::int64_t int_value(const Finding& f, std::string_view name);

/// The factory of a RuleInfo: `.make = make<RatioRoom>`.
template <class Check>
std::unique_ptr<Rule> make() {
  return std::make_unique<Check>();
}

/// "38%".
std::string percent(double share);

// For the policy summary's sentences (RuleInfo::evidence).
/// A finding's value as a number (0 when it has none).
double number_value(const Finding& f, std::string_view name);
/// The children the findings are about.
std::size_t distinct_children(const std::vector<const Finding*>& findings);
/// The finding with the smallest (or largest) value of `name`; `findings` is not empty.
const Finding* extreme(const std::vector<const Finding*>& findings, std::string_view name, bool smallest);

}  // namespace attune::rules
