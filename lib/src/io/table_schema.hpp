#pragma once
// The columns attune reads from each data table: one list, used by the decoders, the
// import mapping check and the "did you mean" warning for a misspelt column.

#include <span>
#include <string_view>

#include "setting_config.hpp"

namespace attune::io {

struct TableSchema {
  std::span<const std::string_view> required;
  std::span<const std::string_view> optional;
};

const TableSchema& table_schema(TableKind kind);

}  // namespace attune::io
