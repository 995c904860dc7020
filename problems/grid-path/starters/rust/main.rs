use std::io::{self, BufWriter, Read, Write};

/// Return the smallest number of steps from S to E, or -1 if E cannot be reached.
// The stub does not use its inputs yet; drop this attribute once it does.
#[allow(unused_variables)]
fn shortest_route(grid: &[String]) -> i64 {
    // TODO: write your solution here
    0
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut tokens = input.split_ascii_whitespace();
    let h: usize = tokens.next().unwrap().parse().unwrap();
    let _w: i64 = tokens.next().unwrap().parse().unwrap();
    let grid: Vec<String> = (0..h).map(|_| tokens.next().unwrap().to_string()).collect();
    let result = shortest_route(&grid);
    let mut out = BufWriter::new(io::stdout().lock());
    writeln!(out, "{}", result).unwrap();
}
