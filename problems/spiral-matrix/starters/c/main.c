#include <stdio.h>
#include <stdlib.h>

/* Return the readings of grid in clockwise spiral order, starting at the top left. */
static long long *spiral_order(int r, int c, long long * *grid, int *out_len) {
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
    int r = (int)read_int();
    int c = (int)read_int();
    long long **grid = malloc((r > 0 ? r : 1) * sizeof *grid);
    for (int i = 0; i < r; i++) {
        grid[i] = malloc(c * sizeof **grid);
        for (int j = 0; j < c; j++) {
            grid[i][j] = read_int();
        }
    }
    int len = 0;
    long long *result = spiral_order(r, c, grid, &len);
    for (int i = 0; i < len; i++) {
        if (i > 0) putchar(' ');
        printf("%lld", result[i]);
    }
    putchar('\n');
    return 0;
}
