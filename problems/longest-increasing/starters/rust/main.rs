use std::io::{self, BufWriter, Read, Write};

/// Return the length of the longest strictly increasing subsequence of temps.
// The stub does not use its inputs yet; drop this attribute once it does.
#[allow(unused_variables)]
fn longest_rising(temps: &[i64]) -> i64 {
    // TODO: write your solution here
    0
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut tokens = input.split_ascii_whitespace();
    let n: usize = tokens.next().unwrap().parse().unwrap();
    let temps: Vec<i64> = (0..n).map(|_| tokens.next().unwrap().parse().unwrap()).collect();
    let result = longest_rising(&temps);
    let mut out = BufWriter::new(io::stdout().lock());
    writeln!(out, "{}", result).unwrap();
}
