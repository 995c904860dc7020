use std::io::{self, BufWriter, Read, Write};

/// Return the smallest number of single-letter inserts, deletes and replacements that turn a into b.
// The stub does not use its inputs yet; drop this attribute once it does.
#[allow(unused_variables)]
fn typo_distance(a: &str, b: &str) -> i64 {
    // TODO: write your solution here
    0
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut tokens = input.split_ascii_whitespace();
    let a: String = tokens.next().unwrap().to_string();
    let b: String = tokens.next().unwrap().to_string();
    let result = typo_distance(&a, &b);
    let mut out = BufWriter::new(io::stdout().lock());
    writeln!(out, "{}", result).unwrap();
}
