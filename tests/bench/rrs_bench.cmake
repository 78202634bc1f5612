# rrs_bench: request-response scoring against the no-op /health (GET, and POST of the scoring
# request) and a Python (gunicorn + Flask + XGBoost) service, and p99 during model swaps (a
# benchmark: prints figures, asserts nothing; installs wrk, gunicorn, python3-flask and
# python3-xgboost when missing). Meaningful only on a
# Release build.
add_custom_target(bench_rrs
  COMMAND ${CMAKE_COMMAND} -E env RRS_BENCH_BUILD_TYPE=${CMAKE_BUILD_TYPE}
          bash ${CMAKE_CURRENT_SOURCE_DIR}/rrs_bench.sh ${CMAKE_BINARY_DIR}
  DEPENDS azml-host azml-train
  USES_TERMINAL
  COMMENT "rrs_bench: request-response scoring throughput and latency")
if(NOT TARGET bench)
  add_custom_target(bench COMMENT "Running the benchmarks")
endif()
add_dependencies(bench bench_rrs)

# rrs_stage_bench: one single-row call inside the host, stage by stage (read, score, write) and
# with no HTTP, through tables and the graph against the service's scoring plan, taking turns (a
# benchmark: prints figures, asserts only that both ways answer the same bytes).
add_executable(rrs_stage_bench ${CMAKE_CURRENT_LIST_DIR}/rrs_stage_bench.cpp)
target_link_libraries(rrs_stage_bench PRIVATE azml_host_runtime azml_engine azml_warnings)
target_compile_definitions(rrs_stage_bench PRIVATE
  AZML_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data"
  AZML_EXAMPLES_DIR="${PROJECT_SOURCE_DIR}/module/Examples/breast-cancer")
add_custom_target(bench_rrs_stages COMMAND rrs_stage_bench USES_TERMINAL
  COMMENT "rrs_stage_bench: a single-row call's stages, graph against scoring plan")
add_dependencies(bench bench_rrs_stages)
