# Every dependency is a Debian package (see scripts/setup); nothing is downloaded.
find_package(fmt REQUIRED)
find_package(tomlplusplus REQUIRED)
find_package(yaml-cpp REQUIRED)
find_package(nlohmann_json 3 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(SQLite3 REQUIRED)  # libsqlite3-dev: run history (--history)

# libcsv (libcsv-dev, no CMake config): attune reads CSV with its own reader; libcsv,
# which it replaced, is only the reference of the fuzz target that compares the two.
if(ATTUNE_FUZZ)
  find_path(CSV_INCLUDE_DIR csv.h REQUIRED)
  find_library(CSV_LIBRARY csv REQUIRED)
  add_library(attune_libcsv UNKNOWN IMPORTED)
  set_target_properties(attune_libcsv PROPERTIES
    IMPORTED_LOCATION "${CSV_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${CSV_INCLUDE_DIR}")
  add_library(Csv::csv ALIAS attune_libcsv)
endif()

# COIN-OR CBC (coinor-libcbc-dev): the planners' mixed-integer solver, through its C
# interface; only lib/src/solver/cbc_backend.cpp includes it.
find_package(PkgConfig REQUIRED)
pkg_check_modules(CBC REQUIRED IMPORTED_TARGET cbc)
