/*
 * The blob calls of the C ABI, checked from C: arguments and errors offline, then the host's
 * storage account end to end (connection string, upload, download, list, SAS, delete) against a
 * real azml-host started for the run. The last line is "N passed, N failed".
 */
#define _XOPEN_SOURCE 700
#include <azml/azml.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "host_process.h"

static void check_service_code(const char *code, const char *what) {
  const azml_error *e = azml_error_last();
  char description[256];
  snprintf(description, sizeof description, "%s carries the service's code %s", what, code);
  CHECK(e != NULL && strcmp(e->service_code, code) == 0, description);
  if (e != NULL && strcmp(e->service_code, code) != 0) printf("  code was '%s': %s\n", e->service_code, e->message);
}

static void test_arguments(void) {
  azml_buf buf = AZML_BUF_INIT;
  const char *connection = "UseDevelopmentStorage=true";

  check_failure(azml_storage_connection_string(&buf, NULL, NULL), AZML_EINVALID, "client",
                "connection string without a client");
  check_failure(azml_blob_upload(NULL, NULL, "data", "x.csv", "1", 1, NULL), AZML_EINVALID, "connection_string",
                "upload without a client or connection string");
  check_failure(azml_blob_upload(NULL, connection, NULL, "x.csv", "1", 1, NULL), AZML_EINVALID, "container",
                "upload without a container");
  check_failure(azml_blob_upload(NULL, connection, "data", "x.csv", NULL, 1, NULL), AZML_EINVALID, "data",
                "upload of one byte from NULL");
  check_failure(azml_blob_download(NULL, NULL, connection, "data", "x"), AZML_EINVALID, "out", "download to NULL");
  check_failure(azml_blob_download(&buf, NULL, "AccountName=a", "data", "x"), AZML_EINVALID, "AccountKey",
                "download with a connection string without credentials");
  check_failure(azml_blob_list(&buf, NULL, "Nonsense", "data", NULL), AZML_EINVALID, "connection_string",
                "list with a malformed connection string");
  check_failure(azml_blob_sas(&buf, NULL, connection, "data", "x", "r", 0), AZML_EINVALID, "valid_seconds",
                "a SAS valid for no time");
  check_failure(azml_blob_sas(&buf, NULL, connection, "data", "x", "q", 60), AZML_EINVALID, "permissions",
                "a SAS with an unknown permission");
  CHECK(buf.ptr == NULL, "failed calls leave the buffer untouched");

  CHECK(azml_blob_sas(&buf, NULL, connection, "data", "dir/x.csv", "r", 3600) == AZML_OK && buf.ptr != NULL &&
            strncmp(buf.ptr, "?sv=", 4) == 0 && CONTAINS(buf.ptr, "&sr=b&sp=r&sig="),
        "a SAS is made offline from the key");
  azml_buf_dispose(&buf);
}

static void test_against_host(const host_process *host) {
  static const char data[] = "model\0bytes\0with NULs";
  const size_t size = sizeof data;  /* the NUL bytes, the last one included, are content */
  azml_client *client = host_connect(host, host->admin_token, "blob_abi_tests");
  azml_client *intruder = host_connect(host, "not-the-admin-token", "blob_abi_tests");
  azml_buf connection = AZML_BUF_INIT;
  azml_buf buf = AZML_BUF_INIT;
  char expected[512];
  char sas_connection[2048];
  const azml_error *e;
  int rc;

  if (!client || !intruder) {
    CHECK(0, "clients for the host");
    azml_client_free(client);
    azml_client_free(intruder);
    return;
  }

  rc = azml_storage_connection_string(&connection, client, NULL);
  CHECK(rc == AZML_OK, "the host's connection string");
  if (rc) report_last_error("storage_connection_string");
  snprintf(expected, sizeof expected, ";BlobEndpoint=%s/blob/azmlstore", host->endpoint);
  CHECK(CONTAINS(connection.ptr, "DefaultEndpointsProtocol=http;AccountName=azmlstore;AccountKey=") &&
            CONTAINS(connection.ptr, expected),
        "the connection string names the account, its key and the host's blob endpoint");

  rc = azml_blob_upload(client, NULL, "retraining", "models/output1results.ilearner", data, size, NULL);
  CHECK(rc == AZML_OK, "upload to the host's account, found through the client");
  if (rc) report_last_error("upload");
  rc = azml_blob_download(&buf, NULL, connection.ptr, "retraining", "models/output1results.ilearner");
  CHECK(rc == AZML_OK && buf.size == size && memcmp(buf.ptr, data, size) == 0 && buf.ptr[size] == '\0',
        "download gives back every byte, NULs included, and a terminating NUL");
  if (rc) report_last_error("download");
  azml_buf_dispose(&buf);

  rc = azml_blob_upload(NULL, connection.ptr, "retraining", "inputs/set 1.csv", "a,b\n1,2\n", 8, "text/csv");
  CHECK(rc == AZML_OK, "upload with the connection string alone");
  rc = azml_blob_list(&buf, client, NULL, "retraining", "inputs/");
  CHECK(rc == AZML_OK && buf.ptr != NULL && buf.ptr[0] == '[' && CONTAINS(buf.ptr, "\"name\":\"inputs/set 1.csv\"") &&
            CONTAINS(buf.ptr, "\"size\":8") && CONTAINS(buf.ptr, "\"contentType\":\"text/csv\"") &&
            !CONTAINS(buf.ptr, "output1results"),
        "list with a prefix");
  if (rc) report_last_error("list");
  azml_buf_dispose(&buf);

  rc = azml_blob_sas(&buf, client, NULL, "retraining", "models/output1results.ilearner", "r", 600);
  CHECK(rc == AZML_OK && buf.ptr != NULL && buf.ptr[0] == '?', "a read SAS for the model");
  snprintf(sas_connection, sizeof sas_connection, "BlobEndpoint=%s/blob/azmlstore;SharedAccessSignature=%s",
           host->endpoint, buf.ptr ? buf.ptr + 1 : "");
  azml_buf_dispose(&buf);
  rc = azml_blob_download(&buf, NULL, sas_connection, "retraining", "models/output1results.ilearner");
  CHECK(rc == AZML_OK && buf.size == size, "the SAS reads the model");
  azml_buf_dispose(&buf);
  rc = azml_blob_upload(NULL, sas_connection, "retraining", "models/output1results.ilearner", "x", 1, NULL);
  check_failure(rc, AZML_EAUTH, NULL, "writing with a read SAS");
  check_service_code("AuthorizationPermissionMismatch", "writing with a read SAS");
  rc = azml_blob_download(&buf, NULL, sas_connection, "retraining", "inputs/set 1.csv");
  check_failure(rc, AZML_EAUTH, NULL, "reading another blob with the model's SAS");

  CHECK(azml_blob_delete(client, NULL, "retraining", "inputs/set 1.csv") == AZML_OK, "delete");
  rc = azml_blob_download(&buf, client, NULL, "retraining", "inputs/set 1.csv");
  check_failure(rc, AZML_ENOTFOUND, NULL, "download after delete");
  check_service_code("BlobNotFound", "download after delete");
  e = azml_error_last();
  CHECK(e != NULL && e->http_status == 404 && e->request_id[0] != '\0', "not found is HTTP 404 with a request id");
  check_failure(azml_blob_delete(client, NULL, "retraining", "inputs/set 1.csv"), AZML_ENOTFOUND, NULL,
                "deleting a missing blob");

  check_failure(azml_storage_connection_string(&buf, client, "otheraccount"), AZML_ENOTFOUND, "account_name",
                "the connection string of an account the host does not have");
  check_failure(azml_storage_connection_string(&buf, intruder, NULL), AZML_EAUTH, NULL,
                "the connection string with a wrong admin token");
  CHECK(buf.ptr == NULL, "the failed calls left the buffer empty");

  azml_buf_dispose(&connection);
  azml_client_free(client);
  azml_client_free(intruder);
}

int main(void) {
  host_process host;

  test_arguments();
  if (host_start(&host, AZML_HOST_EXECUTABLE, 60) == 0) {
    CHECK(1, "azml-host started");
    test_against_host(&host);
    CHECK(host_stop(&host) == 0, "azml-host exits 0 on SIGTERM");
  } else {
    CHECK(0, "azml-host started");
    host_stop(&host);
  }
  host_cleanup(&host);

  printf("%d passed, %d failed\n", g_checks_passed, g_checks_failed);
  return g_checks_failed == 0 ? 0 : 1;
}
