/*
 * walkthrough: the management API of an azml-host, step by step, through libazml's C ABI.
 *
 *   azml-walkthrough <endpoint> <token-file> <definition.json> <model.ilearner>
 *
 * Uploads a trained model to the host's storage account, creates a web service from a
 * definition file whose trained-model asset points at it, reads it, lists it, patches it,
 * exports and re-imports its definition, reads its keys and removes it, printing what each
 * step did.
 * Exits non-zero on the first failure, with the error libazml reported.
 */
#include <azml/azml.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *kGroup = "Default-MachineLearning-SouthCentralUS";
static const char *kName = "walkthrough-sample";

static int fail(const char *step) {
  const azml_error *e = azml_error_last();
  fprintf(stderr, "FAILED: %s\n", step);
  if (e) {
    fprintf(stderr, "  code %d, HTTP %d, service code '%s', request id '%s'\n  %s\n", e->code, e->http_status,
            e->service_code, e->request_id, e->message);
  }
  return 1;
}

/* The trained-model URI the example definition is written with; replaced by the uploaded model's. */
static const char *kPlaceholderModelUri = "https://azmllocal.blob.core.windows.net/models/breast-cancer.ilearner";

static char *read_file_size(const char *path, size_t *size);

static char *read_file(const char *path) { return read_file_size(path, NULL); }

/* text with the first occurrence of from replaced by to (a new string), or NULL when absent. */
static char *replace_once(const char *text, const char *from, const char *to) {
  const char *at = strstr(text, from);
  if (!at) return NULL;
  size_t head = (size_t)(at - text), from_len = strlen(from), to_len = strlen(to);
  char *out = malloc(strlen(text) - from_len + to_len + 1);
  if (!out) return NULL;
  memcpy(out, text, head);
  memcpy(out + head, to, to_len);
  strcpy(out + head + to_len, at + from_len);
  return out;
}

static char *read_file_size(const char *path, size_t *size) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *text = malloc((size_t)n + 1);
  if (text && fread(text, 1, (size_t)n, f) != (size_t)n) {
    free(text);
    text = NULL;
  }
  if (text) text[n] = '\0';
  if (size) *size = (size_t)n;
  fclose(f);
  return text;
}

/* Trims the trailing newline of a token file. */
static void chomp(char *s) {
  size_t n = strlen(s);
  while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r')) s[--n] = '\0';
}

int main(int argc, char **argv) {
  if (argc != 5) {
    fprintf(stderr, "usage: %s <endpoint> <token-file> <definition.json> <model.ilearner>\n", argv[0]);
    return 2;
  }
  size_t model_size = 0;
  char *token = read_file(argv[2]);
  char *written = read_file(argv[3]);
  char *model = read_file_size(argv[4], &model_size);
  if (!token || !written || !model) {
    fprintf(stderr, "cannot read %s, %s or %s\n", argv[2], argv[3], argv[4]);
    return 2;
  }
  chomp(token);

  int major, minor, patch;
  azml_version(&major, &minor, &patch);
  printf("libazml %d.%d.%d, endpoint %s\n", major, minor, patch, argv[1]);

  azml_client_options opts = AZML_CLIENT_OPTIONS_INIT;
  opts.endpoint = argv[1];
  opts.token = token;
  azml_client *client = NULL;
  if (azml_client_new(&client, &opts) != AZML_OK) return fail("create the client");

  const char *subscription = NULL;
  if (azml_client_subscription_id(&subscription, client) != AZML_OK) return fail("discover the subscription");
  printf("1. subscription %s\n", subscription);

  azml_buf out = AZML_BUF_INIT;
  /* The host's own storage account holds the model; the host loads it when it provisions. */
  if (azml_blob_upload(client, NULL, "models", "breast-cancer.ilearner", model, model_size, NULL) != AZML_OK)
    return fail("upload the trained model");
  char model_uri[1024];
  snprintf(model_uri, sizeof model_uri, "%s/blob/azmlstore/models/breast-cancer.ilearner", argv[1]);
  char *definition = replace_once(written, kPlaceholderModelUri, model_uri);
  if (!definition) {
    fprintf(stderr, "%s does not name the model %s\n", argv[3], kPlaceholderModelUri);
    return 2;
  }
  printf("2. uploaded the trained model (%zu bytes) to %s\n", model_size, model_uri);

  if (azml_definition_validate(definition) != AZML_OK) return fail("validate the definition");
  printf("   definition %s is valid\n", argv[3]);

  if (azml_webservice_create_or_update(&out, client, kGroup, kName, definition) != AZML_OK)
    return fail("create the web service (PUT)");
  printf("3. created %s/%s (%zu bytes of JSON back)\n", kGroup, kName, out.size);
  azml_buf_dispose(&out);

  if (azml_webservice_get(&out, client, kGroup, kName, NULL) != AZML_OK) return fail("get the web service");
  printf("4. GET returned %zu bytes; keys are not among them: %s\n", out.size,
         strstr(out.ptr, "\"primary\"") ? "NO (bug)" : "yes");
  azml_buf_dispose(&out);

  if (azml_webservice_list(&out, client, kGroup) != AZML_OK) return fail("list the resource group");
  printf("5. the resource group lists: %.120s%s\n", out.ptr, out.size > 120 ? "..." : "");
  azml_buf_dispose(&out);

  if (azml_webservice_patch(&out, client, kGroup, kName,
                            "{\"properties\":{\"title\":\"Patched by the walkthrough\",\"packageType\":\"Graph\"}}") !=
      AZML_OK)
    return fail("patch the title (PATCH)");
  printf("6. patched the title: %s\n", strstr(out.ptr, "Patched by the walkthrough") ? "visible in the result" : "NOT visible");
  azml_buf_dispose(&out);

  if (azml_webservice_get(&out, client, kGroup, kName, NULL) != AZML_OK) return fail("get before export");
  azml_buf exported = AZML_BUF_INIT;
  if (azml_definition_export(&exported, out.ptr) != AZML_OK) return fail("export the definition");
  azml_buf_dispose(&out);
  printf("7. exported the definition: %zu bytes, read-only fields dropped\n", exported.size);

  if (azml_definition_import(&out, exported.ptr) != AZML_OK) return fail("import the exported definition");
  printf("8. imported it back (%zu bytes)\n", out.size);
  azml_buf_dispose(&exported);
  azml_buf_dispose(&out);

  if (azml_webservice_list_keys(&out, client, kGroup, kName) != AZML_OK) return fail("list the keys");
  printf("9. listKeys returned primary and secondary keys (%zu bytes, not printed)\n", out.size);
  azml_buf_dispose(&out);

  if (azml_webservice_remove(client, kGroup, kName) != AZML_OK) return fail("remove the web service (DELETE)");
  printf("10. removed\n");

  int rc = azml_webservice_get(&out, client, kGroup, kName, NULL);
  const azml_error *e = azml_error_last();
  if (rc != AZML_ENOTFOUND || !e) return fail("expect NotFound after removal");
  printf("11. GET after removal: HTTP %d %s (%s)\n", e->http_status, e->service_code, e->message);

  azml_client_free(client);
  free(token);
  free(written);
  free(definition);
  free(model);
  printf("walkthrough finished\n");
  return 0;
}
