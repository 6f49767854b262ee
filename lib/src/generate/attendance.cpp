// attendance.csv: the register. Dated rows: each open day, every enrolled child booked
// that weekday, absent now and then (more in August and at Christmas), sometimes late
// or collected early, and new children's first five sessions shorter (settling in).
// Pattern rows: each child's weekly booking, with the settling-in sessions as dated rows.

#include <algorithm>
#include <array>

#include "plan.hpp"

namespace attune::gen {
namespace {

constexpr int kSettlingSessions = 5;
constexpr Minute kStep = 15;

bool booked(const Child& c, Date d) { return (c.booking.days >> weekday_index(d)) & 1u; }

/// The n-th settling-in session (from 0): two hours, then an hour longer each time.
TimeWindow settling(const Child& c, int n) {
  return {c.booking.start, std::min(c.booking.end, c.booking.start + 60 * (n + 2))};
}

int absence_permille(const Child& c, Date d) {
  const std::chrono::year_month_day ymd{d};
  int p = c.absence_permille;
  if (ymd.month() == std::chrono::August) p += 120;  // family holidays
  if (ymd.month() == std::chrono::December && ymd.day() >= std::chrono::day{21}) p += 250;
  return p;
}

void append_session(std::string& out, const Child& c, std::string_view date, const TimeWindow* w) {
  out += c.id;
  out += ',';
  out += date;
  if (!w) {  // absent: start and end empty
    out += ",,,\n";
    return;
  }
  out += ',';
  append_time(out, w->start);
  out += ',';
  append_time(out, w->end);
  out += ",\n";  // room empty: the child's own room
}

/// A day's session: late now and then, sometimes collected early.
TimeWindow session(const Child& c, Rng& rng) {
  TimeWindow w{c.booking.start, c.booking.end};
  if (rng.chance(0.04)) {
    const Minute later = w.start + kStep * rng.between(1, 4);
    if (later + 60 <= w.end) w.start = later;
  }
  if (rng.chance(0.04)) {
    const Minute earlier = w.end - kStep * rng.between(1, 4);
    if (earlier - 60 >= w.start) w.end = earlier;
  }
  return w;
}

void write_patterns(const Plan& plan, std::string& out, std::size_t& rows) {
  for (const Child& c : plan.children) {
    const TimeWindow w{c.booking.start, c.booking.end};
    for (int wd = 0; wd < 5; ++wd) {
      if (!((c.booking.days >> wd) & 1u)) continue;
      append_session(out, c, weekday_short_name(wd), &w);
      ++rows;
    }
  }
  for (const Child& c : plan.children) {  // settling in: dated rows replace the pattern
    if (!c.joiner) continue;
    int n = 0;
    for (Date d = *c.start_date; d <= plan.to && n < kSettlingSessions; d += std::chrono::days{1}) {
      if (!booked(c, d) || !c.enrolled(d)) continue;
      const TimeWindow w = settling(c, n++);
      append_session(out, c, format_iso_date(d), &w);
      ++rows;
    }
  }
}

}  // namespace

std::string attendance_csv(const Plan& plan, std::size_t& rows) {
  std::string out = "child,date,start,end,room\n";
  if (plan.options.patterns) {
    write_patterns(plan, out, rows);
    return out;
  }
  out.reserve(plan.open_days.size() * 50 * 30);
  Rng rng(plan.options.seed, static_cast<std::uint64_t>(plan.index), Stream::attendance);
  Rng mismatch(plan.options.seed, static_cast<std::uint64_t>(plan.index), Stream::mismatch_register);
  std::vector<int> settled(plan.children.size(), 0);
  for (Date d : plan.open_days) {
    const std::string date = format_iso_date(d);
    for (std::size_t i = 0; i < plan.children.size(); ++i) {
      const Child& c = plan.children[i];
      if (!booked(c, d) || !c.enrolled(d) || d < c.date_of_birth) continue;
      ++rows;
      if (c.joiner && settled[i] < kSettlingSessions) {
        const TimeWindow w = settling(c, settled[i]++);
        append_session(out, c, date, &w);
      } else if (rng.below(1000) < absence_permille(c, d)) {
        append_session(out, c, date, nullptr);
      } else {
        TimeWindow w = session(c, rng);
        if (plan.options.mismatch) w = mismatch_session(plan, w, mismatch);
        append_session(out, c, date, &w);
      }
    }
  }
  return out;
}

}  // namespace attune::gen
