use std::io::{self, BufWriter, Read, Write};

/// Return the k most frequent tags, most frequent first, ties in alphabetical order.
// The stub does not use its inputs yet; drop this attribute once it does.
#[allow(unused_variables)]
fn top_tags(k: i64, tags: &[String]) -> Vec<String> {
    // TODO: write your solution here
    Vec::new()
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut tokens = input.split_ascii_whitespace();
    let n: usize = tokens.next().unwrap().parse().unwrap();
    let k: i64 = tokens.next().unwrap().parse().unwrap();
    let tags: Vec<String> = (0..n).map(|_| tokens.next().unwrap().to_string()).collect();
    let result = top_tags(k, &tags);
    let mut out = BufWriter::new(io::stdout().lock());
    writeln!(out, "{}", result.iter().map(|x| x.to_string()).collect::<Vec<_>>().join("\n")).unwrap();
}
