use std::io::{self, BufWriter, Read, Write};

/// Return the courses in an order that respects every prerequisite [a, b] (a before b); [] if there is none.
// The stub does not use its inputs yet; drop this attribute once it does.
#[allow(unused_variables)]
fn plan_courses(n: i64, prerequisites: &[Vec<i64>]) -> Vec<i64> {
    // TODO: write your solution here
    Vec::new()
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut tokens = input.split_ascii_whitespace();
    let n: i64 = tokens.next().unwrap().parse().unwrap();
    let m: usize = tokens.next().unwrap().parse().unwrap();
    let prerequisites: Vec<Vec<i64>> = (0..m).map(|_| (0..2).map(|_| tokens.next().unwrap().parse().unwrap()).collect()).collect();
    let result = plan_courses(n, &prerequisites);
    let mut out = BufWriter::new(io::stdout().lock());
    if result.is_empty() {
        writeln!(out, "IMPOSSIBLE").unwrap();
    } else {
        writeln!(out, "{}", result.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(" ")).unwrap();
    }
}
