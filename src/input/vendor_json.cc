#include "input/vendor_json.h"

namespace tact::input {

bool ReadVendorJson(json::Element doc, const std::string& stem, const ReadContext& ctx) {
  if (IsTranscribe(doc))
    ReadTranscribe(doc, stem, ctx);
  else if (IsContactLens(doc))
    ReadContactLens(doc, stem, ctx);
  else if (IsCcai(doc))
    ReadCcai(doc, stem, ctx);
  else if (IsIntercom(doc))
    ReadIntercom(doc, stem, ctx);
  else if (IsZendesk(doc))
    ReadZendesk(doc, stem, ctx);
  else
    return false;
  return true;
}

}  // namespace tact::input
