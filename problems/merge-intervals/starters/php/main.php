<?php

declare(strict_types=1);

/** Return the merged blocks [l, r], sorted by start; blocks that overlap or touch are merged. */
function merge_blocks(array $blocks): array
{
    // TODO: write your solution here
    return [];
}

$tokens = preg_split('/\s+/', trim(stream_get_contents(STDIN)));
$pos = 0;
$n = (int) $tokens[$pos++];
$blocks = [];
for ($i = 0; $i < $n; $i++) {
    $row = [];
    for ($j = 0; $j < 2; $j++) {
        $row[] = (int) $tokens[$pos++];
    }
    $blocks[] = $row;
}
$result = merge_blocks($blocks);
foreach ($result as $row) {
    echo implode(' ', $row), PHP_EOL;
}
