#include "report/json_writer.h"

#include <gtest/gtest.h>

#include <unicode/utf8.h>

#include <climits>
#include <cmath>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

namespace tact::report {
namespace {

TEST(Json, EscapesControlQuotesAndInvalidUtf8) {
  std::string out;
  AppendJsonString("a\"b\\c\n\x01 é \xff", &out);
  EXPECT_EQ(out, "\"a\\\"b\\\\c\\n\\u0001 é \\ufffd\"");
}

TEST(Json, PassesUtf8ThroughAndEscapesLineSeparators) {
  std::string out = "x";  // appends
  AppendJsonString("Привет, мир! ¿Qué tal? \u2028end\u2029\t\x7f\xd0", &out);
  EXPECT_EQ(out, "x\"Привет, мир! ¿Qué tal? \\u2028end\\u2029\\t\x7f\\ufffd\"");
  out.clear();
  AppendJsonString("", &out);
  EXPECT_EQ(out, "\"\"");
  out.clear();
  AppendJsonString("\xe2\x82", &out);  // a truncated sequence at the end
  EXPECT_EQ(out, "\"\\ufffd\"");
}

// A plain per-character escaper, the reference for the fast paths.
std::string ReferenceJsonString(const std::string& s) {
  std::string out = "\"";
  for (size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b == '"' || b == '\\') {
      out += '\\';
      out += static_cast<char>(b);
      ++i;
    } else if (b == '\n') {
      out += "\\n";
      ++i;
    } else if (b < 0x20) {
      char buf[8];
      snprintf(buf, sizeof buf, "\\u%04x", b);
      out += buf;
      ++i;
    } else if (b < 0x80) {
      out += static_cast<char>(b);
      ++i;
    } else if (s.compare(i, 3, "\u2028") == 0) {
      out += "\\u2028";
      i += 3;
    } else if (s.compare(i, 2, "é") == 0) {
      out += "é";
      i += 2;
    } else {  // the lone bytes below
      out += "\\ufffd";
      ++i;
    }
  }
  return out + "\"";
}

TEST(Json, EveryPositionOfEverySpecialCharacter) {
  const std::vector<std::string> pieces = {"a",  "Z",    " ", "~",      "\x7f", "\"",  "\\",
                                           "\n", "\x01", "é", "\u2028", "\xff", "\xc3"};
  std::mt19937 rng(5);
  for (int round = 0; round < 3000; ++round) {
    std::string s;
    const size_t n = rng() % 40;
    for (size_t k = 0; k < n; ++k) {
      // Mostly plain letters, so long plain runs occur.
      s += rng() % 4 != 0 ? pieces[rng() % 4] : pieces[rng() % pieces.size()];
    }
    std::string out;
    AppendJsonString(s, &out);
    ASSERT_EQ(out, ReferenceJsonString(s)) << "round " << round;
  }
}

// The escaper as it was before its fast paths: ICU decodes every non-ASCII
// character, and one in error is \ufffd for as many bytes as ICU takes.
std::string IcuReferenceJsonString(const std::string& str) {
  std::string out = "\"";
  const auto* p = reinterpret_cast<const uint8_t*>(str.data());
  const int32_t len = static_cast<int32_t>(str.size());
  for (int32_t i = 0; i < len;) {
    UChar32 c = p[i];
    const int32_t start = i;
    if (c >= 0x80) {
      U8_NEXT(p, i, len, c);
    } else {
      ++i;
    }
    char buf[16];
    if (c < 0) {
      out += "\\ufffd";
    } else if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n' || c == '\r' || c == '\t' || c == '\b' || c == '\f') {
      out += '\\';
      out += "nrtbf"[std::string_view("\n\r\t\b\f").find(static_cast<char>(c))];
    } else if (c < 0x20 || c == 0x2028 || c == 0x2029) {
      snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
      out += buf;
    } else {
      out.append(str, static_cast<size_t>(start), static_cast<size_t>(i - start));
    }
  }
  return out + "\"";
}

std::string Escaped(const std::string& s) {
  std::string out;
  AppendJsonString(s, &out);
  return out;
}

TEST(Json, EscapesEveryControlCharacter) {
  for (int c = 0; c < 0x20; ++c) {
    const std::string s(1, static_cast<char>(c));
    EXPECT_EQ(Escaped(s), IcuReferenceJsonString(s)) << c;
    // At every position of a text long enough for the 16-byte scan and its tail.
    for (size_t at = 0; at < 40; at += 3) {
      std::string t(40, 'x');
      t[at] = static_cast<char>(c);
      ASSERT_EQ(Escaped(t), IcuReferenceJsonString(t)) << c << " at " << at;
    }
  }
  EXPECT_EQ(Escaped("\x1f\x7f"), "\"\\u001f\x7f\"");  // DEL is printable for JSON
}

// Every two-byte string, and every three-byte one led by E0..F4 (all the
// overlong, surrogate, too-large and truncated forms), alone and after a
// 17-byte plain run (the 16-byte scan, then the tail), as ICU reads them.
TEST(Json, EveryShortByteSequenceAsIcuReadsIt) {
  const std::string pad = "0123456789abcdefg";
  for (int a = 0; a < 256; ++a) {
    for (int b = 0; b < 256; ++b) {
      const std::string s = {static_cast<char>(a), static_cast<char>(b)};
      ASSERT_EQ(Escaped(s), IcuReferenceJsonString(s)) << a << " " << b;
      ASSERT_EQ(Escaped(pad + s), IcuReferenceJsonString(pad + s)) << a << " " << b;
      if (a < 0xE0 || a > 0xF4) continue;
      for (int c = 0; c < 256; ++c) {
        const std::string t = s + static_cast<char>(c);
        ASSERT_EQ(Escaped(t), IcuReferenceJsonString(t)) << a << " " << b << " " << c;
      }
    }
  }
}

TEST(Json, LineSeparatorsEscapedTheirNeighboursCopied) {
  EXPECT_EQ(Escaped("a\u2028b\u2029c"), "\"a\\u2028b\\u2029c\"");
  EXPECT_EQ(Escaped("\u2027\u202a\u2029"), "\"\u2027\u202a\\u2029\"");         // E2 80 A7, AA
  EXPECT_EQ(Escaped("\xe2\x80"), "\"\\ufffd\"");                               // truncated
  EXPECT_EQ(Escaped("\xed\xa0\x80"), IcuReferenceJsonString("\xed\xa0\x80"));  // a surrogate
  EXPECT_EQ(Escaped("😀 ok"), "\"😀 ok\"");
  EXPECT_EQ(Escaped("\xf4\x90\x80\x80"), IcuReferenceJsonString("\xf4\x90\x80\x80"));  // > U+10FFFF
}

// Long texts in Cyrillic, Norwegian and Spanish with every kind of special
// character scattered in runs of every length, against the reference.
TEST(Json, LongMixedRunsMatchTheReference) {
  const std::vector<std::string> pieces = {"Привет, мир! ",
                                           "blåbærsyltetøy ",
                                           "¿Qué tal? ",
                                           "plain ascii text ",
                                           "\"",
                                           "\\",
                                           "\n",
                                           "\t",
                                           "\x01",
                                           "\u2028",
                                           "\u2029",
                                           "😀",
                                           "\xff",
                                           "\xc3",
                                           "\xe2\x80",
                                           "\xed\xa0\x80",
                                           "\xc0\x80",
                                           "\xf0\x8f\xbf\xbf",
                                           "x",
                                           "\x7f"};
  std::mt19937 rng(11);
  for (int round = 0; round < 2000; ++round) {
    std::string s;
    const size_t n = rng() % 60;
    for (size_t k = 0; k < n; ++k) s += pieces[rng() % 4 != 0 ? rng() % 4 : rng() % pieces.size()];
    ASSERT_EQ(Escaped(s), IcuReferenceJsonString(s)) << "round " << round;
  }
  const std::string long_run(1000, 'a');
  EXPECT_EQ(Escaped(long_run + "\"" + long_run), "\"" + long_run + "\\\"" + long_run + "\"");
}

TEST(Json, KeysPlainOrEscaped) {
  auto key = [](std::string_view k) {
    std::string out;
    JsonWriter(&out).BeginObject().Key(k).Int(1).EndObject();
    return out;
  };
  EXPECT_EQ(key("turn"), "{\"turn\":1}");
  EXPECT_EQ(key(""), "{\"\":1}");
  EXPECT_EQ(key("a\"b"), "{\"a\\\"b\":1}");
  EXPECT_EQ(key("a\\b\n"), "{\"a\\\\b\\n\":1}");
  EXPECT_EQ(key("språk\u2028"), "{\"språk\\u2028\":1}");
  for (size_t n = 50; n < 70; ++n) {  // short keys take a path of their own
    const std::string k(n, 'k');
    EXPECT_EQ(key(k), "{\"" + k + "\":1}");
    EXPECT_EQ(key(k + "\""), "{\"" + k + "\\\"\":1}");
  }
  // Commas between keys, after an object or array value and after a key's escape.
  std::string out;
  JsonWriter(&out)
      .BeginObject()
      .Key("a")
      .BeginArray()
      .EndArray()
      .Key(std::string_view("b\""))
      .BeginObject()
      .EndObject()
      .Key("c")
      .Null()
      .EndObject();
  EXPECT_EQ(out, "{\"a\":[],\"b\\\"\":{},\"c\":null}");
}

// Numbers print as printf's "%.0f" (integers) and "%.6g" (the rest) did.
TEST(Json, NumbersAsPrintf) {
  const double values[] = {0.0,       -0.0,  1.0,    -3.0,   42.0,      1e14 + 1, 999999999999999.0,
                           1e15,      -1e15, 1e16,   0.5,    -0.25,     1.0 / 3,  123456.7,
                           1234567.5, 1e-5,  1.5e-7, 2.5e21, 0.1 + 0.2, 99.99995, 0.000123456789};
  for (double v : values) {
    std::string out;
    JsonWriter(&out).Number(v);
    char buf[64];
    if (v == std::floor(v) && std::fabs(v) < 1e15) {
      snprintf(buf, sizeof buf, "%.0f", v);
    } else {
      snprintf(buf, sizeof buf, "%.6g", v);
    }
    EXPECT_EQ(out, buf) << v;
  }
}

// Every decimal with three places (and with one) below 1000, as a
// report's rounded values are, prints as "%.6g" does; so do neighbours
// that are not such a decimal.
TEST(Json, RoundedNumbersAsPrintf) {
  auto check = [](double v) {
    std::string out;
    JsonWriter(&out).Number(v);
    char buf[64];
    snprintf(buf, sizeof buf, v == std::floor(v) ? "%.0f" : "%.6g", v);
    return out == buf;
  };
  for (long long m = -1000000; m <= 1000000; ++m) {
    ASSERT_TRUE(check(static_cast<double>(m) / 1000)) << m;
    if (m % 100 == 0) {
      ASSERT_TRUE(check(static_cast<double>(m / 100) / 10)) << m;
    }
  }
  for (double v :
       {0.0004999, 0.0005, 0.00049999999999, 999.9995, 999.99949, -999.9996, 1000.5, 0.1 + 0.2,
        1.0 / 3, -2.0 / 3, 12.3456789, std::nextafter(0.5, 1.0), std::nextafter(-0.125, 0.0)})
    EXPECT_TRUE(check(v)) << v;
  std::mt19937_64 rng(3);
  std::uniform_real_distribution<double> any(-2000, 2000);
  for (int k = 0; k < 100000; ++k) ASSERT_TRUE(check(any(rng)));
}

TEST(Json, IntegersAtTheirLimits) {
  std::string out;
  JsonWriter(&out)
      .BeginArray()
      .Int(LLONG_MIN)
      .Int(LLONG_MAX)
      .Uint(ULLONG_MAX)
      .Int(0)
      .Uint(0)
      .EndArray();
  EXPECT_EQ(out, "[-9223372036854775808,9223372036854775807,18446744073709551615,0,0]");
}

// Containers nested deeper than any report, and values at the top level
// (no comma between them, as before).
TEST(Json, DeepNestingAndTopLevelValues) {
  std::string out, expected;
  JsonWriter w(&out);
  for (int d = 0; d < 100; ++d) {
    w.BeginArray().Int(d);
    expected += "[" + std::to_string(d) + ",";
  }
  for (int d = 0; d < 100; ++d) {
    w.EndArray();
    expected += "]";
  }
  expected.erase(expected.rfind(','), 1);  // the innermost array holds one value
  w.Int(7).Null();
  EXPECT_EQ(out, expected + "7null");
}

TEST(Json, WriterSeparatesMembers) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject()
      .Key("a")
      .Int(1)
      .Key("b")
      .BeginArray()
      .Number(1.5)
      .Null()
      .Bool(true)
      .EndArray()
      .Key("c")
      .String("x")
      .EndObject();
  EXPECT_EQ(out, "{\"a\":1,\"b\":[1.5,null,true],\"c\":\"x\"}");
}

TEST(Json, AgainRepeatsAWrittenValueWithItsSeparator) {
  std::string out;
  JsonWriter w(&out);
  JsonWriter::Span at;
  w.BeginArray().String("a\"b\n", &at).Int(1).Again(at).EndArray();
  EXPECT_EQ(out, "[\"a\\\"b\\n\",1,\"a\\\"b\\n\"]");
  EXPECT_EQ(out.substr(at.begin, at.end - at.begin), "\"a\\\"b\\n\"");
  // Growing the output while copying part of it keeps the copied bytes.
  for (int i = 0; i < 20; ++i) w.Again(at);
  EXPECT_EQ(out.size(), 21 + 20 * 8u);  // at the top level: no commas
  EXPECT_EQ(out.substr(out.size() - 8), "\"a\\\"b\\n\"");
}

// Name() writes what String() writes, for every enum name a report writes
// with it (each needs no escaping), and falls back to String() past 62 bytes.
TEST(Json, NamesAsStrings) {
  std::vector<std::string_view> names;
  for (auto k : {BehaviourKind::kExpected, BehaviourKind::kAvoid, BehaviourKind::kSignal})
    names.push_back(KindName(k));
  for (int s = 0; s <= static_cast<int>(Status::kAbsent); ++s)
    names.push_back(StatusName(static_cast<Status>(s)));
  for (auto l : {Level::kError, Level::kWarning, Level::kInfo}) names.push_back(LevelName(l));
  for (auto r : {Role::kAgent, Role::kCustomer, Role::kOther}) names.push_back(RoleName(r));
  for (auto c : {Channel::kChat, Channel::kCall, Channel::kEmail}) names.push_back(ChannelName(c));
  for (int s = 0; s <= static_cast<int>(RoleSource::kUnknown); ++s)
    names.push_back(RoleSourceName(static_cast<RoleSource>(s)));
  const std::string long_name(70, 'x');
  names.push_back(long_name);
  names.push_back(std::string_view(long_name).substr(0, 62));
  for (std::string_view n : names) {
    std::string a, b;
    JsonWriter(&a).BeginArray().String(n).String(n).EndArray();
    JsonWriter(&b).BeginArray().Name(n).Name(n).EndArray();
    EXPECT_EQ(a, b) << n;
    EXPECT_EQ(a.find('\\'), std::string::npos) << n;
  }
}

ConversationResult Sample() {
  ConversationResult r;
  r.id = "c1";
  r.source = "chat.txt";
  r.input_format = "text";
  r.language = "en";
  r.language_confidence = 0.98765;
  r.language_method = "detected";
  r.turn_count = 2;
  r.score = 66.66666;
  r.speakers = {{"Agent", Role::kAgent, RoleSource::kRoleWord}};
  BehaviourResult b;
  b.id = "apology";
  b.kind = BehaviourKind::kExpected;
  b.status = Status::kMissed;
  b.title = "Apologizes";
  b.tip = "Say sorry.";
  b.tip_en = "Say sorry.";
  b.trigger = "fault_report";
  b.episodes = {{1, false, 0}};
  r.behaviours.push_back(b);
  BehaviourResult v;
  v.id = "blame";
  v.kind = BehaviourKind::kAvoid;
  v.status = Status::kViolated;
  v.level = Level::kError;
  v.title = "Blames";
  Evidence e;
  e.turn = 2;
  e.role = Role::kAgent;
  e.speaker = "Agent";
  e.time = 12.5;
  e.text = "It's your fault.";
  e.span_begin = 5;
  e.span_end = 15;
  e.rule = "rules/en/blame.rules:7";
  v.evidence.push_back(e);
  r.behaviours.push_back(v);
  return r;
}

TEST(JsonReport, ConversationObjectFollowsTheSchema) {
  std::string out;
  JsonWriter w(&out);
  WriteConversationJson(Sample(), &w);
  EXPECT_EQ(
      out,
      "{\"id\":\"c1\",\"source\":\"chat.txt\",\"input_format\":\"text\",\"language\":\"en\","
      "\"language_confidence\":0.988,\"language_method\":\"detected\",\"channel\":\"chat\","
      "\"agent\":null,"
      "\"turn_count\":2,\"speakers\":[{\"name\":\"Agent\",\"role\":\"agent\",\"by\":\"role_word\"}]"
      ","
      "\"score\":66.7,\"score_breakdown\":null,\"behaviours\":["
      "{\"id\":\"apology\",\"kind\":\"expected\",\"status\":\"missed\",\"title\":\"Apologizes\","
      "\"trigger\":\"fault_report\",\"episodes\":[{\"turn\":1,\"answered\":false,\"answer_turn\":"
      "null}],"
      "\"evidence\":[],\"tip\":\"Say sorry.\",\"tip_en\":\"Say sorry.\"},"
      "{\"id\":\"blame\",\"kind\":\"avoid\",\"status\":\"violated\",\"title\":\"Blames\","
      "\"severity\":\"error\","
      "\"evidence\":[{\"turn\":2,\"speaker\":\"Agent\",\"role\":\"agent\",\"time\":12.5,\"text\":"
      "\"It's your fault.\","
      "\"span\":[5,15],\"match\":\"your "
      "fault\",\"rule\":\"rules/en/blame.rules:7\"}],\"tip\":\"\",\"tip_en\":\"\"}],"
      "\"metrics\":{},\"warnings\":[]}");
}

// A turn cited by several behaviours is written once and copied after; a
// citation whose text differs (redacted otherwise, say) is written as it is.
TEST(JsonReport, EvidenceOfTheSameTurnIsWrittenAlikeOrAsItIs) {
  ConversationResult r = Sample();
  BehaviourResult more = r.behaviours[1];
  more.id = "jargon";
  Evidence other = more.evidence[0];
  other.text = "It's \"your\" fault.";
  other.span_begin = other.span_end = 0;
  more.evidence.push_back(other);
  more.evidence.push_back(r.behaviours[1].evidence[0]);
  r.behaviours.push_back(more);
  std::string out;
  JsonWriter w(&out);
  WriteConversationJson(r, &w);
  auto count = [&](const std::string& needle) {
    size_t n = 0;
    for (size_t at = out.find(needle); at != std::string::npos; at = out.find(needle, at + 1)) ++n;
    return n;
  };
  EXPECT_EQ(count("\"text\":\"It's your fault.\","), 3u) << out;
  EXPECT_EQ(count("\"text\":\"It's \\\"your\\\" fault.\","), 1u) << out;
}

TEST(JsonReport, DocumentAndLines) {
  WriterOptions o;
  o.version = "9.9";
  JsonReportWriter doc(o, false);
  std::string out;
  doc.Begin(&out);
  doc.Conversation(Sample(), &out);
  doc.Conversation(Sample(), &out);
  doc.End({1, 2, 2, 0}, {{"violated>0", 2, true}}, nullptr, &out);
  EXPECT_EQ(
      out.rfind("{\"tool\":{\"name\":\"tact\",\"version\":\"9.9\"},\"conversations\":[\n{", 0), 0u);
  EXPECT_NE(out.find("}\n],\"totals\":{\"inputs\":1,\"read\":2,\"analyzed\":2,\"skipped\":0},"
                     "\"checks\":[{\"expression\":\"violated>0\",\"value\":2,\"failed\":true}]}\n"),
            std::string::npos);
  JsonReportWriter na(o, false);
  std::string n;
  na.Begin(&n);
  na.End({1, 1, 1, 0}, {{"rate:empathy<0.8", 0, false, "never applied"}}, nullptr, &n);
  EXPECT_NE(n.find("\"checks\":[{\"expression\":\"rate:empathy<0.8\",\"value\":null,"
                   "\"failed\":false,\"na\":\"never applied\"}]"),
            std::string::npos)
      << n;
  JsonReportWriter lines(o, true);
  std::string l;
  lines.Begin(&l);
  lines.Conversation(Sample(), &l);
  lines.End({}, {}, nullptr, &l);
  EXPECT_EQ(std::count(l.begin(), l.end(), '\n'), 1);
  EXPECT_EQ(l.front(), '{');
}

TEST(JsonReport, EmptyRunIsValid) {
  JsonReportWriter doc({}, false);
  std::string out;
  doc.Begin(&out);
  doc.End({}, {}, nullptr, &out);
  EXPECT_NE(out.find("\"conversations\":[\n],\"totals\""), std::string::npos);
}

}  // namespace
}  // namespace tact::report

namespace tact::report {
namespace {

TEST(JsonReport, ScoreBreakdownSaysWhatEachItemCost) {
  ConversationResult r = Sample();
  r.score = 0;
  r.score_breakdown.scored = true;
  r.score_breakdown.scorecard = "default";
  r.score_breakdown.met = 0;
  r.score_breakdown.applicable = 1;
  r.score_breakdown.applicable_weight = 1;
  r.score_breakdown.base = 0;
  r.score_breakdown.missed = {{"apology", 100}};
  r.score_breakdown.critical = {"blame"};
  std::string out;
  JsonWriter w(&out);
  WriteConversationJson(r, &w);
  EXPECT_NE(out.find("\"score\":0,\"score_breakdown\":{\"scorecard\":\"default\","
                     "\"explain\":\"0 = failed: blame is critical\",\"met\":0,\"applicable\":1,"
                     "\"met_weight\":0,\"applicable_weight\":1,\"base\":0,"
                     "\"missed\":[{\"id\":\"apology\",\"points\":100}],\"penalties\":[],"
                     "\"critical\":[\"blame\"]},"),
            std::string::npos)
      << out;
}

}  // namespace
}  // namespace tact::report

namespace tact::report {
namespace {

// The writer gathers small pieces before appending them: a document far
// longer than what it gathers (keys short and long, plain and escaped
// strings of every length around the short-string limit) comes out as the
// pieces written one by one, and the output is whole after each value at
// the top level.
TEST(Json, GatheredPiecesComeOutInOrder) {
  std::string out, expected = "[";
  {
    JsonWriter w(&out);
    w.BeginArray();
    for (int i = 0; i < 400; ++i) {
      const std::string s(static_cast<size_t>(i % 80), i % 3 == 0 ? 'a' : '\xc3');
      const std::string text = i % 3 == 2 ? s + "\"" : s;
      w.BeginObject()
          .Key("k")
          .Int(i)
          .Key("a_key_of_forty_bytes_written_past_32___")
          .String(text)
          .Key("n")
          .Number(i / 8.0)
          .Key("e")
          .Name("met")
          .EndObject();
      std::string escaped;
      AppendJsonString(text, &escaped);
      char num[32];
      snprintf(num, sizeof num, i % 8 == 0 ? "%.0f" : "%.6g", i / 8.0);
      expected += std::string(i == 0 ? "" : ",") + "{\"k\":" + std::to_string(i) +
                  ",\"a_key_of_forty_bytes_written_past_32___\":" + escaped + ",\"n\":" + num +
                  ",\"e\":\"met\"}";
    }
    w.EndArray();
    expected += "]";
    EXPECT_EQ(out, expected);
    w.Int(5);
    EXPECT_EQ(out, expected + "5");
    w.BeginObject().Key("x");
  }
  EXPECT_EQ(out, expected + "5{\"x\":");  // the rest when the writer goes
}

}  // namespace
}  // namespace tact::report
