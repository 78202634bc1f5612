/*
 * The C ABI contract of libazml, checked from C (which also proves azml.h compiles as C11):
 * offline - versions, options, NULL arguments, buffers, the last error, definitions; online -
 * every web service call against a real azml-host started for the run.
 * The last line is "N passed, N failed"; the exit status is non-zero on any failure.
 */
#define _XOPEN_SOURCE 700
#include <azml/azml.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "host_process.h"
#include "sample_definitions.h"

/* Checks that the last call failed with code and, when target is not NULL, named target. */

static void test_version(void) {
  int major = -1, minor = -1, patch = -1;
  char expected[64];
  CHECK(azml_version(&major, &minor, &patch) == AZML_OK, "azml_version succeeds");
  CHECK(major == AZML_VERSION_MAJOR_H && minor == AZML_VERSION_MINOR_H, "the library matches the header version");
  CHECK(patch >= 0, "patch version is set");
  CHECK(azml_version(NULL, NULL, NULL) == AZML_OK, "azml_version accepts NULL arguments");
  snprintf(expected, sizeof expected, "%d.%d.%d", major, minor, patch);
  CHECK(azml_version_string() != NULL && strcmp(azml_version_string(), expected) == 0,
        "azml_version_string is major.minor.patch");
}

static void test_options(void) {
  azml_client_options opts = AZML_CLIENT_OPTIONS_INIT;
  azml_client_options filled;
  azml_client *client = NULL;

  memset(&filled, 0xAB, sizeof filled);
  CHECK(azml_client_options_init(&filled, AZML_CLIENT_OPTIONS_VERSION) == AZML_OK, "options_init succeeds");
  CHECK(azml_error_last() == NULL, "a successful call leaves no last error");
  CHECK(filled.version == AZML_CLIENT_OPTIONS_VERSION && filled.endpoint == NULL && filled.token == NULL &&
            filled.max_retries == 3 && filled.timeout_ms == 0 && filled.user_agent == NULL,
        "options_init fills the documented defaults");
  CHECK(memcmp(&filled.version, &opts.version, sizeof opts.version) == 0, "options_init agrees with the INIT macro");

  check_failure(azml_client_options_init(&filled, 99), AZML_EINVALID, "version", "options_init of version 99");
  check_failure(azml_client_options_init(NULL, AZML_CLIENT_OPTIONS_VERSION), AZML_EINVALID, "opts",
                "options_init of NULL");

  opts.version = 2;
  opts.endpoint = "http://127.0.0.1:9";
  check_failure(azml_client_new(&client, &opts), AZML_EINVALID, "version", "client_new with options version 2");
  CHECK(client == NULL, "a failed client_new leaves *out alone");
  opts.version = 0;
  check_failure(azml_client_new(&client, &opts), AZML_EINVALID, "version", "client_new with options version 0");

  check_failure(azml_client_new(&client, NULL), AZML_EINVALID, "endpoint", "client_new with NULL options");
  check_failure(azml_client_new(NULL, &opts), AZML_EINVALID, "out", "client_new with NULL out");

  azml_client_options_init(&opts, AZML_CLIENT_OPTIONS_VERSION);
  opts.endpoint = "not a url";
  check_failure(azml_client_new(&client, &opts), AZML_EINVALID, "endpoint", "client_new with a malformed endpoint");
  opts.endpoint = "http://127.0.0.1:9";
  opts.api_version = "1999-01-01";
  check_failure(azml_client_new(&client, &opts), AZML_EINVALID, "api_version", "client_new with an unknown api-version");
  opts.api_version = NULL;
  opts.ca_file = "no/such/ca.pem";
  check_failure(azml_client_new(&client, &opts), AZML_EINVALID, "ca_file", "client_new with a missing CA file");
  opts.ca_file = NULL;
  opts.retry_delay_ms = 60000;
  check_failure(azml_client_new(&client, &opts), AZML_EINVALID, "retry_delay_ms", "client_new with a 60 s retry step");
  opts.retry_delay_ms = 0;

  /* Port 9 (discard) is not listened on: creating a client must not touch the network. */
  CHECK(azml_client_new(&client, &opts) == AZML_OK && client != NULL, "client_new makes no network call");
  CHECK(azml_error_last() == NULL, "client_new success clears the last error");
  azml_client_free(client);
  azml_client_free(NULL);
}

static void test_null_arguments(void) {
  azml_client_options opts = AZML_CLIENT_OPTIONS_INIT;
  azml_client *client = NULL;
  azml_buf buf = AZML_BUF_INIT;
  const char *subscription = NULL;

  opts.endpoint = "http://127.0.0.1:9";
  opts.subscription_id = "00000000-0000-0000-0000-000000000000";
  if (azml_client_new(&client, &opts) != AZML_OK) {
    CHECK(0, "client for the NULL-argument checks");
    return;
  }
  check_failure(azml_webservice_get(&buf, NULL, "rg", "svc", NULL), AZML_EINVALID, "client", "get with NULL client");
  check_failure(azml_webservice_get(NULL, client, "rg", "svc", NULL), AZML_EINVALID, "out", "get with NULL out");
  check_failure(azml_webservice_get(&buf, client, NULL, "svc", NULL), AZML_EINVALID, "resource_group",
                "get with NULL resource group");
  check_failure(azml_webservice_get(&buf, client, "rg", NULL, NULL), AZML_EINVALID, "name", "get with NULL name");
  check_failure(azml_webservice_get(&buf, client, "", "svc", NULL), AZML_EINVALID, "resource_group",
                "get with an empty resource group");
  check_failure(azml_webservice_get(&buf, client, "rg", "", NULL), AZML_EINVALID, "name", "get with an empty name");
  check_failure(azml_webservice_create_or_update(&buf, client, "rg", "svc", NULL), AZML_EINVALID, "web_service_json",
                "create with NULL JSON");
  check_failure(azml_webservice_create_or_update(&buf, client, "rg", "svc", "{not json"), AZML_EINVALID,
                "web_service_json", "create with malformed JSON");
  check_failure(azml_webservice_patch(&buf, client, "rg", "svc", NULL), AZML_EINVALID, "patch_json",
                "patch with NULL JSON");
  check_failure(azml_webservice_patch(NULL, client, "rg", "svc", "{}"), AZML_EINVALID, "out", "patch with NULL out");
  check_failure(azml_webservice_remove(NULL, "rg", "svc"), AZML_EINVALID, "client", "remove with NULL client");
  check_failure(azml_webservice_remove(client, "rg", NULL), AZML_EINVALID, "name", "remove with NULL name");
  check_failure(azml_webservice_list_keys(&buf, client, NULL, "svc"), AZML_EINVALID, "resource_group",
                "list_keys with NULL resource group");
  check_failure(azml_webservice_list(NULL, client, "rg"), AZML_EINVALID, "out", "list with NULL out");
  check_failure(azml_webservice_list(&buf, NULL, NULL), AZML_EINVALID, "client", "list with NULL client");
  check_failure(azml_client_subscription_id(NULL, client), AZML_EINVALID, "out", "subscription_id with NULL out");
  check_failure(azml_client_subscription_id(&subscription, NULL), AZML_EINVALID, "client",
                "subscription_id with NULL client");
  CHECK(buf.ptr == NULL && buf.size == 0, "failed calls leave the buffer untouched");

  CHECK(azml_client_subscription_id(&subscription, client) == AZML_OK && subscription != NULL &&
            strcmp(subscription, opts.subscription_id) == 0,
        "a configured subscription id is returned without asking the endpoint");

  /* Nothing listens on port 9: the exchange fails as a transport error after the retries. */
  opts.max_retries = 0;
  azml_client_free(client);
  client = NULL;
  if (azml_client_new(&client, &opts) == AZML_OK) {
    check_failure(azml_webservice_get(&buf, client, "rg", "svc", NULL), AZML_ETRANSPORT, NULL,
                  "get against a closed port");
  }
  azml_client_free(client);
}

static void test_buffers_and_last_error(void) {
  azml_buf buf = AZML_BUF_INIT;
  const azml_error *e;

  azml_buf_dispose(NULL);
  azml_buf_dispose(&buf);
  CHECK(buf.ptr == NULL && buf.size == 0, "disposing an empty buffer keeps it empty");

  CHECK(azml_definition_export(&buf, SAMPLE_WEB_SERVICE_JSON) == AZML_OK, "export succeeds");
  CHECK(buf.ptr != NULL && buf.size == strlen(buf.ptr), "the buffer is NUL-terminated and size excludes the NUL");
  azml_buf_dispose(&buf);
  CHECK(buf.ptr == NULL && buf.size == 0, "dispose resets the buffer");
  azml_buf_dispose(&buf); /* twice is harmless */
  CHECK(buf.ptr == NULL, "disposing twice is harmless");

  CHECK(azml_definition_validate("{") == AZML_EINVALID, "malformed JSON fails");
  e = azml_error_last();
  CHECK(e != NULL && e->code == AZML_EINVALID, "the failure is the last error");
  CHECK(e != NULL && e->http_status == 0, "an offline failure has no HTTP status");
  CHECK(e != NULL && e->details_json[0] == '[', "details_json is a JSON array");
  azml_error_clear();
  CHECK(azml_error_last() == NULL, "azml_error_clear clears");

  CHECK(azml_definition_validate("{") == AZML_EINVALID, "fails again");
  CHECK(azml_version(NULL, NULL, NULL) == AZML_OK && azml_error_last() == NULL,
        "a successful call clears the last error");
}

/* A failure on one thread is that thread's last error only. */
static void *fail_on_another_thread(void *unused) {
  static int saw_own_error;
  (void)unused;
  saw_own_error = azml_definition_validate("{") == AZML_EINVALID && azml_error_last() != NULL &&
                  azml_error_last()->code == AZML_EINVALID;
  return &saw_own_error;
}

static void test_last_error_is_per_thread(void) {
  pthread_t thread;
  void *result = NULL;
  azml_error_clear();
  CHECK(pthread_create(&thread, NULL, fail_on_another_thread, NULL) == 0, "start a thread");
  pthread_join(thread, &result);
  CHECK(result != NULL && *(int *)result, "the other thread sees its own failure");
  CHECK(azml_error_last() == NULL, "this thread's last error is untouched by the other thread's failure");
}

static void test_definitions(void) {
  azml_buf exported = AZML_BUF_INIT, imported = AZML_BUF_INIT, again = AZML_BUF_INIT;
  const azml_error *e;

  CHECK(azml_definition_validate(SAMPLE_WEB_SERVICE_JSON) == AZML_OK, "a complete definition is valid");
  if (azml_error_last()) printf("  %s: %s\n", azml_error_last()->target, azml_error_last()->message);
  CHECK(azml_definition_validate(SAMPLE_GET_RESULT_PASCAL_JSON) == AZML_OK, "PascalCase package members are accepted");
  if (azml_error_last()) printf("  %s: %s\n", azml_error_last()->target, azml_error_last()->message);
  check_failure(azml_definition_validate(NULL), AZML_EINVALID, "web_service_json", "validate of NULL");

  CHECK(azml_definition_validate(SAMPLE_BROKEN_GRAPH_JSON) == AZML_EINVALID, "an edge to a missing node is invalid");
  e = azml_error_last();
  CHECK(e != NULL && CONTAINS(e->target, "properties.package.edges[0]"), "the error target is the edge's JSON path");
  CHECK(e != NULL && e->details_json[0] == '[' && CONTAINS(e->details_json, "\"target\""),
        "details_json lists the problems with their paths");
  if (e != NULL) printf("  (broken graph: target '%s', message '%s')\n", e->target, e->message);

  CHECK(azml_definition_export(&exported, SAMPLE_GET_RESULT_PASCAL_JSON) == AZML_OK, "export of a GET result");
  CHECK(!CONTAINS(exported.ptr, "\"provisioningState\"") && !CONTAINS(exported.ptr, "\"createdOn\"") &&
            !CONTAINS(exported.ptr, "\"swaggerLocation\"") && !CONTAINS(exported.ptr, "\"id\"") &&
            !CONTAINS(exported.ptr, "\"type\": \"Microsoft.MachineLearning"),
        "export drops read-only fields");
  CHECK(!CONTAINS(exported.ptr, "null"), "export drops nulls");
  CHECK(CONTAINS(exported.ptr, "\n  "), "export is indented");
  check_failure(azml_definition_export(&again, "[1,"), AZML_EINVALID, NULL, "export of malformed JSON");
  check_failure(azml_definition_export(NULL, "{}"), AZML_EINVALID, "out", "export with NULL out");

  CHECK(azml_definition_import(&imported, exported.ptr) == AZML_OK, "import of an export");
  if (azml_error_last()) printf("  %s: %s\n", azml_error_last()->target, azml_error_last()->message);
  CHECK(CONTAINS(imported.ptr, "\"assetId\"") && !CONTAINS(imported.ptr, "\"AssetId\""),
        "import normalises to camelCase");
  CHECK(azml_definition_export(&again, imported.ptr) == AZML_OK && again.ptr != NULL && exported.ptr != NULL,
        "export of the import");
  CHECK(again.ptr != NULL && exported.ptr != NULL && strcmp(again.ptr, exported.ptr) == 0,
        "export(import(export(x))) is export(x): import is the inverse of export");

  check_failure(azml_definition_import(&imported, "   "), AZML_EINVALID, NULL, "import of blank text");
  e = azml_error_last();
  CHECK(e != NULL && strcmp(e->message, "The Azure ML web service definition is not specified.") == 0,
        "blank import says the definition is not specified");
  check_failure(azml_definition_import(&imported, "{\"properties\": "), AZML_EINVALID, NULL, "import of cut JSON");
  check_failure(azml_definition_import(&imported, NULL), AZML_EINVALID, "definition_json", "import of NULL");

  azml_buf_dispose(&exported);
  azml_buf_dispose(&imported);
  azml_buf_dispose(&again);
}

/* ---------------------------------------------------------------- against azml-host */

typedef struct shared_get {
  azml_client *client;
  const char *name;
  int rc;
} shared_get;

static void *get_from_shared_client(void *argument) {
  shared_get *job = (shared_get *)argument;
  azml_buf buf = AZML_BUF_INIT;
  job->rc = azml_webservice_get(&buf, job->client, "abi-rg", job->name, NULL);
  if (job->rc == AZML_OK && !CONTAINS(buf.ptr, job->name)) job->rc = AZML_ERROR;
  azml_buf_dispose(&buf);
  return NULL;
}

/* The header promises that one azml_client may be used from several threads at once. */
static void check_concurrent_gets(azml_client *client, const char *name) {
  enum { kThreads = 4 };
  pthread_t threads[kThreads];
  shared_get jobs[kThreads];
  int i, started = 0, all_ok = 1;
  for (i = 0; i < kThreads; ++i) {
    jobs[i].client = client;
    jobs[i].name = name;
    jobs[i].rc = AZML_ERROR;
    if (pthread_create(&threads[i], NULL, get_from_shared_client, &jobs[i]) == 0) ++started;
  }
  for (i = 0; i < started; ++i) pthread_join(threads[i], NULL);
  for (i = 0; i < kThreads; ++i) all_ok = all_ok && jobs[i].rc == AZML_OK;
  CHECK(started == kThreads && all_ok, "one client serves concurrent gets from several threads");
}

static void test_against_host(const host_process *host) {
  azml_client *client = host_connect(host, host->admin_token, "abi_tests");
  azml_client *intruder = host_connect(host, "not-the-admin-token", "abi_tests");
  azml_buf buf = AZML_BUF_INIT;
  const char *subscription = NULL;
  const azml_error *e;
  char name[64];
  int rc;

  if (!client || !intruder) {
    CHECK(0, "clients for the host");
    azml_client_free(client);
    azml_client_free(intruder);
    return;
  }
  snprintf(name, sizeof name, "abi-svc-%ld", (long)getpid());

  rc = azml_client_subscription_id(&subscription, client);
  CHECK(rc == AZML_OK && subscription != NULL && strcmp(subscription, host->subscription_id) == 0,
        "the subscription is discovered from the host");
  if (rc) report_last_error("subscription_id");

  rc = azml_webservice_create_or_update(&buf, client, "abi-rg", name, SAMPLE_WEB_SERVICE_JSON);
  CHECK(rc == AZML_OK, "create a web service");
  if (rc) report_last_error("create");
  CHECK(CONTAINS(buf.ptr, name) && CONTAINS(buf.ptr, "ABI test service"), "create returns the service");
  CHECK(!CONTAINS(buf.ptr, "abi-primary-key"), "the service as returned holds no keys");
  azml_buf_dispose(&buf);

  rc = azml_webservice_get(&buf, client, "abi-rg", name, NULL);
  CHECK(rc == AZML_OK && CONTAINS(buf.ptr, "\"Succeeded\""), "get the created service");
  if (rc) report_last_error("get");
  azml_buf_dispose(&buf);

  check_concurrent_gets(client, name);

  rc = azml_webservice_list(&buf, client, "abi-rg");
  CHECK(rc == AZML_OK && buf.ptr != NULL && buf.ptr[0] == '[' && CONTAINS(buf.ptr, name),
        "list the resource group");
  if (rc) report_last_error("list rg");
  azml_buf_dispose(&buf);
  rc = azml_webservice_list(&buf, client, NULL);
  CHECK(rc == AZML_OK && CONTAINS(buf.ptr, name), "list the subscription");
  if (rc) report_last_error("list subscription");
  azml_buf_dispose(&buf);

  rc = azml_webservice_patch(&buf, client, "abi-rg", name, "{\"properties\":{\"title\":\"Patched by abi_tests\"}}");
  CHECK(rc == AZML_OK && CONTAINS(buf.ptr, "Patched by abi_tests"), "patch the title");
  if (rc) report_last_error("patch");
  azml_buf_dispose(&buf);

  rc = azml_webservice_list_keys(&buf, client, "abi-rg", name);
  CHECK(rc == AZML_OK && CONTAINS(buf.ptr, "\"primary\"") && CONTAINS(buf.ptr, "abi-primary-key") &&
            CONTAINS(buf.ptr, "abi-secondary-key"),
        "list keys returns the keys given on create");
  if (rc) report_last_error("list_keys");
  azml_buf_dispose(&buf);

  rc = azml_webservice_get(&buf, intruder, "abi-rg", name, NULL);
  check_failure(rc, AZML_EAUTH, NULL, "get with a wrong token");
  e = azml_error_last();
  CHECK(e != NULL && e->http_status == 401, "a wrong token is HTTP 401");

  rc = azml_webservice_remove(client, "abi-rg", name);
  CHECK(rc == AZML_OK, "remove the service");
  if (rc) report_last_error("remove");

  rc = azml_webservice_get(&buf, client, "abi-rg", name, NULL);
  check_failure(rc, AZML_ENOTFOUND, NULL, "get after remove");
  e = azml_error_last();
  CHECK(e != NULL && e->http_status == 404, "not found is HTTP 404");
  CHECK(e != NULL && e->service_code[0] != '\0', "not found carries the service's error code");
  CHECK(e != NULL && e->request_id[0] != '\0', "not found carries the request id");
  if (e) printf("  (not found: code '%s', request id '%s')\n", e->service_code, e->request_id);
  CHECK(buf.ptr == NULL, "the failed get left the buffer empty");

  CHECK(azml_webservice_remove(client, "abi-rg", name) == AZML_OK, "removing a missing service succeeds");

  azml_client_free(client);
  azml_client_free(intruder);
}

int main(void) {
  host_process host;
  int stop_status;

  CHECK(azml_error_last() == NULL, "a new thread has no last error");
  test_version();
  test_options();
  test_null_arguments();
  test_buffers_and_last_error();
  test_last_error_is_per_thread();
  test_definitions();

  if (host_start(&host, AZML_HOST_EXECUTABLE, 60) == 0) {
    CHECK(1, "azml-host started");
    test_against_host(&host);
    stop_status = host_stop(&host);
    CHECK(stop_status == 0, "azml-host exits 0 on SIGTERM");
    CHECK(!host_ready_file_exists(&host), "azml-host removes host.json on shutdown");
  } else {
    CHECK(0, "azml-host started");
    host_stop(&host);
  }
  host_cleanup(&host);

  printf("%d passed, %d failed\n", g_checks_passed, g_checks_failed);
  return g_checks_failed == 0 ? 0 : 1;
}
