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
//   cmd <text>    run with /bin/sh -c, in /work
// The program writes straight to the exec's stdout/stderr. When it is done, this process writes
// "\x1eCCR:<nonce>:end\n" to stdout and one report line to stderr: "\x1eCCR:<nonce>:{json}\n".
// Nothing else can write after them: every process of the phase is dead by then. It then waits
// for the host to close stdin before exiting.
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static char inbuf[65536];
static size_t inpos, inlen;
static volatile sig_atomic_t alarmed;
static char error_text[200];

static int fill(void) {
  if (inpos < inlen) return 1;
  ssize_t n;
  do n = read(0, inbuf, sizeof inbuf); while (n < 0 && errno == EINTR);
  if (n <= 0) return 0;
  inpos = 0;
  inlen = (size_t)n;
  return 1;
}

static int read_line(char *out, size_t cap) {
  size_t len = 0;
  for (;;) {
    if (!fill()) return -1;
    char c = inbuf[inpos++];
    if (c == '\n') break;
    if (len + 1 < cap) out[len++] = c;
  }
  out[len] = 0;
  return (int)len;
}

// Copies exactly n payload bytes to fd (or drops them when fd < 0).
static int copy_payload(long long n, int fd) {
  while (n > 0) {
    if (!fill()) return -1;
    size_t chunk = inlen - inpos;
    if ((long long)chunk > n) chunk = (size_t)n;
    size_t done = 0;
    while (fd >= 0 && done < chunk) {
      ssize_t w = write(fd, inbuf + inpos + done, chunk - done);
      if (w < 0 && errno == EINTR) continue;
      if (w < 0) { fd = -1; break; }  // keep draining so the header stays in sync
      done += (size_t)w;
    }
    inpos += chunk;
    n -= (long long)chunk;
  }
  return 0;
}

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

// The OOM killer's count for this container's cgroup (v2 memory.events, v1 memory.oom_control).
static long oom_kills(void) {
  const char *files[] = {"/sys/fs/cgroup/memory.events", "/sys/fs/cgroup/memory/memory.oom_control"};
  for (int i = 0; i < 2; i++) {
    FILE *f = fopen(files[i], "r");
    if (!f) continue;
    char key[64];
    long value;
    while (fscanf(f, "%63s %ld", key, &value) == 2) {
      if (strcmp(key, "oom_kill") == 0) { fclose(f); return value; }
    }
    fclose(f);
  }
  return -1;
}

// Kills every process this phase started, until none is left: all descendants of this process.
// It is a child subreaper, so a daemon that double-forked is reparented here and stays a
// descendant; init, the container's keep-alive and any other exec are not, and live on.
#define MAX_PROCS 4096
static int debug;

static void kill_the_rest(void) {
  static long pids[MAX_PROCS], ppids[MAX_PROCS];
  pid_t self = getpid();
  for (int pass = 0; pass < 2000; pass++) {
    int n = 0, found = 0;
    DIR *d = opendir("/proc");
    if (!d) return;
    struct dirent *e;
    while ((e = readdir(d)) && n < MAX_PROCS) {
      char *end;
      long pid = strtol(e->d_name, &end, 10);
      if (*end || pid <= 1 || pid == self) continue;
      char path[64], stat[512];
      snprintf(path, sizeof path, "/proc/%ld/stat", pid);
      int fd = open(path, O_RDONLY);
      if (fd < 0) continue;
      ssize_t len = read(fd, stat, sizeof stat - 1);
      close(fd);
      if (len <= 0) continue;
      stat[len] = 0;
      char *paren = strrchr(stat, ')');
      char state;
      long ppid;
      if (!paren || sscanf(paren + 1, " %c %ld", &state, &ppid) != 2) continue;
      if (state == 'Z') continue;
      pids[n] = pid;
      ppids[n] = ppid;
      n++;
    }
    closedir(d);
    for (int i = 0; i < n; i++) {
      long up = ppids[i];
      for (int depth = 0; depth < 256 && up > 1 && up != self; depth++) {
        long next = 0;
        for (int j = 0; j < n; j++) if (pids[j] == up) { next = ppids[j]; break; }
        up = next;
      }
      if (up != self) continue;
      if (debug) dprintf(2, "cc-supervise: killing %ld (parent %ld)\n", pids[i], ppids[i]);
      if (kill((pid_t)pids[i], SIGKILL) == 0) found++;
    }
    while (waitpid(-1, NULL, WNOHANG) > 0) {}
    if (!found) return;
    usleep(500);
  }
}

static void on_alarm(int sig) { (void)sig; alarmed = 1; }

static void json_escape(const char *s, char *out, size_t cap) {
  size_t j = 0;
  for (; *s && j + 7 < cap; s++) {
    unsigned char c = (unsigned char)*s;
    if (c == '"' || c == '\\') { out[j++] = '\\'; out[j++] = (char)c; }
    else if (c < 0x20) j += (size_t)snprintf(out + j, cap - j, "\\u%04x", c);
    else out[j++] = (char)c;
  }
  out[j] = 0;
}

static int extract(long long n) {
  int p[2];
  if (pipe(p) != 0) return -1;
  pid_t pid = fork();
  if (pid == 0) {
    dup2(p[0], 0);
    close(p[0]);
    close(p[1]);
    int devnull = open("/dev/null", O_WRONLY);
    if (devnull >= 0) dup2(devnull, 1);
    execl("/bin/tar", "tar", "-x", "--no-same-owner", "--no-same-permissions", "-C", "/work", "-f", "-", (char *)NULL);
    _exit(127);
  }
  close(p[0]);
  copy_payload(n, p[1]);
  close(p[1]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
  return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

int main(void) {
  // Not dumpable: a same-uid program cannot ptrace this process or read its memory (the nonce).
  prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
  prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
  signal(SIGPIPE, SIG_IGN);

  char line[65536], nonce[80] = "", cmd[65536] = "";
  long long tar_bytes = 0, stdin_bytes = 0, time_ms = 10000, cpu_ms = 10000;
  while (read_line(line, sizeof line) > 0) {
    char *value = strchr(line, ' ');
    if (!value) continue;
    *value++ = 0;
    if (!strcmp(line, "nonce")) snprintf(nonce, sizeof nonce, "%s", value);
    else if (!strcmp(line, "tar")) tar_bytes = atoll(value);
    else if (!strcmp(line, "stdin")) stdin_bytes = atoll(value);
    else if (!strcmp(line, "time_ms")) time_ms = atoll(value);
    else if (!strcmp(line, "cpu_ms")) cpu_ms = atoll(value);
    else if (!strcmp(line, "cmd")) snprintf(cmd, sizeof cmd, "%s", value);
    else if (!strcmp(line, "debug")) debug = atoi(value);
  }

  if (tar_bytes > 0 && extract(tar_bytes) != 0) snprintf(error_text, sizeof error_text, "extracting the workspace failed");

  char stdin_path[] = "/tmp/.cc-stdin-XXXXXX";
  int stdin_fd = -1;
  if (stdin_bytes > 0) {
    stdin_fd = mkstemp(stdin_path);
    copy_payload(stdin_bytes, stdin_fd);
    if (stdin_fd >= 0) { unlink(stdin_path); lseek(stdin_fd, 0, SEEK_SET); }
  }

  long oom_before = oom_kills();
  struct rusage before, after;
  getrusage(RUSAGE_CHILDREN, &before);
  double start = now_ms();
  int status = 0, timed_out = 0;
  struct rusage ru = {0};

  if (!error_text[0]) {
    pid_t pid = fork();
    if (pid == 0) {
      setpgid(0, 0);
      int adj = open("/proc/self/oom_score_adj", O_WRONLY);  // the OOM killer takes the program, not us
      if (adj >= 0) { (void)!write(adj, "1000", 4); close(adj); }
      struct rlimit cpu = {(rlim_t)((cpu_ms + 999) / 1000), (rlim_t)((cpu_ms + 999) / 1000 + 1)};
      setrlimit(RLIMIT_CPU, &cpu);
      struct rlimit core = {0, 0};
      setrlimit(RLIMIT_CORE, &core);
      int in = stdin_fd >= 0 ? stdin_fd : open("/dev/null", O_RDONLY);
      dup2(in, 0);
      if (in > 2) close(in);
      signal(SIGPIPE, SIG_DFL);
      execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
      _exit(127);
    }
    if (stdin_fd >= 0) close(stdin_fd);
    struct sigaction sa = {0};
    sa.sa_handler = on_alarm;
    sigaction(SIGALRM, &sa, NULL);
    struct itimerval timer = {{0, 0}, {time_ms / 1000, (time_ms % 1000) * 1000}};
    setitimer(ITIMER_REAL, &timer, NULL);
    for (;;) {
      pid_t r = wait4(pid, &status, 0, &ru);
      if (r == pid) break;
      if (r < 0 && errno == EINTR && alarmed && !timed_out) {
        timed_out = 1;
        kill(-pid, SIGKILL);
        kill(pid, SIGKILL);
      } else if (r < 0 && errno != EINTR) {
        break;
      }
    }
    struct itimerval off = {{0, 0}, {0, 0}};
    setitimer(ITIMER_REAL, &off, NULL);
  }
  double wall = now_ms() - start;
  kill_the_rest();
  getrusage(RUSAGE_CHILDREN, &after);
  long oom_after = oom_kills();

  double cpu = (after.ru_utime.tv_sec - before.ru_utime.tv_sec + after.ru_stime.tv_sec - before.ru_stime.tv_sec) * 1000.0 +
               (after.ru_utime.tv_usec - before.ru_utime.tv_usec + after.ru_stime.tv_usec - before.ru_stime.tv_usec) / 1000.0;
  long max_rss = ru.ru_maxrss > after.ru_maxrss ? ru.ru_maxrss : after.ru_maxrss;
  int exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  int sig = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
  char err[420];
  json_escape(error_text, err, sizeof err);
  // The end marker on stdout tells the host that all of the program's stdout has arrived (the
  // two streams travel separately); the report on stderr comes last.
  dprintf(1, "\x1e" "CCR:%s:end\n", nonce);
  dprintf(2,
          "\x1e" "CCR:%s:{\"exitCode\":%d,\"signal\":%d,\"timedOut\":%s,\"wallMs\":%.1f,\"cpuMs\":%.1f,"
          "\"maxRssKb\":%ld,\"oomKills\":%ld,\"error\":\"%s\"}\n",
          nonce, exit_code, sig, timed_out ? "true" : "false", wall, cpu, max_rss,
          oom_before >= 0 && oom_after >= 0 ? oom_after - oom_before : 0, err);
  // Stay until the host has read the report and closes stdin: output of an exec that has just
  // exited can be lost (seen with Docker 20.10), so exiting first would race with the copy.
  struct pollfd pfd = {0, POLLIN, 0};
  char sink[4096];
  while (poll(&pfd, 1, 10000) > 0 && read(0, sink, sizeof sink) > 0) {}
  return 0;
}
