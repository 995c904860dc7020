use std::io::{self, BufWriter, Read, Write};

/// Return the tile turned by k quarter turns clockwise (counter-clockwise when k is negative).
// The stub does not use its inputs yet; drop this attribute once it does.
#[allow(unused_variables)]
fn rotate_tile(k: i64, tile: &[Vec<i64>]) -> Vec<Vec<i64>> {
    // TODO: write your solution here
    Vec::new()
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut tokens = input.split_ascii_whitespace();
    let n: usize = tokens.next().unwrap().parse().unwrap();
    let k: i64 = tokens.next().unwrap().parse().unwrap();
    let tile: Vec<Vec<i64>> = (0..n).map(|_| (0..n).map(|_| tokens.next().unwrap().parse().unwrap()).collect()).collect();
    let result = rotate_tile(k, &tile);
    let mut out = BufWriter::new(io::stdout().lock());
    for row in &result {
        let line: Vec<String> = row.iter().map(|x| x.to_string()).collect();
        writeln!(out, "{}", line.join(" ")).unwrap();
    }
}
