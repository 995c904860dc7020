// What the single phase (supervise.c) and the batch mode (batch.c) share: reading the request
// stream on stdin, running one program under limits and killing whatever it left behind.
#ifndef CC_RUN_H
#define CC_RUN_H

#include <stddef.h>

// One request: header lines "key value\n" ending with an empty line (see supervise.c).
struct request {
  char nonce[80];
  char cmd[65536];
  long long tar_bytes, stdin_bytes, time_ms, cpu_ms;
  long long fsize;  // RLIMIT_FSIZE in bytes for the program; 0: unlimited
  char result_file[512];  // batch only: the frame carries this file instead of stdout
  long long result_bytes;
  char clean_dir[512];  // batch only: removed and made again, empty, before the test
  char cleanup[512];  // batch header only: a folder removed when the batch ends
  long long count;    // batch header only
  long long memory_max;  // batch header only: wait for the container's memory limit to be this
  char dir[512];  // single phase: the folder to extract into and run in (a room container's run)
  int stop_on_hangup;  // single phase: the host keeps stdin open while the program runs; its end stops it
  int debug;
};

struct report {
  int exit_code, sig, timed_out;
  int hung_up;  // the host closed stdin while the program ran (cancel, output limit): it was killed
  double wall_ms, cpu_ms;
  long max_rss_kb, oom_kills;
  char error[200];
};

struct program {
  const char *cmd;
  // Run `cmd` with execvp when it is `exec` and plain words, saving a shell (see run.c).
  int direct;
  int in_fd, out_fd, err_fd;  // -1: /dev/null for stdin; inherited for stdout and stderr
  long long time_ms, cpu_ms, fsize;
  // Single phase with `stop_on_hangup 1` only: stdin carries nothing after the payloads, so its end
  // while the program runs means the host hung up (a cancel, the output limit): the program is
  // then killed. Other hosts may close stdin early, and the batch reads its next requests from it.
  int watch_stdin;
};

void request_defaults(struct request *r);
// Reads one header; 1 when one was read, 0 at the end of the stream.
int read_request(struct request *r);
// Copies exactly n payload bytes from stdin to fd (or drops them when fd < 0).
int copy_payload(long long n, int fd);
// Runs the program to its end or its wall limit, kills every descendant and fills the report
// (error is left as it was).
void run_program(const struct program *p, struct report *out);
void kill_the_rest(void);
// The report line the host parses: {"exitCode":..,"error":".."}, without a newline.
int report_json(const struct report *r, char *out, size_t cap);
// write(2) of all bytes, through EINTR; 0 on success.
int write_all(int fd, const void *data, size_t len);

extern int debug;

#endif
