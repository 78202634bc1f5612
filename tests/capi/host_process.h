/*
 * Starts a real azml-host in a fresh temporary data directory and stops it again: the ABI tests
 * talk to it over loopback exactly as a PowerShell session would.
 */
#ifndef AZML_TESTS_CAPI_HOST_PROCESS_H
#define AZML_TESTS_CAPI_HOST_PROCESS_H

#include <azml/azml.h>
#include <sys/types.h>

typedef struct host_process {
  pid_t pid;
  char temp_dir[512];        /* removed by host_stop */
  char data_dir[600];        /* temp_dir/data, created by the host */
  char log_path[600];        /* the host's stdout and stderr */
  char endpoint[256];        /* from DATA/host.json */
  char subscription_id[128]; /* from DATA/host.json */
  char admin_token[512];     /* from DATA/admin-token */
} host_process;

/*
 * fork/exec of executable with --data-dir in a new mkdtemp directory; waits until DATA/host.json
 * appears (or the host exits, or wait_seconds pass). 0 on success, -1 with a message on stderr.
 */
int host_start(host_process *host, const char *executable, int wait_seconds);

/* SIGTERM, wait for the exit. Returns the exit status (0 on a clean shutdown), -1 when it had to
 * be killed or was not running. */
int host_stop(host_process *host);

/* Removes the temporary directory (after host_stop). */
void host_cleanup(host_process *host);

/*
 * A libazml client for the host with token, few quick retries and user_agent; NULL (after
 * printing the last error) when it cannot be made.
 */
azml_client *host_connect(const host_process *host, const char *token, const char *user_agent);

/* Whether DATA/host.json exists. */
int host_ready_file_exists(const host_process *host);

#endif
