#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A cache of at most `capacity` entries that evicts the least recently used one. */
typedef struct {
    int capacity;
    /* TODO: add the fields you need (for example a hash table and a doubly linked list) */
} LruCache;

static LruCache *lru_create(int capacity) {
    LruCache *cache = calloc(1, sizeof *cache);
    cache->capacity = capacity;
    return cache;
}

/* Returns the value cached under key (and marks it used), or -1. */
static long long lru_get(LruCache *cache, long long key) {
    (void)cache;
    (void)key;
    /* TODO: write your solution here */
    return -1;
}

/* Stores value under key, evicting the least recently used entry when full. */
static void lru_put(LruCache *cache, long long key, long long value) {
    (void)cache;
    (void)key;
    (void)value;
    /* TODO: write your solution here */
}

int main(void) {
    int capacity, q;
    if (scanf("%d %d", &capacity, &q) != 2) return 1;
    LruCache *cache = lru_create(capacity);
    char op[8];
    long long key, value;
    for (int i = 0; i < q; i++) {
        if (scanf("%7s %lld", op, &key) != 2) return 1;
        if (strcmp(op, "GET") == 0) {
            printf("%lld\n", lru_get(cache, key));
        } else {
            if (scanf("%lld", &value) != 1) return 1;
            lru_put(cache, key, value);
        }
    }
    free(cache);
    return 0;
}
