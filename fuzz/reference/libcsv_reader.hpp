#pragma once
// The libcsv reader attune had before its own: the reference for fuzz_csv_differential.

#include <string>

#include "io/csv_reader.hpp"

namespace attune::fuzz {

io::RecordTable read_csv_with_libcsv(std::string text, const std::string& file, Diagnostics& diagnostics,
                                     const io::CsvOptions& options = {});

}  // namespace attune::fuzz
