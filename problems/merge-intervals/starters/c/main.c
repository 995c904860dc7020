#include <stdio.h>
#include <stdlib.h>

/* Return the merged blocks [l, r], sorted by start; blocks that overlap or touch are merged. */
static long long **merge_blocks(int n, long long * *blocks, int *out_rows, int *out_cols) {
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
    long long **blocks = malloc((n > 0 ? n : 1) * sizeof *blocks);
    for (int i = 0; i < n; i++) {
        blocks[i] = malloc(2 * sizeof **blocks);
        for (int j = 0; j < 2; j++) {
            blocks[i][j] = read_int();
        }
    }
    int rows = 0, cols = 0;
    long long **result = merge_blocks(n, blocks, &rows, &cols);
    for (int i = 0; i < rows; i++) {
        for (int j = 0; j < cols; j++) {
            if (j > 0) putchar(' ');
            printf("%lld", result[i][j]);
        }
        putchar('\n');
    }
    return 0;
}
