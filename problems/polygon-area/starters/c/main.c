#include <stdio.h>
#include <stdlib.h>

/* Return the area of the simple polygon whose corners are given in order (either way round). */
static double plot_area(int n, double * *corners) {
    /* TODO: write your solution here */
    return 0.0;
}

static long long read_int(void) {
    long long value;
    if (scanf("%lld", &value) != 1) {
        fprintf(stderr, "expected an integer\n");
        exit(1);
    }
    return value;
}

static double read_float(void) {
    double value;
    if (scanf("%lf", &value) != 1) {
        fprintf(stderr, "expected a number\n");
        exit(1);
    }
    return value;
}

int main(void) {
    int n = (int)read_int();
    double **corners = malloc((n > 0 ? n : 1) * sizeof *corners);
    for (int i = 0; i < n; i++) {
        corners[i] = malloc(2 * sizeof **corners);
        for (int j = 0; j < 2; j++) {
            corners[i][j] = read_float();
        }
    }
    double result = plot_area(n, corners);
    printf("%.6f\n", result);
    return 0;
}
