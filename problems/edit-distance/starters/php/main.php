<?php

declare(strict_types=1);

/** Return the smallest number of single-letter inserts, deletes and replacements that turn a into b. */
function typo_distance(string $a, string $b): int
{
    // TODO: write your solution here
    return 0;
}

$tokens = preg_split('/\s+/', trim(stream_get_contents(STDIN)));
$pos = 0;
$a = $tokens[$pos++];
$b = $tokens[$pos++];
$result = typo_distance($a, $b);
echo $result, PHP_EOL;
