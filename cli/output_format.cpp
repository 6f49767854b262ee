#include "output_format.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include <fmt/format.h>

namespace attune::cli {
namespace {

/// Every extension attune knows as a document format, whichever command writes it.
struct KnownExtension {
  std::string_view extension;
  std::string_view what;  ///< for the message
};
constexpr KnownExtension kKnown[] = {
    {".txt", "text"},  {".text", "text"},     {".json", "JSON"},     {".csv", "CSV"},
    {".md", "Markdown"}, {".markdown", "Markdown"}, {".html", "HTML"}, {".htm", "HTML"},
    {".pdf", "PDF"},   {".docx", "Word"},     {".xlsx", "Excel"},    {".odt", "OpenDocument"},
};

bool names(std::string_view list, std::string_view ext) {
  while (!list.empty()) {
    const auto space = list.find(' ');
    if (list.substr(0, space) == ext) return true;
    if (space == std::string_view::npos) break;
    list.remove_prefix(space + 1);
  }
  return false;
}

std::string lower_extension(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

}  // namespace

std::optional<std::string> output_format(std::string_view command, const std::string& format,
                                         const std::string& path, std::span<const WrittenFormat> writes,
                                         std::string_view fallback, std::string_view advice) {
  if (!format.empty()) return format;
  if (path.empty() || path == "-") return std::string(fallback);
  const std::string ext = lower_extension(path);
  for (const WrittenFormat& w : writes) {
    if (!ext.empty() && names(w.extensions, ext)) return std::string(w.format);
  }
  const auto known = std::find_if(std::begin(kKnown), std::end(kKnown),
                                  [&](const KnownExtension& k) { return k.extension == ext; });
  if (known == std::end(kKnown)) return std::string(fallback);
  std::string names;
  for (std::size_t i = 0; i < writes.size(); ++i) {
    if (i > 0) names += i + 1 == writes.size() ? " or " : ", ";
    names += writes[i].format;
  }
  fmt::print(stderr, "-o: attune {} does not write {} ({}); it writes {}{}{}\nRun with --help for more information.\n",
             command, known->what, path, names, advice.empty() ? "" : "; ", advice);
  return std::nullopt;
}

}  // namespace attune::cli
