#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Return the number of words in the shortest ladder from begin_word to end_word (0 if none). */
static long long ladder_length(char *begin_word, char *end_word, int n, char **words) {
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
    char *begin_word = read_word();
    char *end_word = read_word();
    int n = (int)read_int();
    char **words = malloc((n > 0 ? n : 1) * sizeof *words);
    for (int i = 0; i < n; i++) {
        words[i] = read_word();
    }
    long long result = ladder_length(begin_word, end_word, n, words);
    printf("%lld\n", result);
    return 0;
}
