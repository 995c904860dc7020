<?php

declare(strict_types=1);

/** Return the cheapest total toll from depot 1 to each depot 1..n (-1 where unreachable). */
function cheapest_tolls(int $n, array $roads): array
{
    // TODO: write your solution here
    return [];
}

$tokens = preg_split('/\s+/', trim(stream_get_contents(STDIN)));
$pos = 0;
$n = (int) $tokens[$pos++];
$m = (int) $tokens[$pos++];
$roads = [];
for ($i = 0; $i < $m; $i++) {
    $row = [];
    for ($j = 0; $j < 3; $j++) {
        $row[] = (int) $tokens[$pos++];
    }
    $roads[] = $row;
}
$result = cheapest_tolls($n, $roads);
echo implode(PHP_EOL, $result), PHP_EOL;
