#include "group_stream.hpp"

#include "attune/document.hpp"

namespace attune::cli {
namespace {

class JsonDocument final : public GroupDocument {
 public:
  explicit JsonDocument(std::string_view schema) : writer_(schema) {}
  std::string head() override { return writer_.head(); }
  void entry(GroupEntry&& e, std::vector<std::string>& pieces) override { writer_.entry(std::move(e), pieces); }
  std::string tail() override { return writer_.tail(); }

 private:
  JsonGroupWriter writer_;
};

/// The findings of every checked setting under one header row.
class CsvDocument final : public GroupDocument {
 public:
  explicit CsvDocument(const RenderOptions& render) : render_(render) {}
  std::string head() override { return render_csv({}, render_); }
  void entry(GroupEntry&& e, std::vector<std::string>& pieces) override {
    if (e.checked) pieces.push_back(std::move(e.body));
  }
  std::string tail() override { return {}; }

 private:
  RenderOptions render_;
};

/// Each checked setting's Markdown, a rule (---) between them.
class MarkdownDocument final : public GroupDocument {
 public:
  std::string head() override { return {}; }
  void entry(GroupEntry&& e, std::vector<std::string>& pieces) override {
    if (!e.checked) return;
    if (any_) pieces.emplace_back("\n---\n\n");
    any_ = true;
    pieces.push_back(std::move(e.body));
  }
  std::string tail() override { return {}; }

 private:
  bool any_ = false;
};

}  // namespace

std::unique_ptr<GroupDocument> group_document(const std::string& format, const RenderOptions& render,
                                              bool summary) {
  if (format == "json") return std::make_unique<JsonDocument>(summary ? "attune.summary/1" : "attune.check/1");
  if (format == "csv") return std::make_unique<CsvDocument>(render);
  if (format == "markdown") return std::make_unique<MarkdownDocument>();
  return nullptr;
}

GroupStream::GroupStream(OutputFile& out, GroupDocument& document, std::size_t settings)
    : out_(out), document_(document), ready_(settings) {
  held_.push_back(document_.head());
}

void GroupStream::write(std::vector<std::string>& pieces) {
  if (!any_checked_) {
    for (std::string& piece : pieces) held_.push_back(std::move(piece));
    return;
  }
  for (const std::string& piece : held_) out_.write(piece);
  held_.clear();
  for (const std::string& piece : pieces) out_.write(piece);
}

void GroupStream::finished(std::size_t index, GroupEntry& entry) {
  std::string body = std::move(entry.body);  // moved, never copied: 1 MB a setting-year in JSON
  entry.body.clear();
  GroupEntry part = entry;
  part.body = std::move(body);
  const std::lock_guard lock(mutex_);
  ready_[index] = std::move(part);
  while (next_ < ready_.size() && ready_[next_]) {
    pieces_.clear();
    any_checked_ = any_checked_ || ready_[next_]->checked;
    document_.entry(std::move(*ready_[next_]), pieces_);
    write(pieces_);
    ready_[next_].reset();
    ++next_;
  }
}

void GroupStream::finish() {
  if (!any_checked_) return;
  std::vector<std::string> tail{document_.tail()};
  write(tail);
}

}  // namespace attune::cli
