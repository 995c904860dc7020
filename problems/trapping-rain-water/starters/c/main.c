#include <stdio.h>
#include <stdlib.h>

/* Return the total units of rain water trapped between the buildings of the given heights. */
static long long trapped_water(int n, long long *heights) {
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
    long long *heights = malloc((n > 0 ? n : 1) * sizeof *heights);
    for (int i = 0; i < n; i++) {
        heights[i] = read_int();
    }
    long long result = trapped_water(n, heights);
    printf("%lld\n", result);
    return 0;
}
