package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
)

// planCourses returns the courses in an order that respects every prerequisite [a, b] (a before b); [] if there is none.
func planCourses(n int64, prerequisites [][]int64) []int64 {
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
	prerequisites := make([][]int64, m)
	for i := range prerequisites {
		prerequisites[i] = make([]int64, 2)
		for j := range prerequisites[i] {
			prerequisites[i][j] = nextInt()
		}
	}
	result := planCourses(n, prerequisites)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	if len(result) == 0 {
		fmt.Fprint(out, "IMPOSSIBLE")
	}
	for i, value := range result {
		if i > 0 {
			fmt.Fprint(out, " ")
		}
		fmt.Fprint(out, value)
	}
	fmt.Fprintln(out)
}
