package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
)

// minRooms returns the smallest number of rooms that host all meetings [start, end) without overlap in a room.
func minRooms(meetings [][]int64) int64 {
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
	meetings := make([][]int64, n)
	for i := range meetings {
		meetings[i] = make([]int64, 2)
		for j := range meetings[i] {
			meetings[i][j] = nextInt()
		}
	}
	result := minRooms(meetings)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	fmt.Fprintln(out, result)
}
