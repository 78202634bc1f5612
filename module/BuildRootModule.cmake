# Writes the staged AzMl.psm1 (cmake -P; TEMPLATE, OUTPUT, PRIVATE_DIR, COMMANDS_DIR given):
# the template with the helpers and the commands copied into its "#region Commands", and
# $AzMlPublicCommands set to the command names (one command per file, named after it).
file(READ "${TEMPLATE}" template)
file(GLOB helpers "${PRIVATE_DIR}/*.ps1")
file(GLOB commands "${COMMANDS_DIR}/*.ps1")
list(SORT helpers)
list(SORT commands)

set(names "")
foreach(command IN LISTS commands)
  get_filename_component(name "${command}" NAME_WE)
  string(APPEND names "    '${name}'\n")
endforeach()

set(region "#region Commands\n")
foreach(script IN LISTS helpers commands)
  file(READ "${script}" body)
  get_filename_component(script_name "${script}" NAME)
  string(APPEND region "\n# ---- ${script_name}\n${body}")
endforeach()
string(APPEND region "#endregion")

string(REPLACE "#region Commands\n#endregion" "${region}" merged "${template}")
string(REPLACE "$AzMlPublicCommands = @()" "$AzMlPublicCommands = @(\n${names})" merged "${merged}")
if(merged STREQUAL template)
  message(FATAL_ERROR "${TEMPLATE} lacks the markers BuildRootModule.cmake fills in.")
endif()

# Rewrite only on change, so that a rebuild does not touch the staged module needlessly.
set(previous "")
if(EXISTS "${OUTPUT}")
  file(READ "${OUTPUT}" previous)
endif()
if(NOT previous STREQUAL merged)
  file(WRITE "${OUTPUT}" "${merged}")
endif()
