#include <stdio.h>
#include <stdlib.h>

/* Return the smallest number of tokens (any number of each value in coins) adding up to x, or -1. */
static long long fewest_tokens(int n, long long x, long long *coins) {
    /* TODO: write your solution here */
    return 0;
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
    long long x = read_int();
    long long *coins = malloc((n > 0 ? n : 1) * sizeof *coins);
    for (int i = 0; i < n; i++) {
        coins[i] = read_int();
    }
    long long result = fewest_tokens(n, x, coins);
    printf("%lld\n", result);
    return 0;
}
