use std::io::{self, BufWriter, Read, Write};

/// Return the number of words in the shortest ladder from begin_word to end_word (0 if none).
// The stub does not use its inputs yet; drop this attribute once it does.
#[allow(unused_variables)]
fn ladder_length(begin_word: &str, end_word: &str, words: &[String]) -> i64 {
    // TODO: write your solution here
    0
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut tokens = input.split_ascii_whitespace();
    let begin_word: String = tokens.next().unwrap().to_string();
    let end_word: String = tokens.next().unwrap().to_string();
    let n: usize = tokens.next().unwrap().parse().unwrap();
    let words: Vec<String> = (0..n).map(|_| tokens.next().unwrap().to_string()).collect();
    let result = ladder_length(&begin_word, &end_word, &words);
    let mut out = BufWriter::new(io::stdout().lock());
    writeln!(out, "{}", result).unwrap();
}
