# Installs Azurite (Microsoft's Azure Storage emulator, from the npm registry) for the Azurite
# round trip, once: a second run finds it and does nothing. Run by CTest as the azurite_install
# test, the fixture azurite_tests needs:
#   cmake -DAZURITE_DIR=<dir> -DAZURITE_VERSION=<version> -P install_azurite.cmake
# Fails, saying what is missing, when node or npm is not there: the round trip must not pass
# without having run.
if(NOT AZURITE_DIR OR NOT AZURITE_VERSION)
  message(FATAL_ERROR "install_azurite.cmake needs -DAZURITE_DIR and -DAZURITE_VERSION")
endif()

set(stamp "${AZURITE_DIR}/installed-version")
set(program "${AZURITE_DIR}/node_modules/.bin/azurite-blob")
if(EXISTS "${stamp}" AND EXISTS "${program}")
  file(READ "${stamp}" installed)
  if(installed STREQUAL AZURITE_VERSION)
    message(STATUS "Azurite ${AZURITE_VERSION} is installed in ${AZURITE_DIR}")
    return()
  endif()
endif()

find_program(NODE node)
find_program(NPM npm)
if(NOT NODE OR NOT NPM)
  message(FATAL_ERROR "The Azurite round trip needs Node.js and npm, and "
                      "${NODE}${NPM} is all that was found. Install them (Debian: apt-get install nodejs npm; "
                      ".ci/setup does) and run the tests again.")
endif()

file(MAKE_DIRECTORY "${AZURITE_DIR}")
message(STATUS "installing azurite@${AZURITE_VERSION} into ${AZURITE_DIR}")
execute_process(
  COMMAND "${NPM}" install --no-audit --no-fund --loglevel=error --prefix "${AZURITE_DIR}" "azurite@${AZURITE_VERSION}"
  RESULT_VARIABLE result
  OUTPUT_VARIABLE output
  ERROR_VARIABLE output)
if(NOT result EQUAL 0 OR NOT EXISTS "${program}")
  message(FATAL_ERROR "npm install azurite@${AZURITE_VERSION} failed (${result}):\n${output}")
endif()
file(WRITE "${stamp}" "${AZURITE_VERSION}")
message(STATUS "Azurite ${AZURITE_VERSION} installed")
