use std::io::{self, BufWriter, Read, Write};

/// Return the readings of grid in clockwise spiral order, starting at the top left.
// The stub does not use its inputs yet; drop this attribute once it does.
#[allow(unused_variables)]
fn spiral_order(grid: &[Vec<i64>]) -> Vec<i64> {
    // TODO: write your solution here
    Vec::new()
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut tokens = input.split_ascii_whitespace();
    let r: usize = tokens.next().unwrap().parse().unwrap();
    let c: usize = tokens.next().unwrap().parse().unwrap();
    let grid: Vec<Vec<i64>> = (0..r).map(|_| (0..c).map(|_| tokens.next().unwrap().parse().unwrap()).collect()).collect();
    let result = spiral_order(&grid);
    let mut out = BufWriter::new(io::stdout().lock());
    writeln!(out, "{}", result.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(" ")).unwrap();
}
