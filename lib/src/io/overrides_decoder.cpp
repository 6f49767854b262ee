// overrides.csv: the exceptional circumstances a setting records, each with its reason.

#include <fmt/format.h>

#include "../util/text.hpp"
#include "attune/rule_catalog.hpp"
#include "load_context.hpp"
#include "table_schema.hpp"

namespace attune::io {

void decode_overrides(LoadContext& c) {
  const RecordTable* table = c.table(TableKind::overrides);
  if (table == nullptr) return;
  const TableSource& source = c.config.table(TableKind::overrides);
  ColumnMap columns;
  if (!columns.resolve(*table, table_schema(TableKind::overrides), source.spec, c.diagnostics)) return;
  const FieldReader f(*table, columns, source.spec, c.diagnostics);
  Setting& s = c.setting();
  for (std::size_t row = 0; row < table->rows(); ++row) {
    Override o;
    const auto date = f.date(row, "date", true);
    const auto rule_text = f.required_text(row, "rule");
    const auto reason = f.required_text(row, "reason");
    const auto room = f.reference(row, "room", c.room_ids, "room", "the [[rooms]] of the setting", false);
    const RuleInfo* rule = rule_text ? find_rule(*rule_text) : nullptr;
    if (rule_text && rule == nullptr) f.report(row, "rule", unknown_rule_message(*rule_text), "see `attune rules` for the rule ids");
    const auto child = f.reference(row, "child", c.child_ids, "child", c.config.table(TableKind::children).display, false);
    const auto category = f.text(row, "category");
    const bool category_ok = category.empty() || category == "siblings" || category == "own_child" || category == "continuity";
    if (!category_ok)
      f.report(row, "category", fmt::format("unknown category {}", util::quoted(category)),
               "use siblings, own_child or continuity (the exceptions the framework allows), or leave it empty");
    const bool no_start = f.text(row, "start").empty();
    const bool no_end = f.text(row, "end").empty();
    std::optional<TimeWindow> time;
    bool times_ok = true;
    if (no_start != no_end) {
      f.report(row, no_start ? "start" : "end", "give both start and end, or neither (the whole day)");
      times_ok = false;
    } else if (!no_start) {
      const auto start = f.time(row, "start", true);
      const auto end = f.time(row, "end", true);
      times_ok = start && end;
      if (start && end && *end <= *start) {
        f.report(row, "end", "the override ends before it starts");
        times_ok = false;
      }
      if (times_ok) time = TimeWindow{*start, *end};
    }
    if (!date || !rule || !reason || !room || !child || !category_ok || !times_ok) continue;
    o.date = *date;
    o.time = time;
    o.room = *room;
    o.rule = std::string(rule->id);
    o.reason = std::string(*reason);
    o.category = std::string(category);
    o.child = *child;
    o.where = table->cell_region(row, columns["rule"]);
    o.source_line = table->line_text(o.where.line);
    s.overrides.push_back(std::move(o));
  }
  c.rows_read += table->rows();
}

}  // namespace attune::io
