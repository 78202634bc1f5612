# host_bench: azml-host management API throughput over loopback (a benchmark, not a test: it
# prints figures and is not registered with CTest). `cmake --build . --target bench` runs it.
add_executable(host_bench ${CMAKE_CURRENT_LIST_DIR}/host_bench.cpp)
target_link_libraries(host_bench PRIVATE azml_host_test_support azml_warnings)
target_compile_definitions(host_bench PRIVATE AZML_HOST_EXECUTABLE="$<TARGET_FILE:azml-host>")
add_dependencies(host_bench azml-host)

if(NOT TARGET bench)
  add_custom_target(bench COMMENT "Running the benchmarks")
endif()
add_custom_target(bench_host COMMAND host_bench USES_TERMINAL COMMENT "host_bench: azml-host over loopback")
add_dependencies(bench bench_host)
