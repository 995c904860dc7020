#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Return the k most frequent tags, most frequent first, ties in alphabetical order. */
static char **top_tags(int n, long long k, char **tags, int *out_len) {
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
    int n = (int)read_int();
    long long k = read_int();
    char **tags = malloc((n > 0 ? n : 1) * sizeof *tags);
    for (int i = 0; i < n; i++) {
        tags[i] = read_word();
    }
    int len = 0;
    char **result = top_tags(n, k, tags, &len);
    for (int i = 0; i < len; i++) {
        if (i > 0) putchar('\n');
        printf("%s", result[i]);
    }
    putchar('\n');
    return 0;
}
