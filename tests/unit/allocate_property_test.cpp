// attune allocate against brute force: on random small settings (up to 8 children and 4
// staff), every allocation is enumerated and judged by an independent implementation of
// the rules of DESIGN §8 (its minutes from the continuity ledger, its caps counted per day
// as cross-multiplied fractions), and allocate's answer must match stage by stage: the
// lowest baby coverage, the lowest coverage, the changes, the key-person minutes, the
// key-or-buddy minutes, the tie-break (the very same allocation), and the trade-off;
// once on settings of every kind and once where the buddies' caseloads bind.

#include <cstdlib>
#include <functional>
#include <random>
#include <sstream>

#include <fmt/format.h>

#include "attune/allocate.hpp"
#include "continuity/ledger.hpp"
#include "test_support.hpp"

using namespace attune;

namespace {

/// An exact fraction for the brute force's own comparisons.
struct Frac {
  long p = 0, q = 1;
  friend bool operator<(Frac a, Frac b) { return a.p * b.q < b.p * a.q; }
  friend bool operator==(Frac a, Frac b) { return a.p * b.q == b.p * a.q; }
};

std::string hhmm(int m) { return fmt::format("{:02}:{:02}", m / 60, m % 60); }

/// A random small setting as setting.yaml text.
/// `scarce_buddies`: every child needs a buddy and the caps are small (1-3 babies, 2-4
/// others), so the buddies' caseloads bind (the stages solved without buddies then often
/// find none that fit, and the whole programme is solved).
std::string random_setting(std::mt19937& rng, AllocateOptions& options, std::vector<std::string>& keep_ids,
                           bool scarce_buddies) {
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  const int rooms = pick(1, 2), staff = pick(2, 4), children = pick(1, 8);
  std::ostringstream y;
  y << R"(setting: { name: Random, profile: eyfs-2024-group, opening: { open: "07:00", close: "19:00" } }
period: { from: 2026-11-02, to: 2026-11-06 }
)";
  if (scarce_buddies)
    y << fmt::format("policy: {{ buddy_for_all: true, max_key_children: {{ under_2: {}, age_2: {}, age_3_plus: {} }} }}\n",
                     pick(1, 3), pick(2, 4), pick(2, 4));
  else
    y << fmt::format("policy: {{ buddy_for_all: {}, max_key_children: {{ under_2: {}, age_2: {}, age_3_plus: {} }} }}\n",
                     pick(0, 5) == 0 ? "true" : "false", pick(1, 4), pick(1, 6), pick(2, 8));
  y << "rooms:\n";
  for (int r = 0; r < rooms; ++r) y << fmt::format("  - {{ id: r{}, name: Room {}, capacity: 30 }}\n", r, r);
  y << "staff:\n";
  std::vector<int> staff_from(static_cast<std::size_t>(staff), 0), staff_to(static_cast<std::size_t>(staff), 4);
  std::vector<int> child_to(static_cast<std::size_t>(children), 4);
  for (int s = 0; s < staff; ++s) {
    const char* role = pick(0, 9) == 0 ? "student" : "practitioner";
    std::string dates;
    if (pick(0, 6) == 0) {
      dates = ", leave_date: 2026-11-04";
      staff_to[static_cast<std::size_t>(s)] = 2;
    } else if (pick(0, 8) == 0) {
      dates = ", start_date: 2026-11-03";
      staff_from[static_cast<std::size_t>(s)] = 1;
    }
    y << fmt::format("  - {{ id: s{}, name: S{}, date_of_birth: 1990-01-01, role: {}, qualification: level3, "
                     "pfa_expiry: 2029-01-31, baby_training: \"yes\"{} }}\n",
                     s, s, role, dates);
  }
  y << "children:\n";
  const char* births[] = {"2025-06-01", "2024-03-01", "2022-05-01", "2024-11-04"};  // under 2, 2, 3+, turns 2 on Wed
  for (int c = 0; c < children; ++c) {
    std::string extra;
    const int key = pick(0, 3) != 0 ? pick(0, staff - 1) : -1;
    extra += key >= 0 ? fmt::format(", key_person: s{}", key) : std::string(", key_person: \"\"");
    if (const int buddy = pick(0, staff - 1); pick(0, 2) == 0 && buddy != key)
      extra += fmt::format(", buddy: s{}", buddy);
    if (pick(0, 4) == 0) extra += fmt::format(", family: f{}", pick(0, 1));
    if (pick(0, 9) == 0) {
      extra += ", leave_date: 2026-11-04";
      child_to[static_cast<std::size_t>(c)] = 2;
    }
    y << fmt::format("  - {{ id: c{}, name: C{}, date_of_birth: {}, room: r{}{} }}\n", c, c, births[pick(0, 3)],
                     pick(0, rooms - 1), extra);
    if (pick(0, 9) == 0) keep_ids.push_back(fmt::format("c{}", c));
  }
  std::ostringstream shifts, attendance;
  const char* days[] = {"2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05", "2026-11-06"};
  for (int s = 0; s < staff; ++s) {
    for (int d = staff_from[static_cast<std::size_t>(s)]; d <= staff_to[static_cast<std::size_t>(s)]; ++d) {
      if (pick(0, 3) == 0) continue;
      const int start = 7 * 60 + 15 * pick(0, 16), end = start + 15 * pick(8, 30);
      shifts << fmt::format("  - {{ staff: s{}, date: {}, start: \"{}\", end: \"{}\", room: r{}, kind: work }}\n", s, days[d],
                       hhmm(start), hhmm(std::min(end, 19 * 60)), pick(0, rooms - 1));
    }
  }
  for (int c = 0; c < children; ++c) {
    for (int d = 0; d <= child_to[static_cast<std::size_t>(c)]; ++d) {
      if (pick(0, 2) == 0) continue;
      const int start = 7 * 60 + 15 * pick(0, 12), end = start + 15 * pick(4, 28);
      attendance << fmt::format("  - {{ child: c{}, date: {}, start: \"{}\", end: \"{}\" }}\n", c, days[d], hhmm(start),
                       hhmm(std::min(end, 19 * 60)));
    }
  }
  y << (shifts.str().empty() ? "shifts: []\n" : "shifts:\n" + shifts.str());
  y << (attendance.str().empty() ? "attendance: []\n" : "attendance:\n" + attendance.str());
  if (pick(0, 3) == 0) options.max_changes = pick(0, 2);
  options.reallocate = pick(0, 4) == 0;
  return y.str();
}

/// The brute force's view of one child being allocated.
struct Kid {
  ChildIndex child;
  bool baby, buddy;
  long attended;
  StaffIndex current;
  bool current_ok;
  bool keep;
  std::vector<StaffIndex> eligible;
};

struct Value {
  std::optional<Frac> babies, all;
  int changes = 0;
  long key = 0, familiar = 0;
};

class BruteForce {
 public:
  BruteForce(const Setting& s, const AllocateOptions& o) : s_(s), o_(o) {
    const std::size_t staff = s.staff.size();
    // Minutes from the continuity ledger itself: everyone given (k, b), for every pair.
    key_.assign(s.children.size() * staff, 0);
    fam_.assign(s.children.size() * staff * (staff + 1), 0);
    for (StaffIndex k = 0; k < staff; ++k) {
      for (StaffIndex b = 0; b <= staff; ++b) {
        if (b == k) continue;
        Setting t = s;
        t.allocations.clear();
        for (ChildIndex c = 0; c < s.children.size(); ++c)
          t.allocations.push_back(Allocation{c, k, b == staff ? kNone : b, s.period.from, std::nullopt});
        ContinuityLedger ledger(t);
        for (const Day& d : t.days) ledger.add_day(d);
        ledger.finish();
        for (ChildIndex c = 0; c < s.children.size(); ++c) {
          key_[c * staff + k] = ledger.children()[c].key_person_minutes;
          fam_[(c * staff + k) * (staff + 1) + b] = ledger.children()[c].key_or_buddy_minutes;
        }
      }
    }
    ContinuityLedger plain(s);
    for (const Day& d : s.days) plain.add_day(d);
    plain.finish();
    for (ChildIndex c = 0; c < s.children.size(); ++c) {
      const long attended = plain.children()[c].attended_minutes;
      if (attended == 0) continue;
      Date first{};
      std::vector<Date> dates;
      for (const Day& d : s.days)
        for (const ChildSpell& sp : d.children)
          if (sp.child == c && (dates.empty() || dates.back() != d.date)) dates.push_back(d.date);
      first = dates.front();
      Kid kid{c, age_band_on(s.children[c].date_of_birth, first) == AgeBand::under_2, false, attended, kNone, false, false, {}};
      const auto [current_key, current_buddy] = s.key_people_on(c, first);
      // A buddy for babies, for everyone with buddy_for_all, and for a child who has one today.
      kid.buddy = kid.baby || s.policy.buddy_for_all || current_buddy != kNone;
      kid.current = current_key;
      for (StaffIndex st = 0; st < staff; ++st) {
        const Staff& p = s.staff[st];
        bool ok = may_be_key_person(p.role);  // the roles' one list, as KP-VALID reads it
        for (Date d : dates) ok = ok && p.employed_on(d);
        if (ok) kid.eligible.push_back(st);
      }
      kid.current_ok = kid.current != kNone &&
                       std::find(kid.eligible.begin(), kid.eligible.end(), kid.current) != kid.eligible.end();
      kid.keep = std::find(o.keep.begin(), o.keep.end(), c) != o.keep.end();
      kids_.push_back(kid);
    }
  }

  /// Number of allocations to look at (to skip settings too big to enumerate).
  [[nodiscard]] double size() const {
    double n = 1;
    for (const Kid& k : kids_) n *= static_cast<double>(k.eligible.size() * (k.buddy ? k.eligible.size() : 1));
    return n;
  }

  /// Calls `visit(key, buddy)` for every allocation that keeps the hard rules.
  void each(const std::function<void(const std::vector<StaffIndex>&, const std::vector<StaffIndex>&)>& visit,
            std::optional<int> max_changes) {
    std::vector<StaffIndex> key(kids_.size()), buddy(kids_.size(), kNone);
    recurse(0, key, buddy, visit, max_changes);
  }

  Value value(const std::vector<StaffIndex>& key, const std::vector<StaffIndex>& buddy) const {
    Value v;
    const std::size_t staff = s_.staff.size();
    for (std::size_t i = 0; i < kids_.size(); ++i) {
      const Kid& k = kids_[i];
      const Frac f{key_[k.child * staff + key[i]], k.attended};
      if (k.baby && (!v.babies || f < *v.babies)) v.babies = f;
      if (!v.all || f < *v.all) v.all = f;
      if (k.current_ok && key[i] != k.current) ++v.changes;
      v.key += key_[k.child * staff + key[i]];
      v.familiar += fam_[(k.child * staff + key[i]) * (staff + 1) + (buddy[i] == kNone ? staff : buddy[i])];
    }
    return v;
  }

  [[nodiscard]] const std::vector<Kid>& kids() const { return kids_; }

 private:
  void recurse(std::size_t i, std::vector<StaffIndex>& key, std::vector<StaffIndex>& buddy,
               const std::function<void(const std::vector<StaffIndex>&, const std::vector<StaffIndex>&)>& visit,
               std::optional<int> max_changes) {
    if (i == kids_.size()) {
      if (keeps(key, buddy, max_changes)) visit(key, buddy);
      return;
    }
    for (StaffIndex k : kids_[i].eligible) {
      if (kids_[i].keep && kids_[i].current_ok && k != kids_[i].current) continue;
      key[i] = k;
      if (!kids_[i].buddy) {
        buddy[i] = kNone;
        recurse(i + 1, key, buddy, visit, max_changes);
        continue;
      }
      for (StaffIndex b : kids_[i].eligible) {
        if (b == k) continue;
        buddy[i] = b;
        recurse(i + 1, key, buddy, visit, max_changes);
      }
    }
  }

  bool keeps(const std::vector<StaffIndex>& key, const std::vector<StaffIndex>& buddy, std::optional<int> max_changes) const {
    int changes = 0;
    for (std::size_t i = 0; i < kids_.size(); ++i) {
      if (kids_[i].current_ok && key[i] != kids_[i].current) ++changes;
      for (std::size_t j = i + 1; j < kids_.size(); ++j) {
        const Child &a = s_.children[kids_[i].child], &b = s_.children[kids_[j].child];
        if (!a.family.empty() && a.family == b.family && a.room == b.room && key[i] != key[j]) return false;
      }
    }
    if (max_changes && changes > *max_changes) return false;
    if (o_.max_changes && changes > *o_.max_changes) return false;
    // Caps on every day: sum over bands of n_b / max_b <= 1, cross-multiplied.
    const auto& m = s_.policy.max_key_children;
    for (const Day& d : s_.days) {
      for (int role = 0; role < 2; ++role) {
        std::vector<std::array<long, 3>> n(s_.staff.size(), {0, 0, 0});
        for (ChildIndex c = 0; c < s_.children.size(); ++c) {
          if (!s_.children[c].enrolled_on(d.date)) continue;
          const auto band = static_cast<std::size_t>(age_band_on(s_.children[c].date_of_birth, d.date));
          StaffIndex who = role == 0 ? s_.key_people_on(c, d.date).first : s_.key_people_on(c, d.date).second;
          for (std::size_t i = 0; i < kids_.size(); ++i)
            if (kids_[i].child == c) who = role == 0 ? key[i] : buddy[i];
          if (who != kNone) ++n[who][band];
        }
        for (const auto& x : n)
          if (x[0] * m[1] * m[2] + x[1] * m[0] * m[2] + x[2] * m[0] * m[1] > static_cast<long>(m[0]) * m[1] * m[2]) return false;
      }
    }
    return true;
  }

  const Setting& s_;
  const AllocateOptions& o_;
  std::vector<long> key_, fam_;
  std::vector<Kid> kids_;
};

/// a better than b, lexicographically by the stages (then the tie-break by ids).
bool better(const Value& a, const Value& b, bool reallocate) {
  if (a.babies && b.babies && !(*a.babies == *b.babies)) return *b.babies < *a.babies;
  if (!(*a.all == *b.all)) return *b.all < *a.all;
  if (!reallocate && a.changes != b.changes) return a.changes < b.changes;
  if (a.key != b.key) return a.key > b.key;
  return a.familiar > b.familiar;
}
bool same(const Value& a, const Value& b, bool reallocate) { return !better(a, b, reallocate) && !better(b, a, reallocate); }

void check_against_enumeration(int cases, std::uint32_t seed, bool scarce_buddies) {
  std::mt19937 rng(seed);
  int checked = 0, infeasible = 0, with_tradeoff = 0;
  for (int attempt = 0; checked < cases && attempt < cases * 20; ++attempt) {
    AllocateOptions options;
    std::vector<std::string> keep_ids;
    const std::string yaml = random_setting(rng, options, keep_ids, scarce_buddies);
    const Setting s = test::load_yaml(yaml);
    for (const std::string& id : keep_ids)
      for (ChildIndex c = 0; c < s.children.size(); ++c)
        if (s.children[c].id == id) options.keep.push_back(c);
    BruteForce brute(s, options);
    if (brute.kids().empty() || brute.size() > 60000) continue;
    ++checked;
    INFO(yaml);
    INFO("max_changes " << (options.max_changes ? *options.max_changes : -1) << " reallocate " << options.reallocate);

    std::optional<Value> best;
    std::vector<StaffIndex> best_key, best_buddy;
    auto ids = [&](const std::vector<StaffIndex>& k, const std::vector<StaffIndex>& b) {
      std::vector<std::pair<std::string, std::string>> out;
      for (std::size_t i = 0; i < k.size(); ++i)
        out.emplace_back(s.staff[k[i]].id, b[i] == kNone ? std::string() : s.staff[b[i]].id);
      return out;
    };
    brute.each(
        [&](const std::vector<StaffIndex>& k, const std::vector<StaffIndex>& b) {
          const Value v = brute.value(k, b);
          if (!best || better(v, *best, options.reallocate) ||
              (same(v, *best, options.reallocate) && ids(k, b) < ids(best_key, best_buddy))) {
            best = v;
            best_key = k;
            best_buddy = b;
          }
        },
        std::nullopt);

    const AllocationProposal got = allocate(s, options);
    if (!best) {
      ++infeasible;
      CHECK(got.status == AllocationStatus::infeasible);
      CHECK_FALSE(got.reason.empty());
      continue;
    }
    REQUIRE(got.status == AllocationStatus::optimal);
    const AllocationObjective& o = got.after;
    CHECK(o.min_under_2_coverage.has_value() == best->babies.has_value());
    if (best->babies) CHECK(Frac{o.min_under_2_coverage->part, o.min_under_2_coverage->whole} == *best->babies);
    CHECK(Frac{o.min_coverage->part, o.min_coverage->whole} == *best->all);
    CHECK(o.changes == best->changes);
    CHECK(o.key_person_minutes == best->key);
    CHECK(o.key_or_buddy_minutes == best->familiar);
    REQUIRE(got.children.size() == best_key.size());
    for (std::size_t i = 0; i < best_key.size(); ++i) {
      CHECK(got.children[i].proposed.key_person == best_key[i]);
      CHECK(got.children[i].proposed.buddy == best_buddy[i]);
    }

    // The trade-off: row k is the best lowest baby coverage with at most k changes.
    if (!best->babies) {
      CHECK(got.tradeoff.empty());
      continue;
    }
    REQUIRE_FALSE(got.tradeoff.empty());
    if (got.tradeoff.size() > 1) ++with_tradeoff;
    for (const TradeoffRow& row : got.tradeoff) {
      std::optional<Frac> top;
      brute.each(
          [&](const std::vector<StaffIndex>& k, const std::vector<StaffIndex>& b) {
            const Value v = brute.value(k, b);
            if (!top || *top < *v.babies) top = v.babies;
          },
          row.changes);
      INFO("trade-off row " << row.changes);
      CHECK(row.min_under_2_coverage.has_value() == top.has_value());
      if (top && row.min_under_2_coverage)
        CHECK(Frac{row.min_under_2_coverage->part, row.min_under_2_coverage->whole} == *top);
    }
    // The last row reaches the stage-1 optimum.
    CHECK(Frac{got.tradeoff.back().min_under_2_coverage->part, got.tradeoff.back().min_under_2_coverage->whole} ==
          *best->babies);
  }
  CHECK(checked == cases);
  MESSAGE("checked " << checked << " settings, " << infeasible << " infeasible, " << with_tradeoff
                     << " with a trade-off of several rows");
}

}  // namespace

TEST_CASE("allocate: equals brute-force enumeration, stage by stage, on random small settings") {
  check_against_enumeration(test::property_cases("ATTUNE_ALLOCATE_CASES", 200), 20261102, false);
}

TEST_CASE("allocate: equals brute-force enumeration where the buddies' caseloads bind") {
  check_against_enumeration(test::property_cases("ATTUNE_ALLOCATE_CASES", 100), 20261201, true);
}
