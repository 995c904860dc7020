#include <stdio.h>
#include <stdlib.h>

/* Return the median after each value, formatted as "3", "-2" or "2.5". */
static char **running_medians(int n, long long *values, int *out_len) {
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
    long long *values = malloc((n > 0 ? n : 1) * sizeof *values);
    for (int i = 0; i < n; i++) {
        values[i] = read_int();
    }
    int len = 0;
    char **result = running_medians(n, values, &len);
    for (int i = 0; i < len; i++) {
        if (i > 0) putchar('\n');
        printf("%s", result[i]);
    }
    putchar('\n');
    return 0;
}
