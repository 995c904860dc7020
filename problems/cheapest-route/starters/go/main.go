package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
)

// cheapestTolls returns the cheapest total toll from depot 1 to each depot 1..n (-1 where unreachable).
func cheapestTolls(n int64, roads [][]int64) []int64 {
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
	n := nextInt()
	m := int(nextInt())
	roads := make([][]int64, m)
	for i := range roads {
		roads[i] = make([]int64, 3)
		for j := range roads[i] {
			roads[i][j] = nextInt()
		}
	}
	result := cheapestTolls(n, roads)
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
