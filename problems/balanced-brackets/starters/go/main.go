package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
)

// checkBrackets returns "YES" or "NO" for each string: whether its brackets are balanced.
func checkBrackets(strings []string) []string {
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
	t := int(nextInt())
	strings := make([]string, t)
	for i := range strings {
		strings[i] = next()
	}
	result := checkBrackets(strings)
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
