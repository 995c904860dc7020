<?php

declare(strict_types=1);

/** Return the number of words in the shortest ladder from start to end (0 if none). */
function ladder_length(string $start, string $end, array $words): int
{
    // TODO: write your solution here
    return 0;
}

$tokens = preg_split('/\s+/', trim(stream_get_contents(STDIN)));
$pos = 0;
$start = $tokens[$pos++];
$end = $tokens[$pos++];
$n = (int) $tokens[$pos++];
$words = [];
for ($i = 0; $i < $n; $i++) {
    $words[] = $tokens[$pos++];
}
$result = ladder_length($start, $end, $words);
echo $result, PHP_EOL;
