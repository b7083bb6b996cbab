//! Matching throughput: stancer's scanner alone (anchored walks of the automaton from
//! the words that may start a pattern, `matcher::scan`), `find_mentions` (the scan plus
//! word-boundary, case and date checks, possessives, surnames), and a bare
//! Aho-Corasick DFA over the same patterns that only counts matches, the way an
//! ordinary search steps through every byte.
//!
//!     cargo bench --bench matching

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

mod common;

fn matching(c: &mut Criterion) {
    let corpus = common::corpus();
    let pipeline = stancer::Pipeline::new(stancer::rules::RulePack::builtin().unwrap());
    let lexicon = pipeline.lexicon();

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
    common::bench_bare_scan(&mut group, &corpus, &lexicon.patterns);
    group.finish();
}

criterion_group!(benches, matching);
criterion_main!(benches);
