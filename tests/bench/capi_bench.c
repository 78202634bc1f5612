/*
 * capi_bench: figures for libazml's C ABI (a benchmark: it prints, it asserts nothing).
 *
 *   capi_bench [calls]
 *
 * It starts its own azml-host (the build's) on a free loopback port with a fresh data directory.
 * 1. GET of one web service through azml_webservice_get against curl fetching the same URL
 *    (one curl process, one connection, per-transfer time_total), medians and their ratio.
 * 2. Export + import of a generated 5,000-node definition through the C ABI.
 */
#define _POSIX_C_SOURCE 200809L
#include <azml/azml.h>

#include "host_process.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int compare_doubles(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static double median(double *v, int n) {
  qsort(v, (size_t)n, sizeof *v, compare_doubles);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static int die(const char *what) {
  const azml_error *e = azml_error_last();
  fprintf(stderr, "%s failed: %s\n", what, e ? e->message : "?");
  return 1;
}

/* A Graph definition with `count` module nodes chained between one input and one output. */
static char *big_definition(int count) {
  size_t cap = (size_t)count * 400 + 4096, len = 0;
  char *s = malloc(cap);
#define APPEND(...) len += (size_t)snprintf(s + len, cap - len, __VA_ARGS__)
  APPEND("{\"location\":\"South Central US\",\"properties\":{\"title\":\"big\",\"packageType\":\"Graph\","
         "\"createdOn\":\"2017-04-26T17:08:46.4482096Z\",\"provisioningState\":\"Succeeded\","
         "\"assets\":{\"asset1\":{\"name\":\"Normalize Data\",\"type\":\"Module\","
         "\"locationInfo\":{\"uri\":\"aml://module/normalize-data\"}}},"
         "\"input\":{\"type\":\"object\",\"properties\":{\"input1\":{\"type\":\"object\",\"properties\":"
         "{\"x\":{\"type\":\"Number\",\"format\":\"Double\"}}}}},"
         "\"output\":{\"type\":\"object\",\"properties\":{\"output1\":{\"type\":\"object\",\"properties\":"
         "{\"x\":{\"type\":\"Number\",\"format\":\"Double\"}}}}},"
         "\"package\":{\"nodes\":{\"in\":{\"inputId\":\"input1\"},\"out\":{\"outputId\":\"output1\"}");
  for (int i = 0; i < count; ++i)
    APPEND(",\"node%d\":{\"assetId\":\"asset1\",\"parameters\":{\"Transformation method\":{\"value\":\"ZScore\"},"
           "\"Use 0 for constant columns when checked\":{\"value\":\"%s\"}}}", i, i % 2 ? "True" : "False");
  APPEND("},\"edges\":[{\"sourceNodeId\":\"in\",\"targetNodeId\":\"node0\",\"targetPortId\":\"Dataset\"}");
  for (int i = 0; i + 1 < count; ++i)
    APPEND(",{\"sourceNodeId\":\"node%d\",\"sourcePortId\":\"Transformed dataset\",\"targetNodeId\":\"node%d\","
           "\"targetPortId\":\"Dataset\"}", i, i + 1);
  APPEND(",{\"sourceNodeId\":\"node%d\",\"sourcePortId\":\"Transformed dataset\",\"targetNodeId\":\"out\"}]}}}",
         count - 1);
#undef APPEND
  return s;
}

int main(int argc, char **argv) {
  int calls = argc > 1 ? atoi(argv[1]) : 200;
  if (calls < 10) {
    fprintf(stderr, "usage: %s [calls >= 10]\n", argv[0]);
    return 2;
  }
  host_process host;
  if (host_start(&host, AZML_HOST_EXECUTABLE, 30) != 0) return 1;
  const char *endpoint = host.endpoint;
  const char *token = host.admin_token;

  azml_client_options opts = AZML_CLIENT_OPTIONS_INIT;
  opts.endpoint = endpoint;
  opts.token = token;
  azml_client *client = NULL;
  const char *subscription = NULL;
  if (azml_client_new(&client, &opts) || azml_client_subscription_id(&subscription, client)) return die("client");

  const char *group = "bench", *name = "bench-get";
  char *definition = big_definition(3);
  azml_buf out = AZML_BUF_INIT;
  if (azml_webservice_create_or_update(&out, client, group, name, definition)) return die("PUT");
  azml_buf_dispose(&out);
  free(definition);

  /* 1. GET through the C ABI (after a warm-up), then the same URL with curl. */
  double *abi = calloc((size_t)calls, sizeof *abi), *curl = calloc((size_t)calls, sizeof *curl);
  for (int i = 0; i < 10; ++i) {
    azml_webservice_get(&out, client, group, name, NULL);
    azml_buf_dispose(&out);
  }
  for (int i = 0; i < calls; ++i) {
    double t0 = now_ms();
    if (azml_webservice_get(&out, client, group, name, NULL)) return die("GET");
    abi[i] = now_ms() - t0;
    azml_buf_dispose(&out);
  }

  char header_file[] = "/tmp/azml-bench-header.XXXXXX";
  int fd = mkstemp(header_file);
  FILE *hf = fdopen(fd, "w");
  fprintf(hf, "Authorization: Bearer %s\n", token);
  fclose(hf);
  char url[1024];
  snprintf(url, sizeof url,
           "%s/subscriptions/%s/resourceGroups/%s/providers/Microsoft.MachineLearning/webServices/%s"
           "?api-version=2017-01-01", endpoint, subscription, group, name);
  size_t cmd_cap = (size_t)(calls + 10) * (strlen(url) + 24) + 512;
  char *cmd = malloc(cmd_cap);
  size_t len = (size_t)snprintf(cmd, cmd_cap, "curl -s -H @%s -w '%%{time_total}\\n'", header_file);
  for (int i = 0; i < calls + 10; ++i) len += (size_t)snprintf(cmd + len, cmd_cap - len, " -o /dev/null '%s'", url);
  FILE *p = popen(cmd, "r");
  int got = 0;
  double seconds;
  for (int i = 0; p && fscanf(p, "%lf", &seconds) == 1; ++i) {
    if (i >= 10) curl[got++] = seconds * 1e3; /* the first 10 warm the connection up */
  }
  if (p) pclose(p);
  remove(header_file);
  free(cmd);

  double abi_median = median(abi, calls);
  printf("GET one web service, %d calls each, medians:\n", calls);
  printf("  C ABI (azml_webservice_get)   %8.3f ms\n", abi_median);
  if (got == calls) {
    double curl_median = median(curl, got);
    printf("  curl (same URL, keep-alive)   %8.3f ms\n", curl_median);
    printf("  ratio C ABI / curl            %8.2f\n", abi_median / curl_median);
  } else {
    printf("  curl: only %d timings read (is curl installed?)\n", got);
  }

  /* 2. Export + import of a 5,000-node definition. */
  char *big = big_definition(5000);
  double export_ms[5], import_ms[5];
  for (int i = 0; i < 5; ++i) {
    azml_buf exported = AZML_BUF_INIT, imported = AZML_BUF_INIT;
    double t0 = now_ms();
    if (azml_definition_export(&exported, big)) return die("export");
    double t1 = now_ms();
    if (azml_definition_import(&imported, exported.ptr)) return die("import");
    double t2 = now_ms();
    export_ms[i] = t1 - t0;
    import_ms[i] = t2 - t1;
    if (i == 0) printf("5,000-node definition: %zu bytes in, %zu bytes exported\n", strlen(big), exported.size);
    azml_buf_dispose(&exported);
    azml_buf_dispose(&imported);
  }
  printf("  export (median of 5)          %8.1f ms\n", median(export_ms, 5));
  printf("  import (median of 5)          %8.1f ms\n", median(import_ms, 5));
  free(big);

  azml_webservice_remove(client, group, name);
  azml_client_free(client);
  host_stop(&host);
  host_cleanup(&host);
  free(abi);
  free(curl);
  return 0;
}
