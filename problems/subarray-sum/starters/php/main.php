<?php

declare(strict_types=1);

/** Return how many runs of consecutive changes add up to exactly k. */
function count_streaks(int $k, array $changes): int
{
    // TODO: write your solution here
    return 0;
}

$tokens = preg_split('/\s+/', trim(stream_get_contents(STDIN)));
$pos = 0;
$n = (int) $tokens[$pos++];
$k = (int) $tokens[$pos++];
$changes = [];
for ($i = 0; $i < $n; $i++) {
    $changes[] = (int) $tokens[$pos++];
}
$result = count_streaks($k, $changes);
echo $result, PHP_EOL;
