package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
)

// twoSum returns [i, j] (1-based) for the pair with the smallest j, then the smallest i, whose values add up to target; [] if none.
func twoSum(target int64, a []int64) []int64 {
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
	target := nextInt()
	a := make([]int64, n)
	for i := range a {
		a[i] = nextInt()
	}
	result := twoSum(target, a)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	if len(result) == 0 {
		fmt.Fprint(out, "-1")
	}
	for i, value := range result {
		if i > 0 {
			fmt.Fprint(out, " ")
		}
		fmt.Fprint(out, value)
	}
	fmt.Fprintln(out)
}
