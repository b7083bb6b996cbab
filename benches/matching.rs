//! Matching throughput: stancer's scanner alone (anchored walks of the automaton from
//! the words that may start a pattern, `matcher::scan`), `find_mentions` (the scan plus
//! word-boundary, case and date checks, possessives, surnames), and a bare
//! Aho-Corasick DFA over the same patterns that only counts matches, the way an
//! ordinary search steps through every byte.
//!
//!     cargo bench --bench matching

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

mod common;

fn matching(c: &mut Criterion) {
    let corpus = common::corpus();
    let pipeline = stancer::Pipeline::new(stancer::rules::RulePack::builtin().unwrap());
    let lexicon = pipeline.lexicon();
    let bare = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .build(&lexicon.patterns)
        .unwrap();

    let mut group = c.benchmark_group("matching");
    group.sample_size(10).measurement_time(Duration::from_secs(10));
    group.throughput(Throughput::Bytes(corpus.bytes));
    group.bench_function("stancer_find_mentions", |b| {
        b.iter(|| {
            let mut n = 0;
            for doc in &corpus.docs {
                n += stancer::matcher::find_mentions(lexicon, black_box(&doc.text), doc.date).len();
            }
            n
        })
    });
    group.bench_function("stancer_scan", |b| {
        b.iter(|| {
            let mut n = 0;
            for doc in &corpus.docs {
                lexicon.scanner.scan(black_box(&doc.text), |_, _| {
                    n += 1;
                    true
                });
            }
            n
        })
    });
    group.bench_function("bare_aho_corasick_dfa", |b| {
        b.iter(|| {
            let mut n = 0;
            for doc in &corpus.docs {
                n += bare.find_iter(black_box(doc.text.as_str())).count();
            }
            n
        })
    });
    group.finish();
}

criterion_group!(benches, matching);
criterion_main!(benches);
