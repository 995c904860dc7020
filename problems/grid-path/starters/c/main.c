#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Return the smallest number of steps from S to E, or -1 if E cannot be reached. */
static long long shortest_route(int h, long long w, char **grid) {
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

/* Reads one whitespace-separated word of any length. */
static char *read_word(void) {
    size_t cap = 16, len = 0;
    char *word = malloc(cap);
    int ch;
    while ((ch = getchar()) != EOF && (ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t')) {
    }
    while (ch != EOF && ch != ' ' && ch != '\n' && ch != '\r' && ch != '\t') {
        if (len + 1 == cap) {
            cap *= 2;
            word = realloc(word, cap);
        }
        word[len++] = (char)ch;
        ch = getchar();
    }
    word[len] = '\0';
    return word;
}

int main(void) {
    int h = (int)read_int();
    long long w = read_int();
    char **grid = malloc((h > 0 ? h : 1) * sizeof *grid);
    for (int i = 0; i < h; i++) {
        grid[i] = read_word();
    }
    long long result = shortest_route(h, w, grid);
    printf("%lld\n", result);
    return 0;
}
