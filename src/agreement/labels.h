// Human labels for `tact eval`: what a reviewer said each behaviour's status is
// in each conversation.
//
// Two formats, told apart by the first non-blank byte ('{' = JSON):
//   JSON  {"en/en-001.txt": {"empathy": "met", "_notes": "..."}, "_about": "..."}
//         keys starting with '_' are notes, at either level;
//   CSV   id,behaviour,status   (one label per row; a header row is optional;
//         '#' lines are comments).
// A conversation key is a conversation id, a path, or the tail of a path
// ("en/en-001.txt" names ".../devset/en/en-001.txt"). Statuses are those of
// the reports: met/missed (expected), violated/clean (avoid), present/absent
// (signals); not_applicable is accepted and not scored.
#ifndef TACT_AGREEMENT_LABELS_H_
#define TACT_AGREEMENT_LABELS_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tact/diagnostic.h"
#include "tact/result.h"

namespace tact::agreement {

struct Label {
  std::string behaviour;
  Status status = Status::kMet;
};

struct LabelledConversation {
  std::string key;     // as written in the labels file
  std::string file;    // the labels file
  int line = 0;        // where the key is written (1-based)
  std::string folder;  // the labels file's folder, to resolve `key` as a path
  std::vector<Label> labels;
};

// Parses a status word ("met", "violated", "n/a", ...); nullopt when unknown.
std::optional<Status> ParseStatus(std::string_view word);

// Reads one labels file (JSON or CSV) and appends its conversations to *out.
// Problems (syntax, unknown status, a key labelled twice) are appended to
// *diags with file:line; returns false when there was any.
bool ReadLabels(const std::string& path, std::string_view content,
                std::vector<LabelledConversation>* out, Diagnostics* diags);

// Finds labelled conversations by conversation id or source path. A key
// matches a source when it equals it or is a tail of it at a '/' boundary.
class LabelIndex {
 public:
  explicit LabelIndex(const std::vector<LabelledConversation>& all);
  // The entry for a conversation, or null. Marks it as used.
  const LabelledConversation* Find(std::string_view id, std::string_view source);
  // Entries that no conversation matched, in file order.
  std::vector<const LabelledConversation*> Unused() const;

 private:
  const std::vector<LabelledConversation>& all_;
  std::map<std::string, size_t, std::less<>> by_key_;
  std::vector<bool> used_;
};

}  // namespace tact::agreement

#endif  // TACT_AGREEMENT_LABELS_H_
