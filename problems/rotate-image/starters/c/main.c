#include <stdio.h>
#include <stdlib.h>

/* Return the tile turned by k quarter turns clockwise (counter-clockwise when k is negative). */
static long long **rotate_tile(int n, long long k, long long * *tile, int *out_rows, int *out_cols) {
    /* TODO: write your solution here */
    *out_rows = 0;
    *out_cols = 0;
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
    long long **tile = malloc((n > 0 ? n : 1) * sizeof *tile);
    for (int i = 0; i < n; i++) {
        tile[i] = malloc(n * sizeof **tile);
        for (int j = 0; j < n; j++) {
            tile[i][j] = read_int();
        }
    }
    int rows = 0, cols = 0;
    long long **result = rotate_tile(n, k, tile, &rows, &cols);
    for (int i = 0; i < rows; i++) {
        for (int j = 0; j < cols; j++) {
            if (j > 0) putchar(' ');
            printf("%lld", result[i][j]);
        }
        putchar('\n');
    }
    return 0;
}
