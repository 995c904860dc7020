#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Return "YES" or "NO" for each string: whether its brackets are balanced. */
static char **check_brackets(int t, char **strings, int *out_len) {
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
    int t = (int)read_int();
    char **strings = malloc((t > 0 ? t : 1) * sizeof *strings);
    for (int i = 0; i < t; i++) {
        strings[i] = read_word();
    }
    int len = 0;
    char **result = check_brackets(t, strings, &len);
    for (int i = 0; i < len; i++) {
        if (i > 0) putchar('\n');
        printf("%s", result[i]);
    }
    putchar('\n');
    return 0;
}
