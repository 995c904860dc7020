use std::io::{self, BufWriter, Read, Write};

/// Return the area of the simple polygon whose corners are given in order (either way round).
// The stub does not use its inputs yet; drop this attribute once it does.
#[allow(unused_variables)]
fn plot_area(corners: &[Vec<f64>]) -> f64 {
    // TODO: write your solution here
    0.0
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut tokens = input.split_ascii_whitespace();
    let n: usize = tokens.next().unwrap().parse().unwrap();
    let corners: Vec<Vec<f64>> = (0..n).map(|_| (0..2).map(|_| tokens.next().unwrap().parse().unwrap()).collect()).collect();
    let result = plot_area(&corners);
    let mut out = BufWriter::new(io::stdout().lock());
    writeln!(out, "{:.6}", result).unwrap();
}
