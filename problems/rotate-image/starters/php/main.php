<?php

declare(strict_types=1);

/** Return the tile turned by k quarter turns clockwise (counter-clockwise when k is negative). */
function rotate_tile(int $k, array $tile): array
{
    // TODO: write your solution here
    return [];
}

$tokens = preg_split('/\s+/', trim(stream_get_contents(STDIN)));
$pos = 0;
$n = (int) $tokens[$pos++];
$k = (int) $tokens[$pos++];
$tile = [];
for ($i = 0; $i < $n; $i++) {
    $row = [];
    for ($j = 0; $j < $n; $j++) {
        $row[] = (int) $tokens[$pos++];
    }
    $tile[] = $row;
}
$result = rotate_tile($k, $tile);
foreach ($result as $row) {
    echo implode(' ', $row), PHP_EOL;
}
