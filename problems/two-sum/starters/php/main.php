<?php

declare(strict_types=1);

/** Return [i, j] (1-based) for the pair with the smallest j, then the smallest i, whose values add up to target; [] if none. */
function two_sum(int $target, array $a): array
{
    // TODO: write your solution here
    return [];
}

$tokens = preg_split('/\s+/', trim(stream_get_contents(STDIN)));
$pos = 0;
$n = (int) $tokens[$pos++];
$target = (int) $tokens[$pos++];
$a = [];
for ($i = 0; $i < $n; $i++) {
    $a[] = (int) $tokens[$pos++];
}
$result = two_sum($target, $a);
echo count($result) === 0 ? '-1' : implode(' ', $result), PHP_EOL;
