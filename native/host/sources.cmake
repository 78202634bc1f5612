# The host's layers, each in its own folder: transport -> router -> auth -> handlers -> domain
# -> storage. Domain and storage form azml_host_domain (no HTTP); each runtime feature (runtime:
# scoring; blobs: blob storage; jobs: batch execution) is a library of its own, routes included;
# the HTTP-facing layers form azml_host_core; main.cpp is the executable.
file(GLOB AZML_HOST_DOMAIN_SOURCES CONFIGURE_DEPENDS
  ${CMAKE_CURRENT_LIST_DIR}/domain/*.cpp
  ${CMAKE_CURRENT_LIST_DIR}/storage/*.cpp)
file(GLOB AZML_HOST_BLOBS_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/blobs/*.cpp)
file(GLOB AZML_HOST_RUNTIME_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/runtime/*.cpp)
file(GLOB AZML_HOST_JOBS_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/jobs/*.cpp)
# What every feature's routes need (routing, JSON responses, public URLs), depending on common/
# alone: azml_host_http.
file(GLOB AZML_HOST_HTTP_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/router/*.cpp)
list(APPEND AZML_HOST_HTTP_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/handlers/responses.cpp
  ${CMAKE_CURRENT_LIST_DIR}/handlers/public_urls.cpp)
file(GLOB AZML_HOST_SOURCES CONFIGURE_DEPENDS
  ${CMAKE_CURRENT_LIST_DIR}/transport/*.cpp
  ${CMAKE_CURRENT_LIST_DIR}/auth/*.cpp
  ${CMAKE_CURRENT_LIST_DIR}/handlers/*.cpp
  ${CMAKE_CURRENT_LIST_DIR}/app/*.cpp)
list(REMOVE_ITEM AZML_HOST_SOURCES ${AZML_HOST_HTTP_SOURCES})
