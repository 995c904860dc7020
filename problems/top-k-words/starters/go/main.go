package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
)

// topTags returns the k most frequent tags, most frequent first, ties in alphabetical order.
func topTags(k int64, tags []string) []string {
	// TODO: write your solution here
	return nil
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
	n := int(nextInt())
	k := nextInt()
	tags := make([]string, n)
	for i := range tags {
		tags[i] = next()
	}
	result := topTags(k, tags)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for i, value := range result {
		if i > 0 {
			fmt.Fprint(out, "\n")
		}
		fmt.Fprint(out, value)
	}
	fmt.Fprintln(out)
}
