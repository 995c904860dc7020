<?php

declare(strict_types=1);

/** Return "YES" or "NO" for each string: whether its brackets are balanced. */
function check_brackets(array $strings): array
{
    // TODO: write your solution here
    return [];
}

$tokens = preg_split('/\s+/', trim(stream_get_contents(STDIN)));
$pos = 0;
$t = (int) $tokens[$pos++];
$strings = [];
for ($i = 0; $i < $t; $i++) {
    $strings[] = $tokens[$pos++];
}
$result = check_brackets($strings);
echo implode(PHP_EOL, $result), PHP_EOL;
