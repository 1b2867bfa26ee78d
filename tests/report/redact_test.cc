#include "report/redact.h"

#include <gtest/gtest.h>

#include "run/vocabulary.h"

namespace tact::report {
namespace {

// The built-in packs' cue words, as a check redacts with.
const PiiCues& Cues() { return run::BuiltinVocabulary().pii; }

std::string R(const std::string& s) { return Redactor(Cues()).Redact(s); }

// The cue words decide what a number is; without them only its form does.
TEST(Redact, CueWordsComeFromTheCuesGiven) {
  const std::string order = "order 41234567";    // a Norwegian mobile's form after an id word
  const std::string kundnr = "kundnr 12345678";  // no cue in any pack
  EXPECT_EQ(R(order), order);
  EXPECT_EQ(Redactor({}).Redact(order), "order [PHONE]");
  EXPECT_EQ(R(kundnr), kundnr);
  const PiiCues extra = {{PiiCueKind::kPhone, "kundnr", false, false}};
  EXPECT_EQ(Redactor(extra).Redact(kundnr), "kundnr [PHONE]");
  const PiiCues money_after = {{PiiCueKind::kMoneyAfter, "lei", true, false}};
  EXPECT_EQ(Redactor({}).Redact("4123 4567 lei"), "[PHONE] lei");
  EXPECT_EQ(Redactor(money_after).Redact("4123 4567 lei"), "4123 4567 lei");
  EXPECT_EQ(Redactor(money_after).Redact("4123 4567 leite"), "[PHONE] leite");
}

TEST(Redact, Emails) {
  EXPECT_EQ(R("write to john.doe+x@mail.example.co.uk now"), "write to [EMAIL] now");
  EXPECT_EQ(R("escriba a ana_1980@correo.es, gracias"), "escriba a [EMAIL], gracias");
  EXPECT_EQ(R("user@localhost is not an address"), "user@localhost is not an address");
  EXPECT_EQ(R("follow @support on X"), "follow @support on X");
}

TEST(Redact, PhonesInFiveCountries) {
  EXPECT_EQ(R("call me at (555) 123-4567"), "call me at [PHONE]");          // US
  EXPECT_EQ(R("my mobile is 07700 900123"), "my mobile is [PHONE]");        // UK
  EXPECT_EQ(R("+44 20 7946 0958 is the office"), "[PHONE] is the office");  // international
  EXPECT_EQ(R("mi móvil es 612 345 678"), "mi móvil es [PHONE]");           // ES
  EXPECT_EQ(R("llámeme al +34 612 34 56 78"), "llámeme al [PHONE]");
  EXPECT_EQ(R("ring meg på 412 34 567"), "ring meg på [PHONE]");  // NO, 8 digits
  EXPECT_EQ(R("nummeret er +47 41234567"), "nummeret er [PHONE]");
  EXPECT_EQ(R("ring mig på 070-123 45 67"), "ring mig på [PHONE]");  // SE
  EXPECT_EQ(R("mitt nummer 08-123 456 78"), "mitt nummer [PHONE]");
  EXPECT_EQ(R("мой телефон +7 (912) 345-67-89"), "мой телефон [PHONE]");  // RU
  EXPECT_EQ(R("Телефон 89123456789, звоните"), "Телефон [PHONE], звоните");
}

TEST(Redact, CardsAndIbans) {
  EXPECT_EQ(R("card 4111 1111 1111 1111 expired"), "card [CARD] expired");
  EXPECT_EQ(R("kort 5555-5555-5555-4444"), "kort [CARD]");
  EXPECT_EQ(R("IBAN ES91 2100 0418 4502 0005 1332 por favor"), "IBAN [IBAN] por favor");
  EXPECT_EQ(R("kontonummer NO9386011117947."), "kontonummer [IBAN].");
  EXPECT_EQ(R("SE4550000000058398257466"), "[IBAN]");
  EXPECT_EQ(R("GB82 WEST 1234 5698 7654 32"), "[IBAN]");
  EXPECT_TRUE(LuhnValid("4111111111111111"));
  EXPECT_FALSE(LuhnValid("4111111111111112"));
  EXPECT_TRUE(IbanValid("DE89370400440532013000"));
  EXPECT_FALSE(IbanValid("DE89370400440532013001"));
}

TEST(Redact, LookAlikesStay) {
  for (const char* s : {
           "your order #48151623 shipped",       // order number
           "Order 1234567890123 is on its way",  // 13 digits, fails Luhn, order context
           "pedido número 99887766 enviado",
           "заказ № 12345678 доставлен",
           "ärende 20240512 är stängt",
           "on 2024-05-12 at 10:30",  // date and time
           "el 12.05.2024",
           "version 10.2.3.4 fixes it",
           "it costs 1 299 000 kr",  // amount with space separators
           "beløpet er 12 345 678 kr",
           "сумма 12 345 678 руб",
           "card ending in 4242",                // only the last digits
           "4111 1111 1111 1112 is not a card",  // fails Luhn, no phone shape
           "ES91 2100 0418 4502 0005 1333",      // IBAN with a bad checksum
           "firmware 2.4.17 build 20240101",
       }) {
    EXPECT_EQ(R(s), s) << s;
  }
}

TEST(Redact, SpansFollowTheWords) {
  Redactor r(Cues());
  std::string text = "Mail me at a@b.com, I'm sorry";
  size_t b = text.find("sorry"), e = b + 5;
  std::string out = r.Redact(text, &b, &e);
  EXPECT_EQ(out, "Mail me at [EMAIL], I'm sorry");
  EXPECT_EQ(out.substr(b, e - b), "sorry");
  // A span covering PII covers its placeholder.
  text = "my number is +47 41234567 ok";
  b = text.find("+47");
  e = text.size() - 3;
  out = r.Redact(text, &b, &e);
  EXPECT_EQ(out.substr(b, e - b), "[PHONE]");
}

TEST(Redact, ExtraPatterns) {
  Redactor r(Cues());
  std::string err;
  ASSERT_TRUE(r.AddPattern("customer=CUST-\\d{5}", &err)) << err;
  EXPECT_EQ(r.Redact("ref CUST-12345 here"), "ref [CUSTOMER] here");
  EXPECT_FALSE(r.AddPattern("nope", &err));
  EXPECT_FALSE(r.AddPattern("X=(", &err));
}

TEST(Redact, ResultEvidence) {
  ConversationResult res;
  BehaviourResult b;
  Evidence e;
  e.text = "Call 612 345 678, I'll fix it";
  e.span_begin = e.text.find("I'll");
  e.span_end = e.text.size();
  b.evidence = {e};
  res.behaviours = {b};
  Redactor(Cues()).RedactResult(&res);
  const Evidence& x = res.behaviours[0].evidence[0];
  EXPECT_EQ(x.text, "Call [PHONE], I'll fix it");
  EXPECT_EQ(x.text.substr(x.span_begin, x.span_end - x.span_begin), "I'll fix it");
}

// Each evidence item quoting the same turn gets the same redacted text, its
// own span moved as a fresh Redact() moves it, whichever item comes first;
// the customer's name goes in every one, and a text without PII stays.
TEST(Redact, RepeatedQuotesOfATurnEachRedacted) {
  ConversationResult res;
  res.speakers = {{"Ana Garcia", Role::kCustomer, RoleSource::kFormatField},
                  {"Agent", Role::kAgent, RoleSource::kRoleWord}};
  const std::string turn = "Ana, call 612 345 678 or mail ana@example.com, sorry for that";
  const std::string clean = "Sorry for the wait";
  auto quote = [](const std::string& text, std::string_view words) {
    Evidence e;
    e.text = text;
    e.speaker = "Ana Garcia";
    e.span_begin = text.find(words);
    e.span_end = e.span_begin + words.size();
    return e;
  };
  BehaviourResult a, b;
  a.evidence = {quote(turn, "sorry"), quote(clean, "Sorry")};
  b.evidence = {quote(turn, "612 345"), quote(turn, "Ana"), quote(turn, "sorry")};
  res.behaviours = {a, b};
  Redactor(Cues()).RedactResult(&res);
  const std::string redacted = "[NAME], call [PHONE] or mail [EMAIL], sorry for that";
  auto shown = [](const Evidence& e) {
    return e.text.substr(e.span_begin, e.span_end - e.span_begin);
  };
  for (const auto& e : {res.behaviours[0].evidence[0], res.behaviours[1].evidence[2]}) {
    EXPECT_EQ(e.text, redacted);
    EXPECT_EQ(shown(e), "sorry");
    EXPECT_EQ(e.speaker, "[NAME]");
  }
  EXPECT_EQ(shown(res.behaviours[1].evidence[0]), "[PHONE]");
  EXPECT_EQ(shown(res.behaviours[1].evidence[1]), "[NAME]");
  EXPECT_EQ(res.behaviours[0].evidence[1].text, clean);
  EXPECT_EQ(shown(res.behaviours[0].evidence[1]), "Sorry");
  EXPECT_EQ(res.speakers[0].name, "[NAME]");
  EXPECT_EQ(res.speakers[1].name, "Agent");
}

// Quotes are remembered by turn number: a quote of the same turn number with
// another text (a result put together by hand) is still searched, and a
// turn with PII is redacted in every quote of it, a clean one kept.
TEST(Redact, QuotesByTurnNumberComparedInFull) {
  ConversationResult res;
  auto quote = [](int turn, const std::string& text, const std::string& speaker) {
    Evidence e;
    e.turn = turn;
    e.text = text;
    e.speaker = speaker;
    e.span_begin = 0;
    e.span_end = 4;
    return e;
  };
  const std::string clean = "Sure, I can help with that";
  const std::string pii = "Mail me at ana@example.com please";
  BehaviourResult a, b;
  a.evidence = {quote(1, clean, "Agent"), quote(2, pii, "Ana"), quote(3, clean, "bob@example.com")};
  b.evidence = {quote(1, clean, "Agent"), quote(2, pii, "Ana"), quote(1, pii, "Agent"),
                quote(3, clean, "bob@example.com")};
  res.behaviours = {a, b};
  Redactor(Cues()).RedactResult(&res);
  const std::string redacted = "Mail me at [EMAIL] please";
  for (const auto& x : res.behaviours) {
    EXPECT_EQ(x.evidence[0].text, clean);
    EXPECT_EQ(x.evidence[1].text, redacted);
    EXPECT_EQ(x.evidence[1].speaker, "Ana");
  }
  EXPECT_EQ(res.behaviours[0].evidence[2].speaker, "[EMAIL]");
  EXPECT_EQ(res.behaviours[1].evidence[2].text, redacted);  // turn 1 again, another text
  EXPECT_EQ(res.behaviours[1].evidence[3].speaker, "[EMAIL]");
  EXPECT_EQ(res.behaviours[1].evidence[3].text, clean);
}

// The detectors run only where a first pass over the bytes (sixteen at a
// time) saw a digit or the anchor of a spoken address: each at every offset
// from a 16-byte boundary, in upper and lower case, is still found.
TEST(Redact, CandidatesFoundAtEveryOffset) {
  Redactor r(Cues());
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"call 612 345 678", "call [PHONE]"},           {"john dot doe at gmail dot com", "[EMAIL]"},
      {"JOHN DOT DOE AT GMAIL DOT COM", "[EMAIL]"},   {"juan arroba gmail punto com", "[EMAIL]"},
      {"ola krøllalfa online punktum no", "[EMAIL]"}, {"ivan собака mail точка ru", "[EMAIL]"},
      {"john [at] gmail [dot] com", "[EMAIL]"},       {"mail john @ gmail.com", "mail [EMAIL]"},
  };
  for (const auto& [pii, redacted] : cases) {
    for (size_t pad = 0; pad < 40; ++pad) {
      const std::string before(pad, 'x');
      EXPECT_EQ(r.Redact(before + " " + pii + " ok"), before + " " + redacted + " ok")
          << pii << " after " << pad;
    }
  }
}

// --summary prints a result's id, source, agent and the quote of each missed
// or violated behaviour's first evidence: those are redacted, the rest (never
// printed) is left as it is.
TEST(Redact, ForSummaryRedactsWhatASummaryPrints) {
  ConversationResult res;
  res.id = "chat with ana@example.com";
  res.source = "ana@example.com.jsonl:3";
  res.agent = "bo@example.com";
  BehaviourResult violated, met;
  violated.status = Status::kViolated;
  met.status = Status::kMet;
  Evidence e;
  e.text = "Your fault, 612 345 678 is wrong";
  e.span_begin = 0;
  e.span_end = e.text.size();
  violated.evidence = {e, e};
  met.evidence = {e};
  res.behaviours = {violated, met};
  Redactor(Cues()).RedactForSummary(&res);
  EXPECT_EQ(res.id, "chat with [EMAIL]");
  EXPECT_EQ(res.source, "[EMAIL].jsonl:3");
  EXPECT_EQ(res.agent, "[EMAIL]");
  const Evidence& x = res.behaviours[0].evidence[0];
  EXPECT_EQ(x.text.substr(x.span_begin, x.span_end - x.span_begin), "Your fault, [PHONE] is wrong");
  EXPECT_EQ(res.behaviours[0].evidence[1].text, e.text);  // not the worst quote: not printed
  EXPECT_EQ(res.behaviours[1].evidence[0].text, e.text);  // met: not printed
}

}  // namespace
}  // namespace tact::report

namespace tact::report {
namespace {

TEST(Redact, TheClosestCueDecides) {
  EXPECT_EQ(R("cambié de número; el nuevo es el 625451349. Me estoy"),
            "cambié de número; el nuevo es el [PHONE]. Me estoy");
  EXPECT_EQ(R("pedido 123, teléfono 612345678"), "pedido 123, teléfono [PHONE]");
  EXPECT_EQ(R("my number is 5551234567, order 12345678"), "my number is [PHONE], order 12345678");
  EXPECT_EQ(R("номер заказа 12345678"), "номер заказа 12345678");
}

}  // namespace
}  // namespace tact::report

namespace tact::report {
namespace {

// Defect 1: non-ASCII local parts and IDN domains.
TEST(RedactDefects, NonAsciiEmails) {
  EXPECT_EQ(R("escríbeme a josé.garcía@correo.es"), "escríbeme a [EMAIL]");
  EXPECT_EQ(R("anna@müller.de is my address"), "[EMAIL] is my address");
  EXPECT_EQ(R("почта иван.петров@почта.рф, спасибо"), "почта [EMAIL], спасибо");
  EXPECT_EQ(R("«åsa.öberg@företag.se»"), "«[EMAIL]»");  // quotes are not part of it
  EXPECT_EQ(R("skriv til «ola@firma» i stedet"), "skriv til «ola@firma» i stedet");  // no TLD
}

// Defect 2: plain national mobiles without a cue word.
TEST(RedactDefects, PlainNationalMobiles) {
  EXPECT_EQ(R("du når meg på 91234567 etter fire"), "du når meg på [PHONE] etter fire");
  EXPECT_EQ(R("eller 41234567"), "eller [PHONE]");
  EXPECT_EQ(R("si no contesto, el 612345678 por la tarde"),
            "si no contesto, el [PHONE] por la tarde");
  EXPECT_EQ(R("o el 712345678"), "o el [PHONE]");
  EXPECT_EQ(R("I'm on 4155550123 all day"), "I'm on [PHONE] all day");
  // Not those shapes: 8 digits starting 1-3/5-8, 9 starting 8/9, NANP with a 0/1 area code.
  for (const char* s :
       {"got 21234567 back", "got 812345678 back", "got 1155550123 back", "got 4151550123 back"}) {
    EXPECT_EQ(R(s), s);
  }
  // An order/ticket cue or an amount still wins.
  for (const char* s :
       {"ordrenummer 91234567", "ordernummer 91234567", "número de pedido 612345678",
        "номер заказа 89123456789", "invoice 4155550123", "ticket #91234567",
        "beløpet er 91234567 kr", "totalt 612345678 €", "NOK 91234567"}) {
    EXPECT_EQ(R(s), s);
  }
  // Old formats are kept.
  EXPECT_EQ(R("0701234567"), "[PHONE]");
  EXPECT_EQ(R("07700900123"), "[PHONE]");
  EXPECT_EQ(R("79123456789"), "[PHONE]");
}

// Defect 3: lowercase and spaced IBANs, checked case-insensitively.
TEST(RedactDefects, LowercaseIbans) {
  EXPECT_EQ(R("mi cuenta es91 2100 0418 4502 0005 1332"), "mi cuenta [IBAN]");
  EXPECT_EQ(R("kontoen er NO93 8601 1117 947."), "kontoen er [IBAN].");
  EXPECT_EQ(R("de89 3704 0044 0532 0130 00 bitte"), "[IBAN] bitte");
  EXPECT_EQ(R("gb29nwbk60161331926819"), "[IBAN]");
  EXPECT_TRUE(IbanValid("es9121000418450200051332"));
  EXPECT_FALSE(IbanValid("es9121000418450200051333"));
  EXPECT_FALSE(IbanValid("NO938601111794"));   // NO IBANs have 15 characters
  EXPECT_FALSE(IbanValid("XX9386011117947"));  // no such country
}

// Defect 4: obfuscated and spoken e-mail addresses.
TEST(RedactDefects, ObfuscatedEmails) {
  EXPECT_EQ(R("it's john dot doe at gmail dot com"), "it's [EMAIL]");
  EXPECT_EQ(R("john.doe [at] gmail [dot] com, thanks"), "[EMAIL], thanks");
  EXPECT_EQ(R("john (at) gmail (dot) com"), "[EMAIL]");
  EXPECT_EQ(R("john.doe(at)gmail.com"), "[EMAIL]");
  EXPECT_EQ(R("John.Doe [AT] Gmail [DOT] COM."), "[EMAIL].");
  EXPECT_EQ(R("es juan arroba gmail punto com"), "es [EMAIL]");
  EXPECT_EQ(R("maria.lopez arroba hotmail.es"), "[EMAIL]");
  EXPECT_EQ(R("ola krøllalfa online punktum no"), "[EMAIL]");
  EXPECT_EQ(R("kari alfakrøll gmail punktum com"), "[EMAIL]");
  EXPECT_EQ(R("anna snabel-a telia punkt se"), "[EMAIL]");
  EXPECT_EQ(R("ivan собака yandex точка ru"), "[EMAIL]");
  EXPECT_EQ(R("пишите: petrov собака mail точка ру"), "пишите: [EMAIL]");
  EXPECT_EQ(R("john.doe @ gmail.com"), "[EMAIL]");
  for (const char* s : {
           "look at the dot com bubble",
           "estoy en casa punto",
           "visit us at example dot com",
           "find it at help.example.com",
           "at least one dot",
           "у меня собака, точка",
           "bought it at amazon dot com",
           "Jeg finner ikke krøllalfa-tegnet",
           "the price is at 5 dot 50",
           "ring meg. Punktum.",
           "meet me at the cafe (at) noon",
       }) {
    EXPECT_EQ(R(s), s);
  }
}

// Defect 5: look-alikes that were redacted as phone numbers.
TEST(RedactDefects, LookAlikesStay) {
  for (const char* s : {
           "the router is at 192.168.100.254 now",
           "I was a member 2019-2024",
           "serial number 12345678901",
           "SKU 91234567 is sold out",
           "IMEI 356938035643809",
           "12-05-2024 kl 10",
           "2024-05-12 10:30",
           "on 05/12/2024 10:30-11:45",
           "CA 94103-1234",
           "tracking 9400111899223344",
           "sporingsnummer 41234567",
           "spårningsnummer 91234567",
           "número de seguimiento 712345678",
           "трек-номер 91234567",
           "серийный номер 41234567",
           "it grew 91234567 %",
           "USD 4155550123",
           "total 91 234 567 kr",
           "€ 612345678",
           "91234567,50 kr",
           "it costs 4 155 550 123 rubles",
           "refund 612345678 dólares",
           "version 4155550123",
           "artikelnummer 41234567",
       }) {
    EXPECT_EQ(R(s), s);
  }
}

// Cue words are whole words: "preferred" holds no "ref", "ordered" is not an order number.
TEST(RedactDefects, CueWordsAtWordStarts) {
  EXPECT_EQ(R("my preferred number is 91234567"), "my preferred number is [PHONE]");
  EXPECT_EQ(R("I ordered a router and my number is 4155550123"),
            "I ordered a router and my number is [PHONE]");
  EXPECT_EQ(R("tlf.nr 91234567"), "tlf.nr [PHONE]");
  EXPECT_EQ(R("telefonnr 22123456"), "telefonnr [PHONE]");
  EXPECT_EQ(R("0034 612 345 678"), "[PHONE]");
  EXPECT_EQ(R("0046 70 123 45 67"), "[PHONE]");
}

}  // namespace
}  // namespace tact::report

#include <fstream>
#include <map>
#include <sstream>

namespace tact::report {
namespace {

// One row of tests/data/pii/cases.tsv: `lang kind pii text`, tab-separated.
// The same file drives the end-to-end redaction test over every output
// format, so its shape is checked here too.
struct PiiCase {
  int line;
  std::string lang, kind, pii, text;
};

std::vector<PiiCase> ReadPiiCases(std::string* error) {
  const std::string path = std::string(TACT_SOURCE_DIR) + "/tests/data/pii/cases.tsv";
  std::ifstream in(path);
  if (!in) {
    *error = "cannot read '" + path + "'";
    return {};
  }
  std::vector<PiiCase> cases;
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (n == 1) {
      if (line != "lang\tkind\tpii\ttext") *error = "bad header: " + line;
      continue;
    }
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string x; std::getline(ss, x, '\t');) f.push_back(x);
    if (f.size() != 4) {
      *error = "line " + std::to_string(n) + ": expected 4 fields: " + line;
      return {};
    }
    cases.push_back({n, f[0], f[1], f[2], f[3]});
  }
  return cases;
}

// 126 cases: 80 pii (en 18, es 16, no 16, sv 15, ru 15) and 46 look-alikes
// (en 11, es 10, no 8, sv 8, ru 9).
TEST(RedactMatrix, EveryPiiCaseRedactedEveryLookAlikeKept) {
  std::string error;
  const std::vector<PiiCase> cases = ReadPiiCases(&error);
  ASSERT_TRUE(error.empty()) << error;
  std::map<std::string, int> pii_per_lang, lookalike_per_lang;
  int pii = 0, lookalikes = 0;
  Redactor r(Cues());
  for (const PiiCase& c : cases) {
    const std::string row = "cases.tsv:" + std::to_string(c.line) + ": [" + c.lang + " " + c.kind +
                            "] " + c.text + "  (pii: " + c.pii + ")";
    ASSERT_NE(c.text.find(c.pii), std::string::npos) << row << ": pii not in text";
    const std::string out = r.Redact(c.text);
    if (c.kind == "pii") {
      ++pii, ++pii_per_lang[c.lang];
      EXPECT_EQ(out.find(c.pii), std::string::npos) << row << "\n  got: " << out;
      bool placeholder = false;
      for (const char* p : {"[EMAIL]", "[PHONE]", "[CARD]", "[IBAN]"})
        placeholder |= out.find(p) != std::string::npos;
      EXPECT_TRUE(placeholder) << row << "\n  got: " << out;
    } else if (c.kind == "lookalike") {
      ++lookalikes, ++lookalike_per_lang[c.lang];
      EXPECT_EQ(out, c.text) << row;
    } else {
      ADD_FAILURE() << row << ": kind must be pii or lookalike";
    }
  }
  EXPECT_GE(pii, 70);
  EXPECT_GE(lookalikes, 25);
  for (const char* lang : {"en", "es", "no", "sv", "ru"}) {
    EXPECT_GE(pii_per_lang[lang], 10) << lang;
    EXPECT_GE(lookalike_per_lang[lang], 5) << lang;
  }
}

}  // namespace
}  // namespace tact::report
