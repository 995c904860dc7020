#include <stdio.h>
#include <stdlib.h>

/* Return the smallest number of rooms that host all meetings [start, end) without overlap in a room. */
static long long min_rooms(int n, long long * *meetings) {
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
    long long **meetings = malloc((n > 0 ? n : 1) * sizeof *meetings);
    for (int i = 0; i < n; i++) {
        meetings[i] = malloc(2 * sizeof **meetings);
        for (int j = 0; j < 2; j++) {
            meetings[i][j] = read_int();
        }
    }
    long long result = min_rooms(n, meetings);
    printf("%lld\n", result);
    return 0;
}
