#include <stdio.h>
#include <stdlib.h>

/* Return [i, j] (1-based) for the pair with the smallest j, then the smallest i, whose values add up to target; [] if none. */
static long long *two_sum(int n, long long target, long long *a, int *out_len) {
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
    int n = (int)read_int();
    long long target = read_int();
    long long *a = malloc((n > 0 ? n : 1) * sizeof *a);
    for (int i = 0; i < n; i++) {
        a[i] = read_int();
    }
    int len = 0;
    long long *result = two_sum(n, target, a, &len);
    if (len == 0) {
        printf("-1");
    }
    for (int i = 0; i < len; i++) {
        if (i > 0) putchar(' ');
        printf("%lld", result[i]);
    }
    putchar('\n');
    return 0;
}
