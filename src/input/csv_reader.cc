// CSV / TSV exports, one row per message (RFC 4180: quoted fields may hold
// the delimiter, doubled quotes and line breaks). Columns come from the header
// by common names or from --csv-columns. Rows of one conversation must be
// contiguous (the usual export order); an id that comes back after another
// conversation is reported, unless --csv-unsorted groups rows in memory (up to
// a limit; a file whose conversations do not fit is read again in passes).
// Rows stream: memory holds one conversation at a time.
#include <algorithm>
#include <deque>
#include <map>
#include <optional>
#include <unordered_set>

#include <sys/stat.h>

#include "common/hash.h"
#include "common/strings.h"
#include "input/reader.h"
#include "input/stream.h"
#include "input/timestamp.h"

namespace tact::input {
namespace {

struct Record {
  std::vector<std::string> fields;
  int line = 0;
};

// The input's lines, with a way to give lines back: the lines a stray quote
// swallowed are read again as rows of their own.
class Lines {
 public:
  Lines(InputStream& in, size_t max_line) : in_(in), max_line_(max_line) {}
  InputStream::Status Next(std::string* line, int* number) {
    if (!back_.empty()) {
      *line = std::move(back_.front().first);
      *number = back_.front().second;
      back_.pop_front();
      return InputStream::Status::kOk;
    }
    size_t skipped = 0;
    InputStream::Status st = in_.NextLine(line, max_line_, &skipped);
    *number = in_.line();
    return st;
  }
  void GiveBack(std::vector<std::pair<std::string, int>>* lines) {
    for (auto it = lines->rbegin(); it != lines->rend(); ++it) back_.push_front(std::move(*it));
    lines->clear();
  }
  size_t max_line() const { return max_line_; }

 private:
  InputStream& in_;
  size_t max_line_;
  std::deque<std::pair<std::string, int>> back_;
};

// Reads one record; false at the end. A quoted field that never closes (at
// the end of the input or past the row limit) is a stray quote: *error is
// set, the record keeps the fields before it, and the lines after its first
// are given back to be read as rows again.
bool NextRecord(Lines& lines, char delim, Record* rec, std::string* error, bool* too_long) {
  rec->fields.clear();
  *too_long = false;
  std::string line;
  int number = 0;
  InputStream::Status st;
  do {
    st = lines.Next(&line, &number);
    if (st == InputStream::Status::kEof || st == InputStream::Status::kError) return false;
    if (st == InputStream::Status::kTooLong) {
      rec->line = number;
      *too_long = true;
      return true;
    }
  } while (Trim(line).empty());
  rec->line = number;
  std::string field;
  bool quoted = false, was_quoted = false;
  size_t total = line.size();
  size_t i = 0;
  std::vector<std::pair<std::string, int>> continued;  // lines a quoted field ran into
  while (true) {
    if (i >= line.size()) {
      if (quoted) {
        // A line break inside a quoted field: the record continues.
        std::string next;
        st = lines.Next(&next, &number);
        if (st == InputStream::Status::kOk) total += next.size() + 1;
        if (st != InputStream::Status::kOk || total > lines.max_line()) {
          if (st == InputStream::Status::kOk) continued.emplace_back(std::move(next), number);
          *error = "unterminated quoted field (opened on line " + std::to_string(rec->line) +
                   "); the row is skipped";
          lines.GiveBack(&continued);
          return true;
        }
        continued.emplace_back(next, number);
        line = std::move(next);
        field.push_back('\n');
        i = 0;
        continue;
      }
      rec->fields.push_back(std::move(field));
      return true;
    }
    char c = line[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < line.size() && line[i + 1] == '"') {
          field.push_back('"');
          i += 2;
          continue;
        }
        quoted = false;
        ++i;
        continue;
      }
      field.push_back(c);
      ++i;
      continue;
    }
    if (c == '"' && field.empty() && !was_quoted) {
      quoted = was_quoted = true;
      ++i;
      continue;
    }
    if (c == delim) {
      rec->fields.push_back(std::move(field));
      field.clear();
      was_quoted = false;
      ++i;
      continue;
    }
    field.push_back(c);
    ++i;
  }
}

std::string Lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return std::string(Trim(s));
}

const std::map<std::string, std::vector<std::string>>& DefaultColumns() {
  static const std::map<std::string, std::vector<std::string>> k = {
      {"id",
       {"conversation_id", "conversation", "ticket_id", "ticket", "chat_id", "call_id",
        "session_id", "thread_id", "case_id", "id"}},
      {"time",
       {"timestamp", "created_at", "time", "datetime", "date", "sent_at", "start", "start_time"}},
      {"end", {"end", "end_time"}},
      {"speaker",
       {"speaker", "author", "sender", "from", "user", "participant", "name", "author_name"}},
      {"role", {"role", "author_type", "speaker_role", "sender_type", "participant_role"}},
      {"text", {"text", "body", "message", "content", "comment", "transcript", "utterance"}},
      {"language", {"language", "lang", "locale"}},
      {"channel", {"channel"}},
      {"agent", {"agent", "agent_id", "assignee", "assignee_id"}}};
  return k;
}

struct Pending {
  Conversation conv;
  bool broken = false;
  size_t bytes = 0;
};

// The conversations one pass reads: those whose id hashes to `rem` modulo
// `mod` (all of them in the first pass).
struct Partition {
  uint64_t mod = 1, rem = 0;
  bool Has(const std::string& id) const { return mod == 1 || Fnv1a(id) % mod == rem; }
};

// What a --csv-unsorted pass met when its conversations outgrew the buffer
// (nothing has been emitted then).
struct Overflow {
  bool hit = false;
  size_t conversations = 0;  // ids buffered
  int line = 0;              // the row that went over
};

Overflow ReadCsvPass(InputStream& in, const ReadContext& ctx, char delim, Partition part,
                     bool can_split);

}  // namespace

void ReadCsv(InputStream& in, const ReadContext& ctx, char delim) {
  if (!ctx.options.csv_unsorted) {
    ReadCsvPass(in, ctx, delim, {}, false);
    return;
  }
  // --csv-unsorted groups rows in memory. When a file's conversations do not
  // fit, it is read again in passes, each holding the conversations whose id
  // falls in one part (split in two as often as needed), so nothing is
  // dropped. A pass's errors wait for the pass to complete: a pass that
  // overflows is read again, and its errors would be said twice.
  struct stat st;
  const bool can_split =
      ctx.label != "-" && ::stat(ctx.label.c_str(), &st) == 0 && S_ISREG(st.st_mode);
  std::vector<Partition> todo = {{1, 0}};
  bool first = true;
  while (!todo.empty()) {
    const Partition part = todo.back();
    todo.pop_back();
    std::unique_ptr<InputStream> again;
    InputStream* s = &in;
    if (!first) {
      std::string err;
      again = InputStream::Open(ctx.label, &err);
      if (!again) {
        ctx.Error(0, "--csv-unsorted: cannot read the file again for another pass: " + err);
        return;
      }
      again->SkipBom();
      s = again.get();
    }
    first = false;
    std::vector<Diagnostic> deferred;
    ReadContext local{ctx.label, ctx.options, ctx.emit,
                      [&](const Diagnostic& d) { deferred.push_back(d); }};
    const Overflow o = ReadCsvPass(*s, local, delim, part, can_split);
    if (o.hit && can_split && o.conversations > 1 && part.mod < (uint64_t{1} << 20)) {
      todo.push_back({part.mod * 2, part.rem + part.mod});
      todo.push_back({part.mod * 2, part.rem});
      continue;
    }
    for (const auto& d : deferred) ctx.error(d);
  }
}

namespace {

// The column of each role ("id", "text", "speaker", ...).
using Columns = std::map<std::string, int>;

// Maps roles to the columns of `header`: --csv-columns first, then the
// common names of each role. False after an error.
bool MapColumns(const std::vector<std::string>& header, int line, const ReadContext& ctx,
                Columns* col) {
  for (const auto& [role, name] : ctx.options.csv_columns) {
    auto it = std::find(header.begin(), header.end(), Lower(name));
    if (it == header.end()) {
      ctx.Error(line, "--csv-columns: no column '" + name + "' in the header");
      return false;
    }
    (*col)[role] = static_cast<int>(it - header.begin());
  }
  for (const auto& [role, names] : DefaultColumns()) {
    if (col->count(role)) continue;
    for (const auto& n : names) {
      auto it = std::find(header.begin(), header.end(), n);
      if (it == header.end()) continue;
      int idx = static_cast<int>(it - header.begin());
      bool taken = false;
      for (const auto& [r, i] : *col) taken |= i == idx;
      if (!taken) {
        (*col)[role] = idx;
        break;
      }
    }
  }
  if (!col->count("text") || (!col->count("speaker") && !col->count("role"))) {
    ctx.Error(
        line,
        "CSV header needs a text column (text, body, message, ...) and a speaker column (speaker, "
        "author, role, ...); name them with --csv-columns text=...,speaker=...");
    return false;
  }
  return true;
}

// Reads the header row into *header (lowercase) and *col; false after an error.
bool ReadHeader(Lines& lines, char delim, const ReadContext& ctx, std::vector<std::string>* header,
                Columns* col) {
  Record rec;
  std::string error;
  bool too_long = false;
  if (!NextRecord(lines, delim, &rec, &error, &too_long) || too_long || !error.empty()) {
    ctx.Error(rec.line ? rec.line : 1, too_long        ? "header line is too long"
                                       : error.empty() ? "no header row"
                                                       : error);
    return false;
  }
  if (!rec.fields.empty() && StartsWith(rec.fields[0], "\xEF\xBB\xBF")) rec.fields[0].erase(0, 3);
  for (const auto& f : rec.fields) header->push_back(Lower(f));
  return MapColumns(*header, rec.line, ctx, col);
}

// One pass over the rows after the header: rows become turns of the
// conversation they belong to, which is finished when the next one starts
// (or, with --csv-unsorted, at the end of the pass).
class CsvPass {
 public:
  CsvPass(const ReadContext& ctx, char delim, Partition part, bool can_split,
          std::vector<std::string> header, Columns col)
      : ctx_(ctx),
        limits_(ctx.options.limits),
        delim_(delim),
        part_(part),
        can_split_(can_split),
        header_(std::move(header)),
        col_(std::move(col)),
        stem_(ctx.Stem()),
        grouped_(col_.count("id") > 0) {}

  Overflow Run(Lines& lines);

 private:
  enum class Buffered { kKept, kDropped, kStop };

  std::string Field(const Record& r, const char* role) const {
    auto it = col_.find(role);
    if (it == col_.end() || it->second >= static_cast<int>(r.fields.size())) return "";
    return r.fields[static_cast<size_t>(it->second)];
  }
  Pending Start(const std::string& id, int line) const {
    Pending p;
    p.conv.id = grouped_ ? id : stem_;
    p.conv.input_format = delim_ == '\t' ? "tsv" : "csv";
    p.conv.line = line;
    p.conv.source = ctx_.label + ":" + std::to_string(line);
    return p;
  }
  void Fail(Pending& p, int line, const std::string& msg) const {
    if (!p.broken) ctx_.Error(line, "conversation '" + p.conv.id + "': " + msg);
    p.broken = true;
  }
  void Finish(Pending&& p) const {
    if (!p.broken) ctx_.Finish(std::move(p.conv));  // a broken one was reported
  }
  std::string RowId(const Record& rec, const std::string& error, bool too_long) const;
  Pending* Target(const std::string& id, int line, bool too_long);
  bool RowTurn(const Record& rec, const std::string& error, bool too_long, Pending* target,
               Turn* t) const;
  bool ReadTime(const Record& rec, const char* role, const char* what, Pending* target,
                std::optional<double>* out) const;
  Buffered Buffer(size_t bytes, int line);

  const ReadContext& ctx_;
  const Limits& limits_;
  const char delim_;
  const Partition part_;
  const bool can_split_;
  const std::vector<std::string> header_;
  const Columns col_;
  const std::string stem_;
  const bool grouped_;
  Overflow overflow_;
  std::optional<Pending> cur_;
  // The ids of finished conversations, as 64-bit hashes (8 bytes each, not a
  // string node each: 2 M ids took 272 MB), to tell a non-contiguous export.
  std::unordered_set<uint64_t> finished_;
  std::map<std::string, size_t> unsorted_index_;
  std::vector<Pending> unsorted_;
  size_t buffered_ = 0;
  std::unordered_set<uint64_t> dropped_;  // conversations too big on their own
};

// A row that could not be split belongs to the conversation it names when
// its id came before the stray quote, else to the one being read.
std::string CsvPass::RowId(const Record& rec, const std::string& error, bool too_long) const {
  const auto id_col = col_.find("id");
  if (!error.empty() && grouped_ && id_col->second < static_cast<int>(rec.fields.size()))
    return std::string(Trim(Field(rec, "id")));
  if (too_long || !error.empty()) return cur_ ? cur_->conv.id : "";
  if (grouped_) return std::string(Trim(Field(rec, "id")));
  return "";
}

// The conversation a row with this id adds to, started if new.
Pending* CsvPass::Target(const std::string& id, int line, bool too_long) {
  if (ctx_.options.csv_unsorted && grouped_) {
    auto it = unsorted_index_.find(id);
    if (it != unsorted_index_.end()) return &unsorted_[it->second];
    unsorted_index_[id] = unsorted_.size();
    unsorted_.push_back(Start(id, line));
    return &unsorted_.back();
  }
  if (!cur_ || (grouped_ && id != cur_->conv.id && !too_long)) {
    if (cur_) {
      if (finished_.size() < (1u << 22)) finished_.insert(Fnv1a(cur_->conv.id));
      Finish(std::move(*cur_));
    }
    cur_ = Start(id, line);
    if (grouped_ && finished_.count(Fnv1a(id))) {
      Fail(*cur_, line,
           "rows are not contiguous (the conversation appeared earlier in the file); sort the "
           "export by "
           "conversation id or pass --csv-unsorted");
    }
  }
  return &*cur_;
}

// Parses the time column `role` into *out; false after failing the conversation.
bool CsvPass::ReadTime(const Record& rec, const char* role, const char* what, Pending* target,
                       std::optional<double>* out) const {
  std::string ts = Field(rec, role);
  if (Trim(ts).empty()) return true;
  double s;
  if (!ParseTimeString(ts, &s)) {
    Fail(*target, rec.line, std::string("cannot parse ") + what + " '" + ts + "'");
    return false;
  }
  *out = s;
  return true;
}

// The turn of a row; false after failing the conversation (a bad row).
bool CsvPass::RowTurn(const Record& rec, const std::string& error, bool too_long, Pending* target,
                      Turn* t) const {
  if (too_long) {
    Fail(*target, rec.line,
         "row longer than the limit of " + std::to_string(limits_.max_line_bytes) + " bytes");
    return false;
  }
  if (!error.empty()) {
    Fail(*target, rec.line, error);
    return false;
  }
  if (rec.fields.size() != header_.size()) {
    Fail(*target, rec.line,
         "row has " + std::to_string(rec.fields.size()) + " fields, the header has " +
             std::to_string(header_.size()));
    return false;
  }
  t->line = rec.line;
  t->text = Field(rec, "text");
  std::string speaker = Field(rec, "speaker"), role = Field(rec, "role");
  t->speaker = !speaker.empty() ? speaker : role;
  if (!role.empty()) {
    if (auto r = RoleFromField(role, ctx_.options.roles.vocabulary)) t->role = *r;
  }
  if (!ReadTime(rec, "time", "timestamp", target, &t->start) ||
      !ReadTime(rec, "end", "end time", target, &t->end))
    return false;
  Conversation& c = target->conv;
  if (c.turns.empty()) {
    c.language = Field(rec, "language").substr(0, 2);
    c.agent = Field(rec, "agent");
    std::string ch = Lower(Field(rec, "channel"));
    c.channel_known = !ch.empty() && ParseChannel(ch, &c.channel);
  }
  target->bytes += t->text.size();
  return true;
}

// --csv-unsorted: counts `bytes` more held in memory. Past the limit, a file
// is read again in two passes (kStop); standard input cannot be read again
// (and one conversation alone over the limit cannot be split): each
// conversation held is an error, and so is the rest of the input (kStop), or
// the conversations held are dropped and reading goes on (kDropped).
CsvPass::Buffered CsvPass::Buffer(size_t bytes, int line) {
  buffered_ += bytes + 64;
  if (buffered_ <= limits_.max_buffered_bytes) return Buffered::kKept;
  overflow_ = {true, unsorted_.size(), line};
  if (can_split_ && unsorted_.size() > 1) return Buffered::kStop;
  const std::string limit = limits_.max_buffered_bytes >= (1u << 20)
                                ? std::to_string(limits_.max_buffered_bytes >> 20) + " MB"
                                : std::to_string(limits_.max_buffered_bytes) + " bytes";
  for (auto& p : unsorted_) {
    if (p.broken) continue;
    ctx_.Error(p.conv.line, "conversation '" + p.conv.id +
                                "': not read: --csv-unsorted holds at most " + limit +
                                (can_split_ ? " and this conversation alone is bigger"
                                            : "; save the input to a file (read in passes) or sort "
                                              "it by conversation id"));
    p.broken = true;
  }
  if (!can_split_) {
    ctx_.Error(line, "--csv-unsorted: the rest of the input, from this row, is not read");
    return Buffered::kStop;
  }
  for (const auto& p : unsorted_) dropped_.insert(Fnv1a(p.conv.id));
  unsorted_.clear();
  unsorted_index_.clear();
  buffered_ = 0;
  return Buffered::kDropped;
}

Overflow CsvPass::Run(Lines& lines) {
  Record rec;
  std::string error;
  bool too_long = false;
  while (true) {
    error.clear();
    if (!NextRecord(lines, delim_, &rec, &error, &too_long)) break;
    const std::string id = RowId(rec, error, too_long);
    if (!part_.Has(id)) continue;  // another pass reads it
    if (!dropped_.empty() && dropped_.count(Fnv1a(id))) continue;
    Pending* target = Target(id, rec.line, too_long);
    Turn t;
    if (!RowTurn(rec, error, too_long, target, &t)) continue;
    if (ctx_.options.csv_unsorted) {
      const Buffered b = Buffer(t.text.size(), rec.line);
      if (b == Buffered::kStop) return overflow_;
      if (b == Buffered::kDropped) continue;
    }
    target->conv.turns.push_back(std::move(t));
  }
  if (cur_) Finish(std::move(*cur_));
  for (auto& p : unsorted_) Finish(std::move(p));
  return overflow_;
}

Overflow ReadCsvPass(InputStream& in, const ReadContext& ctx, char delim, Partition part,
                     bool can_split) {
  Lines lines(in, ctx.options.limits.max_line_bytes);
  std::vector<std::string> header;
  Columns col;
  if (!ReadHeader(lines, delim, ctx, &header, &col)) return {};
  CsvPass pass(ctx, delim, part, can_split, std::move(header), std::move(col));
  return pass.Run(lines);
}

}  // namespace

}  // namespace tact::input
