//! The sample article yields every required claim and nothing outside `claims` and
//! `optional` for the sentences its expectations file lists.

mod common;

use common::{json_lines, stancer, stderr, stdout};
use serde_json::Value;
use std::collections::BTreeSet;

type Triple = (String, String, String);

fn triples(v: &Value) -> BTreeSet<Triple> {
    v.as_array()
        .expect("a list of triples")
        .iter()
        .map(|t| {
            let t = t.as_array().expect("a triple");
            let s = |i: usize| t[i].as_str().expect("a string").to_owned();
            (s(0), s(1), s(2))
        })
        .collect()
}

#[test]
fn sample_article_meets_its_expectations() {
    let out = stancer(&["label", "seeds/india-pakistan-2025.txt", "--format", "jsonl"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let claims = json_lines(&stdout(&out));
    let sentences_out = stancer(&["sentences", "seeds/india-pakistan-2025.txt"]);
    let sentences = json_lines(&stdout(&sentences_out));
    let expectations =
        json_lines(&std::fs::read_to_string(common::root().join("seeds/india-pakistan-2025.expected.jsonl")).unwrap());
    assert_eq!(expectations.len(), 26);
    let mut failures = Vec::new();
    let mut required_found = 0;
    for e in &expectations {
        let needle = e["sentence_contains"].as_str().unwrap();
        let matching: Vec<&Value> = sentences
            .iter()
            .filter(|s| s["text"].as_str().unwrap().contains(needle))
            .collect();
        if matching.len() != 1 {
            failures.push(format!(
                "{needle:?}: in {} sentences, expected exactly one",
                matching.len()
            ));
            continue;
        }
        let sentence_id = &matching[0]["sentence_id"];
        let got: BTreeSet<Triple> = claims
            .iter()
            .filter(|c| &c["sentence_id"] == sentence_id)
            .map(|c| {
                let s = |k: &str| c[k].as_str().unwrap().to_owned();
                (s("holder"), s("label"), s("target"))
            })
            .collect();
        let required = triples(&e["claims"]);
        let optional = triples(&e["optional"]);
        for t in &required {
            if got.contains(t) {
                required_found += 1;
            } else {
                failures.push(format!("{needle:?}: missing {t:?} (got {got:?})"));
            }
        }
        for t in &got {
            if !required.contains(t) && !optional.contains(t) {
                failures.push(format!("{needle:?}: unexpected {t:?}"));
            }
        }
    }
    println!("required claims found: {required_found}/10");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(required_found, 10);
}
