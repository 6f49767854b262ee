#pragma once
// UTF-8 validation: input files must be UTF-8, and no invalid byte is ever passed on
// into a message or a report.

#include <cstddef>
#include <string>
#include <string_view>

namespace attune::util {

/// The length of the valid UTF-8 sequence starting at `pos`, or 0 if the byte there
/// does not start one (a stray continuation byte, an overlong form, a surrogate, a code
/// point above U+10FFFF, or a sequence cut short).
std::size_t utf8_sequence_length(std::string_view text, std::size_t pos);

/// The offset of the first byte at or after `from` that is not valid UTF-8, or npos.
/// Plain ASCII is skipped eight bytes at a time.
std::size_t find_invalid_utf8(std::string_view text, std::size_t from = 0);

/// `text` with every byte that is not valid UTF-8 replaced by U+FFFD (shown as a
/// question mark in a diamond), so it can be printed.
std::string valid_utf8(std::string_view text);

}  // namespace attune::util
