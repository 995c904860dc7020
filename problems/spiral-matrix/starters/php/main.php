<?php

declare(strict_types=1);

/** Return the readings of grid in clockwise spiral order, starting at the top left. */
function spiral_order(array $grid): array
{
    // TODO: write your solution here
    return [];
}

$tokens = preg_split('/\s+/', trim(stream_get_contents(STDIN)));
$pos = 0;
$r = (int) $tokens[$pos++];
$c = (int) $tokens[$pos++];
$grid = [];
for ($i = 0; $i < $r; $i++) {
    $row = [];
    for ($j = 0; $j < $c; $j++) {
        $row[] = (int) $tokens[$pos++];
    }
    $grid[] = $row;
}
$result = spiral_order($grid);
echo implode(' ', $result), PHP_EOL;
