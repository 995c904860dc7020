package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
)

// ladderLength returns the number of words in the shortest ladder from start to end (0 if none).
func ladderLength(start string, end string, words []string) int64 {
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
	start := next()
	end := next()
	n := int(nextInt())
	words := make([]string, n)
	for i := range words {
		words[i] = next()
	}
	result := ladderLength(start, end, words)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	fmt.Fprintln(out, result)
}
