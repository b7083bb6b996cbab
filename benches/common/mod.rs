//! The benchmark corpus, shared by the bench targets: the FNC-1 article bodies when
//! `../shared/corpora/fnc-1` exists next to the crate (2,587 news bodies, about 5.6 MB),
//! else the seed article, so that the benches run in a bare checkout too.
//! `examples/scan_compare.rs` includes this file as well.

use criterion::{BenchmarkGroup, measurement::WallTime};
use stancer::input::Document;
use std::hint::black_box;
use std::path::{Path, PathBuf};

/// The documents to bench on.
pub struct Corpus {
    pub docs: Vec<Document>,
    /// Total text bytes, for `Throughput::Bytes`.
    pub bytes: u64,
}

pub fn corpus() -> Corpus {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let fnc = root.join("../shared/corpora/fnc-1");
    let (name, docs) = if fnc.is_dir() {
        let mut docs = Vec::new();
        for file in ["train_bodies.csv", "competition_test_bodies.csv"] {
            docs.extend(fnc_bodies(&fnc.join(file)));
        }
        ("fnc-1 bodies", docs)
    } else {
        let seed = root.join("seeds/india-pakistan-2025.txt");
        let text = std::fs::read_to_string(&seed).unwrap_or_else(|e| panic!("{}: {e}", seed.display()));
        ("seed article", vec![Document::new("india-pakistan-2025", text)])
    };
    let bytes = docs.iter().map(|d| d.text.len() as u64).sum();
    eprintln!("bench corpus: {name}, {} documents, {bytes} bytes", docs.len());
    Corpus { docs, bytes }
}

/// The `Body ID,articleBody` records of one FNC-1 bodies file.
fn fnc_bodies(path: &PathBuf) -> Vec<Document> {
    let mut reader = csv::Reader::from_path(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    reader
        .records()
        .map(|r| {
            let r = r.unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            Document::new(&r[0], &r[1])
        })
        .collect()
}

/// An ordinary Aho-Corasick DFA over the lexicon's own patterns, case-insensitive and
/// leftmost-longest as stancer matches them: the scan the performance targets are
/// measured by.
pub fn bare_dfa(patterns: &[String]) -> aho_corasick::AhoCorasick {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(patterns)
        .expect("the patterns build")
}

/// Benches `bare_aho_corasick_dfa` in `group`: [`bare_dfa`] counting its matches.
#[allow(dead_code)] // the example that includes this file has no criterion group
pub fn bench_bare_scan(group: &mut BenchmarkGroup<WallTime>, corpus: &Corpus, patterns: &[String]) {
    let bare = bare_dfa(patterns);
    group.bench_function("bare_aho_corasick_dfa", |b| {
        b.iter(|| {
            let mut n = 0;
            for doc in &corpus.docs {
                n += bare.find_iter(black_box(doc.text.as_str())).count();
            }
            n
        })
    });
}
