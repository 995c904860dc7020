package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
)

// LruCache holds at most capacity entries and evicts the least recently used one.
type LruCache struct {
	capacity int
	// TODO: add the fields you need
}

// NewLruCache returns an empty cache.
func NewLruCache(capacity int) *LruCache {
	return &LruCache{capacity: capacity}
}

// Get returns the value cached under key (and marks it used), or -1.
func (c *LruCache) Get(key int64) int64 {
	// TODO: write your solution here
	return -1
}

// Put stores value under key, evicting the least recently used entry when full.
func (c *LruCache) Put(key, value int64) {
	// TODO: write your solution here
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
	capacity := int(nextInt())
	q := int(nextInt())
	cache := NewLruCache(capacity)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for i := 0; i < q; i++ {
		op := next()
		key := nextInt()
		if op == "GET" {
			fmt.Fprintln(out, cache.Get(key))
		} else {
			cache.Put(key, nextInt())
		}
	}
}
