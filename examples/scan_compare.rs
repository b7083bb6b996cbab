//! Runs one stage over the FNC-1 bodies once, for instruction counts under callgrind
//! (deterministic on a shared machine, unlike wall time):
//!
//!     cargo build --release --example scan_compare
//!     valgrind --tool=callgrind --collect-atstart=no --toggle-collect='scan_compare::bare_scan' \
//!         target/release/examples/scan_compare bare
//!     valgrind --tool=callgrind --collect-atstart=no --toggle-collect='scan_compare::label_all' \
//!         target/release/examples/scan_compare label
//!
//! `bare` is a plain Aho-Corasick DFA scan with the lexicon's own patterns; `scan` is
//! stancer's scanner alone (every pattern it offers accepted); `mentions` is
//! `find_mentions`; `label` is the whole labeling of each document (splitting, matching,
//! attribution, records).

use aho_corasick::AhoCorasick;
use stancer::Pipeline;
use stancer::input::Document;
use stancer::rules::RulePack;

#[path = "../benches/common/mod.rs"]
mod common;

fn main() {
    let mode = std::env::args().nth(1).unwrap_or_else(|| "label".into());
    let corpus = common::corpus();
    let docs = &corpus.docs;
    let pipeline = Pipeline::new(RulePack::builtin().expect("the built-in rules load"));
    let ac = common::bare_dfa(&pipeline.lexicon().patterns);
    let started = std::time::Instant::now();
    // REPEAT=N runs the stage N times, for profiles that should not be dominated by
    // building the automata.
    let repeat: usize = std::env::var("REPEAT").ok().and_then(|r| r.parse().ok()).unwrap_or(1);
    let mut count = 0;
    for _ in 0..repeat {
        count = match mode.as_str() {
            "bare" => bare_scan(&ac, docs),
            "scan" => scan_only(&pipeline, docs),
            "mentions" => mentions(&pipeline, docs),
            _ => label_all(&pipeline, docs),
        };
    }
    let secs = started.elapsed().as_secs_f64() / repeat as f64;
    eprintln!(
        "{mode}: {} documents, {} bytes, {count} results, {secs:.3}s, {:.1} MB/s",
        docs.len(),
        corpus.bytes,
        corpus.bytes as f64 / 1e6 / secs
    );
}

/// The timed stages are functions of their own so that callgrind can count them alone:
/// `--collect-atstart=no --toggle-collect=scan_compare::bare_scan`.
#[inline(never)]
fn bare_scan(ac: &AhoCorasick, docs: &[Document]) -> usize {
    docs.iter().map(|d| ac.find_iter(&d.text).count()).sum()
}

#[inline(never)]
fn label_all(pipeline: &Pipeline, docs: &[Document]) -> usize {
    docs.iter().map(|d| pipeline.label(d).claims.len()).sum()
}

#[inline(never)]
fn scan_only(pipeline: &Pipeline, docs: &[Document]) -> usize {
    let mut n = 0;
    for d in docs {
        pipeline.lexicon().scanner.scan(&d.text, |_, _| {
            n += 1;
            true
        });
    }
    n
}

#[inline(never)]
fn mentions(pipeline: &Pipeline, docs: &[Document]) -> usize {
    docs.iter()
        .map(|d| stancer::matcher::find_mentions(pipeline.lexicon(), &d.text, d.date).len())
        .sum()
}
