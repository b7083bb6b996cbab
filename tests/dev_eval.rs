//! The development gold set is scored on every run: a rule edit that lowers accuracy
//! below what the rules reached (minus a small margin for harmless churn) fails CI.

mod common;

use common::{stancer, stderr};

/// Reached when this threshold was set: triples 0.958, pairs 0.987 (see datasets/README.md).
const MIN_TRIPLES_F1: f64 = 0.93;
const MIN_PAIRS_F1: f64 = 0.96;

#[test]
fn dev_set_scores_stay_above_threshold() {
    let out = stancer(&[
        "eval",
        "--gold",
        "datasets/dev.jsonl",
        "--format",
        "json",
        "--errors",
        "20",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("eval writes JSON");
    let f1 = |table: &str| {
        let c = &report[table]["micro"];
        let (tp, fp, fn_) = (
            c["tp"].as_f64().unwrap(),
            c["fp"].as_f64().unwrap(),
            c["fn"].as_f64().unwrap(),
        );
        2.0 * tp / (2.0 * tp + fp + fn_)
    };
    let (triples, pairs) = (f1("triples"), f1("pairs"));
    println!(
        "dev set: items {}, triples micro-F1 {triples:.3}, pairs micro-F1 {pairs:.3}",
        report["items"]
    );
    assert!(report["items"].as_u64().unwrap() >= 400);
    let errors = serde_json::to_string_pretty(&report["errors"]).unwrap();
    assert!(
        triples >= MIN_TRIPLES_F1,
        "triples micro-F1 {triples:.3} < {MIN_TRIPLES_F1}; first errors:\n{errors}"
    );
    assert!(
        pairs >= MIN_PAIRS_F1,
        "pairs micro-F1 {pairs:.3} < {MIN_PAIRS_F1}; first errors:\n{errors}"
    );
}

/// The real-news set (datasets/news.jsonl) is scored on both splits, so that a rule
/// edit that costs real news fails CI even when the written dev set does not move.
/// Reached when set (see datasets/README.md): test split triples P 0.545 / F1 0.387,
/// tune split P 0.695 / F1 0.579 (2,300 items since pools 4 and 5 joined it; pool 5, two
/// or more parties a sentence, is the hardest part); before issue 16's changes, test
/// 0.159 / 0.202. The bars sit a little under the figures: a rule edit that costs real
/// news fails CI. The tune F1 bar was raised to 0.65 when the split held 2,657 items
/// (pool 6 joined) and scored P 0.794 / F1 0.680 (fd26ee2).
#[test]
fn real_news_scores_stay_above_threshold() {
    for (split, min_precision, min_f1) in [("test", 0.50, 0.37), ("tune", 0.67, 0.65)] {
        let out = stancer(&[
            "eval",
            "--gold",
            "datasets/news.jsonl",
            "--split",
            split,
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
        let (precision, f1) = (tp / (tp + fp), 2.0 * tp / (2.0 * tp + fp + fn_));
        println!(
            "news {split}: items {}, triples P {precision:.3} F1 {f1:.3}",
            report["items"]
        );
        assert!(report["items"].as_u64().unwrap() >= 400, "{split}");
        assert!(
            precision >= min_precision,
            "news {split}: precision {precision:.3} < {min_precision}"
        );
        assert!(f1 >= min_f1, "news {split}: F1 {f1:.3} < {min_f1}");
    }
}
