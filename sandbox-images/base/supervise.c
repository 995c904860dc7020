// cc-supervise: runs one phase (compile or run) of an untrusted program inside a warm sandbox
// container, then kills everything that phase started and reports what happened.
//
// Why a supervisor inside the container: `docker exec` cannot report a child's CPU time, peak
// memory or the signal that killed it, closing an exec stream does not stop its process, and a
// background child keeps the output stream open after the main program exits. This process
// measures (wait4), enforces the wall-time limit, and kills every process the phase started.
//
// Protocol. stdin: header lines "key value\n" ending with an empty line, then the payloads in
// order: `tar` bytes (extracted into the cwd) and `stdin` bytes (the program's stdin).
//   nonce <hex>   authenticates the report (read from stdin, so the program cannot see it)
//   tar <n>       optional: n bytes of a tar archive to extract into /work first
//   stdin <n>     optional: n bytes given to the program as stdin
//   time_ms <n>   wall-time limit; cpu_ms <n> CPU-time limit (RLIMIT_CPU, whole seconds)
//   fsize <n>     optional: largest file the program may write, in bytes (RLIMIT_FSIZE)
//   cmd <text>    run with /bin/sh -c, in /work
//   dir <path>    optional: /tmp/cc-run-<name>, made (0700) and used instead of /work, removed
//                 at the end (a room container's run, beside its other runs and terminals)
//   stop_on_hangup 1  optional: the host keeps stdin open while the program runs, and its end
//                 means stop: the program and everything it started are killed at once (closing
//                 an exec stream does not stop its process, so this process does it; a room
//                 container's run, whose container must live on). The report says so ("hungUp").
//                 Without it a host may close stdin right after the payloads (the judge's CLI).
// The program writes straight to the exec's stdout/stderr. When it is done, this process writes
// "\x1eCCR:<nonce>:end\n" to stdout and one report line to stderr: "\x1eCCR:<nonce>:{json}\n".
// Nothing else can write after them: every process of the phase is dead by then. It then waits
// for the host to close stdin before exiting.
//
// `cc-supervise --batch` runs many test cases one after another instead (batch.c); a phase
// starts it as its command.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "run.h"

int batch_main(void);

static int extract(long long n, const char *dir) {
  int p[2];
  if (pipe(p) != 0) return -1;
  pid_t pid = fork();
  if (pid == 0) {
    dup2(p[0], 0);
    close(p[0]);
    close(p[1]);
    int devnull = open("/dev/null", O_WRONLY);
    if (devnull >= 0) dup2(devnull, 1);
    execl("/bin/tar", "tar", "-x", "--no-same-owner", "--no-same-permissions", "-C", dir, "-f", "-", (char *)NULL);
    _exit(127);
  }
  close(p[0]);
  copy_payload(n, p[1]);
  close(p[1]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
  return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

// Removes a run's own folder once its program and everything it started are gone.
static void remove_tree(const char *dir) {
  pid_t pid = fork();
  if (pid == 0) {
    execl("/bin/rm", "rm", "-rf", "--", dir, (char *)NULL);
    _exit(127);
  }
  int status = 0;
  if (pid > 0) while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
}

int main(int argc, char **argv) {
  // Not dumpable: a same-uid program cannot ptrace this process or read its memory (the nonce),
  // nor open its file descriptors through /proc (the exec's output stream).
  prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
  prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
  signal(SIGPIPE, SIG_IGN);
  if (argc > 1 && !strcmp(argv[1], "--batch")) return batch_main();

  static struct request req;
  request_defaults(&req);
  read_request(&req);
  struct report report = {0};

  // A room container's run gets a folder of its own under /tmp (its other runs, and its
  // terminals, use the container at the same time); a sandbox run has /work to itself.
  const char *dir = "/work";
  if (req.dir[0]) {
    if (strncmp(req.dir, "/tmp/cc-run-", 12) != 0 || strstr(req.dir, "..") || strchr(req.dir + 5, '/')) {
      snprintf(report.error, sizeof report.error, "a run folder must be /tmp/cc-run-<name>");
    } else if (mkdir(req.dir, 0700) != 0 || chdir(req.dir) != 0) {
      snprintf(report.error, sizeof report.error, "cannot make the run folder: %s", strerror(errno));
    } else {
      dir = req.dir;
    }
  }
  if (!report.error[0] && req.tar_bytes > 0 && extract(req.tar_bytes, dir) != 0) snprintf(report.error, sizeof report.error, "extracting the workspace failed");

  char stdin_path[] = "/tmp/.cc-stdin-XXXXXX";
  int stdin_fd = -1;
  if (req.stdin_bytes > 0) {
    stdin_fd = mkstemp(stdin_path);
    copy_payload(req.stdin_bytes, stdin_fd);
    if (stdin_fd >= 0) { unlink(stdin_path); lseek(stdin_fd, 0, SEEK_SET); }
  }

  if (!report.error[0]) {
    struct program p = {.cmd = req.cmd, .direct = 0, .in_fd = stdin_fd, .out_fd = -1, .err_fd = -1, .time_ms = req.time_ms, .cpu_ms = req.cpu_ms, .fsize = req.fsize, .watch_stdin = req.stop_on_hangup};
    run_program(&p, &report);
  } else {
    report.exit_code = -1;
    kill_the_rest();
  }
  if (stdin_fd >= 0) close(stdin_fd);
  if (strcmp(dir, "/work") != 0) remove_tree(dir);
  char json[700];
  report_json(&report, json, sizeof json);
  // The end marker on stdout tells the host that all of the program's stdout has arrived (the
  // two streams travel separately); the report on stderr comes last.
  dprintf(1, "\x1e" "CCR:%s:end\n", req.nonce);
  dprintf(2, "\x1e" "CCR:%s:%s\n", req.nonce, json);
  // Stay until the host has read the report and closes stdin: output of an exec that has just
  // exited can be lost (seen with Docker 20.10), so exiting first would race with the copy.
  struct pollfd pfd = {0, POLLIN, 0};
  char sink[4096];
  while (poll(&pfd, 1, 10000) > 0 && read(0, sink, sizeof sink) > 0) {}
  return 0;
}
