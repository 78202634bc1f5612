/*
 * The classic web service, endpoint and scoring calls of the C ABI (azml_classic_webservice_*,
 * azml_endpoint_*, azml_rrs_*), checked from C: options and arguments offline, then against a
 * real azml-host started for the run. A predictive web service is published with a trained
 * model uploaded to the host's blob store (tests/pester/data, as the Pester tests do), scored
 * through RRS, given endpoints, one of them patched to a second model and refreshed after the
 * web service changes; and every mistake a caller has to tell apart comes back with its azml
 * code and the service's error code. The last line is "N passed, N failed".
 */
#define _XOPEN_SOURCE 700
#include <azml/azml.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "host_process.h"

/* The trained-model URI written in RetrainSamplePre.json: an Azure blob this machine cannot
 * reach. The test points it at a model uploaded to its own host. */
#define AZURE_MODEL_URI \
  "https://mltestaccount.blob.core.windows.net/azuremlassetscontainer/2c6bd0c2b4a94bdbb6a4bd4f0b2e21a7.ilearner"
#define MODEL_RESOURCE "Retrain Sample [trained model]"

/* Two census rows in both RRS forms. */
#define TABLE_REQUEST                                                                                  \
  "{\"Inputs\":{\"input1\":{\"ColumnNames\":[\"age\",\"workclass\",\"hours-per-week\"],"               \
  "\"Values\":[[\"39\",\"State-gov\",\"40\"],[\"50\",\"Self-emp-not-inc\",\"13.5\"]]}},\"GlobalParameters\":{}}"
#define SWAGGER_REQUEST                                                                                \
  "{\"Inputs\":{\"input1\":[{\"age\":\"39\",\"workclass\":\"State-gov\",\"hours-per-week\":\"40\"},"   \
  "{\"age\":\"50\",\"workclass\":\"Self-emp-not-inc\",\"hours-per-week\":\"13.5\"}]},\"GlobalParameters\":{}}"

/* ---------------------------------------------------------------- helpers */

/* A call that must succeed and leave no last error behind. */
#define CHECK_OK(call, description)                                                     \
  do {                                                                                  \
    int check_ok_rc_ = (call);                                                          \
    CHECK(check_ok_rc_ == AZML_OK, description);                                        \
    if (check_ok_rc_ != AZML_OK) report_last_error(description);                        \
    CHECK(check_ok_rc_ != AZML_OK || azml_error_last() == NULL, "success leaves no last error"); \
  } while (0)

static void check_service_code(const char *code, int http_status, const char *what) {
  const azml_error *e = azml_error_last();
  char description[256];
  snprintf(description, sizeof description, "%s carries the service's code %s and HTTP %d", what, code, http_status);
  CHECK(e != NULL && strcmp(e->service_code, code) == 0 && e->http_status == http_status, description);
  if (e != NULL && (strcmp(e->service_code, code) != 0 || e->http_status != http_status)) {
    printf("  got '%s', HTTP %d: %s\n", e->service_code, e->http_status, e->message);
  }
}

/* A failure with its azml code, the service's code and HTTP status. */
static void check_refused(int rc, int code, const char *service_code, int http_status, const char *what) {
  check_failure(rc, code, NULL, what);
  check_service_code(service_code, http_status, what);
}

/* A whole file, NUL-terminated, its length in *size; NULL when it cannot be read. The caller frees it. */
static char *read_file(const char *path, size_t *size) {
  FILE *in = fopen(path, "rb");
  char *data = NULL;
  long length;
  if (!in) return NULL;
  if (fseek(in, 0, SEEK_END) == 0 && (length = ftell(in)) >= 0 && fseek(in, 0, SEEK_SET) == 0) {
    data = malloc((size_t)length + 1);
    if (data && fread(data, 1, (size_t)length, in) == (size_t)length) {
      data[length] = '\0';
      if (size) *size = (size_t)length;
    } else {
      free(data);
      data = NULL;
    }
  }
  fclose(in);
  return data;
}

/* text with the first occurrence of from replaced by to; NULL when from is not in text. The
 * caller frees it. */
static char *replace_once(const char *text, const char *from, const char *to) {
  const char *at = strstr(text, from);
  size_t head, size;
  char *out;
  if (!at) return NULL;
  head = (size_t)(at - text);
  size = strlen(text) - strlen(from) + strlen(to) + 1;
  out = malloc(size);
  if (!out) return NULL;
  memcpy(out, text, head);
  snprintf(out + head, size - head, "%s%s", to, at + strlen(from));
  return out;
}

/* The string value of the first "name":"value" in json at or after `from` (NULL: the start),
 * copied to out; 0 when found. */
static int json_string_from(const char *json, const char *from, const char *name, char *out, size_t size) {
  char pattern[128];
  const char *start;
  const char *end;
  if (!json) return -1;
  if (from && !(json = strstr(json, from))) return -1;
  snprintf(pattern, sizeof pattern, "\"%s\":\"", name);
  start = strstr(json, pattern);
  if (!start) return -1;
  start += strlen(pattern);
  end = strchr(start, '"');
  if (!end || (size_t)(end - start) >= size) return -1;
  memcpy(out, start, (size_t)(end - start));
  out[end - start] = '\0';
  return 0;
}

static int json_string(const char *json, const char *name, char *out, size_t size) {
  return json_string_from(json, NULL, name, out, size);
}

/* Whether a appears in text before b (both present). */
static int appears_before(const char *text, const char *a, const char *b) {
  const char *pa = text ? strstr(text, a) : NULL;
  const char *pb = text ? strstr(text, b) : NULL;
  return pa != NULL && pb != NULL && pa < pb;
}

/* Whether two buffers hold the same text (both set). */
static int same_text(const azml_buf *a, const azml_buf *b) {
  return a->ptr != NULL && b->ptr != NULL && strcmp(a->ptr, b->ptr) == 0;
}

/* Scores TABLE_REQUEST with details through api_location and key into *out; the status. */
static int score(azml_buf *out, const char *api_location, const char *key, unsigned int flags, const char *request) {
  azml_rrs_options opts = AZML_RRS_OPTIONS_INIT;
  azml_rrs *rrs = NULL;
  int rc;
  opts.api_location = api_location;
  opts.api_key = key;
  opts.max_retries = 0;
  rc = azml_rrs_new(&rrs, &opts);
  if (rc == AZML_OK) rc = azml_rrs_execute(out, rrs, request, flags);
  azml_rrs_free(rrs);
  return rc;
}

/* ---------------------------------------------------------------- offline */

static void test_endpoint_options(void) {
  azml_endpoint_options opts;
  memset(&opts, 0xAB, sizeof opts);
  CHECK_OK(azml_endpoint_options_init(&opts, AZML_ENDPOINT_OPTIONS_VERSION), "endpoint_options_init succeeds");
  CHECK(opts.version == AZML_ENDPOINT_OPTIONS_VERSION && opts.description == NULL && opts.throttle_level == NULL &&
            opts.max_concurrent_calls == 0 && opts.prevent_update == 0,
        "endpoint_options_init fills the documented defaults");
  check_failure(azml_endpoint_options_init(&opts, 2), AZML_EINVALID, "version", "endpoint_options_init of version 2");
  check_failure(azml_endpoint_options_init(NULL, AZML_ENDPOINT_OPTIONS_VERSION), AZML_EINVALID, "opts",
                "endpoint_options_init of NULL");
}

static void test_rrs_options_and_arguments(void) {
  azml_rrs_options opts;
  azml_rrs *rrs = NULL;
  azml_buf buf = AZML_BUF_INIT;

  memset(&opts, 0xAB, sizeof opts);
  CHECK_OK(azml_rrs_options_init(&opts, AZML_RRS_OPTIONS_VERSION), "rrs_options_init succeeds");
  CHECK(opts.version == AZML_RRS_OPTIONS_VERSION && opts.api_location == NULL && opts.api_key == NULL &&
            opts.max_retries == 3 && opts.timeout_ms == 0 && opts.retry_delay_ms == 0 && opts.ca_file == NULL &&
            opts.user_agent == NULL,
        "rrs_options_init fills the documented defaults");
  check_failure(azml_rrs_options_init(&opts, 9), AZML_EINVALID, "version", "rrs_options_init of version 9");
  check_failure(azml_rrs_options_init(NULL, AZML_RRS_OPTIONS_VERSION), AZML_EINVALID, "opts", "rrs_options_init of NULL");

  check_failure(azml_rrs_new(NULL, &opts), AZML_EINVALID, "out", "rrs_new to NULL");
  check_failure(azml_rrs_new(&rrs, NULL), AZML_EINVALID, "opts", "rrs_new without options");
  check_failure(azml_rrs_new(&rrs, &opts), AZML_EINVALID, "api_location", "rrs_new without a location");
  opts.api_location = "http://127.0.0.1:9/workspaces/w/services/s";
  check_failure(azml_rrs_new(&rrs, &opts), AZML_EINVALID, "api_key", "rrs_new without a key");
  opts.api_key = "key";
  opts.version = 2;
  check_failure(azml_rrs_new(&rrs, &opts), AZML_EINVALID, "version", "rrs_new with options version 2");
  opts.version = AZML_RRS_OPTIONS_VERSION;
  opts.retry_delay_ms = 30001;
  check_failure(azml_rrs_new(&rrs, &opts), AZML_EINVALID, "retry_delay_ms", "rrs_new with a retry delay over 30 s");
  opts.retry_delay_ms = 0;
  opts.api_location = "http://127.0.0.1:9/nothing/here";
  check_failure(azml_rrs_new(&rrs, &opts), AZML_EINVALID, "api_location", "rrs_new with a URL that names no service");
  opts.api_location = "ftp://127.0.0.1/workspaces/w/services/s";
  check_failure(azml_rrs_new(&rrs, &opts), AZML_EINVALID, "api_location", "rrs_new with an ftp URL");
  CHECK(rrs == NULL, "a failed rrs_new leaves *out alone");

  /* The request URL azuremlps and the API help page give names the same service. */
  opts.api_location = "http://127.0.0.1:9/workspaces/w/services/s/execute?api-version=2.0&details=true";
  CHECK_OK(azml_rrs_new(&rrs, &opts), "rrs_new accepts an execute URL");
  CHECK(rrs != NULL, "rrs_new gives a handle");
  check_failure(azml_rrs_execute(NULL, rrs, "{}", 0), AZML_EINVALID, "out", "execute to a NULL buffer");
  check_failure(azml_rrs_execute(&buf, NULL, "{}", 0), AZML_EINVALID, "rrs", "execute without a handle");
  check_failure(azml_rrs_execute(&buf, rrs, NULL, 0), AZML_EINVALID, "request_json", "execute of NULL");
  check_failure(azml_rrs_execute(&buf, rrs, "{\"Inputs\": ", 0), AZML_EINVALID, "request_json",
                "execute of malformed JSON");
  check_failure(azml_rrs_execute(&buf, rrs, "[1]", 0), AZML_EINVALID, "request_json", "execute of a JSON array");
  check_failure(azml_rrs_execute(&buf, rrs, "{}", 4u), AZML_EINVALID, "flags", "execute with an unknown flag");
  /* Nothing listens on port 9: the call gets as far as the network. */
  check_failure(azml_rrs_execute(&buf, rrs, TABLE_REQUEST, AZML_RRS_DETAILS), AZML_ETRANSPORT, NULL,
                "execute against a closed port");
  CHECK(buf.ptr == NULL, "failed calls leave the buffer alone");
  azml_rrs_free(rrs);
  azml_rrs_free(NULL);
}

/* Argument checks of the classic calls: all refused before any network exchange (the client's
 * endpoint has nothing listening). */
static void test_classic_arguments(void) {
  azml_client_options client_options = AZML_CLIENT_OPTIONS_INIT;
  azml_client *client = NULL;
  azml_endpoint_options opts = AZML_ENDPOINT_OPTIONS_INIT;
  azml_buf buf = AZML_BUF_INIT;
  int refreshed = 7;

  client_options.endpoint = "http://127.0.0.1:9";
  client_options.max_retries = 0;
  CHECK_OK(azml_client_new(&client, &client_options), "client_new for the argument checks");

  check_failure(azml_classic_webservice_list(NULL, client, "ws"), AZML_EINVALID, "out", "webservice_list to NULL");
  check_failure(azml_classic_webservice_list(&buf, NULL, "ws"), AZML_EINVALID, "client", "webservice_list without a client");
  check_failure(azml_classic_webservice_list(&buf, client, ""), AZML_EINVALID, "workspace_id",
                "webservice_list of an empty workspace id");
  check_failure(azml_classic_webservice_get(&buf, client, "ws", NULL), AZML_EINVALID, "web_service_id",
                "webservice_get of NULL");
  check_failure(azml_classic_webservice_get(&buf, client, "ws", ""), AZML_EINVALID, "web_service_id",
                "webservice_get of an empty id");
  check_failure(azml_classic_webservice_remove(NULL, "ws", "id"), AZML_EINVALID, "client", "webservice_remove without a client");
  check_failure(azml_classic_webservice_remove(client, "ws", NULL), AZML_EINVALID, "web_service_id",
                "webservice_remove of NULL");

  check_failure(azml_endpoint_list(NULL, client, "ws", "id"), AZML_EINVALID, "out", "endpoint_list to NULL");
  check_failure(azml_endpoint_list(&buf, client, "ws", NULL), AZML_EINVALID, "web_service_id", "endpoint_list of NULL");
  check_failure(azml_endpoint_get(&buf, client, "ws", "id", NULL), AZML_EINVALID, "endpoint_name",
                "endpoint_get of a NULL name");
  check_failure(azml_endpoint_get(&buf, client, "ws", "id", ""), AZML_EINVALID, "endpoint_name",
                "endpoint_get of an empty name");
  check_failure(azml_endpoint_add(&buf, client, "ws", "id", NULL, NULL), AZML_EINVALID, "endpoint_name",
                "endpoint_add of a NULL name");
  opts.version = 5;
  check_failure(azml_endpoint_add(&buf, client, "ws", "id", "e1", &opts), AZML_EINVALID, "version",
                "endpoint_add with options version 5");
  check_failure(azml_endpoint_patch(&buf, client, "ws", "id", "e1", NULL), AZML_EINVALID, "patch_json",
                "endpoint_patch of NULL");
  check_failure(azml_endpoint_patch(&buf, client, "ws", "id", "e1", "{\"Resources\":"), AZML_EINVALID, "patch_json",
                "endpoint_patch of malformed JSON");
  check_failure(azml_endpoint_patch(&buf, client, "ws", "id", "e1", "[]"), AZML_EINVALID, "patch_json",
                "endpoint_patch of a JSON array");
  check_failure(azml_endpoint_update_resource(&buf, client, "ws", "id", "e1", NULL, "https://a/", "c/m.ilearner", NULL),
                AZML_EINVALID, "resource_name", "update_resource without a resource name");
  check_failure(azml_endpoint_update_resource(&buf, client, "ws", "id", "e1", "m", NULL, "c/m.ilearner", NULL),
                AZML_EINVALID, "base_location", "update_resource without a base location");
  check_failure(azml_endpoint_update_resource(&buf, client, "ws", "id", "e1", "m", "", "c/m.ilearner", NULL),
                AZML_EINVALID, "base_location", "update_resource with an empty base location");
  check_failure(azml_endpoint_update_resource(&buf, client, "ws", "id", "e1", "m", "https://a/", NULL, NULL),
                AZML_EINVALID, "relative_location", "update_resource without a relative location");
  check_failure(azml_endpoint_refresh(NULL, &refreshed, client, "ws", "id", "e1", 0), AZML_EINVALID, "out",
                "endpoint_refresh to NULL");
  check_failure(azml_endpoint_refresh(&buf, &refreshed, client, "ws", "id", NULL, 0), AZML_EINVALID, "endpoint_name",
                "endpoint_refresh of a NULL name");
  CHECK(refreshed == 7, "a failed refresh leaves *out_refreshed alone");
  check_failure(azml_endpoint_remove(client, "ws", NULL, "e1"), AZML_EINVALID, "web_service_id",
                "endpoint_remove of a NULL web service");
  /* Valid arguments get as far as the network. */
  check_failure(azml_endpoint_get(&buf, client, "ws", "id", "e1"), AZML_ETRANSPORT, NULL,
                "endpoint_get against a closed port");
  CHECK(buf.ptr == NULL, "failed calls leave the buffer alone");
  azml_client_free(client);
}

/* ---------------------------------------------------------------- against a host */

typedef struct fixture {
  host_process host;
  azml_client *client;
  char *definition_v1;     /* RetrainSamplePre.json on model v1 in the host's blobs */
  char *definition_v2;     /* the same on model v2 */
  char blob_base[512];     /* "{endpoint}/blob/azmlstore/" */
  char service_id[64];     /* the classic web service id */
  char api_location[512];  /* the ARM web service's API location */
  char primary[256];       /* its primary key */
} fixture;

/* Uploads both models and the definitions that use them, creates the predictive web service. */
static int publish_service(fixture *f) {
  azml_buf service = AZML_BUF_INIT, keys = AZML_BUF_INIT;
  char uri[640], swagger[512];
  size_t size = 0;
  char *definition = read_file(AZML_PESTER_DATA_DIR "/RetrainSamplePre.json", NULL);
  char *v1 = read_file(AZML_PESTER_DATA_DIR "/retrain-sample-v1.ilearner", &size);
  char *v2 = NULL;
  char *end;
  int ok = 0;

  CHECK(definition != NULL && v1 != NULL, "the definition and model v1 are readable");
  if (definition && v1) {
    CHECK_OK(azml_blob_upload(f->client, NULL, "models", "retrain-sample-v1.ilearner", v1, size, NULL),
             "model v1 is uploaded");
    free(v1);
    v1 = NULL;
    v2 = read_file(AZML_PESTER_DATA_DIR "/retrain-sample-v2.ilearner", &size);
    CHECK(v2 != NULL, "model v2 is readable");
    if (v2) CHECK_OK(azml_blob_upload(f->client, NULL, "models", "retrain-sample-v2.ilearner", v2, size, NULL),
                     "model v2 is uploaded");
    snprintf(f->blob_base, sizeof f->blob_base, "%s/blob/azmlstore/", f->host.endpoint);
    snprintf(uri, sizeof uri, "%smodels/retrain-sample-v1.ilearner", f->blob_base);
    f->definition_v1 = replace_once(definition, AZURE_MODEL_URI, uri);
    snprintf(uri, sizeof uri, "%smodels/retrain-sample-v2.ilearner", f->blob_base);
    f->definition_v2 = replace_once(definition, AZURE_MODEL_URI, uri);
    CHECK(f->definition_v1 != NULL && f->definition_v2 != NULL, "the definition names the model to replace");
  }
  if (f->definition_v1) {
    CHECK_OK(azml_webservice_create_or_update(&service, f->client, "rg", "RetrainSample", f->definition_v1),
             "the predictive web service is created on model v1");
    CHECK_OK(azml_webservice_list_keys(&keys, f->client, "rg", "RetrainSample"), "its keys are read");
    CHECK(CONTAINS(service.ptr, "\"provisioningState\":\"Succeeded\""), "it provisions");
    if (json_string(service.ptr, "swaggerLocation", swagger, sizeof swagger) == 0 &&
        (end = strstr(swagger, "/swagger.json")) != NULL && json_string(keys.ptr, "primary", f->primary, sizeof f->primary) == 0) {
      *end = '\0';
      snprintf(f->api_location, sizeof f->api_location, "%s", swagger);
      end = strrchr(swagger, '/');
      snprintf(f->service_id, sizeof f->service_id, "%s", end + 1);
      ok = strlen(f->service_id) == 32;
    }
    CHECK(ok, "the service has an API location whose last segment is a 32-character id, and a primary key");
  }
  azml_buf_dispose(&service);
  azml_buf_dispose(&keys);
  free(definition);
  free(v1);
  free(v2);
  return ok;
}

/* RRS on the ARM web service's API location: the part that does not need the classic API. */
static void test_scoring(fixture *f, azml_buf *baseline) {
  azml_buf out = AZML_BUF_INIT;
  char execute_url[640];

  CHECK_OK(score(baseline, f->api_location, f->primary, AZML_RRS_DETAILS, TABLE_REQUEST), "table scoring with details");
  CHECK(CONTAINS(baseline->ptr, "{\"Results\":{\"output1\":{\"type\":\"table\",\"value\":{") &&
            CONTAINS(baseline->ptr, "\"ColumnNames\":[\"age\",\"workclass\",\"hours-per-week\",\"Scored Labels\",\"Scored Probabilities\"]") &&
            CONTAINS(baseline->ptr, "\"ColumnTypes\":") && CONTAINS(baseline->ptr, "\"Values\":[["),
        "table results with details carry the output's column names and types");

  CHECK_OK(score(&out, f->api_location, f->primary, 0, TABLE_REQUEST), "table scoring without details");
  CHECK(CONTAINS(out.ptr, "\"Values\":[[") && !CONTAINS(out.ptr, "\"ColumnNames\""),
        "table results without details have only the values");
  azml_buf_dispose(&out);

  CHECK_OK(score(&out, f->api_location, f->primary, AZML_RRS_SWAGGER | AZML_RRS_DETAILS, SWAGGER_REQUEST),
           "swagger scoring with details");
  CHECK(CONTAINS(out.ptr, "{\"Results\":{\"output1\":[{") && CONTAINS(out.ptr, "\"Scored Labels\":") &&
            CONTAINS(out.ptr, "\"workclass\":\"Self-emp-not-inc\""),
        "swagger results are rows as objects");
  azml_buf_dispose(&out);

  snprintf(execute_url, sizeof execute_url, "%s/execute?api-version=2.0&details=true", f->api_location);
  CHECK_OK(score(&out, execute_url, f->primary, AZML_RRS_DETAILS, TABLE_REQUEST), "scoring through an execute URL");
  CHECK(same_text(&out, baseline), "the execute URL reaches the same service");
  azml_buf_dispose(&out);

  check_refused(score(&out, f->api_location, "not-the-key", 0, TABLE_REQUEST), AZML_EAUTH, "InvalidAuthenticationToken", 401,
                "scoring with a wrong key");
  check_failure(score(&out, f->api_location, f->primary, 0,
                      "{\"Inputs\":{\"input1\":{\"ColumnNames\":[\"age\",\"workclass\",\"hours-per-week\"],"
                      "\"Values\":[[\"39\",\"State-gov\"]]}},\"GlobalParameters\":{}}"),
                AZML_EINVALID, NULL, "scoring a row with a value missing");
  CHECK(azml_error_last() != NULL && CONTAINS(azml_error_last()->message, "input1"),
        "the bad-data error names the input");
  CHECK(out.ptr == NULL, "a refused scoring leaves the buffer alone");
}

/* The endpoint JSON's ApiLocation and PrimaryKey; 0 when both are there. */
static int endpoint_access(const azml_buf *endpoint, char *location, size_t location_size, char *key, size_t key_size) {
  return json_string(endpoint->ptr, "ApiLocation", location, location_size) == 0 &&
                 json_string(endpoint->ptr, "PrimaryKey", key, key_size) == 0
             ? 0
             : -1;
}

static void test_classic(fixture *f, const azml_buf *baseline_v1) {
  const char *ws = f->host.subscription_id; /* the classic workspace is the host's subscription */
  azml_client *intruder = NULL, *by_key = NULL;
  azml_endpoint_options opts = AZML_ENDPOINT_OPTIONS_INIT;
  azml_buf list = AZML_BUF_INIT, one = AZML_BUF_INIT, ep = AZML_BUF_INIT, other = AZML_BUF_INIT;
  azml_buf before = AZML_BUF_INIT, after = AZML_BUF_INIT, scored = AZML_BUF_INIT;
  azml_buf sas = AZML_BUF_INIT, service = AZML_BUF_INIT;
  char location[512], key[256], default_location[512], default_key[256], text[512], bad_sas[1024];
  char lowtier_key[256], lowtier_key_after[256], patch[1024];
  char *census = NULL;
  int refreshed = -1, rc;
  size_t size = 0;

  /* Web services, seen from the classic side. */
  rc = azml_classic_webservice_list(&list, f->client, NULL);
  CHECK(rc == AZML_OK, "classic webservice_list (workspace: the client's subscription) succeeds");
  if (rc != AZML_OK) {
    report_last_error("classic webservice_list");
    printf("  the host does not answer the classic API: the endpoint checks cannot run\n");
    return;
  }
  CHECK(azml_error_last() == NULL, "success leaves no last error");
  snprintf(text, sizeof text, "\"Id\":\"%s\"", f->service_id);
  CHECK(list.ptr[0] == '[' && CONTAINS(list.ptr, text) && CONTAINS(list.ptr, "\"Name\":\"RetrainSample\""),
        "the list holds the web service under its classic id");
  azml_buf_dispose(&list);
  CHECK_OK(azml_classic_webservice_list(&list, f->client, ws), "webservice_list with the workspace id given");
  CHECK(CONTAINS(list.ptr, text), "the workspace id is the subscription id");
  azml_buf_dispose(&list);
  CHECK_OK(azml_classic_webservice_get(&one, f->client, NULL, f->service_id), "classic webservice_get");
  CHECK(CONTAINS(one.ptr, text) && CONTAINS(one.ptr, "\"DefaultEndpointName\":\"default\"") &&
            CONTAINS(one.ptr, "\"EndpointCount\":1") &&
            CONTAINS(one.ptr, "\"Description\":\"Scores census rows with the model that the training web service retrains.\""),
        "the web service has its id, description, default endpoint and one endpoint");
  azml_buf_dispose(&one);

  /* The default endpoint is the ARM web service. */
  CHECK_OK(azml_endpoint_list(&list, f->client, NULL, f->service_id), "endpoint_list");
  CHECK(list.ptr && list.ptr[0] == '[' && CONTAINS(list.ptr, "\"Name\":\"default\""), "the list holds the default endpoint");
  azml_buf_dispose(&list);
  CHECK_OK(azml_endpoint_get(&ep, f->client, NULL, f->service_id, "default"), "endpoint_get of default");
  CHECK(endpoint_access(&ep, default_location, sizeof default_location, default_key, sizeof default_key) == 0,
        "the default endpoint has an ApiLocation and a PrimaryKey");
  CHECK(strcmp(default_key, f->primary) == 0, "the default endpoint's key is the web service's key");
  CHECK(CONTAINS(ep.ptr, "\"ThrottleLevel\":\"High\"") && CONTAINS(ep.ptr, "\"MaxConcurrentCalls\":4") &&
            CONTAINS(ep.ptr, "\"Name\":\"" MODEL_RESOURCE "\"") && CONTAINS(ep.ptr, "\"Kind\":\"TrainedModel\"") &&
            CONTAINS(ep.ptr, "\"SasBlobToken\":null"),
        "the default endpoint has the service's concurrency and its trained model as a resource");
  azml_buf_dispose(&ep);
  CHECK_OK(score(&scored, default_location, default_key, AZML_RRS_DETAILS, TABLE_REQUEST), "scoring the default endpoint");
  CHECK(same_text(&scored, baseline_v1), "the default endpoint scores as the web service does");
  azml_buf_dispose(&scored);

  /* Adding endpoints. */
  opts.description = "retrained by BES";
  opts.throttle_level = "High";
  opts.max_concurrent_calls = 10;
  CHECK_OK(azml_endpoint_add(&ep, f->client, NULL, f->service_id, "retrained", &opts), "endpoint_add");
  CHECK(CONTAINS(ep.ptr, "\"Name\":\"retrained\"") && CONTAINS(ep.ptr, "\"Description\":\"retrained by BES\"") &&
            CONTAINS(ep.ptr, "\"MaxConcurrentCalls\":10") && CONTAINS(ep.ptr, "\"ThrottleLevel\":\"High\"") &&
            CONTAINS(ep.ptr, "\"Version\":\"1\"") && CONTAINS(ep.ptr, "\"PreventUpdate\":false") &&
            CONTAINS(ep.ptr, "\"Kind\":\"TrainedModel\""),
        "the added endpoint has the settings given, version 1 and the trained model resource");
  CHECK(endpoint_access(&ep, location, sizeof location, key, sizeof key) == 0 && strcmp(key, default_key) != 0 &&
            strcmp(location, default_location) != 0,
        "the added endpoint has its own key and API location");
  azml_buf_dispose(&ep);

  opts = (azml_endpoint_options)AZML_ENDPOINT_OPTIONS_INIT;
  opts.throttle_level = "Low";
  opts.max_concurrent_calls = 50;
  CHECK_OK(azml_endpoint_add(&ep, f->client, NULL, f->service_id, "lowtier", &opts), "endpoint_add with Low");
  CHECK(CONTAINS(ep.ptr, "\"ThrottleLevel\":\"Low\"") && CONTAINS(ep.ptr, "\"MaxConcurrentCalls\":4"),
        "Low forces 4 concurrent calls");
  CHECK(json_string(ep.ptr, "PrimaryKey", lowtier_key, sizeof lowtier_key) == 0, "lowtier has a key");
  azml_buf_dispose(&ep);
  CHECK_OK(azml_endpoint_add(&ep, f->client, NULL, f->service_id, "lowtier", NULL), "endpoint_add of an existing endpoint");
  CHECK(CONTAINS(ep.ptr, "\"ThrottleLevel\":\"High\"") && CONTAINS(ep.ptr, "\"MaxConcurrentCalls\":20") &&
            CONTAINS(ep.ptr, "\"Version\":\"2\""),
        "changing the settings applies the defaults of what was not given and counts a version");
  CHECK(json_string(ep.ptr, "PrimaryKey", lowtier_key_after, sizeof lowtier_key_after) == 0 &&
            strcmp(lowtier_key, lowtier_key_after) == 0,
        "changing the settings keeps the keys");
  azml_buf_dispose(&ep);

  opts = (azml_endpoint_options)AZML_ENDPOINT_OPTIONS_INIT;
  opts.prevent_update = 1;
  CHECK_OK(azml_endpoint_add(&ep, f->client, NULL, f->service_id, "frozen", &opts), "endpoint_add with PreventUpdate");
  CHECK(CONTAINS(ep.ptr, "\"PreventUpdate\":true"), "PreventUpdate is kept");
  azml_buf_dispose(&ep);

  CHECK_OK(azml_endpoint_list(&list, f->client, NULL, f->service_id), "endpoint_list of four");
  CHECK(appears_before(list.ptr, "\"Name\":\"default\"", "\"Name\":\"frozen\"") &&
            appears_before(list.ptr, "\"Name\":\"frozen\"", "\"Name\":\"lowtier\"") &&
            appears_before(list.ptr, "\"Name\":\"lowtier\"", "\"Name\":\"retrained\""),
        "the list has the default endpoint first, then the others by name");
  azml_buf_dispose(&list);
  CHECK_OK(azml_classic_webservice_get(&one, f->client, ws, f->service_id), "classic webservice_get again");
  CHECK(CONTAINS(one.ptr, "\"EndpointCount\":4"), "EndpointCount counts the default endpoint");
  azml_buf_dispose(&one);

  /* Scoring an added endpoint with its own key. */
  CHECK_OK(score(&scored, location, key, AZML_RRS_DETAILS, TABLE_REQUEST), "scoring the added endpoint (table)");
  CHECK(same_text(&scored, baseline_v1), "the added endpoint serves the web service's model");
  azml_buf_dispose(&scored);
  CHECK_OK(score(&scored, location, key, AZML_RRS_SWAGGER | AZML_RRS_DETAILS, SWAGGER_REQUEST),
           "scoring the added endpoint (swagger)");
  CHECK(CONTAINS(scored.ptr, "{\"Results\":{\"output1\":[{") && CONTAINS(scored.ptr, "\"Scored Probabilities\":"),
        "the added endpoint answers swagger rows");
  azml_buf_dispose(&scored);
  check_refused(score(&scored, location, default_key, 0, TABLE_REQUEST), AZML_EAUTH, "InvalidAuthenticationToken", 401,
                "scoring an endpoint with another endpoint's key");

  /* The endpoint's key authorizes the calls about that endpoint, and no others. */
  by_key = host_connect(&f->host, key, "endpoint_abi_tests");
  CHECK_OK(azml_endpoint_get(&ep, by_key, ws, f->service_id, "retrained"), "endpoint_get with the endpoint's own key");
  azml_buf_dispose(&ep);
  check_failure(azml_endpoint_get(&ep, by_key, ws, f->service_id, "default"), AZML_EAUTH, NULL,
                "endpoint_get of another endpoint with this endpoint's key");
  check_failure(azml_classic_webservice_list(&list, by_key, ws), AZML_EAUTH, NULL, "webservice_list with an endpoint key");
  azml_client_free(by_key);

  /* Patching the added endpoint swaps its model and nothing else's. */
  CHECK_OK(azml_blob_sas(&sas, f->client, NULL, "models", "retrain-sample-v2.ilearner", "r", 600), "a SAS for model v2");
  CHECK_OK(azml_endpoint_update_resource(&ep, f->client, NULL, f->service_id, "retrained", MODEL_RESOURCE, f->blob_base,
                                         "models/retrain-sample-v2.ilearner", sas.ptr),
           "update_resource to model v2");
  CHECK(CONTAINS(ep.ptr, "\"Version\":\"2\"") && CONTAINS(ep.ptr, "\"RelativeLocation\":\"models/retrain-sample-v2.ilearner\"") &&
            CONTAINS(ep.ptr, "\"SasBlobToken\":null") && !CONTAINS(ep.ptr, "sig="),
        "the endpoint has version 2, the new location and no echo of the SAS");
  azml_buf_dispose(&ep);
  CHECK_OK(score(&scored, location, key, AZML_RRS_DETAILS, TABLE_REQUEST), "scoring the patched endpoint");
  CHECK(scored.ptr != NULL && !same_text(&scored, baseline_v1), "the patched endpoint scores with model v2");
  CHECK_OK(score(&other, default_location, default_key, AZML_RRS_DETAILS, TABLE_REQUEST), "scoring the default endpoint again");
  CHECK(same_text(&other, baseline_v1), "the default endpoint still scores with model v1");
  azml_buf_dispose(&other);

  /* The same PATCH as JSON text, without a SAS: the host reads its own blob directly. */
  snprintf(patch, sizeof patch,
           "{\"Resources\":[{\"Name\":\"" MODEL_RESOURCE "\",\"Kind\":\"TrainedModel\",\"Location\":{\"BaseLocation\":\"%s\","
           "\"RelativeLocation\":\"models/retrain-sample-v2.ilearner\"}}]}",
           f->blob_base);
  CHECK_OK(azml_endpoint_patch(&ep, f->client, NULL, f->service_id, "retrained", patch), "endpoint_patch as JSON");
  CHECK(CONTAINS(ep.ptr, "\"Version\":\"3\""), "each patch counts a version");
  azml_buf_dispose(&ep);

  /* Refresh: nothing to do while the web service is unchanged... */
  refreshed = -1;
  CHECK_OK(azml_endpoint_refresh(&ep, &refreshed, f->client, NULL, f->service_id, "retrained", 0), "refresh, unchanged");
  CHECK(refreshed == 0 && CONTAINS(ep.ptr, "\"Name\":\"retrained\"") && CONTAINS(ep.ptr, "\"Version\":\"3\""),
        "an unchanged web service refreshes nothing (304), and *out is the endpoint");
  azml_buf_dispose(&ep);
  refreshed = -1;
  CHECK_OK(azml_endpoint_refresh(&ep, &refreshed, f->client, NULL, f->service_id, "default", 0), "refresh of default");
  CHECK(refreshed == 0 && CONTAINS(ep.ptr, "\"Name\":\"default\""), "the default endpoint is always in sync");
  azml_buf_dispose(&ep);
  CHECK_OK(azml_endpoint_refresh(&ep, NULL, f->client, NULL, f->service_id, "lowtier", 0), "refresh with out_refreshed NULL");
  azml_buf_dispose(&ep);

  /* ... until the web service changes. */
  CHECK_OK(azml_webservice_create_or_update(&service, f->client, "rg", "RetrainSample", f->definition_v2),
           "the web service moves to model v2");
  azml_buf_dispose(&service);
  CHECK_OK(azml_webservice_list_keys(&service, f->client, "rg", "RetrainSample"), "its keys are read again");
  CHECK(json_string(service.ptr, "primary", default_key, sizeof default_key) == 0, "the web service has a primary key");
  azml_buf_dispose(&service);
  CHECK_OK(score(&other, default_location, default_key, AZML_RRS_DETAILS, TABLE_REQUEST), "scoring the default endpoint on v2");
  CHECK(same_text(&other, &scored), "the default endpoint follows the web service; model v2 scores alike everywhere");
  azml_buf_dispose(&other);
  check_refused(score(&other, f->api_location, key, 0, TABLE_REQUEST), AZML_EAUTH, "InvalidAuthenticationToken", 401,
                "scoring the web service with an added endpoint's key");

  check_refused(azml_endpoint_refresh(&ep, &refreshed, f->client, NULL, f->service_id, "frozen", 0), AZML_ECONFLICT,
                "EndpointUpdatePrevented", 409, "refresh of an endpoint added with PreventUpdate");
  refreshed = -1;
  CHECK_OK(azml_endpoint_refresh(&ep, &refreshed, f->client, NULL, f->service_id, "retrained", 0),
           "refresh after the web service changed");
  CHECK(refreshed == 1 && CONTAINS(ep.ptr, "\"Version\":\"4\"") &&
            CONTAINS(ep.ptr, "\"RelativeLocation\":\"models/retrain-sample-v2.ilearner\""),
        "the refresh moves the endpoint on (version 4) and keeps its patched resource");
  azml_buf_dispose(&ep);
  refreshed = -1;
  CHECK_OK(azml_endpoint_refresh(&ep, &refreshed, f->client, NULL, f->service_id, "retrained", 1),
           "refresh overwriting resources");
  CHECK(refreshed == 1 && CONTAINS(ep.ptr, "\"Version\":\"5\""), "overwriting the patched resource is a change");
  azml_buf_dispose(&ep);
  refreshed = -1;
  CHECK_OK(azml_endpoint_refresh(&ep, &refreshed, f->client, NULL, f->service_id, "retrained", 1),
           "refresh overwriting resources again");
  CHECK(refreshed == 0, "with nothing patched and nothing changed, there is nothing to do");
  azml_buf_dispose(&ep);
  CHECK_OK(score(&other, location, key, AZML_RRS_DETAILS, TABLE_REQUEST), "scoring the refreshed endpoint");
  CHECK(same_text(&other, &scored), "the refreshed endpoint scores with the web service's model v2");
  azml_buf_dispose(&other);
  azml_buf_dispose(&scored);

  /* The mistakes a caller has to tell apart; each refused change changes nothing. */
  CHECK_OK(azml_endpoint_get(&before, f->client, NULL, f->service_id, "retrained"), "endpoint_get before the mistakes");
  check_refused(azml_endpoint_update_resource(&ep, f->client, NULL, f->service_id, "default", MODEL_RESOURCE, f->blob_base,
                                              "models/retrain-sample-v1.ilearner", NULL),
                AZML_EINVALID, "DefaultEndpointNotUpdatable", 400, "patching the default endpoint");
  check_refused(azml_endpoint_add(&ep, f->client, NULL, f->service_id, "default", NULL), AZML_EINVALID,
                "DefaultEndpointNotUpdatable", 400, "PUT of the default endpoint");
  check_refused(azml_endpoint_add(&ep, f->client, NULL, f->service_id, "Retrained_1", NULL), AZML_EINVALID,
                "InvalidEndpointName", 400, "adding an endpoint named Retrained_1");
  CHECK(azml_error_last() != NULL && CONTAINS(azml_error_last()->message, "'Retrained_1'"),
        "the bad name is quoted in the message");
  check_refused(azml_endpoint_add(&ep, f->client, NULL, f->service_id, "abcdefghijklmnopqrstuvwxy", NULL), AZML_EINVALID,
                "InvalidEndpointName", 400, "adding an endpoint with a 25-character name");
  opts = (azml_endpoint_options)AZML_ENDPOINT_OPTIONS_INIT;
  opts.throttle_level = "Medium";
  check_refused(azml_endpoint_add(&ep, f->client, NULL, f->service_id, "retrained", &opts), AZML_EINVALID,
                "InvalidThrottleLevel", 400, "ThrottleLevel Medium");
  opts.throttle_level = "High";
  opts.max_concurrent_calls = 500;
  check_refused(azml_endpoint_add(&ep, f->client, NULL, f->service_id, "retrained", &opts), AZML_EINVALID,
                "InvalidMaxConcurrentCalls", 400, "MaxConcurrentCalls 500");
  check_refused(azml_endpoint_update_resource(&ep, f->client, NULL, f->service_id, "retrained", "Foo", f->blob_base,
                                              "models/retrain-sample-v1.ilearner", NULL),
                AZML_EINVALID, "UpdatableResourceNotFound", 400, "patching a resource the endpoint does not have");
  CHECK(azml_error_last() != NULL && CONTAINS(azml_error_last()->message, MODEL_RESOURCE),
        "the message lists the updatable resources");
  check_refused(azml_endpoint_update_resource(&ep, f->client, NULL, f->service_id, "retrained", MODEL_RESOURCE,
                                              f->blob_base, "models/no-such-model.ilearner", NULL),
                AZML_EINVALID, "BlobLocationNotFound", 400, "patching to a blob that does not exist");
  census = read_file(AZML_PESTER_DATA_DIR "/census-sample.csv", &size);
  CHECK(census != NULL, "the census sample is readable");
  if (census) {
    CHECK_OK(azml_blob_upload(f->client, NULL, "models", "not-a-model.ilearner", census, size, NULL),
             "a CSV file is uploaded as .ilearner");
    check_refused(azml_endpoint_update_resource(&ep, f->client, NULL, f->service_id, "retrained", MODEL_RESOURCE,
                                                f->blob_base, "models/not-a-model.ilearner", NULL),
                  AZML_EINVALID, "InvalidTrainedModel", 400, "patching to a file that is no model");
  }
  /* A SAS whose signature was tampered with. */
  snprintf(bad_sas, sizeof bad_sas, "%s", sas.ptr ? sas.ptr : "?sig=x");
  {
    char *sig = strstr(bad_sas, "sig=");
    if (sig && sig[4]) sig[4] = sig[4] == 'A' ? 'B' : 'A';
  }
  check_refused(azml_endpoint_update_resource(&ep, f->client, NULL, f->service_id, "retrained", MODEL_RESOURCE,
                                              f->blob_base, "models/retrain-sample-v1.ilearner", bad_sas),
                AZML_EINVALID, "BlobLocationUnauthorized", 400, "patching with a tampered SAS");
  CHECK(azml_error_last() != NULL && !CONTAINS(azml_error_last()->message, "sig="),
        "the error message does not echo the SAS");
  CHECK_OK(azml_endpoint_get(&after, f->client, NULL, f->service_id, "retrained"), "endpoint_get after the mistakes");
  CHECK(same_text(&before, &after), "the refused changes changed nothing");
  CHECK(ep.ptr == NULL, "refused calls leave the buffer alone");
  azml_buf_dispose(&before);
  azml_buf_dispose(&after);

  check_refused(azml_endpoint_get(&ep, f->client, NULL, f->service_id, "nosuch"), AZML_ENOTFOUND, "EndpointNotFound", 404,
                "endpoint_get of a missing endpoint");
  check_refused(azml_endpoint_remove(f->client, NULL, f->service_id, "nosuch"), AZML_ENOTFOUND, "EndpointNotFound", 404,
                "endpoint_remove of a missing endpoint");
  check_refused(azml_classic_webservice_get(&one, f->client, NULL, "0123456789abcdef0123456789abcdef"), AZML_ENOTFOUND,
                "WebServiceNotFound", 404, "webservice_get of a missing web service");
  check_refused(azml_endpoint_remove(f->client, NULL, f->service_id, "default"), AZML_ECONFLICT, "DefaultEndpointInUse",
                409, "removing the default endpoint while others exist");
  CHECK(azml_error_last() != NULL && CONTAINS(azml_error_last()->message, "'retrained'"),
        "the message names the endpoints in the way");
  intruder = host_connect(&f->host, "not-the-admin-token", "endpoint_abi_tests");
  check_failure(azml_endpoint_list(&list, intruder, ws, f->service_id), AZML_EAUTH, NULL, "endpoint_list with a wrong token");
  CHECK(azml_error_last() != NULL && azml_error_last()->http_status == 401, "a wrong token is HTTP 401");
  check_failure(azml_endpoint_remove(intruder, ws, f->service_id, "retrained"), AZML_EAUTH, NULL,
                "endpoint_remove with a wrong token");
  azml_client_free(intruder);

  /* A web service without a trained model has nothing to patch. */
  {
    char *training = read_file(AZML_EXAMPLES_DIR "/training-service.json", NULL);
    char training_id[64] = "";
    CHECK(training != NULL, "the training service is readable");
    if (training) {
      CHECK_OK(azml_webservice_create_or_update(&service, f->client, "rg", "BreastCancerTraining", training),
               "the training web service is created");
      if (json_string(service.ptr, "swaggerLocation", text, sizeof text) == 0 && strstr(text, "/swagger.json")) {
        *strstr(text, "/swagger.json") = '\0';
        snprintf(training_id, sizeof training_id, "%s", strrchr(text, '/') + 1);
      }
      azml_buf_dispose(&service);
      CHECK_OK(azml_endpoint_add(&ep, f->client, NULL, training_id, "t1", NULL), "an endpoint of the training service");
      azml_buf_dispose(&ep);
      check_refused(azml_endpoint_update_resource(&ep, f->client, NULL, training_id, "t1", MODEL_RESOURCE, f->blob_base,
                                                  "models/retrain-sample-v1.ilearner", NULL),
                    AZML_EINVALID, "NoUpdatableResources", 400, "patching an endpoint of a training service");
      CHECK_OK(azml_classic_webservice_remove(f->client, NULL, training_id), "classic webservice_remove");
      check_refused(azml_webservice_get(&service, f->client, "rg", "BreastCancerTraining", NULL), AZML_ENOTFOUND,
                    "NotFound", 404, "the ARM web service is gone with it");
      check_refused(azml_endpoint_get(&ep, f->client, NULL, training_id, "t1"), AZML_ENOTFOUND, "WebServiceNotFound", 404,
                    "its endpoints are gone with it");
      free(training);
    }
  }

  /* Removing endpoints. */
  CHECK_OK(azml_endpoint_remove(f->client, NULL, f->service_id, "retrained"), "endpoint_remove");
  check_refused(azml_endpoint_get(&ep, f->client, NULL, f->service_id, "retrained"), AZML_ENOTFOUND, "EndpointNotFound",
                404, "endpoint_get of the removed endpoint");
  check_failure(score(&scored, location, key, 0, TABLE_REQUEST), AZML_ENOTFOUND, NULL, "scoring the removed endpoint");
  CHECK_OK(azml_endpoint_remove(f->client, NULL, f->service_id, "lowtier"), "endpoint_remove of lowtier");
  CHECK_OK(azml_endpoint_remove(f->client, NULL, f->service_id, "frozen"), "endpoint_remove of frozen");
  check_refused(azml_endpoint_remove(f->client, NULL, f->service_id, "default"), AZML_ECONFLICT, "DefaultEndpointInUse",
                409, "removing the default endpoint alone");
  CHECK_OK(azml_endpoint_list(&list, f->client, NULL, f->service_id), "endpoint_list after the removals");
  CHECK(CONTAINS(list.ptr, "\"Name\":\"default\"") && !CONTAINS(list.ptr, "\"Name\":\"retrained\""),
        "only the default endpoint is left");
  azml_buf_dispose(&list);
  CHECK_OK(score(&scored, default_location, default_key, 0, TABLE_REQUEST), "the default endpoint still scores");
  azml_buf_dispose(&scored);

  CHECK_OK(azml_classic_webservice_remove(f->client, NULL, f->service_id), "classic webservice_remove of the service");
  check_refused(azml_classic_webservice_get(&one, f->client, NULL, f->service_id), AZML_ENOTFOUND, "WebServiceNotFound", 404,
                "webservice_get after the removal");
  check_refused(azml_classic_webservice_remove(f->client, NULL, f->service_id), AZML_ENOTFOUND, "WebServiceNotFound", 404,
                "removing it again");

  azml_buf_dispose(&sas);
  free(census);
}

static void test_against_host(void) {
  fixture f;
  azml_buf baseline = AZML_BUF_INIT;
  memset(&f, 0, sizeof f);
  if (host_start(&f.host, AZML_HOST_EXECUTABLE, 60) != 0) {
    CHECK(0, "azml-host starts");
    return;
  }
  f.client = host_connect(&f.host, f.host.admin_token, "endpoint_abi_tests");
  CHECK(f.client != NULL, "the admin client is made");
  if (f.client && publish_service(&f)) {
    test_scoring(&f, &baseline);
    test_classic(&f, &baseline);
  }
  azml_buf_dispose(&baseline);
  azml_client_free(f.client);
  free(f.definition_v1);
  free(f.definition_v2);
  CHECK(host_stop(&f.host) == 0, "the host stops cleanly");
  host_cleanup(&f.host);
}

int main(void) {
  test_endpoint_options();
  test_rrs_options_and_arguments();
  test_classic_arguments();
  test_against_host();
  printf("%d passed, %d failed\n", g_checks_passed, g_checks_failed);
  return g_checks_failed == 0 ? 0 : 1;
}
