# Fails unless every dynamic symbol LIBRARY defines starts with azml_ (the C ABI), apart from
# the ones the toolchain always adds. Run as: cmake -DLIBRARY=<lib> [-DNM=<nm>] -P <this file>.
cmake_minimum_required(VERSION 3.20)
if(NOT LIBRARY)
  message(FATAL_ERROR "pass -DLIBRARY=<path of libazml.so>")
endif()
if(NOT NM)
  set(NM nm)
endif()

execute_process(COMMAND ${NM} -D --defined-only ${LIBRARY}
  OUTPUT_VARIABLE listing ERROR_VARIABLE errors RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "${NM} failed on ${LIBRARY}: ${errors}")
endif()

set(toolchain_symbols _init _fini _edata _end __bss_start)
set(exported 0)
set(strays "")
string(REPLACE "\n" ";" lines "${listing}")
foreach(line IN LISTS lines)
  # "<address> <type> <name>[@version]"
  if(NOT line MATCHES "^[0-9a-fA-F]* *([A-Za-z]) (.+)$")
    continue()
  endif()
  set(type "${CMAKE_MATCH_1}")
  string(REGEX REPLACE "@.*$" "" name "${CMAKE_MATCH_2}")
  if(type STREQUAL "A" OR name IN_LIST toolchain_symbols)
    continue()  # version nodes and linker-made markers
  endif()
  if(name MATCHES "^azml_")
    math(EXPR exported "${exported} + 1")
  else()
    string(APPEND strays "  ${type} ${name}\n")
  endif()
endforeach()

if(strays)
  message(FATAL_ERROR "${LIBRARY} exports symbols outside the C ABI:\n${strays}")
endif()
if(exported EQUAL 0)
  message(FATAL_ERROR "${LIBRARY} exports no azml_ symbol at all")
endif()
message(STATUS "${LIBRARY}: ${exported} azml_ symbols, nothing else")
