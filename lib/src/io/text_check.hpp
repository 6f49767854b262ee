#pragma once
// Input files must be UTF-8 text. A file that is not text at all (UTF-16, a spreadsheet
// or other binary file) is one error; each line with bytes that are not UTF-8 (a file
// saved as Windows-1252 or Latin-1, say) is reported at its first bad byte.

#include <string>
#include <string_view>

#include "attune/diagnostic.hpp"

namespace attune::io {

enum class TextCheck : unsigned char {
  ok,
  invalid_bytes,  ///< some lines hold bytes that are not UTF-8 (each reported)
  not_text,       ///< not a text file (reported once): read nothing from it
};

/// `csv`: the hints speak of exporting from a spreadsheet.
TextCheck check_text(std::string_view text, const std::string& file, bool csv, Diagnostics& diagnostics);

}  // namespace attune::io
