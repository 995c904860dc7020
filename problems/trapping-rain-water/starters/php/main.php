<?php

declare(strict_types=1);

/** Return the total units of rain water trapped between the buildings of the given heights. */
function trapped_water(array $heights): int
{
    // TODO: write your solution here
    return 0;
}

$tokens = preg_split('/\s+/', trim(stream_get_contents(STDIN)));
$pos = 0;
$n = (int) $tokens[$pos++];
$heights = [];
for ($i = 0; $i < $n; $i++) {
    $heights[] = (int) $tokens[$pos++];
}
$result = trapped_water($heights);
echo $result, PHP_EOL;
