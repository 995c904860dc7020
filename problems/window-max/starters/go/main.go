package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
)

// windowMaxima returns the maximum of every window of k consecutive readings, first window first.
func windowMaxima(k int64, loads []int64) []int64 {
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
	loads := make([]int64, n)
	for i := range loads {
		loads[i] = nextInt()
	}
	result := windowMaxima(k, loads)
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
