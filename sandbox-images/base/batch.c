// `cc-supervise --batch`: the judge's test cases one after another in one process (issue 9), so a
// test costs the program's own time plus one vfork and exec, not a shell loop, a nested
// supervisor and base64 processes (~17 ms a test before).
//
// stdin: a batch header (nonce, count, optional `cleanup <folder>`, removed at the end, and
// `memory_max <bytes>`, see wait_for_memory_limit), then `count` test requests, each a header as in
// supervise.c (stdin, time_ms, cpu_ms, fsize, cmd; optionally `result_file <path>`,
// `result_bytes <n>` and `clean_dir <path>`, a folder removed and made again before the test)
// followed by its stdin bytes. The phase that starts the batch copies its own stdin to an unlinked
// file first, so none of this (the nonce least of all) is on a path a test could read or rewrite.
//
// Per test: the program gets its stdin, stdout and stderr as memfds (no path either), its own
// CPU, wall and file-size limits, its own process group, and every process it started is killed
// before the next test (this process is a child subreaper, as the single phase). Then one frame
// goes to stdout, three lines:
//   "\x1eT <index>" / base64(stdout + "\x1eCCR:<nonce>:end\n") / base64(stderr + "\x1eCCR:<nonce>:{report}\n")
// (with `result_file`, the first line carries that file instead of stdout, without the marker),
// and "\x1eDONE <count>" at the end: the frames of the shell loop that ran a nested supervisor per
// test, so the host reads both the same way (main/interview/batch-script.ts).
//
// Only this process and the phase supervisor above it hold the exec's output stream, and both
// are not dumpable, so a test cannot open it through /proc/<pid>/fd; what it prints is base64
// inside its frame. It can still kill this process (same user): the host then gets no DONE and
// calls the batch a judge error.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "run.h"

static char outbuf[1 << 16];
static size_t outlen;

static void flush_out(void) {
  if (outlen && write_all(1, outbuf, outlen) != 0) _exit(3);  // the host hung up
  outlen = 0;
}

static void put(const void *data, size_t len) {
  const char *p = data;
  while (len > 0) {
    if (outlen == sizeof outbuf) flush_out();
    size_t n = sizeof outbuf - outlen < len ? sizeof outbuf - outlen : len;
    memcpy(outbuf + outlen, p, n);
    outlen += n;
    p += n;
    len -= n;
  }
}

// Base64 (RFC 4648, padded) written through `put`, fed in pieces of any size.
static const char B64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
static unsigned char carry[3];
static int carried;

static void b64_block(const unsigned char *s) {
  char o[4] = {B64[s[0] >> 2], B64[((s[0] & 3) << 4) | (s[1] >> 4)], B64[((s[1] & 15) << 2) | (s[2] >> 6)], B64[s[2] & 63]};
  put(o, 4);
}

static void b64_feed(const void *data, size_t len) {
  const unsigned char *p = data;
  while (len > 0 && carried > 0 && carried < 3) { carry[carried++] = *p++; len--; }
  if (carried == 3) { b64_block(carry); carried = 0; }
  for (; len >= 3; p += 3, len -= 3) b64_block(p);
  while (len > 0) { carry[carried++] = *p++; len--; }
}

static void b64_end(void) {
  if (carried == 1) { char o[4] = {B64[carry[0] >> 2], B64[(carry[0] & 3) << 4], '=', '='}; put(o, 4); }
  if (carried == 2) { char o[4] = {B64[carry[0] >> 2], B64[((carry[0] & 3) << 4) | (carry[1] >> 4)], B64[(carry[1] & 15) << 2], '='}; put(o, 4); }
  carried = 0;
}

// Feeds up to `cap` bytes of a file from its start (the program moved the shared offset).
static void b64_file(int fd, long long cap) {
  static char buf[1 << 16];
  off_t at = 0;
  while (fd >= 0 && at < cap) {
    size_t want = cap - at < (long long)sizeof buf ? (size_t)(cap - at) : sizeof buf;
    ssize_t n = pread(fd, buf, want, at);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    b64_feed(buf, (size_t)n);
    at += n;
  }
}

// A regular file only: a FIFO put at the path would block the batch on open.
static int open_result(const char *path) {
  int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  struct stat st;
  if (fd >= 0 && (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))) { close(fd); fd = -1; }
  return fd;
}

static int remove_entry(const char *path, const struct stat *st, int type, struct FTW *ftw) {
  (void)st; (void)type; (void)ftw;
  remove(path);
  return 0;
}

// The container's memory limit (cgroup v2 memory.max, v1 memory.limit_in_bytes); -1 if unreadable.
static long long memory_limit(void) {
  const char *files[] = {"/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"};
  for (int i = 0; i < 2; i++) {
    int fd = open(files[i], O_RDONLY | O_CLOEXEC);
    if (fd < 0) continue;
    char text[64];
    ssize_t n = read(fd, text, sizeof text - 1);
    close(fd);
    if (n <= 0) continue;
    text[n] = 0;
    return strncmp(text, "max", 3) == 0 ? LLONG_MAX : atoll(text);
  }
  return -1;
}

// The host lowers the memory limit from the compiler's to the problem's (`docker update`) while
// this batch starts, instead of before, which saves that round trip (~40 ms) a judged
// submission; no test runs until the new limit is in force. If it never comes, the batch ends
// without a DONE and the host calls that a judge error.
static int wait_for_memory_limit(long long bytes) {
  for (int waited_ms = 0; waited_ms < 30000; waited_ms++) {
    if (memory_limit() == bytes) return 0;
    usleep(1000);
  }
  dprintf(2, "cc-supervise: the memory limit is %lld bytes, not the %lld the batch was given\n", memory_limit(), bytes);
  return -1;
}

int batch_main(void) {
  static struct request head, t;
  request_defaults(&head);
  if (!read_request(&head) || !head.nonce[0]) { dprintf(2, "cc-supervise: no batch header\n"); return 2; }
  if (head.memory_max > 0 && wait_for_memory_limit(head.memory_max) != 0) return 2;
  for (long long i = 0; i < head.count; i++) {
    request_defaults(&t);
    if (!read_request(&t)) { dprintf(2, "cc-supervise: the batch ended after %lld of %lld tests\n", i, head.count); return 2; }
    struct report report = {0};
    int in = -1, out = memfd_create("stdout", MFD_CLOEXEC), err = memfd_create("stderr", MFD_CLOEXEC);
    if (t.stdin_bytes > 0) {
      in = memfd_create("stdin", MFD_CLOEXEC);
      copy_payload(t.stdin_bytes, in);
      if (in >= 0) lseek(in, 0, SEEK_SET);
      else snprintf(report.error, sizeof report.error, "no memory for the test's input: %s", strerror(errno));
    }
    if (t.clean_dir[0]) {
      nftw(t.clean_dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
      if (mkdir(t.clean_dir, 0755) != 0) snprintf(report.error, sizeof report.error, "cannot make %.100s: %s", t.clean_dir, strerror(errno));
    }
    if (out < 0 || err < 0) snprintf(report.error, sizeof report.error, "no memory for the test's output: %s", strerror(errno));
    if (!report.error[0]) {
      struct program p = {.cmd = t.cmd, .direct = 1, .in_fd = in, .out_fd = out, .err_fd = err, .time_ms = t.time_ms, .cpu_ms = t.cpu_ms, .fsize = t.fsize};
      run_program(&p, &report);
    } else {
      report.exit_code = -1;
    }
    // Output past the file-size limit cannot be there, but a limit of 0 means none.
    long long cap = t.fsize > 0 ? t.fsize : (long long)1 << 40;
    char line[800];
    put(line, (size_t)snprintf(line, sizeof line, "\x1eT %lld\n", i));
    if (t.result_file[0]) {
      int fd = open_result(t.result_file);
      b64_file(fd, t.result_bytes);
      if (fd >= 0) close(fd);
    } else {
      b64_file(out, cap);
      b64_feed(line, (size_t)snprintf(line, sizeof line, "\x1e" "CCR:%s:end\n", head.nonce));
    }
    b64_end();
    put("\n", 1);
    b64_file(err, cap);
    int n = snprintf(line, sizeof line, "\x1e" "CCR:%s:", head.nonce);
    n += report_json(&report, line + n, sizeof line - (size_t)n - 1);
    line[n++] = '\n';
    b64_feed(line, (size_t)n);
    b64_end();
    put("\n", 1);
    flush_out();
    if (in >= 0) close(in);
    if (out >= 0) close(out);
    if (err >= 0) close(err);
  }
  if (head.cleanup[0]) nftw(head.cleanup, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
  char done[64];
  put(done, (size_t)snprintf(done, sizeof done, "\x1e" "DONE %lld\n", head.count));
  flush_out();
  return 0;
}
