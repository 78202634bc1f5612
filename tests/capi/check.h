/*
 * A minimal test harness for the C ABI tests: CHECK counts and reports, the run ends with
 * "N passed, N failed".
 */
#ifndef AZML_TESTS_CAPI_CHECK_H
#define AZML_TESTS_CAPI_CHECK_H

#include <stdio.h>
#include <string.h>

extern int g_checks_passed;
extern int g_checks_failed;

#define CHECK(condition, description)                                                      \
  do {                                                                                     \
    if (condition) {                                                                       \
      ++g_checks_passed;                                                                   \
    } else {                                                                               \
      ++g_checks_failed;                                                                   \
      printf("FAIL %s:%d: %s (%s)\n", __FILE__, __LINE__, description, #condition); \
    }                                                                                      \
  } while (0)

/* Whether text contains needle; NULL text contains nothing. */
#define CONTAINS(text, needle) ((text) != NULL && strstr((text), (needle)) != NULL)

#endif
