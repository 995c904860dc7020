package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
)

// runningMedians returns the median after each value, formatted as "3", "-2" or "2.5".
func runningMedians(values []int64) []string {
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
	values := make([]int64, n)
	for i := range values {
		values[i] = nextInt()
	}
	result := runningMedians(values)
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
