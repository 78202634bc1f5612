/*
 * walkthrough: the management API of an azml-host, step by step, through libazml's C ABI.
 *
 *   azml-walkthrough <endpoint> <token-file> <definition.json>
 *
 * Creates a web service from a definition file, reads it, lists it, patches it, exports and
 * re-imports its definition, reads its keys and removes it, printing what each step did.
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

static char *read_file(const char *path) {
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
  fclose(f);
  return text;
}

/* Trims the trailing newline of a token file. */
static void chomp(char *s) {
  size_t n = strlen(s);
  while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r')) s[--n] = '\0';
}

int main(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: %s <endpoint> <token-file> <definition.json>\n", argv[0]);
    return 2;
  }
  char *token = read_file(argv[2]);
  char *definition = read_file(argv[3]);
  if (!token || !definition) {
    fprintf(stderr, "cannot read %s or %s\n", argv[2], argv[3]);
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
  if (azml_definition_validate(definition) != AZML_OK) return fail("validate the definition");
  printf("2. definition %s is valid\n", argv[3]);

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
  free(definition);
  printf("walkthrough finished\n");
  return 0;
}
