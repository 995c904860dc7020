package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
)

// spiralOrder returns the readings of grid in clockwise spiral order, starting at the top left.
func spiralOrder(grid [][]int64) []int64 {
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
	r := int(nextInt())
	c := int(nextInt())
	grid := make([][]int64, r)
	for i := range grid {
		grid[i] = make([]int64, c)
		for j := range grid[i] {
			grid[i][j] = nextInt()
		}
	}
	result := spiralOrder(grid)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for i, value := range result {
		if i > 0 {
			fmt.Fprint(out, " ")
		}
		fmt.Fprint(out, value)
	}
	fmt.Fprintln(out)
}
