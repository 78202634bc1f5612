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

/*
 * Checks that a call failed with code and left a complete last error (code, a message, no NULL
 * string) naming target (when target is not NULL) as what the error is about.
 */
void check_failure(int rc, int code, const char *target, const char *what);

/* Prints the last error of this thread (code, HTTP status, service code, message) after what. */
void report_last_error(const char *what);

/* Whether text contains needle; NULL text contains nothing. */
#define CONTAINS(text, needle) ((text) != NULL && strstr((text), (needle)) != NULL)

#endif
