# The Debian package: `cpack -G DEB` in the build folder writes
# tact_VERSION_ARCH.deb with what cmake/install.cmake installs, under /usr,
# the binary stripped. It depends only on the runtime libraries tact links:
# dpkg-shlibdeps (package dpkg-dev) reads them from the binary; without it,
# Debian 12's packages of the libraries `ldd tact` lists.
set(CPACK_PACKAGE_NAME tact)
set(CPACK_PACKAGE_VENDOR "The tact authors")
set(CPACK_PACKAGE_CONTACT "The tact authors")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "checks customer-support conversations for the behaviours of good support")
string(CONCAT CPACK_PACKAGE_DESCRIPTION
    "tact reads chat and call transcripts, judges them with plain-text rule packs for English, "
    "Spanish, Norwegian, Swedish and Russian, and reports per behaviour (empathy, active "
    "listening, apologies, clear next steps, blame, jargon, ...) what the agent did, missed or "
    "should avoid, with the evidence and a coaching tip.")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_GENERATOR DEB)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
find_program(TACT_DPKG_SHLIBDEPS dpkg-shlibdeps)
if(TACT_DPKG_SHLIBDEPS)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
else()
  set(CPACK_DEBIAN_PACKAGE_DEPENDS
      "libc6, libgcc-s1, libstdc++6, libfmt9, libicu72, libre2-9, libsimdjson14, libstemmer0d, libtbb12, libtbbmalloc2")
endif()
include(CPack)
