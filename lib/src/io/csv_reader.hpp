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

}  // namespace attune::io
