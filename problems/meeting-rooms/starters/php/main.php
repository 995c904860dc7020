<?php

declare(strict_types=1);

/** Return the smallest number of rooms that host all meetings [start, end) without overlap in a room. */
function min_rooms(array $meetings): int
{
    // TODO: write your solution here
    return 0;
}

$tokens = preg_split('/\s+/', trim(stream_get_contents(STDIN)));
$pos = 0;
$n = (int) $tokens[$pos++];
$meetings = [];
for ($i = 0; $i < $n; $i++) {
    $row = [];
    for ($j = 0; $j < 2; $j++) {
        $row[] = (int) $tokens[$pos++];
    }
    $meetings[] = $row;
}
$result = min_rooms($meetings);
echo $result, PHP_EOL;
