#pragma once
// CSV (RFC 4180) into a RecordTable with libcsv: quoted fields, a UTF-8 BOM and CRLF line
// ends are fine; every malformed line is reported with its place, then reading goes on.

#include <string>

#include "record_table.hpp"

namespace attune::io {

struct CsvOptions {
  char delimiter = ',';
};

/// `text` is the whole file; `file` names it in diagnostics. The first record is the
/// header. A row whose field count differs from the header's is reported and skipped.
RecordTable read_csv(std::string text, const std::string& file, Diagnostics& diagnostics,
                     const CsvOptions& options = {});

/// The problem of a row at `line` of `table` (its header read) that has `fields` fields
/// where the header has another number: what is wrong, and the fix (for a short row, the
/// empty columns and the commas to add).
Diagnostic field_count_problem(const RecordTable& table, std::uint32_t line, std::size_t fields);

}  // namespace attune::io
