<?php

declare(strict_types=1);

/** A cache of at most $capacity entries that evicts the least recently used one. */
final class LruCache
{
    public function __construct(private int $capacity)
    {
        // TODO: choose the data structures
    }

    /** Returns the value cached under $key (and marks it used), or -1. */
    public function get(int $key): int
    {
        // TODO: write your solution here
        return -1;
    }

    /** Stores $value under $key, evicting the least recently used entry when full. */
    public function put(int $key, int $value): void
    {
        // TODO: write your solution here
    }
}

$tokens = preg_split('/\s+/', trim(stream_get_contents(STDIN)));
$pos = 0;
$capacity = (int) $tokens[$pos++];
$q = (int) $tokens[$pos++];
$cache = new LruCache($capacity);
$out = [];
for ($i = 0; $i < $q; $i++) {
    $op = $tokens[$pos++];
    $key = (int) $tokens[$pos++];
    if ($op === 'GET') {
        $out[] = $cache->get($key);
    } else {
        $cache->put($key, (int) $tokens[$pos++]);
    }
}
echo implode(PHP_EOL, $out), PHP_EOL;
