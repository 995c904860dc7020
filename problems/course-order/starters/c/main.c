#include <stdio.h>
#include <stdlib.h>

/* Return the courses in an order that respects every prerequisite [a, b] (a before b); [] if there is none. */
static long long *plan_courses(long long n, int m, long long * *prerequisites, int *out_len) {
    /* TODO: write your solution here */
    *out_len = 0;
    return NULL;
}

static long long read_int(void) {
    long long value;
    if (scanf("%lld", &value) != 1) {
        fprintf(stderr, "expected an integer\n");
        exit(1);
    }
    return value;
}

int main(void) {
    long long n = read_int();
    int m = (int)read_int();
    long long **prerequisites = malloc((m > 0 ? m : 1) * sizeof *prerequisites);
    for (int i = 0; i < m; i++) {
        prerequisites[i] = malloc(2 * sizeof **prerequisites);
        for (int j = 0; j < 2; j++) {
            prerequisites[i][j] = read_int();
        }
    }
    int len = 0;
    long long *result = plan_courses(n, m, prerequisites, &len);
    if (len == 0) {
        printf("IMPOSSIBLE");
    }
    for (int i = 0; i < len; i++) {
        if (i > 0) putchar(' ');
        printf("%lld", result[i]);
    }
    putchar('\n');
    return 0;
}
