// A constructive day rota, a heuristic (see construct.hpp).
//
//   1. cover:  slot by slot from opening, while the slot falls short of a rule, add the
//              person who helps most: someone already on whose shift ends just before
//              (extended) or a new shift from here, as long as availability, the
//              longest shift and the day's share of the contract allow; key persons of
//              the children there first.
//   2. breaks: each shift long enough for one gets it where the slots stay staffed, or
//              where they fall shortest (then step 1 adds cover); repeated until stable.
//   3. trim:   shifts shortened at either end while the slot left keeps every rule, to
//              leave the contracts for the days after.
// Rooms, in every slot, greedily: the (person, room) that leaves the least short, ties
// to the room of the person's key children, then to the room they were in.

#include "construct.hpp"

#include <algorithm>
#include <tuple>

#include "attune/age_band.hpp"
#include "room_moves.hpp"

namespace attune::plan {
namespace {

struct Shift {
  bool on = false;
  int start = 0, end = 0;  ///< slots [start, end)
  int brk = -1;            ///< the break's first slot, or -1
};

/// Key-child minutes are weighed as shares of the child's week, in these units.
constexpr long kWorthScale = 100000;

class Builder {
 public:
  Builder(const Setting& s, const Week& day, const SlotRules& rules, const std::vector<long>& caps)
      : s_(s), d_(day.days[0]), people_(day.person_days), rules_(rules), caps_(caps) {
    n_ = static_cast<int>(d_.slots.size());
    shifts_.resize(people_.size());
    prev_.assign(people_.size(), SlotState::kOff);
    sole_limit_ = rules.sole_charge_limit(d_.date);
    alone_ok_.assign(static_cast<std::size_t>(n_), 0);
    for (int t = 0; t < n_; ++t)
      if (!d_.slots[static_cast<std::size_t>(t)].pieces.empty()) {
        if (first_need_ < 0) first_need_ = t;
        last_need_ = t;
      }
    key_.assign(people_.size(), std::vector<std::vector<std::pair<RoomIndex, long>>>(static_cast<std::size_t>(n_)));
    std::vector<std::int32_t> of_staff(s.staff.size(), -1);
    for (std::size_t k = 0; k < people_.size(); ++k) of_staff[people_[k].staff] = static_cast<std::int32_t>(k);
    for (const ChildMinutes& cm : d_.child_minutes) {
      const StaffIndex key = s.key_people_on(cm.child, d_.date).first;
      if (key >= of_staff.size() || of_staff[key] < 0) continue;
      // A minute is worth its share of the child's week (the coverage it adds: a child
      // booked for little gains most from each minute), a baby's three times (babies'
      // coverage is the first stage).
      const long weight = age_band_on(s.children[cm.child].date_of_birth, d_.date) == AgeBand::under_2 ? 3 : 1;
      const long attended = cm.child < day.attended.size() ? std::max(1L, day.attended[cm.child]) : 1L;
      const long worth = weight * cm.minutes * kWorthScale / attended;
      auto& list = key_[static_cast<std::size_t>(of_staff[key])][cm.slot];
      auto it = std::find_if(list.begin(), list.end(), [&](const auto& e) { return e.first == cm.room; });
      if (it == list.end()) list.emplace_back(cm.room, worth);
      else it->second += worth;
    }
  }

  std::optional<std::vector<std::vector<SlotState>>> run() {
    if (first_need_ < 0) return std::vector<std::vector<SlotState>>(people_.size(), std::vector<SlotState>(static_cast<std::size_t>(n_)));
    bool settled = false;
    for (int round = 0; round < 12 && !settled; ++round) {
      if (!cover()) return std::nullopt;
      settled = place_breaks();
    }
    if (!settled || !cover() || !place_breaks()) return std::nullopt;
    add_key_persons();
    trim();
    std::vector<std::vector<SlotState>> out(people_.size(), std::vector<SlotState>(static_cast<std::size_t>(n_)));
    std::vector<RoomIndex> place;
    for (int t = 0; t < n_; ++t) {
      if (assign(t, place) > 0) return std::nullopt;
      swap_for_key_children(t, place);
      for (std::size_t k = 0; k < people_.size(); ++k) {
        out[k][static_cast<std::size_t>(t)].place = place[k];
        if (place[k] != SlotState::kOff && place[k] != SlotState::kBreak) prev_[k] = place[k];
      }
    }
    return out;
  }

 private:
  // --- shifts -------------------------------------------------------------------------
  int minutes(int from, int to) const {
    int m = 0;
    for (int t = from; t < to; ++t) m += d_.slots[static_cast<std::size_t>(t)].time.length();
    return m;
  }
  bool can_work(std::size_t k, int t) const {
    return t >= 0 && t < n_ && people_[k].available[static_cast<std::size_t>(t)] != 0 &&
           !d_.slots[static_cast<std::size_t>(t)].rooms.empty();
  }
  /// The break level a shift of `length` minutes takes (the highest that applies), or -1.
  int level(std::size_t k, int length) const {
    int out = -1;
    for (std::size_t i = 0; i < people_[k].breaks.size(); ++i)
      if (length > people_[k].breaks[i].after_minutes) out = static_cast<int>(i);
    return out;
  }
  int break_slots(std::size_t k, int from, int to) const {
    const int lv = level(k, minutes(from, to));
    return lv < 0 ? 0 : people_[k].breaks[static_cast<std::size_t>(lv)].slots;
  }
  /// A break of `len` slots from `b` inside shift [from, to): in the window, with work
  /// just before and just after (the programme's break starts).
  bool break_fits(std::size_t k, int from, int to, int b, int len) const {
    if (b - 1 < from || b + len >= to) return false;
    for (int t = b; t < b + len; ++t) {
      const SlotInfo& slot = d_.slots[static_cast<std::size_t>(t)];
      if (people_[k].available[static_cast<std::size_t>(t)] == 0 || slot.time.start < s_.plan.break_window.start ||
          slot.time.end > s_.plan.break_window.end)
        return false;
    }
    return can_work(k, b - 1) && can_work(k, b + len);
  }
  std::vector<int> break_starts(std::size_t k, int from, int to) const {
    std::vector<int> out;
    const int len = break_slots(k, from, to);
    if (len == 0) return out;
    for (int b = from + 1; b + len < to; ++b)
      if (break_fits(k, from, to, b, len)) out.push_back(b);
    return out;
  }
  long work(std::size_t k, int from, int to) const {
    const int len = break_slots(k, from, to);
    return minutes(from, to) - static_cast<long>(len) * s_.plan.slot_minutes;
  }
  bool shift_ok(std::size_t k, int from, int to) const {
    if (from < 0 || to > n_ || from >= to) return false;
    for (int t = from; t < to; ++t)
      if (!can_work(k, t)) return false;
    const int length = minutes(from, to);
    if (length < s_.plan.min_shift_minutes || length > s_.plan.max_shift_minutes) return false;
    if (caps_[k] >= 0 && work(k, from, to) > caps_[k]) return false;
    return break_slots(k, from, to) == 0 || !break_starts(k, from, to).empty();
  }
  /// The shift a person not yet on would start at `t`: as long as they may work, to the
  /// last slot with children; begun earlier when that is under the shortest shift.
  std::optional<Shift> new_shift(std::size_t k, int t) const {
    if (!can_work(k, t)) return std::nullopt;
    int from = t, to = t;
    while (to <= last_need_ && can_work(k, to) && minutes(from, to + 1) <= s_.plan.max_shift_minutes) ++to;
    while (to > from && caps_[k] >= 0 && work(k, from, to) > caps_[k]) --to;
    while (to > from && break_slots(k, from, to) > 0 && break_starts(k, from, to).empty()) --to;
    if (to == from) return std::nullopt;
    while (minutes(from, to) < s_.plan.min_shift_minutes && can_work(k, from - 1)) --from;
    while (minutes(from, to) < s_.plan.min_shift_minutes && can_work(k, to)) ++to;
    if (!shift_ok(k, from, to)) return std::nullopt;
    return Shift{true, from, to, -1};
  }

  // --- places -------------------------------------------------------------------------
  /// kOff, kBreak, or kNone - 2 for "on duty" (a room to choose).
  static constexpr RoomIndex kDuty = kNone - 2;
  RoomIndex state(std::size_t k, int t) const {
    const Shift& sh = shifts_[k];
    if (!sh.on || t < sh.start || t >= sh.end) return SlotState::kOff;
    const int len = break_slots(k, sh.start, sh.end);
    if (sh.brk >= 0 && t >= sh.brk && t < sh.brk + len) return SlotState::kBreak;
    return kDuty;
  }
  long key_weight(std::size_t k, int t, RoomIndex r) const {
    for (const auto& [room, w] : key_[k][static_cast<std::size_t>(t)])
      if (room == r) return w;
    return 0;
  }
  long key_weight(std::size_t k, int from, int to) const {
    long w = 0;
    for (int t = from; t < to; ++t)
      for (const auto& e : key_[k][static_cast<std::size_t>(t)]) w += e.second;
    return w;
  }
  /// Places everyone in slot `t` (rooms greedily); returns how short the slot falls.
  int assign(int t, std::vector<RoomIndex>& place) const {
    const SlotInfo& slot = d_.slots[static_cast<std::size_t>(t)];
    place.assign(people_.size(), SlotState::kOff);
    std::vector<std::size_t> duty;
    for (std::size_t k = 0; k < people_.size(); ++k) {
      const RoomIndex st = state(k, t);
      if (st == kDuty) duty.push_back(k);
      else place[k] = st;
    }
    const auto eval = [&] {
      int sf = rules_.shortfall(d_, static_cast<std::size_t>(t), people_, place);
      if (sole_limit_ && alone_ok_[static_cast<std::size_t>(t)] == 0 && rules_.sole_charge(d_, static_cast<std::size_t>(t), people_, place)) ++sf;
      return sf;
    };
    int now = eval();
    while (!duty.empty()) {
      auto best = std::make_tuple(1 << 30, 0L, std::size_t{0}, RoomIndex{0});
      std::size_t at = 0;
      for (std::size_t i = 0; i < duty.size(); ++i) {
        const std::size_t k = duty[i];
        for (const RoomIndex r : slot.rooms) {
          place[k] = r;
          const int sf = slot.pieces.empty() ? 0 : eval();
          const long pref = 4 * key_weight(k, t, r) + (prev_[k] == r ? 1 : 0);
          const auto score = std::make_tuple(sf, -pref, k, r);
          if (score < best) {
            best = score;
            at = i;
          }
        }
        place[k] = SlotState::kOff;
      }
      place[std::get<2>(best)] = std::get<3>(best);
      now = std::get<0>(best);
      duty.erase(duty.begin() + static_cast<std::ptrdiff_t>(at));
    }
    return now;
  }
  /// After the greedy rooms of slot `t`: room_moves.hpp, where the slot keeps every rule.
  void swap_for_key_children(int t, std::vector<RoomIndex>& place) const {
    const SlotInfo& slot = d_.slots[static_cast<std::size_t>(t)];
    if (slot.pieces.empty()) return;
    const auto slot_index = static_cast<std::size_t>(t);
    improve_rooms(
        slot, place, [&](std::size_t k, RoomIndex r) { return key_weight(k, t, r); },
        [&] {
          return rules_.shortfall(d_, slot_index, people_, place) == 0 &&
                 (!sole_limit_ || alone_ok_[slot_index] != 0 || !rules_.sole_charge(d_, slot_index, people_, place));
        });
  }

  int shortfall_at(int t) const {
    std::vector<RoomIndex> place;
    return assign(t, place);
  }

  // --- the steps ----------------------------------------------------------------------
  /// Where `k` could work to hold the most of their key children's minutes: the
  /// longest shift from each slot they may start in, the best of them.
  std::optional<Shift> best_key_shift(std::size_t k) const {
    std::optional<std::pair<long, Shift>> best;
    for (int from = 0; from < n_; ++from) {
      if (!can_work(k, from)) continue;
      int to = from;
      while (to < n_ && can_work(k, to) && minutes(from, to + 1) <= s_.plan.max_shift_minutes) ++to;
      while (to > from && !shift_ok(k, from, to)) --to;
      if (to == from) continue;
      const long held = key_weight(k, from, to);
      if (held > 0 && (!best || held > best->first)) best = std::make_pair(held, Shift{true, from, to, -1});
    }
    if (!best) return std::nullopt;
    return best->second;
  }

  /// Once every rule holds: key persons not yet on today get the shift that holds the
  /// most of their key children's minutes (most key minutes first; a baby's count three
  /// times), and shifts are lengthened where key children are there, each kept only
  /// when every slot still keeps every rule. The rules need fewer people; the children
  /// are better for having theirs.
  void add_key_persons() {
    std::vector<std::pair<long, std::size_t>> order;
    for (std::size_t k = 0; k < people_.size(); ++k)
      if (const long w = key_weight(k, 0, n_); w > 0) order.emplace_back(-w, k);
    std::sort(order.begin(), order.end());
    for (const auto& entry : order) {
      const std::size_t k = entry.second;
      const Shift was = shifts_[k];
      if (!was.on) {
        const auto fresh = best_key_shift(k);
        if (!fresh) continue;
        shifts_[k] = *fresh;
        if (!place_breaks() || !all_kept(fresh->start, fresh->end)) shifts_[k] = was;
        continue;
      }
      for (const bool later : {true, false}) {
        for (;;) {
          Shift& sh = shifts_[k];
          const Shift before = sh;
          const int slot = later ? sh.end : sh.start - 1;
          if (slot < 0 || slot >= n_ || key_weight(k, slot, slot + 1) == 0) break;
          const Shift next{true, later ? sh.start : slot, later ? slot + 1 : sh.end, sh.brk};
          if (!shift_ok(k, next.start, next.end)) break;
          const int len = break_slots(k, next.start, next.end);
          if (len != break_slots(k, sh.start, sh.end) || (len > 0 && !break_fits(k, next.start, next.end, sh.brk, len))) break;
          sh = next;
          if (!all_kept(slot, slot + 1)) {
            sh = before;
            break;
          }
        }
      }
    }
  }

  bool all_kept(int from, int to) const {
    for (int t = from; t < to; ++t)
      if (shortfall_at(t) > 0) return false;
    return true;
  }

  bool cover() {
    for (int t = first_need_; t <= last_need_; ++t) {
      if (d_.slots[static_cast<std::size_t>(t)].pieces.empty()) continue;
      for (int sf = shortfall_at(t); sf > 0; sf = shortfall_at(t)) {
        if (allow_sole_charge(t)) continue;
        std::optional<std::tuple<int, int, long, long, std::size_t>> best;
        Shift chosen;
        for (std::size_t k = 0; k < people_.size(); ++k) {
          Shift sh = shifts_[k];
          if (!sh.on) {
            const auto fresh = new_shift(k, t);
            if (!fresh) continue;
            sh = *fresh;
          } else if (sh.end == t && shift_ok(k, sh.start, t + 1)) {
            sh.end = t + 1;
          } else if (sh.start > t) {  // begun earlier, ended earlier if it must
            int to = sh.end;
            while (to > t && !shift_ok(k, t, to)) --to;
            if (to <= t) continue;
            sh.start = t;
            sh.end = to;
          } else {
            continue;
          }
          const Shift was = shifts_[k];
          shifts_[k] = sh;
          if (shifts_[k].brk >= 0 && !break_fits(k, sh.start, sh.end, sh.brk, break_slots(k, sh.start, sh.end))) shifts_[k].brk = -1;
          const int after = shortfall_at(t);
          shifts_[k] = was;
          const long left = caps_[k] < 0 ? 1L << 40 : caps_[k] - (was.on ? work(k, was.start, was.end) : 0);
          // Whoever helps; of them the most key-child worth, the most help, the most contract left.
          const auto score = std::make_tuple(after < sf ? 0 : 1, -key_weight(k, sh.start, sh.end), after, -left, k);
          if (!best || score < *best) {
            best = score;
            chosen = sh;
          }
        }
        if (!best || std::get<1>(*best) >= sf) return false;  // nobody helps: no rota this way  // nobody helps: no rota this way
        const std::size_t k = std::get<4>(*best);
        shifts_[k] = chosen;
        if (chosen.brk >= 0 && !break_fits(k, chosen.start, chosen.end, chosen.brk, break_slots(k, chosen.start, chosen.end)))
          shifts_[k].brk = -1;
      }
    }
    return true;
  }

  /// CM-ASSISTANT-ALONE: an assistant alone in slot `t` is allowed (from then on) while
  /// the day's minutes of it stay within the limit, the earliest slots first.
  bool allow_sole_charge(int t) {
    const auto slot = static_cast<std::size_t>(t);
    if (!sole_limit_ || alone_ok_[slot] != 0) return false;
    std::vector<RoomIndex> place;
    assign(t, place);
    if (!rules_.sole_charge(d_, slot, people_, place) || rules_.shortfall(d_, slot, people_, place) > 0) return false;
    if (alone_minutes_ + d_.slots[slot].minutes_with_children > *sole_limit_) return false;
    alone_minutes_ += d_.slots[slot].minutes_with_children;
    alone_ok_[slot] = 1;
    return true;
  }

  /// Breaks for the shifts that need one and have none that fits; true when every
  /// break was placed where its slots stay fully staffed.
  bool place_breaks() {
    bool settled = true;
    std::vector<std::size_t> order;
    for (std::size_t k = 0; k < people_.size(); ++k)
      if (shifts_[k].on) order.push_back(k);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return shifts_[a].start < shifts_[b].start; });
    for (const std::size_t k : order) {
      Shift& sh = shifts_[k];
      const int len = break_slots(k, sh.start, sh.end);
      if (len == 0) {
        sh.brk = -1;
        continue;
      }
      if (sh.brk >= 0 && break_fits(k, sh.start, sh.end, sh.brk, len)) continue;
      const std::vector<int> starts = break_starts(k, sh.start, sh.end);
      if (starts.empty()) return false;
      const int middle = (sh.start + sh.end - len) / 2;
      std::optional<std::tuple<int, int, int>> best;
      for (const int b : starts) {
        sh.brk = b;
        int sf = 0;
        for (int t = b; t < b + len; ++t) sf += shortfall_at(t);
        const auto score = std::make_tuple(sf, std::abs(b - middle), b);
        if (!best || score < *best) best = score;
      }
      sh.brk = std::get<2>(*best);
      if (std::get<0>(*best) > 0) settled = false;
    }
    return settled;
  }

  /// Shortens shifts at either end while the slot given up keeps every rule.
  void trim() {
    for (std::size_t k = people_.size(); k-- > 0;) {
      for (const bool front : {true, false}) {
        for (;;) {
          Shift& sh = shifts_[k];
          if (!sh.on) break;
          const Shift was = sh;
          const int gone = front ? sh.start : sh.end - 1;
          if (key_weight(k, gone, gone + 1) > 0) break;  // their key children are there: kept
          Shift next = sh;
          (front ? next.start : next.end) += front ? 1 : -1;
          if (!shift_ok(k, next.start, next.end)) break;
          const int len = break_slots(k, next.start, next.end);
          if (len == 0) next.brk = -1;
          else if (sh.brk < 0 || !break_fits(k, next.start, next.end, sh.brk, len)) break;
          sh = next;
          bool ok = shortfall_at(gone) == 0;
          // Slots that were the break and are now work (a shorter break, or none).
          for (int t = was.brk; ok && was.brk >= 0 && t < was.brk + break_slots(k, was.start, was.end); ++t)
            ok = shortfall_at(t) == 0;
          if (!ok) {
            sh = was;
            break;
          }
        }
      }
    }
  }

  const Setting& s_;
  const PlanDay& d_;
  const std::vector<PersonDay>& people_;
  const SlotRules& rules_;
  const std::vector<long>& caps_;
  int n_ = 0, first_need_ = -1, last_need_ = -1;
  std::vector<Shift> shifts_;
  std::vector<RoomIndex> prev_;
  std::optional<int> sole_limit_;        ///< CM-ASSISTANT-ALONE's minutes a day, where planned
  std::vector<unsigned char> alone_ok_;  ///< per slot: an assistant may be alone here
  int alone_minutes_ = 0;
  std::vector<std::vector<std::vector<std::pair<RoomIndex, long>>>> key_;  ///< per person, slot: (room, weighted minutes)
};

}  // namespace

std::optional<std::vector<std::vector<SlotState>>> construct_day(const Setting& setting, const Week& day,
                                                                 const SlotRules& rules,
                                                                 const std::vector<long>& caps) {
  return Builder(setting, day, rules, caps).run();
}

}  // namespace attune::plan
