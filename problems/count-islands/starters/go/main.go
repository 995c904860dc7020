package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
)

// countIslands returns the number of islands: groups of # cells connected up, down, left or right.
func countIslands(grid []string) int64 {
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
	h := int(nextInt())
	w := nextInt()
	grid := make([]string, h)
	for i := range grid {
		grid[i] = next()
	}
	_ = w
	result := countIslands(grid)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	fmt.Fprintln(out, result)
}
