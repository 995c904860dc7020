use std::io::{self, BufWriter, Read, Write};

/// Return "YES" or "NO" for each string: whether its brackets are balanced.
// The stub does not use its inputs yet; drop this attribute once it does.
#[allow(unused_variables)]
fn check_brackets(strings: &[String]) -> Vec<String> {
    // TODO: write your solution here
    Vec::new()
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut tokens = input.split_ascii_whitespace();
    let t: usize = tokens.next().unwrap().parse().unwrap();
    let strings: Vec<String> = (0..t).map(|_| tokens.next().unwrap().to_string()).collect();
    let result = check_brackets(&strings);
    let mut out = BufWriter::new(io::stdout().lock());
    writeln!(out, "{}", result.iter().map(|x| x.to_string()).collect::<Vec<_>>().join("\n")).unwrap();
}
