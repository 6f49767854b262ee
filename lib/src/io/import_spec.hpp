#pragma once
// How a file exported by a nursery management system maps onto attune's columns:
// [import.<table>] in setting.toml. The default is attune's own names and formats.

#include <map>
#include <string>

namespace attune::io {

enum class DateFormat : unsigned char { iso, dd_mm_yyyy, d_m_yyyy };
enum class TimeFormat : unsigned char { hh_mm, h_mm_ampm };

struct ImportSpec {
  /// The table's name, as in [import.<table>] ("children"); empty for a list in
  /// setting.yaml, which has no [import].
  std::string table;
  /// attune column name -> the file's column name.
  std::map<std::string, std::string, std::less<>> columns;
  DateFormat date_format = DateFormat::iso;
  TimeFormat time_format = TimeFormat::hh_mm;
  char delimiter = ',';
  /// attune column name -> (file value -> attune value).
  std::map<std::string, std::map<std::string, std::string, std::less<>>, std::less<>> values;
};

}  // namespace attune::io
