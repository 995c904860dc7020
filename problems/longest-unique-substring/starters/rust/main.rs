use std::io::{self, BufWriter, Read, Write};

/// Return the length of the longest substring of s without a repeated character.
// The stub does not use its inputs yet; drop this attribute once it does.
#[allow(unused_variables)]
fn longest_fresh(s: &str) -> i64 {
    // TODO: write your solution here
    0
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut tokens = input.split_ascii_whitespace();
    let s: String = tokens.next().unwrap().to_string();
    let result = longest_fresh(&s);
    let mut out = BufWriter::new(io::stdout().lock());
    writeln!(out, "{}", result).unwrap();
}
