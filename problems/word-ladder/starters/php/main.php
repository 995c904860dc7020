<?php

declare(strict_types=1);

/** Return the number of words in the shortest ladder from begin_word to end_word (0 if none). */
function ladder_length(string $begin_word, string $end_word, array $words): int
{
    // TODO: write your solution here
    return 0;
}

$tokens = preg_split('/\s+/', trim(stream_get_contents(STDIN)));
$pos = 0;
$begin_word = $tokens[$pos++];
$end_word = $tokens[$pos++];
$n = (int) $tokens[$pos++];
$words = [];
for ($i = 0; $i < $n; $i++) {
    $words[] = $tokens[$pos++];
}
$result = ladder_length($begin_word, $end_word, $words);
echo $result, PHP_EOL;
