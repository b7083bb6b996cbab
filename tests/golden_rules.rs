//! The 52 English Golden Rules of sentence boundaries (pragmatic_segmenter's
//! suite, kept outside the repository in ../shared/conformance), scored
//! strictly after folding whitespace: every sentence must match, in order.

use std::path::Path;

use stancer::segment::{Segmenter, fold_whitespace};

/// Rule 18 (a.m./P.M. before "Mr.") is the one no rule-based splitter is
/// expected to pass; everything else must.
const MIN_PASSED: usize = 51;

#[test]
fn golden_rules_pass_at_least_51_of_52() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/conformance/golden_rules_en.jsonl");
    let Ok(suite) = std::fs::read_to_string(&path) else {
        eprintln!("skipping: {} not found", path.display());
        return;
    };
    let seg = Segmenter::from_csv(include_str!("../rules/abbreviations.csv"))
        .unwrap_or_else(|(line, msg)| panic!("rules/abbreviations.csv:{line}: {msg}"));
    let mut passed = 0;
    let mut total = 0;
    for (index, line) in suite.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let rule: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("{}:{}: {e}", path.display(), index + 1));
        let id = rule["id"].as_u64().unwrap_or(0);
        let text = rule["text"].as_str().unwrap_or("");
        let expected: Vec<String> = rule["sentences"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str())
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        let got: Vec<String> = seg
            .sentence_spans(text)
            .into_iter()
            .map(|span| fold_whitespace(&text[span]))
            .filter(|s| !s.is_empty())
            .collect();
        total += 1;
        if got == expected {
            passed += 1;
        } else {
            println!(
                "FAIL rule {id} ({}):\n  text:     {text:?}\n  expected: {expected:?}\n  got:      {got:?}",
                rule["name"].as_str().unwrap_or("")
            );
        }
    }
    println!("golden rules passed: {passed}/{total}");
    assert_eq!(total, 52, "the suite should hold 52 rules");
    assert!(
        passed >= MIN_PASSED,
        "golden rules passed: {passed}/{total}, need {MIN_PASSED}"
    );
}
