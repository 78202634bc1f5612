# The host's layers, each in its own folder: transport -> router -> auth -> handlers -> domain
# -> storage. Domain and storage form azml_host_domain (no HTTP); the HTTP-facing layers form
# azml_host_core; main.cpp is the executable.
file(GLOB AZML_HOST_DOMAIN_SOURCES CONFIGURE_DEPENDS
  ${CMAKE_CURRENT_LIST_DIR}/domain/*.cpp
  ${CMAKE_CURRENT_LIST_DIR}/storage/*.cpp
  ${CMAKE_CURRENT_LIST_DIR}/blobs/*.cpp)
file(GLOB AZML_HOST_SOURCES CONFIGURE_DEPENDS
  ${CMAKE_CURRENT_LIST_DIR}/transport/*.cpp
  ${CMAKE_CURRENT_LIST_DIR}/router/*.cpp
  ${CMAKE_CURRENT_LIST_DIR}/auth/*.cpp
  ${CMAKE_CURRENT_LIST_DIR}/handlers/*.cpp
  ${CMAKE_CURRENT_LIST_DIR}/app/*.cpp)
