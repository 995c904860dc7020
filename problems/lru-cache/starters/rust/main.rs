use std::io::{self, BufWriter, Read, Write};

/// A cache of at most `capacity` entries that evicts the least recently used one.
// The stub never reads its fields yet; drop this attribute once it does.
#[allow(dead_code)]
struct LruCache {
    capacity: usize,
    // TODO: add the fields you need
}

// The stub does not use its inputs yet; drop this attribute once it does.
#[allow(unused_variables)]
impl LruCache {
    fn new(capacity: usize) -> Self {
        LruCache { capacity }
    }

    /// Returns the value cached under key (and marks it used), or -1.
    fn get(&mut self, key: i64) -> i64 {
        // TODO: write your solution here
        -1
    }

    /// Stores value under key, evicting the least recently used entry when full.
    fn put(&mut self, key: i64, value: i64) {
        // TODO: write your solution here
    }
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut tokens = input.split_ascii_whitespace();
    let capacity: usize = tokens.next().unwrap().parse().unwrap();
    let q: usize = tokens.next().unwrap().parse().unwrap();
    let mut cache = LruCache::new(capacity);
    let mut out = BufWriter::new(io::stdout().lock());
    for _ in 0..q {
        let op = tokens.next().unwrap();
        let key: i64 = tokens.next().unwrap().parse().unwrap();
        if op == "GET" {
            writeln!(out, "{}", cache.get(key)).unwrap();
        } else {
            let value: i64 = tokens.next().unwrap().parse().unwrap();
            cache.put(key, value);
        }
    }
}
