package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
)

// trappedWater returns the total units of rain water trapped between the buildings of the given heights.
func trappedWater(heights []int64) int64 {
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
	heights := make([]int64, n)
	for i := range heights {
		heights[i] = nextInt()
	}
	result := trappedWater(heights)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	fmt.Fprintln(out, result)
}
