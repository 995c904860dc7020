use std::io::{self, BufWriter, Read, Write};

/// Return the cheapest total toll from depot 1 to each depot 1..n (-1 where unreachable).
// The stub does not use its inputs yet; drop this attribute once it does.
#[allow(unused_variables)]
fn cheapest_tolls(n: i64, roads: &[Vec<i64>]) -> Vec<i64> {
    // TODO: write your solution here
    Vec::new()
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut tokens = input.split_ascii_whitespace();
    let n: i64 = tokens.next().unwrap().parse().unwrap();
    let m: usize = tokens.next().unwrap().parse().unwrap();
    let roads: Vec<Vec<i64>> = (0..m).map(|_| (0..3).map(|_| tokens.next().unwrap().parse().unwrap()).collect()).collect();
    let result = cheapest_tolls(n, &roads);
    let mut out = BufWriter::new(io::stdout().lock());
    writeln!(out, "{}", result.iter().map(|x| x.to_string()).collect::<Vec<_>>().join("\n")).unwrap();
}
