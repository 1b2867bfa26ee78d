// The built-in packs, compiled when tact was built (src/tools/pack_image_main.cc),
// linked in as bytes. TACT_PACK_IMAGE is the image file's path.
#include "rules/pack_image.h"

#ifndef TACT_PACK_IMAGE
#error "TACT_PACK_IMAGE must name the pack image file"
#endif

// The image goes into read-only data as it is (the assembler's .incbin), aligned
// for the programs' arrays, which are used in place.
asm(".section .rodata\n"
    ".balign 64\n"
    "tact_pack_image_begin:\n"
    ".incbin \"" TACT_PACK_IMAGE
    "\"\n"
    "tact_pack_image_end:\n"
    ".previous\n");

extern "C" const char tact_pack_image_begin[];
extern "C" const char tact_pack_image_end[];

namespace tact::rules {

std::string_view BuiltinPackImage() {
  return {tact_pack_image_begin, static_cast<size_t>(tact_pack_image_end - tact_pack_image_begin)};
}

}  // namespace tact::rules
