/*
 * The batch job calls of the C ABI (azml_batch_*), checked from C: options and arguments
 * offline, then a retraining job end to end against a real azml-host started for the run (the
 * shipped retraining service, its data uploaded through azml_blob_upload), and the errors a
 * caller has to tell apart. The last line is "N passed, N failed".
 */
#define _XOPEN_SOURCE 700
#include <azml/azml.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "host_process.h"

static void check_service_code(const char *code, int http_status, const char *what) {
  const azml_error *e = azml_error_last();
  char description[256];
  snprintf(description, sizeof description, "%s carries the service's code %s and HTTP %d", what, code, http_status);
  CHECK(e != NULL && strcmp(e->service_code, code) == 0 && e->http_status == http_status, description);
  if (e != NULL && strcmp(e->service_code, code) != 0) printf("  code was '%s': %s\n", e->service_code, e->message);
}

/* A whole file, NUL-terminated; NULL when it cannot be read. The caller frees it. */
static char *read_file(const char *path) {
  FILE *in = fopen(path, "rb");
  char *text = NULL;
  long size;
  if (!in) return NULL;
  if (fseek(in, 0, SEEK_END) == 0 && (size = ftell(in)) >= 0 && fseek(in, 0, SEEK_SET) == 0) {
    text = malloc((size_t)size + 1);
    if (text && fread(text, 1, (size_t)size, in) == (size_t)size) {
      text[size] = '\0';
    } else {
      free(text);
      text = NULL;
    }
  }
  fclose(in);
  return text;
}

/* The string value of the first "name":"value" in json, copied to out; 0 when found. */
static int json_string(const char *json, const char *name, char *out, size_t size) {
  char pattern[128];
  const char *start;
  const char *end;
  snprintf(pattern, sizeof pattern, "\"%s\":\"", name);
  start = json ? strstr(json, pattern) : NULL;
  if (!start) return -1;
  start += strlen(pattern);
  end = strchr(start, '"');
  if (!end || (size_t)(end - start) >= size) return -1;
  memcpy(out, start, (size_t)(end - start));
  out[end - start] = '\0';
  return 0;
}

static void test_options_and_arguments(void) {
  azml_batch_options opts;
  azml_batch *batch = NULL;
  azml_buf buf = AZML_BUF_INIT;

  memset(&opts, 0xAB, sizeof opts);
  CHECK(azml_batch_options_init(&opts, AZML_BATCH_OPTIONS_VERSION) == AZML_OK, "batch_options_init succeeds");
  CHECK(opts.version == AZML_BATCH_OPTIONS_VERSION && opts.api_location == NULL && opts.api_key == NULL &&
            opts.max_retries == 3 && opts.timeout_ms == 0 && opts.ca_file == NULL,
        "batch_options_init fills the documented defaults");
  check_failure(azml_batch_options_init(&opts, 7), AZML_EINVALID, "version", "batch_options_init of version 7");
  check_failure(azml_batch_options_init(NULL, AZML_BATCH_OPTIONS_VERSION), AZML_EINVALID, "opts",
                "batch_options_init of NULL");

  check_failure(azml_batch_new(&batch, NULL), AZML_EINVALID, "opts", "batch_new without options");
  check_failure(azml_batch_new(&batch, &opts), AZML_EINVALID, "api_location", "batch_new without a location");
  opts.api_location = "http://127.0.0.1:9/workspaces/w/services/s";
  check_failure(azml_batch_new(&batch, &opts), AZML_EINVALID, "api_key", "batch_new without a key");
  opts.api_key = "key";
  opts.version = 2;
  check_failure(azml_batch_new(&batch, &opts), AZML_EINVALID, "version", "batch_new with options version 2");
  opts.version = AZML_BATCH_OPTIONS_VERSION;
  opts.api_location = "http://127.0.0.1:9/nothing/here";
  check_failure(azml_batch_new(&batch, &opts), AZML_EINVALID, "api_location", "batch_new with a URL that names no service");
  opts.api_location = "ftp://127.0.0.1/workspaces/w/services/s";
  check_failure(azml_batch_new(&batch, &opts), AZML_EINVALID, "api_location", "batch_new with an ftp URL");
  CHECK(batch == NULL, "a failed batch_new leaves *out alone");

  /* The submit URL azuremlps took, and the RRS URL, name the same service. */
  opts.api_location = "http://127.0.0.1:9/workspaces/w/services/s/jobs?api-version=2.0";
  CHECK(azml_batch_new(&batch, &opts) == AZML_OK && batch != NULL, "batch_new accepts a submit URL");
  check_failure(azml_batch_job_submit(NULL, batch, "{}"), AZML_EINVALID, "out_job_id", "submit to a NULL buffer");
  check_failure(azml_batch_job_submit(&buf, NULL, "{}"), AZML_EINVALID, "batch", "submit without a handle");
  check_failure(azml_batch_job_submit(&buf, batch, NULL), AZML_EINVALID, "request_json", "submit of NULL");
  check_failure(azml_batch_job_submit(&buf, batch, "{\"Inputs\": "), AZML_EINVALID, "request_json",
                "submit of malformed JSON");
  check_failure(azml_batch_job_submit(&buf, batch, "[1]"), AZML_EINVALID, "request_json", "submit of a JSON array");
  check_failure(azml_batch_job_start(batch, NULL), AZML_EINVALID, "job_id", "start of a NULL job");
  check_failure(azml_batch_job_start(batch, "a/b"), AZML_EINVALID, "job_id", "start of a job id with a slash");
  check_failure(azml_batch_job_get(NULL, batch, "x"), AZML_EINVALID, "out", "get to a NULL buffer");
  check_failure(azml_batch_job_cancel(NULL, "x"), AZML_EINVALID, "batch", "cancel without a handle");
  check_failure(azml_batch_job_list(&buf, NULL), AZML_EINVALID, "batch", "list without a handle");
  CHECK(buf.ptr == NULL, "failed calls leave the buffer alone");
  azml_batch_free(batch);
  azml_batch_free(NULL);
}

/* Polls a job until its status is one of the ended ones; returns the status JSON (caller disposes). */
static azml_buf wait_until_ended(azml_batch *batch, const char *job_id) {
  azml_buf status = AZML_BUF_INIT;
  int round;
  /* Generous: only a hung job gets near it. It asserts nothing about speed. */
  for (round = 0; round < 6000; ++round) {
    if (azml_batch_job_get(&status, batch, job_id) != AZML_OK) {
      report_last_error("get");
      break;
    }
    if (CONTAINS(status.ptr, "\"Finished\"") || CONTAINS(status.ptr, "\"Failed\"") ||
        CONTAINS(status.ptr, "\"Cancelled\"")) {
      return status;
    }
    azml_buf_dispose(&status);
    struct timespec pause = {0, 50 * 1000 * 1000};
    nanosleep(&pause, NULL);
  }
  return status;
}

static void test_against_host(void) {
  host_process host;
  azml_client_options client_options = AZML_CLIENT_OPTIONS_INIT;
  azml_client *client = NULL;
  azml_batch_options opts = AZML_BATCH_OPTIONS_INIT;
  azml_batch *batch = NULL;
  azml_batch *wrong = NULL;
  azml_buf service = AZML_BUF_INIT, keys = AZML_BUF_INIT, connection = AZML_BUF_INIT;
  azml_buf job = AZML_BUF_INIT, other = AZML_BUF_INIT, status = AZML_BUF_INIT, list = AZML_BUF_INIT;
  char location[512], primary[256], request[4096];
  char *definition = read_file(AZML_EXAMPLES_DIR "/training-service.json");
  char *data = read_file(AZML_TEST_DATA_DIR "/breast_cancer.csv");

  CHECK(definition != NULL && data != NULL, "the training service and its data are readable");
  if (!definition || !data || host_start(&host, AZML_HOST_EXECUTABLE, 60) != 0) {
    CHECK(0, "azml-host starts");
    free(definition);
    free(data);
    return;
  }
  client_options.endpoint = host.endpoint;
  client_options.token = host.admin_token;
  CHECK(azml_client_new(&client, &client_options) == AZML_OK, "client_new succeeds");
  CHECK(azml_webservice_create_or_update(&service, client, "rg", "BreastCancerTraining", definition) == AZML_OK,
        "the retraining service is created");
  CHECK(azml_webservice_list_keys(&keys, client, "rg", "BreastCancerTraining") == AZML_OK, "its keys are read");
  CHECK(azml_storage_connection_string(&connection, client, NULL) == AZML_OK, "the host's storage is found");
  CHECK(azml_blob_upload(client, NULL, "capi", "breast_cancer.csv", data, strlen(data), "text/csv") == AZML_OK,
        "the training data is uploaded");
  CHECK(json_string(service.ptr, "swaggerLocation", location, sizeof location) == 0 &&
            strstr(location, "/swagger.json") != NULL,
        "the service has a swaggerLocation");
  *strstr(location, "/swagger.json") = '\0';
  CHECK(json_string(keys.ptr, "primary", primary, sizeof primary) == 0, "the service has a primary key");

  opts.api_location = location;
  opts.api_key = primary;
  CHECK(azml_batch_new(&batch, &opts) == AZML_OK, "batch_new on the service's API location succeeds");

  snprintf(request, sizeof request,
           "{\"Inputs\":{\"input1\":{\"ConnectionString\":\"%s\",\"RelativeLocation\":\"capi/breast_cancer.csv\"}},"
           "\"Outputs\":{\"output1\":{\"ConnectionString\":\"%s\",\"RelativeLocation\":\"capi/out/model.ilearner\"},"
           "\"output2\":{\"ConnectionString\":\"%s\",\"RelativeLocation\":\"capi/out/evaluation.csv\"}},"
           "\"GlobalParameters\":{\"Number of trees\":\"10\"}}",
           connection.ptr, connection.ptr, connection.ptr);
  CHECK(azml_batch_job_submit(&job, batch, request) == AZML_OK && job.ptr != NULL && job.size == 32,
        "submit returns the job id, without the quotes of the wire");
  CHECK(azml_batch_job_get(&status, batch, job.ptr) == AZML_OK && CONTAINS(status.ptr, "\"NotStarted\""),
        "a submitted job is NotStarted");
  azml_buf_dispose(&status);
  CHECK(azml_batch_job_start(batch, job.ptr) == AZML_OK, "start succeeds");
  CHECK(azml_batch_job_start(batch, job.ptr) == AZML_OK, "starting again succeeds");
  status = wait_until_ended(batch, job.ptr);
  CHECK(CONTAINS(status.ptr, "\"StatusCode\":\"Finished\""), "the job finishes");
  CHECK(CONTAINS(status.ptr, "\"RelativeLocation\":\"capi/out/model.ilearner\"") &&
            CONTAINS(status.ptr, "\"SasBlobToken\":\"?"),
        "its results carry the model's location and a SAS");
  CHECK(!CONTAINS(status.ptr, "AccountKey"), "the results never carry the account key");
  if (!CONTAINS(status.ptr, "\"Finished\"")) printf("  status: %s\n", status.ptr ? status.ptr : "(none)");
  azml_buf_dispose(&status);

  CHECK(azml_batch_job_list(&list, batch) == AZML_OK && list.ptr[0] == '[' && CONTAINS(list.ptr, job.ptr),
        "the list holds the job");

  /* Cancelling one that has not started. */
  CHECK(azml_batch_job_submit(&other, batch, request) == AZML_OK, "a second job is submitted");
  CHECK(azml_batch_job_cancel(batch, other.ptr) == AZML_OK, "cancel succeeds");
  CHECK(azml_batch_job_get(&status, batch, other.ptr) == AZML_OK && CONTAINS(status.ptr, "\"Cancelled\""),
        "the cancelled job says Cancelled");
  azml_buf_dispose(&status);
  check_failure(azml_batch_job_start(batch, other.ptr), AZML_ECONFLICT, NULL, "starting a cancelled job");
  check_service_code("JobCancelled", 409, "starting a cancelled job");

  /* The errors a caller tells apart. */
  check_failure(azml_batch_job_get(&status, batch, "0123456789abcdef0123456789abcdef"), AZML_ENOTFOUND, NULL,
                "get of an unknown job");
  check_service_code("JobNotFound", 404, "get of an unknown job");
  check_failure(azml_batch_job_submit(&status, batch,
                                      "{\"Inputs\":{\"input9\":{\"ConnectionString\":\"UseDevelopmentStorage=true\","
                                      "\"RelativeLocation\":\"c/b.csv\"}}}"),
                AZML_EINVALID, "Inputs.input9", "submit naming an input the service lacks");
  check_service_code("BadArgument", 400, "submit naming an input the service lacks");
  opts.api_key = "not-the-key";
  CHECK(azml_batch_new(&wrong, &opts) == AZML_OK, "batch_new with a wrong key succeeds offline");
  check_failure(azml_batch_job_list(&list, wrong), AZML_EAUTH, NULL, "list with a wrong key");
  azml_batch_free(wrong);

  azml_buf_dispose(&job);
  azml_buf_dispose(&other);
  azml_buf_dispose(&list);
  azml_buf_dispose(&service);
  azml_buf_dispose(&keys);
  azml_buf_dispose(&connection);
  azml_batch_free(batch);
  azml_client_free(client);
  CHECK(host_stop(&host) == 0, "the host stops cleanly");
  host_cleanup(&host);
  free(definition);
  free(data);
}

int main(void) {
  test_options_and_arguments();
  test_against_host();
  printf("%d passed, %d failed\n", g_checks_passed, g_checks_failed);
  return g_checks_failed == 0 ? 0 : 1;
}
