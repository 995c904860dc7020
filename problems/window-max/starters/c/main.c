#include <stdio.h>
#include <stdlib.h>

/* Return the maximum of every window of k consecutive readings, first window first. */
static long long *window_maxima(int n, long long k, long long *loads, int *out_len) {
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
    long long k = read_int();
    long long *loads = malloc((n > 0 ? n : 1) * sizeof *loads);
    for (int i = 0; i < n; i++) {
        loads[i] = read_int();
    }
    int len = 0;
    long long *result = window_maxima(n, k, loads, &len);
    for (int i = 0; i < len; i++) {
        if (i > 0) putchar(' ');
        printf("%lld", result[i]);
    }
    putchar('\n');
    return 0;
}
