//! Evaluation: a gold file (JSON Lines under ../shared/LABELING.md) labeled by the
//! pipeline and scored item by item: precision, recall and F1 per label and micro-averaged
//! on triples and on (holder, label) pairs, a label confusion table, true and false
//! positives per rule, and the errors with their sentences.

use crate::input::Document;
use crate::pipeline::{ClaimRecord, Pipeline};
use crate::rules::Label;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::io::BufRead;

/// One gold item.
#[derive(Debug, Clone)]
pub struct GoldItem {
    pub id: String,
    pub text: String,
    pub date: Option<String>,
    pub claims: BTreeSet<Triple>,
    /// The part of the set the item belongs to (`test`, `tune`), when the file says.
    pub split: Option<String>,
    /// 1-based line in the gold file.
    pub line: usize,
}

/// (holder, label, target); target "" when empty.
pub type Triple = (String, String, String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct GoldError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

#[derive(Deserialize)]
struct RawItem {
    id: Option<serde_json::Value>,
    text: String,
    date: Option<String>,
    claims: Vec<RawClaim>,
    split: Option<String>,
}

#[derive(Deserialize)]
struct RawClaim {
    holder: String,
    label: String,
    #[serde(default)]
    target: String,
}

/// Reads a gold file; malformed lines are returned as errors and left out.
pub fn read_gold(file: &str, reader: impl BufRead) -> (Vec<GoldItem>, Vec<GoldError>) {
    let mut items = Vec::new();
    let mut errors = Vec::new();
    for (i, line) in reader.split(b'\n').enumerate() {
        let line_no = i + 1;
        let err = |message: String| GoldError {
            file: file.to_owned(),
            line: line_no,
            message,
        };
        let bytes = match line {
            Ok(b) => b,
            Err(e) => {
                errors.push(err(format!("cannot read: {e}")));
                break;
            }
        };
        let Ok(text) = std::str::from_utf8(&bytes) else {
            errors.push(err("not UTF-8".into()));
            continue;
        };
        let text = text.trim_start_matches('\u{feff}').trim();
        if text.is_empty() {
            continue;
        }
        let raw: RawItem = match serde_json::from_str(text) {
            Ok(r) => r,
            Err(e) => {
                errors.push(err(format!("not a gold item: {e}")));
                continue;
            }
        };
        let mut claims = BTreeSet::new();
        let mut bad = false;
        for c in raw.claims {
            if c.label.parse::<Label>().is_err() {
                errors.push(err(format!("unknown label {:?}", c.label)));
                bad = true;
            }
            claims.insert((c.holder, c.label, c.target));
        }
        if bad {
            continue;
        }
        let id = match raw.id {
            Some(serde_json::Value::String(s)) => s,
            Some(v) => v.to_string(),
            None => format!("{file}:{line_no}"),
        };
        items.push(GoldItem {
            id,
            text: raw.text,
            date: raw.date,
            claims,
            split: raw.split,
            line: line_no,
        });
    }
    (items, errors)
}

/// Counts for one label or for the micro average. In JSON they carry their precision,
/// recall and F1 beside them, so that a script needs no formula of its own.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub r#fn: usize,
}

impl Serialize for Counts {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Counts", 6)?;
        s.serialize_field("tp", &self.tp)?;
        s.serialize_field("fp", &self.fp)?;
        s.serialize_field("fn", &self.r#fn)?;
        s.serialize_field("precision", &self.precision())?;
        s.serialize_field("recall", &self.recall())?;
        s.serialize_field("f1", &self.f1())?;
        s.end()
    }
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.r#fn)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// One item whose predicted set differs from the gold set.
#[derive(Debug, Clone, Serialize)]
pub struct ItemError {
    pub id: String,
    pub text: String,
    pub missing: Vec<Triple>,
    pub spurious: Vec<Triple>,
    /// The rule behind each spurious triple.
    pub spurious_rules: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct RuleCounts {
    pub tp: usize,
    pub fp: usize,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    pub items: usize,
    pub items_correct: usize,
    /// Per label ("support", "dispute", "praise") and "micro".
    pub triples: BTreeMap<String, Counts>,
    pub pairs: BTreeMap<String, Counts>,
    /// gold label -> predicted label -> count, over (holder, target) pairs present on
    /// either side; "none" where a side has no claim for the pair.
    pub confusion: BTreeMap<String, BTreeMap<String, usize>>,
    pub rules: BTreeMap<String, RuleCounts>,
    /// Wrong and missed triples by kind (see [`error_kind`]), so that a round of tuning
    /// starts from the largest.
    pub error_kinds: BTreeMap<String, usize>,
    pub errors: Vec<ItemError>,
    /// Predicted claims binned by the confidence a precision file gives them, against
    /// how many were right (`eval --confidence`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub calibration: Option<crate::precision::Calibration>,
}

impl Report {
    /// An empty report for `items` gold items, with a zero row for every label.
    pub fn new(items: usize) -> Report {
        let mut report = Report {
            items,
            ..Default::default()
        };
        for key in ["support", "dispute", "praise", "micro"] {
            report.triples.insert(key.into(), Counts::default());
            report.pairs.insert(key.into(), Counts::default());
        }
        report
    }

    pub fn micro_f1(&self) -> f64 {
        self.triples.get("micro").map_or(0.0, Counts::f1)
    }
}

/// The claims `pipeline` gives for each gold item, in item order.
pub fn predict(pipeline: &Pipeline, items: &[GoldItem]) -> Vec<Vec<ClaimRecord>> {
    use rayon::prelude::*;
    items
        .par_iter()
        .map(|item| {
            let mut doc = Document::new(item.id.clone(), item.text.clone());
            if let Some(d) = &item.date {
                doc = doc.clone().with_date(d).unwrap_or(doc);
            }
            pipeline.label(&doc).claims
        })
        .collect()
}

/// Every distinct predicted triple of every item, with the rule row that made it (the
/// first, as [`score`] counts it), its label and whether the gold set holds it.
pub fn claim_outcomes(items: &[GoldItem], predictions: &[Vec<ClaimRecord>]) -> Vec<(String, String, bool)> {
    let mut out = Vec::new();
    for (item, predicted) in items.iter().zip(predictions) {
        let mut seen = BTreeSet::new();
        for c in predicted {
            let triple = (c.holder.clone(), c.label.clone(), c.target.clone());
            if seen.insert(triple.clone()) {
                out.push((c.rule.clone(), c.label.clone(), item.claims.contains(&triple)));
            }
        }
    }
    out
}

/// Precision per rule row and per label of the predictions for `items`, for a precision
/// file (`eval --precision-out`).
pub fn precision_table(items: &[GoldItem], predictions: &[Vec<ClaimRecord>]) -> crate::precision::PrecisionTable {
    let mut table = crate::precision::PrecisionTable::default();
    for (rule, label, right) in claim_outcomes(items, predictions) {
        table.add(&rule, &label, right);
    }
    table
}

/// The predictions for `items` binned by the confidence `table` gives them.
pub fn calibration(
    items: &[GoldItem],
    predictions: &[Vec<ClaimRecord>],
    table: &crate::precision::PrecisionTable,
) -> crate::precision::Calibration {
    crate::precision::Calibration::new(
        claim_outcomes(items, predictions)
            .into_iter()
            .map(|(rule, label, right)| (table.confidence(&rule, &label), right)),
    )
}

/// The set of triples in `claims`.
pub fn triple_set(claims: &[ClaimRecord]) -> BTreeSet<Triple> {
    claims
        .iter()
        .map(|c| (c.holder.clone(), c.label.clone(), c.target.clone()))
        .collect()
}

/// Labels every gold item with `pipeline` and scores the result.
pub fn evaluate(pipeline: &Pipeline, items: &[GoldItem]) -> Report {
    score(items, &predict(pipeline, items))
}

/// Scores predictions made for `items`.
pub fn score(items: &[GoldItem], predictions: &[Vec<ClaimRecord>]) -> Report {
    let mut report = Report::new(items.len());
    for (item, predicted) in items.iter().zip(predictions) {
        score_item(&mut report, item, predicted);
    }
    report
}

fn score_item(report: &mut Report, item: &GoldItem, predicted: &[ClaimRecord]) {
    let mut pred: BTreeMap<Triple, String> = BTreeMap::new();
    for c in predicted {
        pred.entry((c.holder.clone(), c.label.clone(), c.target.clone()))
            .or_insert_with(|| c.rule_and_pattern());
    }
    let pred_set: BTreeSet<Triple> = pred.keys().cloned().collect();
    tally(&mut report.triples, &item.claims, &pred_set, |t| t.1.clone());
    for t in pred_set.difference(&item.claims) {
        *report
            .error_kinds
            .entry(error_kind(t, &item.claims).into())
            .or_default() += 1;
    }
    for t in item.claims.difference(&pred_set) {
        let near = pred_set.iter().any(|p| p.0 == t.0 && !item.claims.contains(p));
        if !near {
            let kind = if pred_set.iter().any(|p| p.0 == t.0) {
                "missed: another claim of the holder found, not this one"
            } else {
                "missed: no claim by the holder"
            };
            *report.error_kinds.entry(kind.into()).or_default() += 1;
        }
    }
    let pairs =
        |s: &BTreeSet<Triple>| -> BTreeSet<(String, String)> { s.iter().map(|t| (t.0.clone(), t.1.clone())).collect() };
    tally(&mut report.pairs, &pairs(&item.claims), &pairs(&pred_set), |p| {
        p.1.clone()
    });
    for (triple, rule) in &pred {
        let counts = report.rules.entry(rule.clone()).or_default();
        if item.claims.contains(triple) {
            counts.tp += 1
        } else {
            counts.fp += 1
        }
    }
    let by_pair = |s: &BTreeSet<Triple>| -> BTreeMap<(String, String), BTreeSet<String>> {
        let mut m: BTreeMap<(String, String), BTreeSet<String>> = BTreeMap::new();
        for t in s {
            m.entry((t.0.clone(), t.2.clone())).or_default().insert(t.1.clone());
        }
        m
    };
    let (gold_pairs, pred_pairs) = (by_pair(&item.claims), by_pair(&pred_set));
    let keys: BTreeSet<&(String, String)> = gold_pairs.keys().chain(pred_pairs.keys()).collect();
    let none = BTreeSet::from(["none".to_owned()]);
    for key in keys {
        let g = gold_pairs.get(key).unwrap_or(&none);
        let p = pred_pairs.get(key).unwrap_or(&none);
        for gl in g {
            for pl in p {
                if g.len() > 1 && p.contains(gl) && gl != pl {
                    continue;
                }
                *report
                    .confusion
                    .entry(gl.clone())
                    .or_default()
                    .entry(pl.clone())
                    .or_default() += 1;
            }
        }
    }
    if pred_set == item.claims {
        report.items_correct += 1;
    } else {
        let spurious: Vec<Triple> = pred_set.difference(&item.claims).cloned().collect();
        report.errors.push(ItemError {
            id: item.id.clone(),
            text: item.text.clone(),
            missing: item.claims.difference(&pred_set).cloned().collect(),
            spurious_rules: spurious.iter().map(|t| pred[t].clone()).collect(),
            spurious,
        });
    }
}

fn tally<T: Ord + Clone>(
    counts: &mut BTreeMap<String, Counts>,
    gold: &BTreeSet<T>,
    pred: &BTreeSet<T>,
    label: impl Fn(&T) -> String,
) {
    let mut bump = |key: String, f: &dyn Fn(&mut Counts)| {
        if let Some(c) = counts.get_mut(&key) {
            f(c);
        }
        if let Some(c) = counts.get_mut("micro") {
            f(c);
        }
    };
    for t in gold.intersection(pred) {
        bump(label(t), &|c| c.tp += 1);
    }
    for t in pred.difference(gold) {
        bump(label(t), &|c| c.fp += 1);
    }
    for t in gold.difference(pred) {
        bump(label(t), &|c| c.r#fn += 1);
    }
}

/// What went wrong with a predicted triple that is not in the gold set `gold`, judged
/// against the gold claims of the same holder.
pub fn error_kind(t: &Triple, gold: &BTreeSet<Triple>) -> &'static str {
    let same_holder: Vec<&Triple> = gold.iter().filter(|g| g.0 == t.0).collect();
    if same_holder.is_empty() {
        return "spurious: the holder has no claim (not a party, look-alike cue, no stance)";
    }
    if same_holder.iter().any(|g| g.1 == t.1) {
        if t.2.is_empty() {
            "empty target where one was named"
        } else if t.2 == t.0 {
            "spurious self target"
        } else {
            "wrong target"
        }
    } else {
        "wrong label"
    }
}

/// The report as the text table `stancer eval` prints.
pub fn render_text(report: &Report, errors: usize) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    let _ = writeln!(s, "items: {}  exactly right: {}", report.items, report.items_correct);
    for (title, table) in [
        ("triples (holder, label, target)", &report.triples),
        ("pairs (holder, label)", &report.pairs),
    ] {
        let _ = writeln!(
            s,
            "\n{title}\n{:<8} {:>5} {:>5} {:>5} {:>9} {:>7} {:>6}",
            "label", "tp", "fp", "fn", "precision", "recall", "f1"
        );
        for key in ["support", "dispute", "praise", "micro"] {
            let c = table.get(key).copied().unwrap_or_default();
            // A figure over no items is not a perfect score: a label with no gold and
            // no predicted claim shows "n/a", not 1.000.
            let shown = |items: usize, value: f64| {
                if items == 0 {
                    "n/a".to_owned()
                } else {
                    format!("{value:.3}")
                }
            };
            let _ = writeln!(
                s,
                "{key:<8} {:>5} {:>5} {:>5} {:>9} {:>7} {:>6}",
                c.tp,
                c.fp,
                c.r#fn,
                shown(c.tp + c.fp, c.precision()),
                shown(c.tp + c.r#fn, c.recall()),
                shown(c.tp + c.fp + c.r#fn, c.f1())
            );
        }
    }
    let cols = ["support", "dispute", "praise", "none"];
    let _ = writeln!(
        s,
        "\nconfusion over (holder, target) pairs: gold rows, predicted columns\n{:<8} {:>8} {:>8} {:>8} {:>8}",
        "", cols[0], cols[1], cols[2], cols[3]
    );
    for row in cols {
        let r = report.confusion.get(row);
        let cell = |c: &str| r.and_then(|m| m.get(c)).copied().unwrap_or(0);
        let _ = writeln!(
            s,
            "{row:<8} {:>8} {:>8} {:>8} {:>8}",
            cell("support"),
            cell("dispute"),
            cell("praise"),
            cell("none")
        );
    }
    let mut kinds: Vec<(&String, &usize)> = report.error_kinds.iter().collect();
    kinds.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let _ = writeln!(s, "\nerrors by kind (triples), largest first");
    for (kind, n) in kinds {
        let _ = writeln!(s, "{n:>5}  {kind}");
    }
    let mut rules: Vec<(&String, &RuleCounts)> = report.rules.iter().collect();
    rules.sort_by(|a, b| b.1.fp.cmp(&a.1.fp).then(b.1.tp.cmp(&a.1.tp)).then(a.0.cmp(b.0)));
    let _ = writeln!(
        s,
        "\nrules by false positives (fix these first)\n{:>4} {:>4}  rule",
        "tp", "fp"
    );
    for (rule, c) in rules.iter().take(25) {
        let _ = writeln!(s, "{:>4} {:>4}  {rule}", c.tp, c.fp);
    }
    if let Some(c) = &report.calibration {
        let _ = writeln!(
            s,
            "\ncalibration: predicted claims by confidence, against the share of them that is right\n{}",
            c.render_text()
        );
    }
    if errors > 0 {
        let _ = writeln!(
            s,
            "\nfirst {} of {} items with errors",
            errors.min(report.errors.len()),
            report.errors.len()
        );
        for e in report.errors.iter().take(errors) {
            let _ = writeln!(s, "- {}: {}", e.id, e.text);
            for t in &e.missing {
                let _ = writeln!(s, "    missing  ({}, {}, {})", t.0, t.1, t.2);
            }
            for (t, r) in e.spurious.iter().zip(&e.spurious_rules) {
                let _ = writeln!(s, "    spurious ({}, {}, {})  by {r}", t.0, t.1, t.2);
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(claims: &[(&str, &str, &str)]) -> GoldItem {
        GoldItem {
            id: "g1".into(),
            text: String::new(),
            date: None,
            claims: claims
                .iter()
                .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
                .collect(),
            split: None,
            line: 1,
        }
    }

    fn record(h: &str, l: &str, t: &str) -> ClaimRecord {
        ClaimRecord {
            doc_id: "g1".into(),
            sentence_id: 1,
            holder: h.into(),
            label: l.into(),
            target: t.into(),
            rule: "cues.csv:1".into(),
            pattern: "test".into(),
            ..ClaimRecord::default()
        }
    }

    fn empty_report() -> Report {
        Report::new(0)
    }

    #[test]
    fn wrong_target_counts_as_fp_and_fn_but_pair_matches() {
        let mut r = empty_report();
        score_item(
            &mut r,
            &item(&[("IND", "dispute", "USA")]),
            &[record("IND", "dispute", "PAK")],
        );
        assert_eq!(r.triples["micro"], Counts { tp: 0, fp: 1, r#fn: 1 });
        assert_eq!(r.pairs["micro"], Counts { tp: 1, fp: 0, r#fn: 0 });
        assert_eq!(r.rules["cues.csv:1 test"].fp, 1);
    }

    #[test]
    fn duplicate_predictions_count_once() {
        let mut r = empty_report();
        let p = [record("PAK", "praise", "USA"), record("PAK", "praise", "USA")];
        score_item(&mut r, &item(&[("PAK", "praise", "USA")]), &p);
        assert_eq!(r.triples["praise"], Counts { tp: 1, fp: 0, r#fn: 0 });
        assert_eq!(r.items_correct, 1);
    }

    #[test]
    fn label_confusion_is_recorded() {
        let mut r = empty_report();
        score_item(
            &mut r,
            &item(&[("IND", "dispute", "USA")]),
            &[record("IND", "support", "USA")],
        );
        assert_eq!(r.confusion["dispute"]["support"], 1);
    }

    #[test]
    fn errors_are_sorted_into_kinds() {
        let gold: BTreeSet<Triple> = [("IND", "dispute", "USA"), ("PAK", "praise", "")]
            .iter()
            .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
            .collect();
        let t = |a: &str, b: &str, c: &str| (a.to_string(), b.to_string(), c.to_string());
        assert_eq!(
            error_kind(&t("IND", "dispute", ""), &gold),
            "empty target where one was named"
        );
        assert_eq!(error_kind(&t("IND", "dispute", "IND"), &gold), "spurious self target");
        assert_eq!(error_kind(&t("IND", "dispute", "CHN"), &gold), "wrong target");
        assert_eq!(error_kind(&t("IND", "praise", "USA"), &gold), "wrong label");
        assert!(error_kind(&t("AUS", "support", ""), &gold).starts_with("spurious: the holder has no claim"));
        let mut r = empty_report();
        score_item(
            &mut r,
            &item(&[("IND", "dispute", "USA")]),
            &[record("AUS", "support", "")],
        );
        assert_eq!(r.error_kinds.values().sum::<usize>(), 2);
        assert_eq!(r.error_kinds["missed: no claim by the holder"], 1);
    }

    #[test]
    fn empty_sets_are_perfect() {
        let c = Counts::default();
        assert_eq!((c.precision(), c.recall()), (1.0, 1.0));
    }

    #[test]
    fn malformed_gold_lines_are_reported_with_line_numbers() {
        let text = "{\"id\":\"a\",\"text\":\"x\",\"claims\":[]}\nnot json\n{\"id\":\"b\",\"text\":\"y\",\"claims\":[{\"holder\":\"IND\",\"label\":\"hate\",\"target\":\"\"}]}\n";
        let (items, errors) = read_gold("g.jsonl", text.as_bytes());
        assert_eq!(items.len(), 1);
        assert_eq!(errors.iter().map(|e| e.line).collect::<Vec<_>>(), [2, 3]);
    }
}
