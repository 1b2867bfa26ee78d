// Amazon Transcribe batch output: results.items (pronunciation items carry
// times, punctuation attaches to the previous word), speakers from each item's
// speaker_label / channel_label or from results.speaker_labels.segments.
#include <algorithm>
#include <map>

#include "input/vendor_json.h"

namespace tact::input {
namespace {

struct Word {
  double start = 0, end = 0;
  std::string label;
  std::string text;
  bool punctuation = false;
  size_t order = 0;
};

std::string Content(json::Element item) {
  auto alts = json::Get(item, "alternatives");
  simdjson::dom::array arr;
  if (!alts || alts->get_array().get(arr)) return "";
  for (json::Element a : arr) {
    if (auto c = json::String(a, "content")) return *c;
  }
  return "";
}

void Collect(simdjson::dom::array items, const std::string& default_label,
             std::vector<Word>* words) {
  for (json::Element it : items) {
    Word w;
    w.order = words->size();
    w.text = Content(it);
    auto type = json::String(it, "type");
    w.punctuation = type && *type == "punctuation";
    w.start = json::Number(it, "start_time").value_or(-1);
    w.end = json::Number(it, "end_time").value_or(w.start);
    if (auto s = json::String(it, "speaker_label"))
      w.label = *s;
    else if (auto c = json::String(it, "channel_label"))
      w.label = *c;
    else
      w.label = default_label;
    words->push_back(std::move(w));
  }
}

// Older diarization output: speakers only in speaker_labels.segments, by
// start time (as written).
std::map<std::string, std::string> SegmentLabels(json::Element results) {
  std::map<std::string, std::string> by_start;
  auto sl = json::Get(results, "speaker_labels");
  simdjson::dom::array segs;
  if (!sl) return by_start;
  if (auto s = json::Get(*sl, "segments"); !s || s->get_array().get(segs)) return by_start;
  for (json::Element seg : segs) {
    simdjson::dom::array segitems;
    if (auto si = json::Get(seg, "items"); si && !si->get_array().get(segitems)) {
      for (json::Element si2 : segitems) {
        auto st = json::String(si2, "start_time");
        auto lab = json::String(si2, "speaker_label");
        if (st && lab) by_start[*st] = *lab;
      }
    }
  }
  return by_start;
}

// Channel identification without labels on results.items: each channel's
// items, in time order, replace *words (when there are channels).
void CollectByChannel(json::Element results, std::vector<Word>* words) {
  auto cl = json::Get(results, "channel_labels");
  simdjson::dom::array chans;
  if (!cl) return;
  if (auto ch = json::Get(*cl, "channels"); !ch || ch->get_array().get(chans)) return;
  words->clear();
  for (json::Element c : chans) {
    std::string label = json::String(c, "channel_label").value_or("");
    simdjson::dom::array citems;
    if (auto ci = json::Get(c, "items"); ci && !ci->get_array().get(citems))
      Collect(citems, label, words);
  }
  std::stable_sort(words->begin(), words->end(), [](const Word& a, const Word& b) {
    if (a.punctuation || b.punctuation)
      return a.order < b.order;  // keep punctuation after its word
    return a.start < b.start;
  });
}

// Labels the words of `items` by their start times in `by_start`.
void LabelByStart(simdjson::dom::array items, const std::map<std::string, std::string>& by_start,
                  std::vector<Word>* words) {
  size_t i = 0;
  for (json::Element it : items) {
    if (auto st = json::String(it, "start_time")) {
      auto f = by_start.find(*st);
      if (f != by_start.end()) (*words)[i].label = f->second;
    }
    ++i;
  }
}

// One turn per run of a speaker's words; punctuation joins the word before.
void WordsToTurns(std::vector<Word>& words, Conversation* c) {
  std::string last_label;
  for (Word& w : words) {
    if (w.text.empty()) continue;
    if (w.punctuation) {
      if (!c->turns.empty()) c->turns.back().text += w.text;
      continue;
    }
    if (w.label.empty() && !last_label.empty()) w.label = last_label;
    if (c->turns.empty() || w.label != last_label) {
      Turn t;
      t.speaker = w.label.empty() ? "speaker" : w.label;
      t.start = w.start >= 0 ? std::optional<double>(w.start) : std::nullopt;
      t.text = w.text;
      c->turns.push_back(std::move(t));
      last_label = w.label;
    } else {
      c->turns.back().text += " " + w.text;
    }
    if (w.end >= 0) c->turns.back().end = w.end;
  }
}

}  // namespace

bool IsTranscribe(json::Element doc) {
  auto r = json::Get(doc, "results");
  return r && json::Get(*r, "items").has_value() && json::Get(*r, "transcripts").has_value();
}

void ReadTranscribe(json::Element doc, const std::string& stem, const ReadContext& ctx) {
  json::Element results = *json::Get(doc, "results");
  std::vector<Word> words;
  simdjson::dom::array items;
  if (json::Get(results, "items")->get_array().get(items)) {
    ctx.Error(1, "Amazon Transcribe: 'results.items' is not an array");
    return;
  }
  Collect(items, "", &words);
  if (std::none_of(words.begin(), words.end(), [](const Word& w) { return !w.label.empty(); })) {
    const std::map<std::string, std::string> by_start = SegmentLabels(results);
    if (by_start.empty())
      CollectByChannel(results, &words);
    else
      LabelByStart(items, by_start, &words);
  }
  Conversation c;
  c.input_format = "transcribe";
  c.source = ctx.label;
  c.line = 1;
  c.id = json::String(doc, "jobName").value_or(stem);
  c.channel = Channel::kCall;
  c.channel_known = true;
  if (auto l = json::String(results, "language_code")) c.language = l->substr(0, 2);
  WordsToTurns(words, &c);
  if (c.turns.empty()) {
    ctx.Error(1, "Amazon Transcribe: no words in 'results.items'");
    return;
  }
  ctx.Finish(std::move(c));
}

}  // namespace tact::input
