package main

import (
	"bufio"
	"fmt"
	"os"
)

// typoDistance returns the smallest number of single-letter inserts, deletes and replacements that turn a into b.
func typoDistance(a string, b string) int64 {
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
	a := next()
	b := next()
	result := typoDistance(a, b)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	fmt.Fprintln(out, result)
}
