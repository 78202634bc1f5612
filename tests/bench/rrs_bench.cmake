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
