#pragma once
// A group's document written while its settings are being checked: each setting's part
// goes to the output as soon as it and every setting before it are done, and is freed,
// so the memory needed is that of a few settings whatever the group's size or its number
// of findings, and the writing overlaps the checking. The bytes are the same whatever
// --jobs is. Used for every format but text, whose group summary comes first.

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "attune/render.hpp"
#include "output.hpp"

namespace attune::cli {

/// The parts of a group's document in one format: head(), entry() per setting in order,
/// tail(). Joined, they are the whole document.
class GroupDocument {
 public:
  virtual ~GroupDocument() = default;
  [[nodiscard]] virtual std::string head() = 0;
  /// Appends the setting's pieces (its body is moved, never copied).
  virtual void entry(GroupEntry&& entry, std::vector<std::string>& pieces) = 0;
  [[nodiscard]] virtual std::string tail() = 0;
};

/// json (the attune.summary/1 document with `summary`), csv or markdown; nullptr for
/// text (its summary lines come before the settings).
std::unique_ptr<GroupDocument> group_document(const std::string& format, const RenderOptions& render,
                                              bool summary = false);

class GroupStream {
 public:
  GroupStream(OutputFile& out, GroupDocument& document, std::size_t settings);

  /// Setting `index` is done: its body is taken, the rest of `entry` is left as it is.
  void finished(std::size_t index, GroupEntry& entry);
  /// Every setting is done: the end of the document. Until a checked setting has come,
  /// nothing is written (a run that checks nothing writes no document, even to a pipe).
  void finish();
  [[nodiscard]] bool any_checked() const { return any_checked_; }

 private:
  void write(std::vector<std::string>& pieces);

  OutputFile& out_;
  GroupDocument& document_;
  std::mutex mutex_;
  std::vector<std::optional<GroupEntry>> ready_;
  std::size_t next_ = 0;
  bool any_checked_ = false;
  std::vector<std::string> held_;  ///< written once a checked setting comes
  std::vector<std::string> pieces_;
};

}  // namespace attune::cli
