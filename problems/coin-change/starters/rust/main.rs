use std::io::{self, BufWriter, Read, Write};

/// Return the smallest number of tokens (any number of each value in coins) adding up to x, or -1.
// The stub does not use its inputs yet; drop this attribute once it does.
#[allow(unused_variables)]
fn fewest_tokens(x: i64, coins: &[i64]) -> i64 {
    // TODO: write your solution here
    0
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut tokens = input.split_ascii_whitespace();
    let n: usize = tokens.next().unwrap().parse().unwrap();
    let x: i64 = tokens.next().unwrap().parse().unwrap();
    let coins: Vec<i64> = (0..n).map(|_| tokens.next().unwrap().parse().unwrap()).collect();
    let result = fewest_tokens(x, &coins);
    let mut out = BufWriter::new(io::stdout().lock());
    writeln!(out, "{}", result).unwrap();
}
