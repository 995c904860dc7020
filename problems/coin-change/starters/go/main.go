package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
)

// fewestTokens returns the smallest number of tokens (any number of each value in coins) adding up to x, or -1.
func fewestTokens(x int64, coins []int64) int64 {
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
	x := nextInt()
	coins := make([]int64, n)
	for i := range coins {
		coins[i] = nextInt()
	}
	result := fewestTokens(x, coins)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	fmt.Fprintln(out, result)
}
