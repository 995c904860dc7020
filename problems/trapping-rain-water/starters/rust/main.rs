use std::io::{self, BufWriter, Read, Write};

/// Return the total units of rain water trapped between the buildings of the given heights.
// The stub does not use its inputs yet; drop this attribute once it does.
#[allow(unused_variables)]
fn trapped_water(heights: &[i64]) -> i64 {
    // TODO: write your solution here
    0
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut tokens = input.split_ascii_whitespace();
    let n: usize = tokens.next().unwrap().parse().unwrap();
    let heights: Vec<i64> = (0..n).map(|_| tokens.next().unwrap().parse().unwrap()).collect();
    let result = trapped_water(&heights);
    let mut out = BufWriter::new(io::stdout().lock());
    writeln!(out, "{}", result).unwrap();
}
