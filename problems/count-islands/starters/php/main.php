<?php

declare(strict_types=1);

/** Return the number of islands: groups of # cells connected up, down, left or right. */
function count_islands(array $grid): int
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
$result = count_islands($grid);
echo $result, PHP_EOL;
