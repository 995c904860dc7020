<?php

declare(strict_types=1);

/** Return the length of the longest strictly increasing subsequence of temps. */
function longest_rising(array $temps): int
{
    // TODO: write your solution here
    return 0;
}

$tokens = preg_split('/\s+/', trim(stream_get_contents(STDIN)));
$pos = 0;
$n = (int) $tokens[$pos++];
$temps = [];
for ($i = 0; $i < $n; $i++) {
    $temps[] = (int) $tokens[$pos++];
}
$result = longest_rising($temps);
echo $result, PHP_EOL;
