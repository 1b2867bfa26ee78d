# Writes the man pages and shell completions of a tact binary, from its own
# command definitions, so they always match it. Run by the build after tact:
#   cmake -DTACT=build/tact -DOUT=build/share -P generate_docs.cmake
# OUT/man1/*.1, OUT/tact.bash, OUT/_tact (zsh), OUT/tact.fish, OUT/stamp.
foreach(var TACT OUT)
  if(NOT ${var})
    message(FATAL_ERROR "generate_docs.cmake needs -D${var}=...")
  endif()
endforeach()
file(REMOVE_RECURSE ${OUT}/man1)  # a removed command leaves no page behind
execute_process(COMMAND ${TACT} help --man ${OUT}/man1 RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "'${TACT} help --man' failed (${rc})")
endif()
foreach(shell_file bash:tact.bash zsh:_tact fish:tact.fish)
  string(REPLACE ":" ";" pair ${shell_file})
  list(GET pair 0 shell)
  list(GET pair 1 name)
  execute_process(COMMAND ${TACT} help --completion ${shell} OUTPUT_FILE ${OUT}/${name}
                  RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "'${TACT} help --completion ${shell}' failed (${rc})")
  endif()
endforeach()
file(TOUCH ${OUT}/stamp)
