<?php

declare(strict_types=1);

/** Return the median after each value, formatted as "3", "-2" or "2.5". */
function running_medians(array $values): array
{
    // TODO: write your solution here
    return [];
}

$tokens = preg_split('/\s+/', trim(stream_get_contents(STDIN)));
$pos = 0;
$n = (int) $tokens[$pos++];
$values = [];
for ($i = 0; $i < $n; $i++) {
    $values[] = (int) $tokens[$pos++];
}
$result = running_medians($values);
echo implode(PHP_EOL, $result), PHP_EOL;
