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
file(GLOB AZML_HOST_SOURCES CONFIGURE_DEPENDS
  ${CMAKE_CURRENT_LIST_DIR}/transport/*.cpp
  ${CMAKE_CURRENT_LIST_DIR}/router/*.cpp
  ${CMAKE_CURRENT_LIST_DIR}/auth/*.cpp
  ${CMAKE_CURRENT_LIST_DIR}/handlers/*.cpp
  ${CMAKE_CURRENT_LIST_DIR}/app/*.cpp)
