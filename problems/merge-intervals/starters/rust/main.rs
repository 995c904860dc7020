use std::io::{self, BufWriter, Read, Write};

/// Return the merged blocks [l, r], sorted by start; blocks that overlap or touch are merged.
// The stub does not use its inputs yet; drop this attribute once it does.
#[allow(unused_variables)]
fn merge_blocks(blocks: &[Vec<i64>]) -> Vec<Vec<i64>> {
    // TODO: write your solution here
    Vec::new()
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut tokens = input.split_ascii_whitespace();
    let n: usize = tokens.next().unwrap().parse().unwrap();
    let blocks: Vec<Vec<i64>> = (0..n).map(|_| (0..2).map(|_| tokens.next().unwrap().parse().unwrap()).collect()).collect();
    let result = merge_blocks(&blocks);
    let mut out = BufWriter::new(io::stdout().lock());
    for row in &result {
        let line: Vec<String> = row.iter().map(|x| x.to_string()).collect();
        writeln!(out, "{}", line.join(" ")).unwrap();
    }
}
