//! Whole-pipeline throughput (`Pipeline::label`: sentences, matching, attribution,
//! output records) on one thread and on rayon's pool, and the attribution stage alone
//! with its inputs (sentence spans, mentions) computed outside the timing. The group
//! also times a bare Aho-Corasick DFA scan with the same patterns right after
//! `label_one_thread`, so that the ratio of the two is taken minutes, not runs, apart
//! on a shared machine. Attribution
//! is timed on the sentences `Pipeline::analyze` hands to it: those with a party and a
//! stance cue (role words do not count).
//!
//!     cargo bench --bench pipeline

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rayon::prelude::*;
use std::hint::black_box;
use std::ops::Range;
use std::time::Duration;

mod common;

/// One document's attribution inputs: the sentence spans `Pipeline::analyze` attributes,
/// each with the range of `mentions` that falls wholly inside it (the same slicing and
/// the same skip of sentences without a party or a stance cue).
struct Prepared {
    sentences: Vec<(Range<usize>, Range<usize>)>,
    mentions: Vec<stancer::matcher::Mention>,
    /// Sentences in the document, attributed or not.
    total: usize,
}

fn prepare(pipeline: &stancer::Pipeline, doc: &stancer::input::Document) -> Prepared {
    let spans = pipeline.sentence_spans(&doc.text);
    let mentions = stancer::matcher::find_mentions(pipeline.lexicon(), &doc.text, doc.date);
    let total = spans.len();
    let sentences = stancer::pipeline::sentence_mentions(&spans, &mentions)
        .zip(&spans)
        .filter(|(inside, _)| pipeline.needs_attribution(&mentions[inside.clone()]))
        .map(|(inside, span)| (span.clone(), inside))
        .collect();
    Prepared {
        sentences,
        mentions,
        total,
    }
}

fn pipeline(c: &mut Criterion) {
    let corpus = common::corpus();
    let pipeline = stancer::Pipeline::new(stancer::rules::RulePack::builtin().unwrap());

    let mut group = c.benchmark_group("pipeline");
    group.sample_size(10).measurement_time(Duration::from_secs(10));
    group.throughput(Throughput::Bytes(corpus.bytes));

    group.bench_function("label_one_thread", |b| {
        b.iter(|| {
            let mut claims = 0;
            for doc in &corpus.docs {
                claims += pipeline.label(black_box(doc)).claims.len();
            }
            claims
        })
    });

    common::bench_bare_scan(&mut group, &corpus, &pipeline.lexicon().patterns);

    let prepared: Vec<Prepared> = corpus.docs.iter().map(|d| prepare(&pipeline, d)).collect();
    eprintln!(
        "attribution: {} of {} sentences have a party and a stance cue",
        prepared.iter().map(|p| p.sentences.len()).sum::<usize>(),
        prepared.iter().map(|p| p.total).sum::<usize>()
    );
    group.bench_function("attribution", |b| {
        b.iter(|| {
            let mut claims = 0;
            for (doc, prep) in corpus.docs.iter().zip(&prepared) {
                for (span, range) in &prep.sentences {
                    claims += stancer::attribute::attribute(
                        pipeline.lexicon(),
                        black_box(&doc.text),
                        span.clone(),
                        &prep.mentions[range.clone()],
                        None,
                    )
                    .claims
                    .len();
                }
            }
            claims
        })
    });

    group.bench_function("label_rayon", |b| {
        b.iter(|| {
            corpus
                .docs
                .par_iter()
                .map(|doc| pipeline.label(black_box(doc)))
                .collect::<Vec<_>>()
        })
    });
    group.finish();
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
