// libFuzzer target: attune's own CSV reader against the libcsv reader it replaced
// (fuzz/reference/). The first byte picks the delimiter (comma, semicolon, tab); the
// rest is the file. Both must give the same columns, rows, cells, row lines and
// rejected rows, and the same problems, word for word, at the same file:line:column;
// any difference aborts, with both sides printed.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "attune/diagnostic.hpp"
#include "io/csv_reader.hpp"
#include "reference/libcsv_reader.hpp"

namespace {

std::string describe(const attune::io::RecordTable& table, const attune::Diagnostics& diagnostics) {
  std::string out = "columns:";
  for (const auto& c : table.columns()) out += " [" + c + "]";
  out += "\nrejected: " + std::to_string(table.rejected_rows()) + "\n";
  for (std::size_t r = 0; r < table.rows(); ++r) {
    out += "row " + std::to_string(r) + " line " + std::to_string(table.row_line(r)) + ":";
    for (std::size_t c = 0; c < table.columns().size(); ++c) out += " [" + std::string(table.cell(r, c)) + "]";
    for (std::size_t c = 0; c < table.columns().size(); ++c) {
      const auto where = table.cell_region(r, c);
      out += " " + std::to_string(where.line) + ":" + std::to_string(where.column) + "+" + std::to_string(where.length);
    }
    out += "\n";
  }
  out += "problems: " + std::to_string(diagnostics.total()) + " (" + std::to_string(diagnostics.error_count()) +
         " errors)\n";
  for (const auto& d : diagnostics.sorted()) out += attune::format_diagnostic(d) + "\n";
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static constexpr char kDelimiters[] = {',', ';', '\t'};
  const attune::io::CsvOptions options{kDelimiters[data[0] % 3]};
  const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);

  attune::Diagnostics ours, theirs;
  const auto mine = attune::io::read_csv(text, "people.csv", ours, options);
  const auto reference = attune::fuzz::read_csv_with_libcsv(text, "people.csv", theirs, options);
  const std::string a = describe(mine, ours);
  const std::string b = describe(reference, theirs);
  if (a != b) {
    std::fprintf(stderr, "attune's CSV reader:\n%s\nlibcsv's:\n%s\n", a.c_str(), b.c_str());
    std::abort();
  }
  return 0;
}
