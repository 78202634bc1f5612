# azml_engine: the columnar table, CSV/TSV, the .ilearner format, the XGBoost learners, the
# module library, the graph compiler and executor; and azml-train, the command-line trainer.
# Included from native/CMakeLists.txt, so CMAKE_CURRENT_SOURCE_DIR is native/.

# Debian's libxgboost-dev ships no CMake package: find the C API header and library directly.
find_path(AZML_XGBOOST_INCLUDE_DIR xgboost/c_api.h REQUIRED)
find_library(AZML_XGBOOST_LIBRARY NAMES xgboost REQUIRED)

include(${CMAKE_CURRENT_LIST_DIR}/sources.cmake)

azml_core_library(azml_engine ${AZML_ENGINE_SOURCES})
# Engine headers are included as "engine/..." from native/.
target_include_directories(azml_engine PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
target_include_directories(azml_engine SYSTEM PRIVATE ${AZML_XGBOOST_INCLUDE_DIR})
target_link_libraries(azml_engine PUBLIC azml_common PRIVATE ${AZML_XGBOOST_LIBRARY})
# The evaluator must round exactly as XGBoost does: no fused multiply-add, whatever the flags.
set_source_files_properties(${CMAKE_CURRENT_LIST_DIR}/xgboost/model_evaluator.cpp
  PROPERTIES COMPILE_OPTIONS "-ffp-contract=off;-fno-fast-math")

add_executable(azml-train ${CMAKE_CURRENT_LIST_DIR}/tools/azml_train.cpp)
target_link_libraries(azml-train PRIVATE azml_engine azml_warnings)
install(TARGETS azml-train RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
