<?php

declare(strict_types=1);

/** Return the length of the longest substring of s without a repeated character. */
function longest_fresh(string $s): int
{
    // TODO: write your solution here
    return 0;
}

$tokens = preg_split('/\s+/', trim(stream_get_contents(STDIN)));
$pos = 0;
$s = $tokens[$pos++];
$result = longest_fresh($s);
echo $result, PHP_EOL;
