package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
)

// rotateTile returns the tile turned by k quarter turns clockwise (counter-clockwise when k is negative).
func rotateTile(k int64, tile [][]int64) [][]int64 {
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
	tile := make([][]int64, n)
	for i := range tile {
		tile[i] = make([]int64, n)
		for j := range tile[i] {
			tile[i][j] = nextInt()
		}
	}
	result := rotateTile(k, tile)
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
