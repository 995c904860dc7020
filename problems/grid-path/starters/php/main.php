<?php

declare(strict_types=1);

/** Return the smallest number of steps from S to E, or -1 if E cannot be reached. */
function shortest_route(array $grid): int
{
    // TODO: write your solution here
    return 0;
}

$tokens = preg_split('/\s+/', trim(stream_get_contents(STDIN)));
$pos = 0;
$h = (int) $tokens[$pos++];
$w = (int) $tokens[$pos++];
$grid = [];
for ($i = 0; $i < $h; $i++) {
    $grid[] = $tokens[$pos++];
}
$result = shortest_route($grid);
echo $result, PHP_EOL;
