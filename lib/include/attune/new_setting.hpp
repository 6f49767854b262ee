#pragma once
/// A new setting from the templates in templates/setting (`attune init DIR`): a commented
/// setting.toml and CSV files with their headers and one example row each, which load
/// at once, so a manager starts from a setting that works and replaces the examples.
///
///     attune::NewSettingOptions o;
///     o.rooms = {"babies", "toddlers"};
///     o.week = *attune::parse_iso_date("2026-12-07");
///     auto files = attune::render_new_setting(templates, o, error);  // setting.toml, ...

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "attune/calendar.hpp"

namespace attune {

enum class SettingKind : unsigned char { group, childminder };

struct NewSettingOptions {
  std::string name = "My Nursery";
  std::string folder;  ///< as the user named it, for the comments ("attune check my-nursery")
  SettingKind kind = SettingKind::group;
  /// Room ids. Known ones get a name, a capacity and meal times (babies, toddlers, twos,
  /// preschool); others a name from the id. Empty: a childminder's home (no [[rooms]]).
  std::vector<std::string> rooms{"babies", "toddlers", "preschool"};
  Date week{};  ///< the Monday of the week to check ([period] Monday to Friday)
  std::string profile;  ///< empty: eyfs-2024-group, or eyfs-2024-childminder for a childminder
};

/// The problems with the options (a room id that is not a plain word, a room named
/// twice), in words; empty when they are fine.
std::vector<std::string> new_setting_problems(const NewSettingOptions& options);

struct NewSettingFile {
  std::string name;  ///< "setting.toml", "children.csv", ...
  std::string text;
};

/// Renders the templates (file name -> Mustache text, as read from templates/setting)
/// over the options. nullopt, with `error` set, when a template is not valid Mustache.
std::optional<std::vector<NewSettingFile>> render_new_setting(const std::map<std::string, std::string>& templates,
                                                              const NewSettingOptions& options, std::string& error);

/// The files templates/setting holds, in the order they are written.
std::vector<std::string> new_setting_file_names();

}  // namespace attune
