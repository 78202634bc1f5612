#define _XOPEN_SOURCE 700
#include "host_process.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void sleep_ms(long ms) {
  struct timespec ts;
  ts.tv_sec = ms / 1000;
  ts.tv_nsec = (ms % 1000) * 1000000L;
  nanosleep(&ts, NULL);
}

/* Reads a whole small file into buffer; 0 on success. */
static int read_file(const char *path, char *buffer, size_t capacity) {
  FILE *file = fopen(path, "rb");
  size_t length;
  if (!file) return -1;
  length = fread(buffer, 1, capacity - 1, file);
  fclose(file);
  buffer[length] = '\0';
  return 0;
}

/* The string value of "name" in a flat JSON object; enough for host.json, whose values hold no
 * escaped quotes. */
static int json_string_field(const char *json, const char *name, char *out, size_t capacity) {
  char key[64];
  const char *at, *start, *end;
  snprintf(key, sizeof key, "\"%s\"", name);
  at = strstr(json, key);
  if (!at) return -1;
  at = strchr(at + strlen(key), ':');
  if (!at) return -1;
  start = strchr(at, '"');
  if (!start) return -1;
  ++start;
  end = strchr(start, '"');
  if (!end || (size_t)(end - start) >= capacity) return -1;
  memcpy(out, start, (size_t)(end - start));
  out[end - start] = '\0';
  return 0;
}

static void trim_trailing_space(char *text) {
  size_t n = strlen(text);
  while (n > 0 && (text[n - 1] == '\n' || text[n - 1] == '\r' || text[n - 1] == ' ')) text[--n] = '\0';
}

static int remove_entry(const char *path, const struct stat *info, int flag, struct FTW *walk) {
  (void)info;
  (void)flag;
  (void)walk;
  return remove(path);
}

static void print_host_log(const host_process *host) {
  char log[8192];
  if (read_file(host->log_path, log, sizeof log) == 0) printf("--- azml-host output ---\n%s\n---\n", log);
}

int host_ready_file_exists(const host_process *host) {
  char path[700];
  struct stat info;
  snprintf(path, sizeof path, "%s/host.json", host->data_dir);
  return stat(path, &info) == 0;
}

int host_start(host_process *host, const char *executable, int wait_seconds) {
  const char *tmp = getenv("TMPDIR");
  char ready_path[700], token_path[700], ready[2048];
  long waited_ms;
  memset(host, 0, sizeof *host);
  snprintf(host->temp_dir, sizeof host->temp_dir, "%s/azml-abi-XXXXXX", tmp && *tmp ? tmp : "/tmp");
  if (!mkdtemp(host->temp_dir)) {
    printf("mkdtemp: %s\n", strerror(errno));
    return -1;
  }
  snprintf(host->data_dir, sizeof host->data_dir, "%s/data", host->temp_dir);
  snprintf(host->log_path, sizeof host->log_path, "%s/host.log", host->temp_dir);

  host->pid = fork();
  if (host->pid < 0) {
    printf("fork: %s\n", strerror(errno));
    return -1;
  }
  if (host->pid == 0) {
    /* Only async-signal-safe calls between fork and exec. */
    int log = open(host->log_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (log >= 0) {
      dup2(log, STDOUT_FILENO);
      dup2(log, STDERR_FILENO);
      close(log);
    }
    execl(executable, "azml-host", "--data-dir", host->data_dir, "--port", "0", "--log-level", "info", (char *)NULL);
    _exit(127);
  }

  snprintf(ready_path, sizeof ready_path, "%s/host.json", host->data_dir);
  for (waited_ms = 0; waited_ms < wait_seconds * 1000L; waited_ms += 50) {
    int status;
    if (waitpid(host->pid, &status, WNOHANG) == host->pid) {
      printf("azml-host exited before it was ready (status %d)\n",
              WIFEXITED(status) ? WEXITSTATUS(status) : -1);
      print_host_log(host);
      host->pid = 0;
      return -1;
    }
    /* host.json is written by rename, so once it exists it is complete. */
    if (read_file(ready_path, ready, sizeof ready) == 0) break;
    sleep_ms(50);
  }
  if (waited_ms >= wait_seconds * 1000L) {
    printf("azml-host wrote no %s within %d s\n", ready_path, wait_seconds);
    print_host_log(host);
    return -1;
  }
  if (json_string_field(ready, "endpoint", host->endpoint, sizeof host->endpoint) != 0 ||
      json_string_field(ready, "subscriptionId", host->subscription_id, sizeof host->subscription_id) != 0) {
    printf("host.json lacks endpoint or subscriptionId: %s\n", ready);
    return -1;
  }
  snprintf(token_path, sizeof token_path, "%s/admin-token", host->data_dir);
  if (read_file(token_path, host->admin_token, sizeof host->admin_token) != 0) {
    printf("cannot read %s\n", token_path);
    return -1;
  }
  trim_trailing_space(host->admin_token);
  return 0;
}

int host_stop(host_process *host) {
  int result = -1;
  if (host->pid > 0) {
    int status = 0;
    long waited_ms;
    kill(host->pid, SIGTERM);
    for (waited_ms = 0; waited_ms < 30000; waited_ms += 50) {
      if (waitpid(host->pid, &status, WNOHANG) == host->pid) break;
      sleep_ms(50);
    }
    if (waited_ms >= 30000) {
      printf("azml-host ignored SIGTERM for 30 s; killing it\n");
      kill(host->pid, SIGKILL);
      waitpid(host->pid, &status, 0);
    } else if (WIFEXITED(status)) {
      result = WEXITSTATUS(status);
    }
    if (result != 0) print_host_log(host);
    host->pid = 0;
  }
  return result;
}

void host_cleanup(host_process *host) {
  if (host->temp_dir[0]) nftw(host->temp_dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
  host->temp_dir[0] = '\0';
}

azml_client *host_connect(const host_process *host, const char *token, const char *user_agent) {
  azml_client_options opts = AZML_CLIENT_OPTIONS_INIT;
  azml_client *client = NULL;
  opts.endpoint = host->endpoint;
  opts.token = token;
  opts.max_retries = 1;
  opts.retry_delay_ms = 10;
  opts.lro_timeout_ms = 120000;
  opts.user_agent = user_agent;
  if (azml_client_new(&client, &opts) != AZML_OK) {
    const azml_error *e = azml_error_last();
    printf("client_new: %s\n", e ? e->message : "?");
    return NULL;
  }
  return client;
}
