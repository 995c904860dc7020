<?php

declare(strict_types=1);

/** Return the k most frequent tags, most frequent first, ties in alphabetical order. */
function top_tags(int $k, array $tags): array
{
    // TODO: write your solution here
    return [];
}

$tokens = preg_split('/\s+/', trim(stream_get_contents(STDIN)));
$pos = 0;
$n = (int) $tokens[$pos++];
$k = (int) $tokens[$pos++];
$tags = [];
for ($i = 0; $i < $n; $i++) {
    $tags[] = $tokens[$pos++];
}
$result = top_tags($k, $tags);
echo implode(PHP_EOL, $result), PHP_EOL;
