// Pack images: compiled language packs as bytes, loaded without parsing or
// compiling.
//
// The built-in packs are compiled when tact is built (the `tact_pack_image`
// tool, src/tools/) into one image that is linked into the binary
// (BuiltinPackImage()). An image starts with a table of contents, language ->
// part; each part holds the pack's settings, then its behaviours and lexicons,
// then its atom table and its two programs, so a reader stops where it has
// what it needs. The programs' arrays are used where they lie in the image.
// An image is made for the binary it is linked into (same code, same byte
// order): its stamp refuses any other format version.
#ifndef TACT_RULES_PACK_IMAGE_H_
#define TACT_RULES_PACK_IMAGE_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "rules/pack.h"

namespace tact::rules {

// Writes `packs` (their programs built if they were not) into one image.
// Equal packs give equal bytes.
std::string WritePackImage(const std::vector<const LanguagePack*>& packs);

// The parts of an image by language. False, with *error, when `image` is not
// an image of this version.
bool ReadImageIndex(std::string_view image, std::map<std::string, std::string_view>* parts,
                    std::string* error);

enum class ImageLoad {
  kSettings,   // name, stemmer, stop words, alphabet, messages: no behaviours
  kCatalogue,  // and the behaviours and lexicons, without the matcher
  kFull,       // and the atom table and programs: a pack to judge with
};

// Loads a part of an image. With `borrow`, the programs view the part's bytes,
// which must then outlive the pack (the built-in image does). Without
// `examples`, the behaviours' inline examples, the patterns' source texts and
// the lexicons' items (compiled into the atom table) are skipped. Null, with *error,
// when the part is damaged.
std::unique_ptr<LanguagePack> LoadPackImage(std::string_view part, ImageLoad what, bool borrow,
                                            std::string* error, bool examples = true);

// The image linked into this binary; empty in the tool that makes it.
std::string_view BuiltinPackImage();

}  // namespace tact::rules

#endif  // TACT_RULES_PACK_IMAGE_H_
