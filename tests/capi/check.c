/* The counters and shared checks of the C ABI tests (see check.h). */
#include "check.h"

#include <azml/azml.h>

int g_checks_passed = 0;
int g_checks_failed = 0;

void check_failure(int rc, int code, const char *target, const char *what) {
  const azml_error *e = azml_error_last();
  char description[256];
  snprintf(description, sizeof description, "%s fails with code %d", what, code);
  CHECK(rc == code, description);
  if (rc != code && e != NULL) printf("  got %d: %s\n", rc, e->message);
  snprintf(description, sizeof description, "%s leaves a last error with that code and a message", what);
  CHECK(e != NULL && e->code == code && e->message != NULL && e->message[0] != '\0', description);
  if (e != NULL) {
    CHECK(e->service_code != NULL && e->request_id != NULL && e->target != NULL && e->details_json != NULL,
          "no string of the last error is NULL");
  }
  if (target != NULL) {
    snprintf(description, sizeof description, "%s names %s as the error target", what, target);
    CHECK(e != NULL && e->target != NULL && strcmp(e->target, target) == 0, description);
    if (e != NULL && e->target != NULL && strcmp(e->target, target) != 0) {
      printf("  target was '%s', message '%s'\n", e->target, e->message);
    }
  }
}

void report_last_error(const char *what) {
  const azml_error *e = azml_error_last();
  if (e) printf("  %s: code %d, HTTP %d, %s: %s\n", what, e->code, e->http_status, e->service_code, e->message);
}
