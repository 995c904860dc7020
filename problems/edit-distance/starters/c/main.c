#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Return the smallest number of single-letter inserts, deletes and replacements that turn a into b. */
static long long typo_distance(char *a, char *b) {
    /* TODO: write your solution here */
    return 0;
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
    char *a = read_word();
    char *b = read_word();
    long long result = typo_distance(a, b);
    printf("%lld\n", result);
    return 0;
}
