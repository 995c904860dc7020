package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
)

// mergeBlocks returns the merged blocks [l, r], sorted by start; blocks that overlap or touch are merged.
func mergeBlocks(blocks [][]int64) [][]int64 {
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
	blocks := make([][]int64, n)
	for i := range blocks {
		blocks[i] = make([]int64, 2)
		for j := range blocks[i] {
			blocks[i][j] = nextInt()
		}
	}
	result := mergeBlocks(blocks)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for _, row := range result {
		for j, value := range row {
			if j > 0 {
				fmt.Fprint(out, " ")
			}
			fmt.Fprint(out, value)
		}
		fmt.Fprintln(out)
	}
}
