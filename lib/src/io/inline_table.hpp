#pragma once
// A list of maps in setting.yaml (`children: [ {id: c1, ...}, ... ]`) as a RecordTable,
// so the same row decoders read CSV files and setting.yaml.

#include "config_node.hpp"
#include "record_table.hpp"

namespace attune::io {

/// Columns are the keys in order of first appearance; a key a row lacks is an empty
/// cell. Values that are not plain text are reported.
RecordTable table_from_list(const ConfigNode& list, const std::string& file, std::string source,
                            Diagnostics& diagnostics);

}  // namespace attune::io
