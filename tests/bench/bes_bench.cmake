# bes_bench: a BES job training a Two-Class Boosted Decision Tree (100 trees) on a generated
# 100,000 x 20 CSV against the xgboost CLI on the same rows and parameters, and the host's peak
# memory during the job (a benchmark: prints figures, asserts nothing; not registered with
# CTest). `cmake --build . --target bench_bes` runs it.
find_program(AZML_BENCH_XGBOOST_CLI xgboost)
add_executable(bes_bench
  ${CMAKE_CURRENT_LIST_DIR}/bes_bench.cpp
  ${PROJECT_SOURCE_DIR}/tests/integration/jobs/job_test_support.cpp)
target_include_directories(bes_bench PRIVATE ${PROJECT_SOURCE_DIR}/tests/integration/jobs)
target_link_libraries(bes_bench PRIVATE azml_host_core azml_engine azml_host_test_support azml_warnings)
target_compile_definitions(bes_bench PRIVATE
  AZML_HOST_EXECUTABLE="$<TARGET_FILE:azml-host>"
  AZML_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data"
  AZML_EXAMPLES_DIR="${PROJECT_SOURCE_DIR}/module/Examples/breast-cancer"
  AZML_XGBOOST_CLI="$<IF:$<BOOL:${AZML_BENCH_XGBOOST_CLI}>,${AZML_BENCH_XGBOOST_CLI},>")
add_dependencies(bes_bench azml-host)

if(NOT TARGET bench)
  add_custom_target(bench COMMENT "Running the benchmarks")
endif()
add_custom_target(bench_bes COMMAND bes_bench USES_TERMINAL COMMENT "bes_bench: a BES job against the xgboost CLI")
add_dependencies(bench bench_bes)
