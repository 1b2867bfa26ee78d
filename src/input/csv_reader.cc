// CSV / TSV exports, one row per message (RFC 4180: quoted fields may hold
// the delimiter, doubled quotes and line breaks). Columns come from the header
// by common names or from --csv-columns. Rows of one conversation must be
// contiguous (the usual export order); an id that comes back after another
// conversation is reported, unless --csv-unsorted groups rows in memory (up to
// a limit; a file whose conversations do not fit is read again in passes).
// Rows stream: memory holds one conversation at a time.
#include <algorithm>
#include <deque>
#include <filesystem>
#include <map>
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

Overflow ReadCsvPass(InputStream& in, const ReadContext& ctx, char delim, Partition part,
                     bool can_split) {
  Overflow overflow;
  const Limits& limits = ctx.options.limits;
  Record rec;
  std::string error;
  bool too_long = false;
  Lines lines(in, limits.max_line_bytes);
  if (!NextRecord(lines, delim, &rec, &error, &too_long) || too_long || !error.empty()) {
    ctx.Error(rec.line ? rec.line : 1, too_long        ? "header line is too long"
                                       : error.empty() ? "no header row"
                                                       : error);
    return overflow;
  }
  if (!rec.fields.empty() && StartsWith(rec.fields[0], "\xEF\xBB\xBF")) rec.fields[0].erase(0, 3);
  std::vector<std::string> header;
  for (const auto& f : rec.fields) header.push_back(Lower(f));
  std::map<std::string, int> col;
  for (const auto& [role, name] : ctx.options.csv_columns) {
    auto it = std::find(header.begin(), header.end(), Lower(name));
    if (it == header.end()) {
      ctx.Error(rec.line, "--csv-columns: no column '" + name + "' in the header");
      return overflow;
    }
    col[role] = static_cast<int>(it - header.begin());
  }
  for (const auto& [role, names] : DefaultColumns()) {
    if (col.count(role)) continue;
    for (const auto& n : names) {
      auto it = std::find(header.begin(), header.end(), n);
      if (it != header.end()) {
        int idx = static_cast<int>(it - header.begin());
        bool taken = false;
        for (const auto& [r, i] : col) taken |= i == idx;
        if (!taken) {
          col[role] = idx;
          break;
        }
      }
    }
  }
  if (!col.count("text") || (!col.count("speaker") && !col.count("role"))) {
    ctx.Error(
        rec.line,
        "CSV header needs a text column (text, body, message, ...) and a speaker column (speaker, "
        "author, role, ...); name them with --csv-columns text=...,speaker=...");
    return overflow;
  }
  auto field = [&](const Record& r, const char* role) -> std::string {
    auto it = col.find(role);
    if (it == col.end() || it->second >= static_cast<int>(r.fields.size())) return "";
    return r.fields[static_cast<size_t>(it->second)];
  };
  const std::string stem =
      ctx.label == "-" ? "stdin" : std::filesystem::path(ctx.label).stem().string();
  const bool grouped = col.count("id") > 0;
  std::optional<Pending> cur;
  // The ids of finished conversations, as 64-bit hashes (8 bytes each, not a
  // string node each: 2 M ids took 272 MB), to tell a non-contiguous export.
  std::unordered_set<uint64_t> finished;
  std::map<std::string, size_t> unsorted_index;
  std::vector<Pending> unsorted;
  size_t buffered = 0;
  std::unordered_set<uint64_t> dropped;  // conversations too big on their own
  auto finish = [&](Pending&& p) {
    if (p.broken) return;  // already reported
    ctx.Finish(std::move(p.conv));
  };
  auto start = [&](const std::string& id, int line) {
    Pending p;
    p.conv.id = grouped ? id : stem;
    p.conv.input_format = delim == '\t' ? "tsv" : "csv";
    p.conv.line = line;
    p.conv.source = ctx.label + ":" + std::to_string(line);
    return p;
  };
  auto fail = [&](Pending& p, int line, const std::string& msg) {
    if (!p.broken) ctx.Error(line, "conversation '" + p.conv.id + "': " + msg);
    p.broken = true;
  };
  while (true) {
    error.clear();
    if (!NextRecord(lines, delim, &rec, &error, &too_long)) break;
    // A row that could not be split belongs to the conversation it names when
    // its id came before the stray quote, else to the one being read.
    std::string id;
    const auto id_col = col.find("id");
    if (!error.empty() && grouped && id_col->second < static_cast<int>(rec.fields.size()))
      id = std::string(Trim(field(rec, "id")));
    else if (too_long || !error.empty())
      id = cur ? cur->conv.id : "";
    else if (grouped)
      id = std::string(Trim(field(rec, "id")));
    if (!part.Has(id)) continue;  // another pass reads it
    if (!dropped.empty() && dropped.count(Fnv1a(id))) continue;
    Pending* target = nullptr;
    if (ctx.options.csv_unsorted && grouped) {
      auto it = unsorted_index.find(id);
      if (it == unsorted_index.end()) {
        unsorted_index[id] = unsorted.size();
        unsorted.push_back(start(id, rec.line));
        target = &unsorted.back();
      } else {
        target = &unsorted[it->second];
      }
    } else {
      if (!cur || (grouped && id != cur->conv.id && !too_long)) {
        if (cur) {
          if (finished.size() < (1u << 22)) finished.insert(Fnv1a(cur->conv.id));
          finish(std::move(*cur));
        }
        cur = start(id, rec.line);
        if (grouped && finished.count(Fnv1a(id))) {
          fail(*cur, rec.line,
               "rows are not contiguous (the conversation appeared earlier in the file); sort the "
               "export by "
               "conversation id or pass --csv-unsorted");
        }
      }
      target = &*cur;
    }
    if (too_long) {
      fail(*target, rec.line,
           "row longer than the limit of " + std::to_string(limits.max_line_bytes) + " bytes");
      continue;
    }
    if (!error.empty()) {
      fail(*target, rec.line, error);
      continue;
    }
    if (rec.fields.size() != header.size()) {
      fail(*target, rec.line,
           "row has " + std::to_string(rec.fields.size()) + " fields, the header has " +
               std::to_string(header.size()));
      continue;
    }
    Turn t;
    t.line = rec.line;
    t.text = field(rec, "text");
    std::string speaker = field(rec, "speaker"), role = field(rec, "role");
    t.speaker = !speaker.empty() ? speaker : role;
    if (!role.empty()) {
      if (auto r = RoleFromWord(role)) t.role = *r;
    }
    std::string ts = field(rec, "time");
    if (!Trim(ts).empty()) {
      double s;
      if (!ParseTimeString(ts, &s)) {
        fail(*target, rec.line, "cannot parse timestamp '" + ts + "'");
        continue;
      }
      t.start = s;
    }
    std::string te = field(rec, "end");
    if (!Trim(te).empty()) {
      double s;
      if (!ParseTimeString(te, &s)) {
        fail(*target, rec.line, "cannot parse end time '" + te + "'");
        continue;
      }
      t.end = s;
    }
    Conversation& c = target->conv;
    if (c.turns.empty()) {
      c.language = field(rec, "language").substr(0, 2);
      c.agent = field(rec, "agent");
      std::string ch = Lower(field(rec, "channel"));
      c.channel_known = !ch.empty() && ParseChannel(ch, &c.channel);
    }
    target->bytes += t.text.size();
    if (ctx.options.csv_unsorted) {
      buffered += t.text.size() + 64;
      if (buffered > limits.max_buffered_bytes) {
        overflow = {true, unsorted.size(), rec.line};
        if (can_split && unsorted.size() > 1) return overflow;  // read again in two passes
        // Standard input cannot be read again (and one conversation alone
        // over the limit cannot be split): each conversation held is an
        // error, and so is the rest of the input.
        const std::string limit = limits.max_buffered_bytes >= (1u << 20)
                                      ? std::to_string(limits.max_buffered_bytes >> 20) + " MB"
                                      : std::to_string(limits.max_buffered_bytes) + " bytes";
        for (auto& p : unsorted) {
          if (p.broken) continue;
          ctx.Error(p.conv.line,
                    "conversation '" + p.conv.id + "': not read: --csv-unsorted holds at most " +
                        limit +
                        (can_split ? " and this conversation alone is bigger"
                                   : "; save the input to a file (read in passes) or sort it by "
                                     "conversation id"));
          p.broken = true;
        }
        if (!can_split) {
          ctx.Error(rec.line, "--csv-unsorted: the rest of the input, from this row, is not read");
          return overflow;
        }
        for (const auto& p : unsorted) dropped.insert(Fnv1a(p.conv.id));
        unsorted.clear();
        unsorted_index.clear();
        buffered = 0;
        continue;
      }
    }
    c.turns.push_back(std::move(t));
  }
  if (cur) finish(std::move(*cur));
  for (auto& p : unsorted) finish(std::move(p));
  return overflow;
}

}  // namespace

}  // namespace tact::input
