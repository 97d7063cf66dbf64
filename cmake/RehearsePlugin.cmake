# rehearse_add_plugin(<name> SOURCES <file>... [LIBRARIES <target>...])
#
# Builds one plugin: a MODULE library named <name>.so in the plugins folder, linked against the
# engine (the SDK) with hidden visibility, so that only the entry point is exported.
function(rehearse_add_plugin name)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "" "" "SOURCES;LIBRARIES")
  add_library(${name} MODULE ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE Rehearse::engine ${ARG_LIBRARIES})
  if(TARGET rehearse_warnings)
    target_link_libraries(${name} PRIVATE rehearse_warnings)
  endif()
  set_target_properties(${name} PROPERTIES
    PREFIX ""
    OUTPUT_NAME "${name}"
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON
    LIBRARY_OUTPUT_DIRECTORY "${REHEARSE_PLUGIN_OUTPUT_DIR}")
  # A plugin that forgets a symbol fails when it is linked, not when it is loaded.
  target_link_options(${name} PRIVATE -Wl,--no-undefined)
  if(REHEARSE_PLUGIN_INSTALL_DIR)
    file(RELATIVE_PATH _to_lib "/${REHEARSE_PLUGIN_INSTALL_DIR}" "/${CMAKE_INSTALL_LIBDIR}")
    set_target_properties(${name} PROPERTIES INSTALL_RPATH "$ORIGIN/${_to_lib}")
    install(TARGETS ${name} LIBRARY DESTINATION "${REHEARSE_PLUGIN_INSTALL_DIR}")
  endif()
  set_property(GLOBAL APPEND PROPERTY REHEARSE_PLUGINS ${name})
endfunction()
