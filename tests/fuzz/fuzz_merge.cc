// libFuzzer target for `tact merge`: the input is one or more summary files
// (separated by a line "%%"), read, checked for shards given twice and merged
// as RunMerge() does, then evaluated against a few gates and written by every
// report writer as a merged summary. Any bytes must give a merged report or an
// error message, never a crash. A merged summary written as JSON must read
// back (a merge of merges is how shards of shards are combined) and write the
// same JSON again.
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "common/hash.h"
#include "fuzz_checks.h"
#include "report/json.h"
#include "report/summary_json.h"
#include "report/writer.h"
#include "summary/checks.h"
#include "summary/shards.h"

namespace {

std::vector<tact::summary::Check>* checks = nullptr;

std::string SummaryDocument(const tact::summary::Summary& s) {
  std::string out;
  tact::report::JsonWriter w(&out);
  w.BeginObject().Key("summary");
  tact::report::WriteSummaryJson(s, &w);
  w.EndObject();
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  checks = NewSampleChecks();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> files;
  size_t pos = 0;
  while (pos <= input.size() && files.size() < 4) {
    size_t sep = input.find("\n%%\n", pos);
    if (sep == std::string::npos) sep = input.size();
    files.push_back(input.substr(pos, sep - pos));
    pos = sep + 4;
  }
  std::unique_ptr<tact::summary::SummaryBuilder> builder;
  tact::summary::ShardLedger ledger;
  std::map<uint64_t, size_t> content_from;
  for (size_t i = 0; i < files.size(); ++i) {
    tact::summary::Summary part;
    std::string err;
    if (!tact::report::ReadSummaryJson(files[i], &part, &err)) {
      if (err.empty()) __builtin_trap();
      return 0;
    }
    const std::string name = "part" + std::to_string(i);
    if (part.shards.empty()) {
      if (!content_from.try_emplace(tact::Fnv1a(files[i]), i).second) return 0;
    } else if (!ledger.Add(name, part.shards, &err)) {
      if (err.empty()) __builtin_trap();
      return 0;
    }
    if (!builder)
      builder = std::make_unique<tact::summary::SummaryBuilder>(part.group_by, part.worst_n);
    if (!builder->Merge(part, &err)) {
      if (err.empty()) __builtin_trap();
      return 0;
    }
  }
  if (!builder) return 0;
  tact::summary::Summary& s = builder->summary();
  s.shards = ledger.Merged();

  const std::string doc = SummaryDocument(s);
  tact::summary::Summary again;
  std::string err;
  if (!tact::report::ReadSummaryJson(doc, &again, &err)) {
    fprintf(stderr, "merged summary does not read back: %s\n%s\n", err.c_str(), doc.c_str());
    __builtin_trap();
  }
  if (SummaryDocument(again) != doc) {
    fprintf(stderr, "merged summary changes when read back:\n%s\n%s\n", doc.c_str(),
            SummaryDocument(again).c_str());
    __builtin_trap();
  }

  const auto outcomes = tact::summary::EvaluateChecks(*checks, s);
  tact::summary::RunTotals totals{s.inputs, s.read, s.analyzed, s.skipped};
  for (const auto& format : tact::report::WriterFormats()) {
    tact::report::WriterOptions wo;
    wo.version = "fuzz";
    wo.summary = true;
    auto writer = tact::report::MakeWriter(format, wo);
    std::string out;
    writer->Begin(&out);
    writer->End(totals, outcomes, &s, &out);
  }
  return 0;
}
