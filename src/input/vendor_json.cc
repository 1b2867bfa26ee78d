// The vendor layouts a .json input may have, as one table: a new layout is
// one reader file plus one row here.
#include "input/vendor_json.h"

namespace tact::input {
namespace {

struct VendorLayout {
  const char* name;  // as the error for an unrecognized document lists it
  bool (*is)(json::Element doc);
  void (*read)(json::Element doc, const std::string& stem, const ReadContext& ctx);
};

// Tried in this order. A document with both an Intercom and a Zendesk shape
// is read as Intercom.
const VendorLayout kLayouts[] = {
    {"Amazon Transcribe", IsTranscribe, ReadTranscribe},
    {"Amazon Connect Contact Lens", IsContactLens, ReadContactLens},
    {"Google CCAI Insights", IsCcai, ReadCcai},
    {"Zendesk", [](json::Element doc) { return IsZendesk(doc) && !IsIntercom(doc); }, ReadZendesk},
    {"Intercom", IsIntercom, ReadIntercom},
};

}  // namespace

bool ReadVendorJson(json::Element doc, const std::string& stem, const ReadContext& ctx) {
  for (const VendorLayout& v : kLayouts) {
    if (v.is(doc)) {
      v.read(doc, stem, ctx);
      return true;
    }
  }
  return false;
}

std::string VendorJsonNames() {
  std::string out;
  const size_t n = std::size(kLayouts);
  for (size_t i = 0; i < n; ++i)
    out += std::string(i == 0 ? "" : i + 1 == n ? " or " : ", ") + kLayouts[i].name;
  return out;
}

}  // namespace tact::input
