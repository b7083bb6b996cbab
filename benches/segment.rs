//! Sentence splitting throughput on real news text: stancer's byte scan
//! against unicode-segmentation's UAX #29 `unicode_sentences` on the same
//! documents. Uses the FNC-1 article bodies from ../shared/corpora/fnc-1 when
//! present, else the seed article.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use stancer::segment::Segmenter;
use unicode_segmentation::UnicodeSegmentation;

/// The article bodies to split, one string per article.
fn documents() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let fnc = root.join("../shared/corpora/fnc-1");
    let mut docs = Vec::new();
    for name in ["train_bodies.csv", "competition_test_bodies.csv"] {
        let Ok(mut reader) = csv::Reader::from_path(fnc.join(name)) else {
            continue;
        };
        let column = reader
            .headers()
            .ok()
            .and_then(|h| h.iter().position(|f| f == "articleBody"))
            .unwrap_or(1);
        for record in reader.records().flatten() {
            if let Some(body) = record.get(column) {
                docs.push(body.to_string());
            }
        }
    }
    if docs.is_empty() {
        eprintln!(
            "FNC-1 bodies not found under {}; benchmarking the seed article",
            fnc.display()
        );
        let seed = std::fs::read_to_string(root.join("seeds/india-pakistan-2025.txt")).unwrap_or_default();
        docs.push(seed);
    }
    docs
}

fn segment(c: &mut Criterion) {
    let docs = documents();
    let bytes: usize = docs.iter().map(String::len).sum();
    let seg = Segmenter::from_csv(include_str!("../rules/abbreviations.csv"))
        .unwrap_or_else(|(line, msg)| panic!("rules/abbreviations.csv:{line}: {msg}"));

    let mut group = c.benchmark_group("segment");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("stancer", |b| {
        b.iter(|| {
            let mut sentences = 0;
            for doc in &docs {
                sentences += seg.sentence_spans(black_box(doc)).len();
            }
            sentences
        })
    });
    group.bench_function("uax29_unicode_sentences", |b| {
        b.iter(|| {
            let mut sentences = 0;
            for doc in &docs {
                sentences += black_box(doc).unicode_sentences().count();
            }
            sentences
        })
    });
    group.finish();
}

criterion_group!(benches, segment);
criterion_main!(benches);
