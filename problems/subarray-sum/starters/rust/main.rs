use std::io::{self, BufWriter, Read, Write};

/// Return how many runs of consecutive changes add up to exactly k.
// The stub does not use its inputs yet; drop this attribute once it does.
#[allow(unused_variables)]
fn count_streaks(k: i64, changes: &[i64]) -> i64 {
    // TODO: write your solution here
    0
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut tokens = input.split_ascii_whitespace();
    let n: usize = tokens.next().unwrap().parse().unwrap();
    let k: i64 = tokens.next().unwrap().parse().unwrap();
    let changes: Vec<i64> = (0..n).map(|_| tokens.next().unwrap().parse().unwrap()).collect();
    let result = count_streaks(k, &changes);
    let mut out = BufWriter::new(io::stdout().lock());
    writeln!(out, "{}", result).unwrap();
}
