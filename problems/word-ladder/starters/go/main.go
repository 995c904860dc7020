package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
)

// ladderLength returns the number of words in the shortest ladder from begin_word to end_word (0 if none).
func ladderLength(begin_word string, end_word string, words []string) int64 {
	// TODO: write your solution here
	return 0
}

func main() {
	scanner := bufio.NewScanner(os.Stdin)
	scanner.Buffer(make([]byte, 1024*1024), 1024*1024)
	scanner.Split(bufio.ScanWords)
	next := func() string {
		scanner.Scan()
		return scanner.Text()
	}
	nextInt := func() int64 {
		value, err := strconv.ParseInt(next(), 10, 64)
		if err != nil {
			panic(err)
		}
		return value
	}
	begin_word := next()
	end_word := next()
	n := int(nextInt())
	words := make([]string, n)
	for i := range words {
		words[i] = next()
	}
	result := ladderLength(begin_word, end_word, words)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	fmt.Fprintln(out, result)
}
