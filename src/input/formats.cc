// The table of input formats (see formats.h): one row a format.
#include "input/formats.h"

#include "input/reader.h"

namespace tact::input {

const std::vector<InputFormat>& InputFormatTable() {
  static const std::vector<InputFormat> k = {
      {"text",
       {"txt"},
       {".txt"},
       {".text", ".log"},
       nullptr,
       ReadText,
       true,
       "plain text, \"[hh:mm:ss] Speaker: text\" per line"},
      {"json",
       {},
       {".json"},
       {},
       SniffJson,
       ReadJson,
       false,
       "a tact conversation, an array of them, or a vendor export (vendor_json.h)"},
      {"jsonl",
       {"ndjson"},
       {".jsonl", ".ndjson"},
       {},
       SniffJsonl,
       ReadJsonl,
       true,
       "one tact conversation per line"},
      {"csv",
       {},
       {".csv"},
       {},
       nullptr,
       [](InputStream& in, const ReadContext& ctx) { ReadCsv(in, ctx, ','); },
       true,
       "one message per row, columns named by the header"},
      {"tsv",
       {},
       {".tsv"},
       {},
       nullptr,
       [](InputStream& in, const ReadContext& ctx) { ReadCsv(in, ctx, '\t'); },
       true,
       "as csv, with tabs"},
      {"vtt", {}, {".vtt"}, {}, SniffVtt, ReadVtt, true, "WebVTT captions with speakers"},
      {"srt", {}, {".srt"}, {}, SniffSrt, ReadSrt, true, "SRT subtitles with speakers"},
  };
  return k;
}

const InputFormat* FindInputFormat(std::string_view name) {
  for (const InputFormat& f : InputFormatTable()) {
    if (f.name == name) return &f;
    for (std::string_view a : f.aliases)
      if (a == name) return &f;
  }
  return nullptr;
}

const InputFormat& DefaultInputFormat() { return *FindInputFormat("text"); }

}  // namespace tact::input
