/*
 * azml.h - the C ABI of libazml.
 *
 * libazml manages Azure ML Studio-compatible web services on an azml-host (or any server
 * speaking the same ARM contract): create, read, list, patch and delete web services, read
 * their keys, and export, import and validate web service definitions.
 *
 * Conventions (libgit2's):
 *  - Every fallible function returns int: AZML_OK (0) or a negative azml_error_code. Treat any
 *    negative code you do not know as AZML_ERROR. Details of the last failure on the calling
 *    thread come from azml_error_last().
 *  - Out-parameters come first, the handle next.
 *  - Strings are UTF-8 and NUL-terminated. Inputs are copied before a call returns.
 *  - Strings handed to the caller live in an azml_buf owned by the library; release them with
 *    azml_buf_dispose(). Handles are released with their _free function; both accept NULL.
 *    Pass an azml_buf that is AZML_BUF_INIT or disposed: on success it is overwritten without
 *    freeing what it held; on failure it is left untouched.
 *  - Options structs start with a version field; initialise them with their _INIT macro or
 *    _init function. NULL options mean defaults. Structs only ever grow at the end.
 *  - No C++ exception crosses this boundary.
 *
 * Threads: an azml_client may be used from several threads at once. The last error is kept
 * per thread.
 */
#ifndef AZML_AZML_H
#define AZML_AZML_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32)
#  if defined(AZML_BUILDING_LIBRARY)
#    define AZML_EXTERN(type) __declspec(dllexport) type
#  else
#    define AZML_EXTERN(type) __declspec(dllimport) type
#  endif
#else
#  define AZML_EXTERN(type) __attribute__((visibility("default"))) type
#endif

/* The version this header describes. Compare with azml_version() at run time. */
#define AZML_VERSION_MAJOR_H 0
#define AZML_VERSION_MINOR_H 2

/* ---------------------------------------------------------------- status codes */

typedef enum {
  AZML_OK = 0,
  AZML_ERROR = -1,        /* generic failure */
  AZML_ENOTFOUND = -3,    /* the resource does not exist */
  AZML_EAUTH = -4,        /* missing or rejected credentials */
  AZML_ECONFLICT = -5,    /* conflicts with the resource's state (e.g. a read-only web service) */
  AZML_EINVALID = -6,     /* invalid argument, JSON or definition; see azml_error_last()->target */
  AZML_ETIMEOUT = -7,     /* no answer in time */
  AZML_ECANCELLED = -8,   /* cancelled */
  AZML_EHTTP = -9,        /* the service answered with another error status */
  AZML_ETRANSPORT = -10,  /* could not connect, TLS failure, connection reset */
  AZML_ETHROTTLED = -11,  /* too many requests, after retries */
  AZML_EFAILED = -12      /* a long-running operation ended Failed or Canceled */
} azml_error_code;

/* Details of the last failure on this thread. All strings are "" rather than NULL. */
typedef struct azml_error {
  int code;                 /* an azml_error_code */
  int http_status;          /* 0 when no HTTP exchange was involved */
  const char *service_code; /* the service's error code, e.g. "NotFound" */
  const char *message;      /* human-readable, says what to do where it can */
  const char *request_id;   /* x-ms-request-id of the failed exchange */
  const char *target;       /* JSON path or parameter the error is about */
  const char *details_json; /* JSON array of {code,message,target}; "[]" when none */
} azml_error;

/*
 * The last error raised on the calling thread, or NULL when the last call on this thread
 * succeeded. Valid until the next azml call on the same thread.
 */
AZML_EXTERN(const azml_error *) azml_error_last(void);
AZML_EXTERN(void) azml_error_clear(void);

/* ---------------------------------------------------------------- buffers, version */

/* A library-owned string. ptr is NUL-terminated; size excludes the NUL. */
typedef struct azml_buf {
  char *ptr;
  size_t size;
} azml_buf;

#define AZML_BUF_INIT { NULL, 0 }

/* Frees the memory of buf and resets it to AZML_BUF_INIT. NULL-safe. */
AZML_EXTERN(void) azml_buf_dispose(azml_buf *buf);

/* The library's version. Any argument may be NULL. Always returns AZML_OK. */
AZML_EXTERN(int) azml_version(int *major, int *minor, int *patch);
/* "major.minor.patch"; static storage. */
AZML_EXTERN(const char *) azml_version_string(void);

/* ---------------------------------------------------------------- client */

typedef struct azml_client azml_client;

#define AZML_CLIENT_OPTIONS_VERSION 1

typedef struct azml_client_options {
  unsigned int version;         /* AZML_CLIENT_OPTIONS_VERSION */
  const char *endpoint;         /* base URL of the management API, e.g. "https://127.0.0.1:8443" (required) */
  const char *token;            /* bearer token for management calls; NULL sends none */
  const char *subscription_id;  /* NULL: the first subscription the endpoint lists */
  const char *api_version;      /* NULL: "2017-01-01"; "2016-05-01-preview" is also spoken */
  unsigned int timeout_ms;      /* per HTTP exchange; 0: 100000 */
  unsigned int max_retries;     /* retries on 408/429/5xx and transport errors; default 3 */
  unsigned int retry_delay_ms;  /* first backoff step, doubled each retry, capped at 30 s; 0: 800 */
  unsigned int lro_timeout_ms;  /* how long to follow an Azure-AsyncOperation; 0: 600000 */
  const char *ca_file;          /* PEM CA bundle to verify https endpoints; NULL: the system store */
  const char *user_agent;       /* appended to azml's own User-Agent; may be NULL */
} azml_client_options;

#define AZML_CLIENT_OPTIONS_INIT { AZML_CLIENT_OPTIONS_VERSION, NULL, NULL, NULL, NULL, 0, 3, 0, 0, NULL, NULL }

/* Fills opts with defaults for the given version. AZML_EINVALID for an unknown version. */
AZML_EXTERN(int) azml_client_options_init(azml_client_options *opts, unsigned int version);

/* Creates a client. Makes no network call. */
AZML_EXTERN(int) azml_client_new(azml_client **out, const azml_client_options *opts);
AZML_EXTERN(void) azml_client_free(azml_client *client);

/*
 * The subscription the client works in: the one given in the options, or else the first one
 * the endpoint lists (GET /subscriptions), asked once. *out lives as long as the client.
 */
AZML_EXTERN(int) azml_client_subscription_id(const char **out, azml_client *client);

/* ---------------------------------------------------------------- web services (ARM) */

/*
 * Each call takes JSON text in and gives JSON text out. A web service is the ARM
 * Microsoft.MachineLearning/webServices resource; PascalCase and camelCase input are both
 * accepted, output is camelCase.
 */

/* GET one web service. region may be NULL. */
AZML_EXTERN(int) azml_webservice_get(azml_buf *out, azml_client *client, const char *resource_group,
                                     const char *name, const char *region);

/* PUT (create or replace), follow the async operation to its end, then GET. */
AZML_EXTERN(int) azml_webservice_create_or_update(azml_buf *out, azml_client *client,
                                                  const char *resource_group, const char *name,
                                                  const char *web_service_json);

/* PATCH (merge), follow the async operation to its end, then GET. */
AZML_EXTERN(int) azml_webservice_patch(azml_buf *out, azml_client *client, const char *resource_group,
                                       const char *name, const char *patch_json);

/* DELETE and follow the async operation to its end. Deleting a missing service succeeds. */
AZML_EXTERN(int) azml_webservice_remove(azml_client *client, const char *resource_group, const char *name);

/* The service's keys: {"primary":"…","secondary":"…"}. */
AZML_EXTERN(int) azml_webservice_list_keys(azml_buf *out, azml_client *client, const char *resource_group,
                                           const char *name);

/*
 * Every web service of a resource group, or of the subscription when resource_group is NULL,
 * following nextLink to the last page. *out is a JSON array of (sparse) web services.
 */
AZML_EXTERN(int) azml_webservice_list(azml_buf *out, azml_client *client, const char *resource_group);

/* ---------------------------------------------------------------- definitions (offline) */

/*
 * Checks a web service definition: structure, types, enums, packageType Graph and graph
 * integrity. AZML_EINVALID with the first problem in the last error (target = JSON path) and
 * all of them in details_json.
 */
AZML_EXTERN(int) azml_definition_validate(const char *web_service_json);

/*
 * Export: the definition as a stable, indented JSON document without read-only fields
 * (id, name, type, createdOn, modifiedOn, provisioningState, swaggerLocation) and nulls.
 */
AZML_EXTERN(int) azml_definition_export(azml_buf *out, const char *web_service_json);

/*
 * Import: the lossless inverse of export. Parses, normalises to camelCase and validates;
 * AZML_EINVALID with a clear message for blank or malformed input.
 */
AZML_EXTERN(int) azml_definition_import(azml_buf *out, const char *definition_json);

/* ---------------------------------------------------------------- batch jobs (BES) */

/*
 * A web service's Batch Execution Service: submit a job, start it, watch it, cancel it. This is
 * how a retraining web service produces a new .ilearner and its evaluation results. Calls
 * authenticate with the service's primary or secondary key, not the management token.
 *
 * Threads: an azml_batch may be used from several threads at once.
 */
typedef struct azml_batch azml_batch;

#define AZML_BATCH_OPTIONS_VERSION 1

typedef struct azml_batch_options {
  unsigned int version;         /* AZML_BATCH_OPTIONS_VERSION */
  const char *api_location;     /* the service's API location, e.g.
                                   "https://host/workspaces/{ws}/services/{id}" (required); a
                                   submit URL ending "/jobs?api-version=2.0" is accepted too */
  const char *api_key;          /* the service's primary or secondary key (required) */
  unsigned int timeout_ms;      /* per HTTP exchange; 0: 100000 */
  unsigned int max_retries;     /* retries on 408/429/5xx and transport errors; default 3 */
  unsigned int retry_delay_ms;  /* first backoff step, doubled each retry, capped at 30 s; 0: 800 */
  const char *ca_file;          /* PEM CA bundle to verify https endpoints; NULL: the system store */
  const char *user_agent;       /* appended to azml's own User-Agent; may be NULL */
} azml_batch_options;

#define AZML_BATCH_OPTIONS_INIT { AZML_BATCH_OPTIONS_VERSION, NULL, NULL, 0, 3, 0, NULL, NULL }

/* Fills opts with defaults for the given version. AZML_EINVALID for an unknown version. */
AZML_EXTERN(int) azml_batch_options_init(azml_batch_options *opts, unsigned int version);

/* Creates a handle for one service's BES. Makes no network call. */
AZML_EXTERN(int) azml_batch_new(azml_batch **out, const azml_batch_options *opts);
AZML_EXTERN(void) azml_batch_free(azml_batch *batch);

/*
 * Submits a job; *out_job_id receives its id. request_json is BES's request:
 * {"Inputs": {"input1": {"ConnectionString": "...", "RelativeLocation": "container/blob.csv"}},
 *  "Outputs": {"output1": {"ConnectionString": "...", "RelativeLocation": "container/model.ilearner"}},
 *  "GlobalParameters": {}}
 * (or the older single "Input"). AZML_EINVALID with the offending member in the last error's
 * target when the service refuses it.
 */
AZML_EXTERN(int) azml_batch_job_submit(azml_buf *out_job_id, azml_batch *batch, const char *request_json);

/* Starts a submitted job. Starting one that already started succeeds. */
AZML_EXTERN(int) azml_batch_job_start(azml_batch *batch, const char *job_id);

/*
 * The job's status: {"StatusCode": "NotStarted|Running|Failed|Cancelled|Finished",
 * "Results": {"output1": {"BaseLocation","RelativeLocation","SasBlobToken"}} or null,
 * "Details": why it failed, or null, "CreatedAt", "StartTime", "EndTime"}. Each call gets SAS
 * tokens valid afresh.
 */
AZML_EXTERN(int) azml_batch_job_get(azml_buf *out, azml_batch *batch, const char *job_id);

/* Cancels a job that has not ended; an ended job is left as it is. */
AZML_EXTERN(int) azml_batch_job_cancel(azml_batch *batch, const char *job_id);

/* The service's most recent jobs, oldest first: a JSON array of statuses, each with "Id". */
AZML_EXTERN(int) azml_batch_job_list(azml_buf *out, azml_batch *batch);

/* ---------------------------------------------------------------- blob storage */

/*
 * Blobs in storage that speaks Azure Blob Storage's REST API: azml-host's own account (where
 * datasets and .ilearner models live for retraining), Azurite, or Azure Storage. A storage
 * connection string says where and with which credential:
 *   "DefaultEndpointsProtocol=http;AccountName=azmlstore;AccountKey=...;BlobEndpoint=http://127.0.0.1:8080/blob/azmlstore"
 *   "DefaultEndpointsProtocol=https;AccountName=a;AccountKey=...;EndpointSuffix=core.windows.net"
 *   "BlobEndpoint=https://a.blob.core.windows.net/;SharedAccessSignature=sv=..."
 *   "UseDevelopmentStorage=true" (Azurite on 127.0.0.1:10000)
 *
 * In the blob calls, client may be NULL; when given, its CA file verifies https blob endpoints
 * and, when connection_string is NULL, the connection string is the host's own account's, asked
 * of client's endpoint as azml_storage_connection_string does. Blob names may hold '/' (virtual
 * directories). Failures carry the service's error code (BlobNotFound, AuthenticationFailed, ...)
 * in azml_error_last()->service_code.
 */

/*
 * The connection string of a storage account on client's management endpoint, from its
 * Microsoft.Storage API (list the subscription's accounts, then listKeys). account_name NULL:
 * the first account (azml-host has one, "azmlstore"). AZML_ENOTFOUND when there is none.
 */
AZML_EXTERN(int) azml_storage_connection_string(azml_buf *out, azml_client *client, const char *account_name);

/*
 * Uploads size bytes of data as a block blob, replacing any blob of that name. The container is
 * created first when the connection has the account key (with a SAS it must exist).
 * content_type NULL: "application/octet-stream".
 */
AZML_EXTERN(int) azml_blob_upload(azml_client *client, const char *connection_string, const char *container,
                                  const char *blob, const void *data, size_t size, const char *content_type);

/*
 * Downloads a blob into out: out->size bytes (they may include NUL bytes), followed by a NUL.
 * AZML_ENOTFOUND when it does not exist.
 */
AZML_EXTERN(int) azml_blob_download(azml_buf *out, azml_client *client, const char *connection_string,
                                    const char *container, const char *blob);

/* Deletes a blob. AZML_ENOTFOUND when it does not exist. */
AZML_EXTERN(int) azml_blob_delete(azml_client *client, const char *connection_string, const char *container,
                                  const char *blob);

/*
 * The blobs of a container whose names start with prefix (NULL: all), in name order, as a JSON
 * array of {"name","size","contentType","etag","lastModified"}.
 */
AZML_EXTERN(int) azml_blob_list(azml_buf *out, azml_client *client, const char *connection_string,
                                const char *container, const char *prefix);

/*
 * A read-only (or, with permissions such as "rw", wider) shared access signature for one blob,
 * valid for valid_seconds from now: "?sv=...&sig=...", the SasBlobToken that BES results and
 * endpoint PATCHes carry. Needs a connection with the account key.
 */
AZML_EXTERN(int) azml_blob_sas(azml_buf *out, azml_client *client, const char *connection_string,
                               const char *container, const char *blob, const char *permissions,
                               unsigned int valid_seconds);

/* ---------------------------------------------------------------- classic web services and endpoints */

/*
 * The classic management API (management.azureml.net's shape): a workspace's web services and
 * their endpoints. On azml-host the classic workspace is the subscription (its id is the
 * workspace id) and its web services are the ARM web services seen from the classic side: a web
 * service's Id is the service id of its API location, and its "default" endpoint is the ARM web
 * service itself, kept in sync with its definition. Added endpoints have their own keys,
 * concurrency and trained-model resources; a PATCH of one swaps its model without touching the
 * others. JSON in and out is PascalCase, as the classic API spoke it.
 *
 * workspace_id NULL: the client's subscription id (azml_client_subscription_id). The client's
 * token authorizes every call; for the endpoint calls (get, patch, refresh) the endpoint's own
 * primary or secondary key is accepted as the token too, as Azure allowed (then give
 * workspace_id: finding the subscription needs the admin token).
 *
 * Failures carry the service's error code in azml_error_last()->service_code, so callers can
 * tell the cases apart: DefaultEndpointNotUpdatable, InvalidEndpointName, UpdatableResourceNotFound,
 * BlobLocationExpired, InvalidTrainedModel ... (AZML_EINVALID), EndpointNotFound and
 * WebServiceNotFound (AZML_ENOTFOUND), DefaultEndpointInUse and EndpointUpdatePrevented
 * (AZML_ECONFLICT).
 */

/* GET .../webservices: a JSON array of {Id, Name, Description, CreationTime, WorkspaceId,
   DefaultEndpointName, EndpointCount}. */
AZML_EXTERN(int) azml_classic_webservice_list(azml_buf *out, azml_client *client, const char *workspace_id);

/* GET .../webservices/{web_service_id}. AZML_ENOTFOUND when there is none. */
AZML_EXTERN(int) azml_classic_webservice_get(azml_buf *out, azml_client *client, const char *workspace_id,
                                             const char *web_service_id);

/* DELETE .../webservices/{web_service_id}: the web service, its endpoints and its ARM resource.
   AZML_ENOTFOUND when there is none. */
AZML_EXTERN(int) azml_classic_webservice_remove(azml_client *client, const char *workspace_id,
                                                const char *web_service_id);

/* GET .../endpoints: a JSON array of endpoints, the default one first. An endpoint is
   {Name, Description, CreationTime, WebServiceId, WorkspaceId, HelpLocation, PrimaryKey,
   SecondaryKey, ApiLocation, Version, PreventUpdate, SampleDataEnabled, ExperimentLocation,
   MaxConcurrentCalls, DiagnosticsTraceLevel, ThrottleLevel,
   Resources: [{Name, Kind, Location: {BaseLocation, RelativeLocation, SasBlobToken}}]}. */
AZML_EXTERN(int) azml_endpoint_list(azml_buf *out, azml_client *client, const char *workspace_id,
                                    const char *web_service_id);

/* GET .../endpoints/{endpoint_name}. AZML_ENOTFOUND when there is none. */
AZML_EXTERN(int) azml_endpoint_get(azml_buf *out, azml_client *client, const char *workspace_id,
                                   const char *web_service_id, const char *endpoint_name);

#define AZML_ENDPOINT_OPTIONS_VERSION 1

typedef struct azml_endpoint_options {
  unsigned int version;         /* AZML_ENDPOINT_OPTIONS_VERSION */
  const char *description;      /* NULL: none */
  const char *throttle_level;   /* "Low" or "High"; NULL: "High" */
  int max_concurrent_calls;     /* 1-200 with "High"; 0: the default, 20 ("Low" forces 4) */
  int prevent_update;           /* non-zero: refuse refreshes of this endpoint */
} azml_endpoint_options;

#define AZML_ENDPOINT_OPTIONS_INIT { AZML_ENDPOINT_OPTIONS_VERSION, NULL, NULL, 0, 0 }

/* Fills opts with defaults for the given version. AZML_EINVALID for an unknown version. */
AZML_EXTERN(int) azml_endpoint_options_init(azml_endpoint_options *opts, unsigned int version);

/*
 * PUT .../endpoints/{endpoint_name}: adds an endpoint serving the web service's current
 * definition and models with keys of its own, or changes the settings of an endpoint that
 * exists (its keys and resources stay). Names are 1-24 lower-case letters and digits. *out is
 * the endpoint. opts NULL: defaults. Members of opts left NULL or 0 are not sent, so the host's
 * defaults apply; the host judges the values given (AZML_EINVALID for a throttle level or a
 * number of calls it refuses).
 */
AZML_EXTERN(int) azml_endpoint_add(azml_buf *out, azml_client *client, const char *workspace_id,
                                   const char *web_service_id, const char *endpoint_name,
                                   const azml_endpoint_options *opts);

/*
 * PATCH .../endpoints/{endpoint_name} with
 * {"Resources":[{"Name":"…[trained model]","Location":{"BaseLocation","RelativeLocation","SasBlobToken"}}]}:
 * loads the new model off to the side and swaps it in for this endpoint only. *out is the
 * endpoint afterwards. The default endpoint and endpoints of services without a trained-model
 * resource refuse (AZML_EINVALID, with what to do in the message); so does a location that cannot
 * be read or does not hold a usable .ilearner. A refused patch changes nothing.
 */
AZML_EXTERN(int) azml_endpoint_patch(azml_buf *out, azml_client *client, const char *workspace_id,
                                     const char *web_service_id, const char *endpoint_name,
                                     const char *patch_json);

/* The same PATCH for one resource, built from its parts (a BES result's output gives them).
   sas_blob_token may be NULL. */
AZML_EXTERN(int) azml_endpoint_update_resource(azml_buf *out, azml_client *client, const char *workspace_id,
                                               const char *web_service_id, const char *endpoint_name,
                                               const char *resource_name, const char *base_location,
                                               const char *relative_location, const char *sas_blob_token);

/*
 * POST .../endpoints/{endpoint_name}/refresh: moves the endpoint to the web service's current
 * definition; with overwrite_resources non-zero its patched resources are replaced by the web
 * service's too. *out_refreshed is 1 when it changed, 0 when there was nothing to do (HTTP 304);
 * *out is the endpoint either way. out_refreshed may be NULL.
 */
AZML_EXTERN(int) azml_endpoint_refresh(azml_buf *out, int *out_refreshed, azml_client *client,
                                       const char *workspace_id, const char *web_service_id,
                                       const char *endpoint_name, int overwrite_resources);

/* DELETE .../endpoints/{endpoint_name}. The default endpoint cannot be deleted (AZML_ECONFLICT);
   AZML_ENOTFOUND when there is no such endpoint. */
AZML_EXTERN(int) azml_endpoint_remove(azml_client *client, const char *workspace_id, const char *web_service_id,
                                      const char *endpoint_name);

/* ---------------------------------------------------------------- request-response scoring (RRS) */

/*
 * A web service's (or endpoint's) Request-Response Service. Calls authenticate with its primary
 * or secondary key. Threads: an azml_rrs may be used from several threads at once.
 */
typedef struct azml_rrs azml_rrs;

#define AZML_RRS_OPTIONS_VERSION 1

typedef struct azml_rrs_options {
  unsigned int version;         /* AZML_RRS_OPTIONS_VERSION */
  const char *api_location;     /* "https://host/workspaces/{ws}/services/{id}" (required); an
                                   execute URL ending "/execute?api-version=2.0..." is accepted too */
  const char *api_key;          /* primary or secondary key (required) */
  unsigned int timeout_ms;      /* per HTTP exchange; 0: 100000 */
  unsigned int max_retries;     /* retries on 408/429/5xx and transport errors; default 3 */
  unsigned int retry_delay_ms;  /* first backoff step, doubled each retry, capped at 30 s; 0: 800 */
  const char *ca_file;          /* PEM CA bundle to verify https endpoints; NULL: the system store */
  const char *user_agent;       /* appended to azml's own User-Agent; may be NULL */
} azml_rrs_options;

#define AZML_RRS_OPTIONS_INIT { AZML_RRS_OPTIONS_VERSION, NULL, NULL, 0, 3, 0, NULL, NULL }

/* Fills opts with defaults for the given version. AZML_EINVALID for an unknown version. */
AZML_EXTERN(int) azml_rrs_options_init(azml_rrs_options *opts, unsigned int version);

AZML_EXTERN(int) azml_rrs_new(azml_rrs **out, const azml_rrs_options *opts);
AZML_EXTERN(void) azml_rrs_free(azml_rrs *rrs);

/* Flags of azml_rrs_execute. */
#define AZML_RRS_DETAILS 1u  /* details=true: ColumnNames and ColumnTypes in table results */
#define AZML_RRS_SWAGGER 2u  /* format=swagger: inputs and results as arrays of row objects */

/*
 * POST .../execute?api-version=2.0: request_json is
 * {"Inputs":{"input1":{"ColumnNames":[…],"Values":[[…]]}},"GlobalParameters":{}} (or, with
 * AZML_RRS_SWAGGER, {"Inputs":{"input1":[{"col":"value"}]},"GlobalParameters":{}}); *out is the
 * service's {"Results":{…}}. AZML_EINVALID naming the input, row and column for bad data, and
 * for flags this library does not know; AZML_ETHROTTLED beyond the service's MaxConcurrentCalls
 * (after retries).
 */
AZML_EXTERN(int) azml_rrs_execute(azml_buf *out, azml_rrs *rrs, const char *request_json, unsigned int flags);

#ifdef __cplusplus
}
#endif

#endif /* AZML_AZML_H */
