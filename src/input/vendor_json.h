// Vendor JSON exports, recognized by their shape inside a .json input. Each
// reader lives in its own file; ReadVendorJson() dispatches through the table
// in vendor_json.cc.
#ifndef TACT_INPUT_VENDOR_JSON_H_
#define TACT_INPUT_VENDOR_JSON_H_

#include <string>

#include "input/json_util.h"
#include "input/reader.h"

namespace tact::input {

// Returns false when `doc` has none of the known shapes.
bool ReadVendorJson(json::Element doc, const std::string& stem, const ReadContext& ctx);

// The layouts for messages: "Amazon Transcribe, ... or Intercom".
std::string VendorJsonNames();

bool IsTranscribe(json::Element doc);
void ReadTranscribe(json::Element doc, const std::string& stem, const ReadContext& ctx);
bool IsContactLens(json::Element doc);
void ReadContactLens(json::Element doc, const std::string& stem, const ReadContext& ctx);
bool IsCcai(json::Element doc);
void ReadCcai(json::Element doc, const std::string& stem, const ReadContext& ctx);
bool IsZendesk(json::Element doc);
void ReadZendesk(json::Element doc, const std::string& stem, const ReadContext& ctx);
bool IsIntercom(json::Element doc);
void ReadIntercom(json::Element doc, const std::string& stem, const ReadContext& ctx);

}  // namespace tact::input

#endif  // TACT_INPUT_VENDOR_JSON_H_
