# What `cmake --install build [--prefix P]` puts where (GNU layout; the
# default prefix is /usr/local):
#   P/bin/tact
#   P/share/man/man1/tact.1, tact-COMMAND.1       written by tact itself at build time
#   P/share/bash-completion/completions/tact      "
#   P/share/zsh/vendor-completions/_tact          "
#   P/share/fish/vendor_completions.d/tact.fish   "
#   P/share/doc/tact/README.md, LICENSE, docs/*.md
include(GNUInstallDirs)

# The man pages and completions come from `tact help --man` and `tact help
# --completion`, rerun whenever tact is rebuilt, so they cannot drift from it.
set(TACT_GENERATED_DOCS ${CMAKE_BINARY_DIR}/share)
add_custom_command(
  OUTPUT ${TACT_GENERATED_DOCS}/stamp
  COMMAND ${CMAKE_COMMAND} -DTACT=$<TARGET_FILE:tact> -DOUT=${TACT_GENERATED_DOCS}
          -P ${PROJECT_SOURCE_DIR}/cmake/generate_docs.cmake
  DEPENDS tact ${PROJECT_SOURCE_DIR}/cmake/generate_docs.cmake
  COMMENT "Writing man pages and shell completions (tact help --man, --completion)"
  VERBATIM)
add_custom_target(tact_docs ALL DEPENDS ${TACT_GENERATED_DOCS}/stamp)

set(TACT_BASH_COMPLETION_DIR ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
    CACHE STRING "Where the bash completion goes (relative: under the prefix)")
set(TACT_ZSH_COMPLETION_DIR ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions
    CACHE STRING "Where the zsh completion goes (relative: under the prefix)")
set(TACT_FISH_COMPLETION_DIR ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d
    CACHE STRING "Where the fish completion goes (relative: under the prefix)")

install(TARGETS tact RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${TACT_GENERATED_DOCS}/man1/ DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${TACT_GENERATED_DOCS}/tact.bash DESTINATION ${TACT_BASH_COMPLETION_DIR} RENAME tact)
install(FILES ${TACT_GENERATED_DOCS}/_tact DESTINATION ${TACT_ZSH_COMPLETION_DIR})
install(FILES ${TACT_GENERATED_DOCS}/tact.fish DESTINATION ${TACT_FISH_COMPLETION_DIR})
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/LICENSE
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs
        FILES_MATCHING PATTERN "*.md")
