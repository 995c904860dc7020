#include <stdio.h>
#include <stdlib.h>

/* Return the cheapest total toll from depot 1 to each depot 1..n (-1 where unreachable). */
static long long *cheapest_tolls(long long n, int m, long long * *roads, int *out_len) {
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
    long long **roads = malloc((m > 0 ? m : 1) * sizeof *roads);
    for (int i = 0; i < m; i++) {
        roads[i] = malloc(3 * sizeof **roads);
        for (int j = 0; j < 3; j++) {
            roads[i][j] = read_int();
        }
    }
    int len = 0;
    long long *result = cheapest_tolls(n, m, roads, &len);
    for (int i = 0; i < len; i++) {
        if (i > 0) putchar('\n');
        printf("%lld", result[i]);
    }
    putchar('\n');
    return 0;
}
