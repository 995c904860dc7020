// Running one program under limits, for the single phase (supervise.c) and the batch (batch.c).
#define _GNU_SOURCE
#include "run.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int debug;

static char inbuf[65536];
static size_t inpos, inlen;
static volatile sig_atomic_t alarmed;
// The largest peak RSS of the processes reaped during this run: RUSAGE_CHILDREN's ru_maxrss is
// a maximum over the supervisor's whole life, which in a batch spans every earlier test.
static long reaped_max_rss;

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

int copy_payload(long long n, int fd) {
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

void request_defaults(struct request *r) {
  memset(r, 0, sizeof *r);
  r->time_ms = 10000;
  r->cpu_ms = 10000;
  r->result_bytes = 65536;
}

int read_request(struct request *r) {
  static char line[65536];
  int len, any = 0;
  while ((len = read_line(line, sizeof line)) > 0) {
    any = 1;
    char *value = strchr(line, ' ');
    if (!value) continue;
    *value++ = 0;
    if (!strcmp(line, "nonce")) snprintf(r->nonce, sizeof r->nonce, "%s", value);
    else if (!strcmp(line, "tar")) r->tar_bytes = atoll(value);
    else if (!strcmp(line, "stdin")) r->stdin_bytes = atoll(value);
    else if (!strcmp(line, "time_ms")) r->time_ms = atoll(value);
    else if (!strcmp(line, "cpu_ms")) r->cpu_ms = atoll(value);
    else if (!strcmp(line, "fsize")) r->fsize = atoll(value);
    else if (!strcmp(line, "cmd")) snprintf(r->cmd, sizeof r->cmd, "%s", value);
    else if (!strcmp(line, "result_file")) snprintf(r->result_file, sizeof r->result_file, "%s", value);
    else if (!strcmp(line, "result_bytes")) r->result_bytes = atoll(value);
    else if (!strcmp(line, "clean_dir")) snprintf(r->clean_dir, sizeof r->clean_dir, "%s", value);
    else if (!strcmp(line, "cleanup")) snprintf(r->cleanup, sizeof r->cleanup, "%s", value);
    else if (!strcmp(line, "count")) r->count = atoll(value);
    else if (!strcmp(line, "memory_max")) r->memory_max = atoll(value);
    else if (!strcmp(line, "dir")) snprintf(r->dir, sizeof r->dir, "%s", value);
    else if (!strcmp(line, "stop_on_hangup")) r->stop_on_hangup = atoi(value);
    else if (!strcmp(line, "debug")) debug = r->debug = atoi(value);
  }
  return any || len == 0;
}

int write_all(int fd, const void *data, size_t len) {
  const char *p = data;
  while (len > 0) {
    ssize_t w = write(fd, p, len);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return -1;
    p += w;
    len -= (size_t)w;
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

static void reap_all(void) {
  struct rusage ru;
  while (wait4(-1, NULL, WNOHANG, &ru) > 0)
    if (ru.ru_maxrss > reaped_max_rss) reaped_max_rss = ru.ru_maxrss;
}

// Kills every process this run started, until none is left: all descendants of this process.
// It is a child subreaper, so a daemon that double-forked is reparented here and stays a
// descendant; init, the container's keep-alive and any other exec are not, and live on.
#define MAX_PROCS 4096

void kill_the_rest(void) {
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
      int fd = open(path, O_RDONLY | O_CLOEXEC);
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
    reap_all();
    if (!found) return;
    usleep(500);
  }
}

static void on_alarm(int sig) { (void)sig; alarmed = 1; }

// `exec` and plain words (no quotes, variables, globs or redirections) means the same to execvp
// as to /bin/sh, without starting the shell first (~1 ms of CPU a test).
#define MAX_WORDS 256
static int split_plain(const char *cmd, char *copy, size_t cap, char **argv) {
  if (strncmp(cmd, "exec ", 5) != 0 || strlen(cmd) >= cap) return 0;
  strcpy(copy, cmd + 5);
  for (const char *c = copy; *c; c++)
    if (!strchr(" ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_./:=@%+,-", *c)) return 0;
  int n = 0;
  for (char *word = strtok(copy, " "); word; word = strtok(NULL, " ")) {
    if (n + 1 >= MAX_WORDS) return 0;
    argv[n++] = word;
  }
  argv[n] = NULL;
  return n > 0 && argv[0][0] != '-';
}

static void exec_program(const struct program *p) {
  static char copy[65536];
  static char *argv[MAX_WORDS];
  if (p->direct && split_plain(p->cmd, copy, sizeof copy, argv)) {
    execvp(argv[0], argv);
    int e = errno;
    dprintf(2, "cc-supervise: cannot run %s: %s\n", argv[0], strerror(e));
    _exit(e == ENOENT ? 127 : 126);
  }
  execl("/bin/sh", "sh", "-c", p->cmd, (char *)NULL);
  _exit(127);
}

void run_program(const struct program *p, struct report *r) {
  long oom_before = oom_kills();
  struct rusage before, after, ru = {0};
  getrusage(RUSAGE_CHILDREN, &before);
  reaped_max_rss = 0;
  alarmed = 0;
  double start = now_ms();
  int status = 0;
  int reaped = 0;
  r->timed_out = 0;

  // vfork: the child borrows this process's memory until it execs, so no page tables are copied
  // and nothing is copied on write afterwards; that was most of this process's own time a test
  // (~1 ms). Until exec the child only makes system calls and writes nothing the parent reads.
  pid_t pid = vfork();
  if (pid == 0) {
    setpgid(0, 0);
    int adj = open("/proc/self/oom_score_adj", O_WRONLY);  // the OOM killer takes the program, not us
    if (adj >= 0) { (void)!write(adj, "1000", 4); close(adj); }
    struct rlimit cpu = {(rlim_t)((p->cpu_ms + 999) / 1000), (rlim_t)((p->cpu_ms + 999) / 1000 + 1)};
    setrlimit(RLIMIT_CPU, &cpu);
    struct rlimit core = {0, 0};
    setrlimit(RLIMIT_CORE, &core);
    if (p->fsize > 0) {
      struct rlimit fsize = {(rlim_t)p->fsize, (rlim_t)p->fsize};
      setrlimit(RLIMIT_FSIZE, &fsize);
    }
    int in = p->in_fd >= 0 ? p->in_fd : open("/dev/null", O_RDONLY);
    dup2(in, 0);
    if (in > 2) close(in);
    if (p->out_fd >= 0) dup2(p->out_fd, 1);
    if (p->err_fd >= 0) dup2(p->err_fd, 2);
    signal(SIGPIPE, SIG_DFL);
    exec_program(p);
  }
  if (pid < 0) {
    snprintf(r->error, sizeof r->error, "fork failed: %s", strerror(errno));
  } else {
    struct sigaction sa = {0};
    sa.sa_handler = on_alarm;
    sigaction(SIGALRM, &sa, NULL);
    struct itimerval timer = {{0, 0}, {p->time_ms / 1000, (p->time_ms % 1000) * 1000}};
    setitimer(ITIMER_REAL, &timer, NULL);
    // Watching stdin: wait on the program (its pidfd) and stdin at once; a kernel without
    // pidfd_open (before 5.3) waits on the program alone, as the batch does.
    int pidfd = p->watch_stdin ? (int)syscall(SYS_pidfd_open, pid, 0) : -1;
    // Bytes past the payloads (none are sent) would make stdin readable for good: not watched then.
    int watch = p->watch_stdin && inpos >= inlen;
    while (watch && !r->hung_up) {
      // The alarm may come outside poll (during the read below): looked at on every turn, and poll
      // wakes at least every 100 ms. Without a pidfd the program is looked for every 20 ms instead.
      if (alarmed && !r->timed_out) {
        r->timed_out = 1;
        kill(-pid, SIGKILL);
        kill(pid, SIGKILL);
      }
      if (pidfd < 0) {
        pid_t w = wait4(pid, &status, WNOHANG, &ru);
        if (w == pid) { reaped = 1; break; }
        if (w < 0 && errno != EINTR) break;
      }
      struct pollfd fds[2] = {{0, POLLIN, 0}, {pidfd, POLLIN, 0}};
      int n = poll(fds, pidfd >= 0 ? 2 : 1, pidfd >= 0 ? 100 : 20);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0 || (pidfd >= 0 && fds[1].revents)) break;  // the program ended: reaped below
      if (fds[0].revents) {
        char byte;
        ssize_t got = read(0, &byte, 1);
        if (got > 0) watch = 0;
        else if (got == 0 || (errno != EINTR && errno != EAGAIN)) {
          r->hung_up = 1;
          kill(-pid, SIGKILL);
          kill(pid, SIGKILL);
        }
      }
    }
    if (pidfd >= 0) close(pidfd);
    for (;;) {
      if (reaped) break;
      pid_t w = wait4(pid, &status, 0, &ru);
      if (w == pid) break;
      if (w < 0 && errno == EINTR && alarmed && !r->timed_out) {
        r->timed_out = 1;
        kill(-pid, SIGKILL);
        kill(pid, SIGKILL);
      } else if (w < 0 && errno != EINTR) {
        break;
      }
    }
    struct itimerval off = {{0, 0}, {0, 0}};
    setitimer(ITIMER_REAL, &off, NULL);
    if (ru.ru_maxrss > reaped_max_rss) reaped_max_rss = ru.ru_maxrss;
  }
  r->wall_ms = now_ms() - start;
  kill_the_rest();
  getrusage(RUSAGE_CHILDREN, &after);
  long oom_after = oom_kills();

  r->cpu_ms = (after.ru_utime.tv_sec - before.ru_utime.tv_sec + after.ru_stime.tv_sec - before.ru_stime.tv_sec) * 1000.0 +
              (after.ru_utime.tv_usec - before.ru_utime.tv_usec + after.ru_stime.tv_usec - before.ru_stime.tv_usec) / 1000.0;
  r->max_rss_kb = reaped_max_rss;
  r->exit_code = pid > 0 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r->sig = pid > 0 && WIFSIGNALED(status) ? WTERMSIG(status) : 0;
  r->oom_kills = oom_before >= 0 && oom_after >= 0 ? oom_after - oom_before : 0;
}

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

int report_json(const struct report *r, char *out, size_t cap) {
  char err[420];
  json_escape(r->error, err, sizeof err);
  return snprintf(out, cap,
                  "{\"exitCode\":%d,\"signal\":%d,\"timedOut\":%s,\"hungUp\":%s,\"wallMs\":%.1f,\"cpuMs\":%.1f,"
                  "\"maxRssKb\":%ld,\"oomKills\":%ld,\"error\":\"%s\"}",
                  r->exit_code, r->sig, r->timed_out ? "true" : "false", r->hung_up ? "true" : "false", r->wall_ms, r->cpu_ms, r->max_rss_kb, r->oom_kills, err);
}
