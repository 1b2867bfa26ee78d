// The tool that makes the pack image links this: it has no image yet, so
// RuleSet compiles the built-in packs from their rules.
#include "rules/pack_image.h"

namespace tact::rules {

std::string_view BuiltinPackImage() { return {}; }

}  // namespace tact::rules
