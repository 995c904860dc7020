package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
)

// countStreaks returns how many runs of consecutive changes add up to exactly k.
func countStreaks(k int64, changes []int64) int64 {
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
	n := int(nextInt())
	k := nextInt()
	changes := make([]int64, n)
	for i := range changes {
		changes[i] = nextInt()
	}
	result := countStreaks(k, changes)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	fmt.Fprintln(out, result)
}
