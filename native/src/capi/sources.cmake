# The C ABI (libazml.so). Every entry point goes through capi/barrier.hpp.
set(AZML_CAPI_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/version.cpp
  ${CMAKE_CURRENT_LIST_DIR}/error_state.cpp
  ${CMAKE_CURRENT_LIST_DIR}/errors.cpp
  ${CMAKE_CURRENT_LIST_DIR}/buffer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/client.cpp
  ${CMAKE_CURRENT_LIST_DIR}/webservice.cpp
  ${CMAKE_CURRENT_LIST_DIR}/definition.cpp
  ${CMAKE_CURRENT_LIST_DIR}/jobs.cpp
  ${CMAKE_CURRENT_LIST_DIR}/blobs.cpp
  ${CMAKE_CURRENT_LIST_DIR}/classic.cpp
  ${CMAKE_CURRENT_LIST_DIR}/rrs.cpp
)

# Only azml_* may be exported (tests/capi checks it): native/CMakeLists.txt links the azml
# target with this version script.
set(AZML_CAPI_EXPORTS_MAP ${CMAKE_CURRENT_LIST_DIR}/exports.map)
