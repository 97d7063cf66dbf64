# rehearse_add_plugin(<name> SOURCES <file>... [LIBRARIES <target>...])
#
# Builds one plugin: a MODULE library <name>.so, linked against the engine (the SDK) with hidden
# visibility so that only its entry point is exported, and installed into the plugins folder
# (lib/rehearse/plugins under the install prefix).
#
# Inside the rehearse tree the plugin lands in the build tree's plugins folder; in a project of
# its own, in ${CMAKE_BINARY_DIR}/plugins, which `rehearse --plugin-path` (or
# $REHEARSE_PLUGIN_PATH) can point at while developing.
include_guard(GLOBAL)
include(GNUInstallDirs)

function(rehearse_add_plugin name)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "" "" "SOURCES;LIBRARIES")
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "rehearse_add_plugin(${name}) needs SOURCES")
  endif()
  add_library(${name} MODULE ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE Rehearse::engine ${ARG_LIBRARIES})
  if(TARGET rehearse_warnings)
    target_link_libraries(${name} PRIVATE rehearse_warnings)
  endif()

  set(output_dir "${REHEARSE_PLUGIN_OUTPUT_DIR}")
  if(NOT output_dir)
    set(output_dir "${CMAKE_BINARY_DIR}/plugins")
  endif()
  set(install_dir "${REHEARSE_PLUGIN_INSTALL_DIR}")
  if(NOT install_dir)
    set(install_dir "${CMAKE_INSTALL_LIBDIR}/rehearse/plugins")
  endif()
  set_target_properties(${name} PROPERTIES
    PREFIX ""
    OUTPUT_NAME "${name}"
    CXX_STANDARD 20
    CXX_STANDARD_REQUIRED ON
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON
    LIBRARY_OUTPUT_DIRECTORY "${output_dir}")
  # A plugin that forgets a symbol fails when it is linked, not when it is loaded. (Not in a
  # sanitizer build: clang leaves the sanitizer runtime's symbols to the executable.)
  if(NOT REHEARSE_SANITIZE)
    target_link_options(${name} PRIVATE -Wl,--no-undefined)
  endif()
  # Installed plugins find the engine library beside them: lib/rehearse/plugins -> lib.
  file(RELATIVE_PATH to_lib "/${install_dir}" "/${CMAKE_INSTALL_LIBDIR}")
  set_target_properties(${name} PROPERTIES INSTALL_RPATH "$ORIGIN/${to_lib}")
  install(TARGETS ${name} LIBRARY DESTINATION "${install_dir}")
  set_property(GLOBAL APPEND PROPERTY REHEARSE_PLUGINS ${name})
endfunction()
