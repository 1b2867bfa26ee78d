// Every reader on a real-world-shaped sample in tests/data/formats.
#include <gtest/gtest.h>

#include "input/html.h"

#include <map>

#include <cstdio>

#include "input/formats.h"
#include "input/reader.h"
#include "run/vocabulary.h"

namespace tact::input {
namespace {

struct Read {
  std::vector<Conversation> convs;
  std::vector<Diagnostic> diags;
  bool ok = false;
};

// Reads as a check does: with the built-in packs' role words.
Read ReadFile(const std::string& name, ReadOptions o = {}) {
  o.roles.vocabulary = run::BuiltinVocabulary().roles;
  Read r;
  r.ok = ReadInput(
      std::string(TACT_SOURCE_DIR) + "/tests/data/formats/" + name, o,
      [&](Conversation&& c) { r.convs.push_back(std::move(c)); },
      [&](const Diagnostic& d) { r.diags.push_back(d); });
  return r;
}

std::string Diags(const Read& r) {
  std::string s;
  for (const auto& d : r.diags) s += d.Format() + "\n";
  return s;
}

TEST(Readers, TactJson) {
  Read r = ReadFile("chat.json");
  ASSERT_EQ(r.convs.size(), 1u) << Diags(r);
  const Conversation& c = r.convs[0];
  EXPECT_EQ(c.id, "T-1042");
  EXPECT_EQ(c.language, "en");
  EXPECT_EQ(c.agent, "agent-7");
  EXPECT_EQ(c.input_format, "json");
  ASSERT_EQ(c.turns.size(), 3u);
  EXPECT_EQ(c.turns[0].role, Role::kCustomer);
  EXPECT_EQ(c.turns[1].speaker, "Sam");
  EXPECT_DOUBLE_EQ(*c.turns[0].start, 0);  // absolute times become relative
  EXPECT_DOUBLE_EQ(*c.turns[1].start, 38);
  EXPECT_EQ(c.metadata[0], (std::pair<std::string, std::string>{"queue", "billing"}));
  bool started = false;
  for (const auto& [k, v] : c.metadata)
    started |= k == "started_at" && v == "2024-03-04T09:15:02.000Z";
  EXPECT_TRUE(started);
}

TEST(Readers, JsonLinesWithSourcesPerLine) {
  Read r = ReadFile("chats.jsonl");
  ASSERT_EQ(r.convs.size(), 2u) << Diags(r);
  EXPECT_EQ(r.convs[0].channel, Channel::kCall);
  EXPECT_DOUBLE_EQ(*r.convs[0].turns[0].end, 2.5);
  EXPECT_TRUE(r.convs[1].source.ends_with("/chats.jsonl:3")) << r.convs[1].source;
  EXPECT_EQ(r.convs[1].turns[1].role, Role::kAgent);  // "agent" as a speaker word
}

TEST(Readers, CsvQuotingTimestampsAndGroups) {
  Read r = ReadFile("tickets.csv");
  ASSERT_EQ(r.convs.size(), 2u) << Diags(r);
  const Conversation& a = r.convs[0];
  EXPECT_EQ(a.id, "881");
  ASSERT_EQ(a.turns.size(), 3u);
  EXPECT_EQ(a.turns[1].text,
            "Hi, I'm so sorry to hear that.\nCould you send a photo of the \"cracked\" screen?");
  EXPECT_DOUBLE_EQ(*a.turns[1].start, 270);  // "2024-05-02 10:04:30" - "10:00:00"
  EXPECT_DOUBLE_EQ(*a.turns[2].start, 600);  // epoch 1714644600 = 10:10:00
  EXPECT_EQ(a.turns[2].line, 5);             // the quoted field above spans two lines
  const Conversation& b = r.convs[1];
  EXPECT_DOUBLE_EQ(*b.turns[1].start, 60);  // +02:00 offsets
  EXPECT_TRUE(b.source.ends_with("/tickets.csv:6")) << b.source;
}

TEST(Readers, CsvColumnsByFlag) {
  ReadOptions o;
  o.csv_columns = {
      {"id", "ticket_id"}, {"speaker", "author"}, {"text", "body"}, {"time", "created_at"}};
  Read r = ReadFile("tickets.csv", o);
  EXPECT_EQ(r.convs.size(), 2u) << Diags(r);
  o.csv_columns = {{"text", "nope"}};
  r = ReadFile("tickets.csv", o);
  EXPECT_TRUE(r.convs.empty());
  ASSERT_FALSE(r.diags.empty());
  EXPECT_NE(r.diags[0].message.find("no column 'nope'"), std::string::npos);
}

TEST(Readers, WebVttVoicesMergeAndNoteMetadata) {
  Read r = ReadFile("teams.vtt");
  ASSERT_EQ(r.convs.size(), 1u) << Diags(r);
  const Conversation& c = r.convs[0];
  EXPECT_EQ(c.id, "call-77");
  EXPECT_EQ(c.language, "en");
  EXPECT_EQ(c.channel, Channel::kCall);
  EXPECT_EQ(c.agent, "agent-3");
  ASSERT_EQ(c.turns.size(), 3u);
  EXPECT_EQ(c.turns[1].text,
            "Hi, my laptop won't start & I have a deadline. It just shows a black screen.");
  EXPECT_DOUBLE_EQ(*c.turns[1].start, 3.5);
  EXPECT_DOUBLE_EQ(*c.turns[1].end, 8.0);
  EXPECT_EQ(c.turns[2].speaker, "Agent");
  EXPECT_EQ(c.turns[2].text, "I understand, let's fix that together.");
}

TEST(Readers, WebVttSpeakerPrefixes) {
  Read r = ReadFile("zoom.vtt");
  ASSERT_EQ(r.convs.size(), 1u) << Diags(r);
  ASSERT_EQ(r.convs[0].turns.size(), 2u);
  EXPECT_EQ(r.convs[0].turns[1].role, Role::kCustomer);
}

TEST(Readers, Srt) {
  Read r = ReadFile("call.srt");
  ASSERT_EQ(r.convs.size(), 1u) << Diags(r);
  ASSERT_EQ(r.convs[0].turns.size(), 3u);
  EXPECT_EQ(r.convs[0].turns[1].text, "I can't log in. It says my password is wrong.");
  EXPECT_DOUBLE_EQ(*r.convs[0].turns[1].end, 5.8);
}

TEST(Readers, AmazonTranscribe) {
  ReadOptions o;
  o.roles.agent_names = {"spk_0"};
  Read r = ReadFile("transcribe.json", o);
  ASSERT_EQ(r.convs.size(), 1u) << Diags(r);
  const Conversation& c = r.convs[0];
  EXPECT_EQ(c.id, "call-5");
  ASSERT_EQ(c.turns.size(), 2u);
  EXPECT_EQ(c.turns[0].text, "Hello, how can I help?");
  EXPECT_EQ(c.turns[0].role, Role::kAgent);
  EXPECT_EQ(c.turns[1].role, Role::kCustomer);  // the other speaker
  EXPECT_DOUBLE_EQ(*c.turns[1].start, 2.0);
  EXPECT_DOUBLE_EQ(*c.turns[1].end, 3.0);
}

TEST(Readers, ContactLensMergesConsecutiveCallSegments) {
  Read r = ReadFile("contact_lens.json");
  ASSERT_EQ(r.convs.size(), 1u) << Diags(r);
  const Conversation& c = r.convs[0];
  EXPECT_EQ(c.language, "en");
  ASSERT_EQ(c.turns.size(), 3u);
  EXPECT_EQ(c.turns[1].text, "My package never arrived. It was due Monday.");
  EXPECT_DOUBLE_EQ(*c.turns[2].start, 5.0);
  EXPECT_EQ(c.turns[2].role, Role::kAgent);
}

TEST(Readers, CcaiBotIsNotTheAgent) {
  Read r = ReadFile("ccai.json");
  ASSERT_EQ(r.convs.size(), 1u) << Diags(r);
  const auto& t = r.convs[0].turns;
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].role, Role::kOther);
  EXPECT_EQ(t[1].role, Role::kCustomer);
  EXPECT_EQ(t[2].role, Role::kAgent);
  EXPECT_DOUBLE_EQ(*t[2].start, 9);
}

TEST(Readers, ZendeskExcludesAndCountsPrivateNotes) {
  Read r = ReadFile("zendesk.json");
  ASSERT_EQ(r.convs.size(), 1u) << Diags(r);
  const Conversation& c = r.convs[0];
  EXPECT_EQ(c.id, "5531");
  ASSERT_EQ(c.turns.size(), 2u);
  EXPECT_EQ(c.turns[0].speaker, "Ana");
  EXPECT_EQ(c.turns[0].role, Role::kCustomer);
  EXPECT_EQ(c.turns[1].role, Role::kAgent);
  EXPECT_EQ(c.turns[1].text,
            "Hi Ana,\nI'm sorry for the wait. I've issued the refund & you'll see it in 3 days.");
  ASSERT_EQ(r.diags.size(), 1u);
  EXPECT_NE(r.diags[0].message.find("1 private note(s) excluded"), std::string::npos);
}

// Numeric character references: digits only, and a value past U+10FFFF is
// U+FFFD, never wrapped around to another character (fuzz_html review).
TEST(Html, NumericEntitiesDoNotWrapOrTakeSigns) {
  EXPECT_EQ(DecodeEntities("&#65;&#x42;&#X43;"), "ABC");
  EXPECT_EQ(DecodeEntities("&#99999999;"), "\xEF\xBF\xBD");
  EXPECT_EQ(DecodeEntities("&#xFFFFFFF;"), "\xEF\xBF\xBD");
  EXPECT_EQ(DecodeEntities("&#-1;"), "&#-1;");
  EXPECT_EQ(DecodeEntities("&#x110000;"), "\xEF\xBF\xBD");
  EXPECT_EQ(DecodeEntities("&# 65;"), "&# 65;");
  EXPECT_EQ(DecodeEntities("&#+65;"), "&#+65;");
  EXPECT_EQ(DecodeEntities("&#x;"), "&#x;");
}

TEST(Readers, IntercomStripsHtmlAndSkipsNotes) {
  Read r = ReadFile("intercom.json");
  ASSERT_EQ(r.convs.size(), 1u) << Diags(r);
  const auto& t = r.convs[0].turns;
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].text, "Hi, the app crashes when I open it.");
  EXPECT_EQ(t[0].role, Role::kCustomer);
  EXPECT_EQ(t[1].text, "Hi Kim, sorry about that!\nWhich version do you have?");
  EXPECT_EQ(t[1].speaker, "Jo");
  EXPECT_DOUBLE_EQ(*t[1].start, 100);
  EXPECT_EQ(r.convs[0].channel, Channel::kChat);  // no source.type: the default
}

TEST(Readers, IntercomEmailIsAnEmailTicket) {
  Read r = ReadFile("intercom_email.json");
  ASSERT_EQ(r.convs.size(), 1u) << Diags(r);
  EXPECT_EQ(r.convs[0].channel, Channel::kEmail);
  EXPECT_TRUE(r.convs[0].channel_known);
  ASSERT_EQ(r.convs[0].turns.size(), 2u);
}

TEST(Readers, SniffingForStdinLikeInputs) {
  EXPECT_EQ(SniffFormat("WEBVTT\n\n00:00.000 --> 00:01.000\n"), "vtt");
  EXPECT_EQ(SniffFormat("{\"id\":1,\"turns\":[]}\n{\"id\":2}\n"), "jsonl");
  EXPECT_EQ(SniffFormat("{\n  \"id\": 1,\n"), "json");
  EXPECT_EQ(SniffFormat("[{\"id\":1}]"), "json");
  EXPECT_EQ(SniffFormat("1\n00:00:00,000 --> 00:00:01,000\nAgent: hi\n"), "srt");
  EXPECT_EQ(SniffFormat("Agent: hi\nCustomer: hello\n"), "text");
  EXPECT_EQ(FormatForPath("x/Y.JSONL"), "jsonl");
  EXPECT_EQ(FormatForPath("x/y.unknown"), "");
}

// The table is the one place formats are named: names, aliases and
// extensions lead to its rows, and the sniffers never claim one input twice.
TEST(Readers, FormatTable) {
  ASSERT_EQ(InputFormats().size(), InputFormatTable().size());
  EXPECT_EQ(InputFormatList(), "text, json, jsonl, csv, tsv, vtt, srt");
  for (const InputFormat& f : InputFormatTable()) {
    EXPECT_EQ(FindInputFormat(f.name), &f) << f.name;
    EXPECT_NE(f.read, nullptr) << f.name;
    EXPECT_FALSE(f.description.empty()) << f.name;
    for (std::string_view a : f.aliases) EXPECT_EQ(FindInputFormat(a), &f) << a;
    for (std::string_view e : f.extensions) {
      EXPECT_EQ(FormatForPath("a/b" + std::string(e)), f.name) << e;
      EXPECT_TRUE(IsWalkedInput("b" + std::string(e))) << e;
    }
    for (std::string_view e : f.named_extensions) {
      EXPECT_EQ(FormatForPath("b" + std::string(e)), f.name) << e;
      EXPECT_FALSE(IsWalkedInput("b" + std::string(e))) << e;
    }
  }
  EXPECT_EQ(FindInputFormat("yaml"), nullptr);
  EXPECT_EQ(FindInputFormat("ndjson")->name, "jsonl");
  EXPECT_EQ(FormatForPath("chat.LOG"), "text");
  EXPECT_FALSE(IsWalkedInput("chat.log"));
  for (const char* head : {"WEBVTT\n", "{\"a\":1}\n{\"b\":2}\n", "{\n\"a\": 1", "[1]",
                           "12\n00:00:01,000 --> 00:00:02,000\n", "Agent: hi"}) {
    int claims = 0;
    for (const InputFormat& f : InputFormatTable()) claims += f.sniff != nullptr && f.sniff(head);
    EXPECT_LE(claims, 1) << head;
  }
}

TEST(Readers, StripTagsAndEntities) {
  EXPECT_EQ(StripTags("<i>so</i> &amp; <b>on</b>"), "so & on");
  EXPECT_EQ(StripTags("a <unclosed b"), "a ");
  EXPECT_EQ(DecodeEntities("&#65;&#x42;&bogus;&amp"), "AB&bogus;&amp");
  EXPECT_EQ(HtmlToText("<p>one</p><p>two &lt;3</p>"), "one\ntwo <3");
}

// Reads `bytes` written to a temporary file named `name`.
Read ReadBytes(const std::string& name, const std::string& bytes, ReadOptions o = {}) {
  o.roles.vocabulary = run::BuiltinVocabulary().roles;
  const std::string path = ::testing::TempDir() + "/" + name;
  FILE* f = fopen(path.c_str(), "wb");
  fwrite(bytes.data(), 1, bytes.size(), f);
  fclose(f);
  Read r;
  r.ok = ReadInput(
      path, o, [&](Conversation&& c) { r.convs.push_back(std::move(c)); },
      [&](const Diagnostic& d) { r.diags.push_back(d); });
  return r;
}

// --csv-unsorted groups interleaved rows; a file whose conversations do not
// fit in the buffer is read again in passes (nothing dropped), and a single
// conversation bigger than the buffer is one counted error, not the file.
TEST(Readers, CsvUnsortedReadsInPassesWhenTheBufferIsFull) {
  std::string csv = "conversation_id,speaker,text\n";
  for (int row = 0; row < 6; ++row) {
    for (int id = 0; id < 20; ++id)
      csv += "c" + std::to_string(id) + ",Agent,turn " + std::to_string(row) + " of chat " +
             std::to_string(id) + " with some words\n";
  }
  ReadOptions o;
  o.csv_unsorted = true;
  Read all = ReadBytes("unsorted.csv", csv, o);
  ASSERT_EQ(all.convs.size(), 20u) << Diags(all);
  o.limits.max_buffered_bytes = 2000;  // about 20 turns of the 120
  Read passes = ReadBytes("unsorted.csv", csv, o);
  EXPECT_TRUE(passes.diags.empty()) << Diags(passes);
  ASSERT_EQ(passes.convs.size(), 20u);
  std::map<std::string, std::vector<std::string>> a, b;
  for (const auto& c : all.convs)
    for (const auto& t : c.turns) a[c.id].push_back(t.text);
  for (const auto& c : passes.convs)
    for (const auto& t : c.turns) b[c.id].push_back(t.text);
  EXPECT_EQ(a, b);  // the same conversations with the same turns, in another order
  // One conversation bigger than the buffer on its own.
  std::string big = "conversation_id,speaker,text\nsmall,Agent,hi\n";
  for (int row = 0; row < 40; ++row) big += "huge,Customer," + std::string(100, 'x') + "\n";
  big += "small2,Agent,bye\n";
  Read r = ReadBytes("big.csv", big, o);
  EXPECT_EQ(r.convs.size(), 2u) << Diags(r);
  ASSERT_EQ(r.diags.size(), 1u) << Diags(r);
  EXPECT_NE(
      Diags(r).find("conversation 'huge': not read: --csv-unsorted holds at most 2000 bytes and "
                    "this conversation alone is bigger"),
      std::string::npos)
      << Diags(r);
}

// A UTF-8 byte order mark is fine before any format; UTF-16, UTF-32 and
// carriage-return-only line ends are named in the error.
TEST(Readers, ByteOrderMarksAndForeignEncodings) {
  const std::string bom = "\xEF\xBB\xBF";
  const std::string conv =
      R"({"id":"a","turns":[{"speaker":"Agent","text":"Hello"},{"speaker":"Customer","text":"hi"}]})";
  for (const char* name : {"bom.jsonl", "bom.json"}) {
    Read r = ReadBytes(name, bom + conv + "\n");
    ASSERT_EQ(r.convs.size(), 1u) << name << ": " << Diags(r);
    EXPECT_EQ(r.convs[0].id, "a");
    EXPECT_TRUE(r.diags.empty()) << Diags(r);
  }
  Read r = ReadBytes("bom.csv", bom + "conversation_id,speaker,text\nq1,Agent,Hello\n");
  EXPECT_EQ(r.convs.size(), 1u) << Diags(r);
  const std::string u16(
      "\xFF\xFE"
      "A\0g\0e\0n\0t\0:\0 \0h\0i\0\n\0",
      20);
  r = ReadBytes("u16.txt", u16);
  EXPECT_TRUE(r.convs.empty());
  EXPECT_NE(
      Diags(r).find("u16.txt:1: error: the input is UTF-16 (it starts with a byte order mark)"),
      std::string::npos)
      << Diags(r);
  r = ReadBytes("u16.jsonl", u16.substr(2));  // no mark
  EXPECT_NE(Diags(r).find("UTF-16 or UTF-32 (every other byte is zero)"), std::string::npos)
      << Diags(r);
  r = ReadBytes("mac.txt", "Agent: hi\rCustomer: hello\rAgent: bye\r");
  EXPECT_NE(Diags(r).find("mac.txt:1: error: lines end with a carriage return alone"),
            std::string::npos)
      << Diags(r);
  EXPECT_EQ(ForeignEncoding("Agent: h\xC3\xA9llo\n"), nullptr);
  EXPECT_EQ(ForeignEncoding(bom + "Agent: hi\n"), nullptr);
}

// A stray quote costs only its own conversation: the rows it would have
// swallowed are read again, and the error names the conversation it is in.
TEST(Readers, CsvStrayQuoteCostsOneConversation) {
  Read r = ReadBytes("stray.csv",
                     "conversation_id,speaker,text\n"
                     "q1,Agent,Hello there\nq1,Customer,hi\n"
                     "q2,Agent,\"stray quote here\nq2,Customer,ok\n"
                     "q3,Agent,Hello\nq3,Customer,thanks\n"
                     "q4,Agent,Hi\n");
  ASSERT_EQ(r.convs.size(), 3u) << Diags(r);
  EXPECT_EQ(r.convs[0].id, "q1");
  EXPECT_EQ(r.convs[0].turns.size(), 2u);
  EXPECT_EQ(r.convs[1].id, "q3");
  EXPECT_EQ(r.convs[1].turns.size(), 2u);
  EXPECT_EQ(r.convs[2].id, "q4");
  ASSERT_EQ(r.diags.size(), 1u) << Diags(r);
  EXPECT_EQ(r.diags[0].line, 4);
  EXPECT_NE(Diags(r).find("conversation 'q2': unterminated quoted field (opened on line 4)"),
            std::string::npos)
      << Diags(r);
  // A quoted field over several lines is still one field.
  r = ReadBytes("multi.csv",
                "conversation_id,speaker,text\nq1,Agent,\"multi\nline \"\"quoted\"\"\"\n"
                "q2,Customer,hi\n");
  ASSERT_EQ(r.convs.size(), 2u) << Diags(r);
  EXPECT_EQ(r.convs[0].turns[0].text, "multi\nline \"quoted\"");
}

// A JSON array is read element by element: broken JSON inside one element
// loses that element only, and an array cut short keeps what came before
// and says so.
TEST(Readers, JsonArrayElementsAreParsedOneByOne) {
  Read r = ReadBytes("a.json",
                     "[\n"
                     R"({"id":"a","turns":[{"speaker":"Agent","text":"hi, [x] \"]"}]},)"
                     "\n"
                     R"({"id":"b","turns":[{"speaker":"Agent" "text":"hi"}]},)"
                     "\n"
                     R"({"id":"c","turns":[{"speaker":"Agent","text":"bye"}]})"
                     "\n]\n");
  ASSERT_EQ(r.convs.size(), 2u) << Diags(r);
  EXPECT_EQ(r.convs[0].turns[0].text, "hi, [x] \"]");
  EXPECT_EQ(r.convs[1].id, "c");
  EXPECT_EQ(r.convs[1].line, 4);
  EXPECT_NE(Diags(r).find("a.json:3: error: element 2: invalid JSON"), std::string::npos)
      << Diags(r);
  r = ReadBytes("cut.json",
                "[\n"
                R"({"id":"a","turns":[{"speaker":"Agent","text":"hi"}]},)"
                "\n"
                R"({"id":"b","turns":[{"speak)");
  ASSERT_EQ(r.convs.size(), 1u) << Diags(r);
  EXPECT_NE(Diags(r).find("cut.json:3: error: element 2: invalid JSON"), std::string::npos)
      << Diags(r);
  EXPECT_NE(Diags(r).find("cut.json:3: error: invalid JSON: the array does not end with ']' (2 "
                          "element(s) read before)"),
            std::string::npos)
      << Diags(r);
  r = ReadBytes("empty.json", " [ ] ");
  EXPECT_NE(Diags(r).find("empty.json:1: error: empty array: no conversations"), std::string::npos)
      << Diags(r);
  r = ReadBytes("gap.json", R"([{"id":"a","turns":[{"speaker":"Agent","text":"hi"}]},,1])");
  EXPECT_NE(Diags(r).find("element 2: invalid JSON: no value between commas"), std::string::npos)
      << Diags(r);
}

// In a JSON array on one line, an error names the element; a key given twice
// is an error, not a silent choice.
TEST(Readers, JsonArrayElementsAndDuplicateKeys) {
  Read r = ReadBytes("one-line.json", R"([{"id":"a","turns":[{"speaker":"Agent","text":"hi"}]},)"
                                      R"({"id":"b","turns":[{"speaker":"Agent"}]},)"
                                      R"({"id":"c","turns":[{"speaker":"Agent","text":"hi"}]}])");
  ASSERT_EQ(r.convs.size(), 2u) << Diags(r);
  EXPECT_NE(Diags(r).find("one-line.json:1: error: element 2: turn 1: expected \"text\""),
            std::string::npos)
      << Diags(r);
  r = ReadBytes("dup.jsonl", R"({"id":"a","turns":[{"speaker":"Agent","text":"hi","text":"bye"}]})"
                             "\n"
                             R"({"id":"b","id":"c","turns":[{"speaker":"Agent","text":"hi"}]})"
                             "\n");
  EXPECT_TRUE(r.convs.empty());
  EXPECT_NE(Diags(r).find("dup.jsonl:1: error: turn 1: duplicate key \"text\""), std::string::npos)
      << Diags(r);
  EXPECT_NE(Diags(r).find("dup.jsonl:2: error: duplicate key \"id\" in the conversation"),
            std::string::npos)
      << Diags(r);
}

}  // namespace
}  // namespace tact::input
