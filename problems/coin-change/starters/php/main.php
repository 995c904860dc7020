<?php

declare(strict_types=1);

/** Return the smallest number of tokens (any number of each value in coins) adding up to x, or -1. */
function fewest_tokens(int $x, array $coins): int
{
    // TODO: write your solution here
    return 0;
}

$tokens = preg_split('/\s+/', trim(stream_get_contents(STDIN)));
$pos = 0;
$n = (int) $tokens[$pos++];
$x = (int) $tokens[$pos++];
$coins = [];
for ($i = 0; $i < $n; $i++) {
    $coins[] = (int) $tokens[$pos++];
}
$result = fewest_tokens($x, $coins);
echo $result, PHP_EOL;
