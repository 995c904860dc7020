use std::io::{self, BufWriter, Read, Write};

/// Return the median after each value, formatted as "3", "-2" or "2.5".
// The stub does not use its inputs yet; drop this attribute once it does.
#[allow(unused_variables)]
fn running_medians(values: &[i64]) -> Vec<String> {
    // TODO: write your solution here
    Vec::new()
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut tokens = input.split_ascii_whitespace();
    let n: usize = tokens.next().unwrap().parse().unwrap();
    let values: Vec<i64> = (0..n).map(|_| tokens.next().unwrap().parse().unwrap()).collect();
    let result = running_medians(&values);
    let mut out = BufWriter::new(io::stdout().lock());
    writeln!(out, "{}", result.iter().map(|x| x.to_string()).collect::<Vec<_>>().join("\n")).unwrap();
}
