<?php

declare(strict_types=1);

/** Return the courses in an order that respects every prerequisite [a, b] (a before b); [] if there is none. */
function plan_courses(int $n, array $prerequisites): array
{
    // TODO: write your solution here
    return [];
}

$tokens = preg_split('/\s+/', trim(stream_get_contents(STDIN)));
$pos = 0;
$n = (int) $tokens[$pos++];
$m = (int) $tokens[$pos++];
$prerequisites = [];
for ($i = 0; $i < $m; $i++) {
    $row = [];
    for ($j = 0; $j < 2; $j++) {
        $row[] = (int) $tokens[$pos++];
    }
    $prerequisites[] = $row;
}
$result = plan_courses($n, $prerequisites);
echo count($result) === 0 ? 'IMPOSSIBLE' : implode(' ', $result), PHP_EOL;
