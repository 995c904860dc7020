<?php

declare(strict_types=1);

/** Return the maximum of every window of k consecutive readings, first window first. */
function window_maxima(int $k, array $loads): array
{
    // TODO: write your solution here
    return [];
}

$tokens = preg_split('/\s+/', trim(stream_get_contents(STDIN)));
$pos = 0;
$n = (int) $tokens[$pos++];
$k = (int) $tokens[$pos++];
$loads = [];
for ($i = 0; $i < $n; $i++) {
    $loads[] = (int) $tokens[$pos++];
}
$result = window_maxima($k, $loads);
echo implode(' ', $result), PHP_EOL;
