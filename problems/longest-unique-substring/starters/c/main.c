#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Return the length of the longest substring of s without a repeated character. */
static long long longest_fresh(char *s) {
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
    char *s = read_word();
    long long result = longest_fresh(s);
    printf("%lld\n", result);
    return 0;
}
