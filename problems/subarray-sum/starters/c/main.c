#include <stdio.h>
#include <stdlib.h>

/* Return how many runs of consecutive changes add up to exactly k. */
static long long count_streaks(int n, long long k, long long *changes) {
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
    long long k = read_int();
    long long *changes = malloc((n > 0 ? n : 1) * sizeof *changes);
    for (int i = 0; i < n; i++) {
        changes[i] = read_int();
    }
    long long result = count_streaks(n, k, changes);
    printf("%lld\n", result);
    return 0;
}
