<?php

declare(strict_types=1);

/** Return the area of the simple polygon whose corners are given in order (either way round). */
function plot_area(array $corners): float
{
    // TODO: write your solution here
    return 0.0;
}

$tokens = preg_split('/\s+/', trim(stream_get_contents(STDIN)));
$pos = 0;
$n = (int) $tokens[$pos++];
$corners = [];
for ($i = 0; $i < $n; $i++) {
    $row = [];
    for ($j = 0; $j < 2; $j++) {
        $row[] = (float) $tokens[$pos++];
    }
    $corners[] = $row;
}
$result = plot_area($corners);
printf("%.6f\n", $result);
