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

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use stancer::Pipeline;
use stancer::input::Document;
use stancer::rules::RulePack;

fn main() {
    let mode = std::env::args().nth(1).unwrap_or_else(|| "label".into());
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/fnc-1");
    let mut texts = Vec::new();
    for name in ["train_bodies.csv", "competition_test_bodies.csv"] {
        let Ok(mut reader) = csv::Reader::from_path(dir.join(name)) else {
            continue;
        };
        for record in reader.records().flatten() {
            texts.push(record.get(1).unwrap_or_default().to_owned());
        }
    }
    if texts.is_empty() {
        texts.push(include_str!("../seeds/india-pakistan-2025.txt").to_owned());
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let pipeline = Pipeline::new(RulePack::builtin().expect("the built-in rules load"));
    let ac = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .build(&pipeline.lexicon().patterns)
        .expect("the patterns build");
    let started = std::time::Instant::now();
    // REPEAT=N runs the stage N times, for profiles that should not be dominated by
    // building the automata.
    let repeat: usize = std::env::var("REPEAT").ok().and_then(|r| r.parse().ok()).unwrap_or(1);
    let mut count = 0;
    for _ in 0..repeat {
        count = match mode.as_str() {
            "bare" => bare_scan(&ac, &texts),
            "scan" => scan_only(&pipeline, &texts),
            "mentions" => mentions(&pipeline, &texts),
            _ => label_all(&pipeline, &texts),
        };
    }
    let secs = started.elapsed().as_secs_f64() / repeat as f64;
    eprintln!(
        "{mode}: {} documents, {bytes} bytes, {count} results, {secs:.3}s, {:.1} MB/s",
        texts.len(),
        bytes as f64 / 1e6 / secs
    );
}

/// The timed stages are functions of their own so that callgrind can count them alone:
/// `--collect-atstart=no --toggle-collect=scan_compare::bare_scan`.
#[inline(never)]
fn bare_scan(ac: &AhoCorasick, texts: &[String]) -> usize {
    texts.iter().map(|t| ac.find_iter(t).count()).sum()
}

#[inline(never)]
fn label_all(pipeline: &Pipeline, texts: &[String]) -> usize {
    texts
        .iter()
        .map(|t| pipeline.label(&Document::new("d", t.as_str())).claims.len())
        .sum()
}

#[inline(never)]
fn scan_only(pipeline: &Pipeline, texts: &[String]) -> usize {
    let mut n = 0;
    for t in texts {
        pipeline.lexicon().scanner.scan(t, |_, _| {
            n += 1;
            true
        });
    }
    n
}

#[inline(never)]
fn mentions(pipeline: &Pipeline, texts: &[String]) -> usize {
    texts
        .iter()
        .map(|t| stancer::matcher::find_mentions(pipeline.lexicon(), t, None).len())
        .sum()
}
