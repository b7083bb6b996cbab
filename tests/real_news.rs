//! Floors on real reporting (issue 16), so that a rule edit that loses what the real-news
//! work reached fails CI: the news set's tune split, and the FNC-1 claim rows a reader
//! judged right (datasets/fnc1-judged-100-round5.csv), which must still be emitted.

mod common;

use std::collections::HashSet;

use common::{shared, stancer, stderr};

/// Reached: triples F1 0.657 on 2,657 tune items at 2d7212a, when this floor was set at
/// 0.62; 0.680 at fd26ee2, when it was raised.
const MIN_TUNE_TRIPLES_F1: f64 = 0.65;

/// Of the 81 rows judged `ok` in round 5, at most this many may go missing: room for a
/// later fix that changes a row's target, not for losing the found claims.
const MAX_OK_ROWS_LOST: usize = 4;

#[test]
fn news_tune_split_stays_above_its_floor() {
    let out = stancer(&[
        "eval",
        "--gold",
        "datasets/news.jsonl",
        "--split",
        "tune",
        "--format",
        "json",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("eval writes JSON");
    let c = &report["triples"]["micro"];
    let (tp, fp, fn_) = (
        c["tp"].as_f64().unwrap(),
        c["fp"].as_f64().unwrap(),
        c["fn"].as_f64().unwrap(),
    );
    let f1 = 2.0 * tp / (2.0 * tp + fp + fn_);
    assert!(
        f1 >= MIN_TUNE_TRIPLES_F1,
        "news tune triples F1 {f1:.3} < {MIN_TUNE_TRIPLES_F1}"
    );
}

#[test]
fn fnc1_rows_judged_right_are_still_emitted() {
    let Some(bodies) = shared("corpora/fnc-1/train_bodies.csv") else {
        eprintln!("skipping: ../shared/corpora/fnc-1 not found");
        return;
    };
    let dir = std::env::temp_dir().join(format!("stancer-real-news-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let claims = dir.join("claims.csv");
    let out = stancer(&[
        "label",
        "-q",
        bodies.to_str().unwrap(),
        "--id-field",
        "Body ID",
        "--text-field",
        "articleBody",
        "-o",
        claims.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let key = |r: &csv::StringRecord, h: &csv::StringRecord| {
        let get = |name: &str| {
            r.get(h.iter().position(|c| c == name).expect(name))
                .unwrap_or("")
                .to_owned()
        };
        (
            get("doc_id"),
            get("sentence_id"),
            get("holder"),
            get("label"),
            get("target"),
            get("cue"),
        )
    };
    let mut emitted = csv::Reader::from_path(&claims).expect("label wrote a CSV");
    let header = emitted.headers().expect("a header").clone();
    let emitted: HashSet<_> = emitted.records().map(|r| key(&r.expect("a row"), &header)).collect();
    let mut judged =
        csv::Reader::from_path(common::root().join("datasets/fnc1-judged-100-round5.csv")).expect("the judged rows");
    let header = judged.headers().expect("a header").clone();
    let verdict = header.iter().position(|c| c == "verdict").expect("a verdict column");
    let mut ok = 0;
    let mut lost = Vec::new();
    for row in judged.records() {
        let row = row.expect("a judged row");
        if row.get(verdict) != Some("ok") {
            continue;
        }
        ok += 1;
        let k = key(&row, &header);
        if !emitted.contains(&k) {
            lost.push(k);
        }
    }
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(ok, 81, "round 5 holds 81 rows judged ok");
    assert!(
        lost.len() <= MAX_OK_ROWS_LOST,
        "{} rows judged right are no longer emitted: {lost:?}",
        lost.len()
    );
}
