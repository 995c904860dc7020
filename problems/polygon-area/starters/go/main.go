package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
)

// plotArea returns the area of the simple polygon whose corners are given in order (either way round).
func plotArea(corners [][]float64) float64 {
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
	nextFloat := func() float64 {
		value, err := strconv.ParseFloat(next(), 64)
		if err != nil {
			panic(err)
		}
		return value
	}
	n := int(nextInt())
	corners := make([][]float64, n)
	for i := range corners {
		corners[i] = make([]float64, 2)
		for j := range corners[i] {
			corners[i][j] = nextFloat()
		}
	}
	result := plotArea(corners)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	fmt.Fprintf(out, "%.6f\n", result)
}
