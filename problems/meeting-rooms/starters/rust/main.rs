use std::io::{self, BufWriter, Read, Write};

/// Return the smallest number of rooms that host all meetings [start, end) without overlap in a room.
// The stub does not use its inputs yet; drop this attribute once it does.
#[allow(unused_variables)]
fn min_rooms(meetings: &[Vec<i64>]) -> i64 {
    // TODO: write your solution here
    0
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut tokens = input.split_ascii_whitespace();
    let n: usize = tokens.next().unwrap().parse().unwrap();
    let meetings: Vec<Vec<i64>> = (0..n).map(|_| (0..2).map(|_| tokens.next().unwrap().parse().unwrap()).collect()).collect();
    let result = min_rooms(&meetings);
    let mut out = BufWriter::new(io::stdout().lock());
    writeln!(out, "{}", result).unwrap();
}
