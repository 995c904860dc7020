use std::io::{self, BufWriter, Read, Write};

/// Return [i, j] (1-based) for the pair with the smallest j, then the smallest i, whose values add up to target; [] if none.
// The stub does not use its inputs yet; drop this attribute once it does.
#[allow(unused_variables)]
fn two_sum(target: i64, a: &[i64]) -> Vec<i64> {
    // TODO: write your solution here
    Vec::new()
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut tokens = input.split_ascii_whitespace();
    let n: usize = tokens.next().unwrap().parse().unwrap();
    let target: i64 = tokens.next().unwrap().parse().unwrap();
    let a: Vec<i64> = (0..n).map(|_| tokens.next().unwrap().parse().unwrap()).collect();
    let result = two_sum(target, &a);
    let mut out = BufWriter::new(io::stdout().lock());
    if result.is_empty() {
        writeln!(out, "-1").unwrap();
    } else {
        writeln!(out, "{}", result.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(" ")).unwrap();
    }
}
