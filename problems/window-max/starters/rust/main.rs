use std::io::{self, BufWriter, Read, Write};

/// Return the maximum of every window of k consecutive readings, first window first.
// The stub does not use its inputs yet; drop this attribute once it does.
#[allow(unused_variables)]
fn window_maxima(k: i64, loads: &[i64]) -> Vec<i64> {
    // TODO: write your solution here
    Vec::new()
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut tokens = input.split_ascii_whitespace();
    let n: usize = tokens.next().unwrap().parse().unwrap();
    let k: i64 = tokens.next().unwrap().parse().unwrap();
    let loads: Vec<i64> = (0..n).map(|_| tokens.next().unwrap().parse().unwrap()).collect();
    let result = window_maxima(k, &loads);
    let mut out = BufWriter::new(io::stdout().lock());
    writeln!(out, "{}", result.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(" ")).unwrap();
}
