#include <stdio.h>
#include <stdlib.h>

/* Return the length of the longest strictly increasing subsequence of temps. */
static long long longest_rising(int n, long long *temps) {
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
    long long *temps = malloc((n > 0 ? n : 1) * sizeof *temps);
    for (int i = 0; i < n; i++) {
        temps[i] = read_int();
    }
    long long result = longest_rising(n, temps);
    printf("%lld\n", result);
    return 0;
}
