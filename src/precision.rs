//! Precision: how often a rule's or a label's claims are right, measured on reviewed rows
//! (`stancer review score`) or on a gold file (`stancer eval`), and the confidence a
//! claims table gives each row from it.
//!
//! A precision file is a CSV table `kind,key,n,ok,precision,wilson_low,wilson_high`
//! with one row per rule (`kind` = `rule`, `key` = `cues.csv:110`) and per label
//! (`kind` = `label`, `key` = `dispute`). [`PrecisionTable::confidence`] reads a claim's
//! confidence from it: its rule's precision when that rests on at least
//! [`MIN_EVIDENCE`] judged claims, else its label's on as many, else none.
//! [`Calibration`] bins claims by that confidence against whether they were right.
//!
//! ```
//! use stancer::precision::{PrecisionTable, wilson};
//! let mut table = PrecisionTable::default();
//! for i in 0..20 {
//!     table.add("cues.csv:1", "dispute", i < 15);
//! }
//! table.add("cues.csv:2", "dispute", false);
//! assert_eq!(table.confidence("cues.csv:1", "dispute"), Some(0.75));
//! // Too few judged claims of its own: the rule takes its label's precision.
//! assert_eq!(table.confidence("cues.csv:2", "dispute"), Some(15.0 / 21.0));
//! assert_eq!(table.confidence("cues.csv:3", "praise"), None);
//! let (low, high) = wilson(15, 20);
//! assert!((low - 0.531).abs() < 0.001 && (high - 0.888).abs() < 0.001);
//! ```

use crate::input::InputError;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::{self, Read, Write};

/// The judged claims a rule (or a label) needs before its own precision is trusted as
/// the confidence of its claims. Below ten, one wrong claim moves the precision by more
/// than ten points, and the Wilson interval is wider than 0.4 at any precision.
pub const MIN_EVIDENCE: usize = 10;

/// The normal quantile of a two-sided 95% interval.
pub const Z95: f64 = 1.959_963_984_540_054;

/// The Wilson score interval (95%) of `ok` successes in `n` trials; (0, 1) when `n` is 0.
/// Unlike `p ± 1.96·sqrt(p(1−p)/n)`, it stays inside [0, 1] and is not of zero width
/// when every judged claim was right.
pub fn wilson(ok: usize, n: usize) -> (f64, f64) {
    if n == 0 {
        return (0.0, 1.0);
    }
    let (n, p, z2) = (n as f64, ok as f64 / n as f64, Z95 * Z95);
    let centre = (p + z2 / (2.0 * n)) / (1.0 + z2 / n);
    let half = Z95 * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt() / (1.0 + z2 / n);
    ((centre - half).max(0.0), (centre + half).min(1.0))
}

/// Judged claims and how many of them were right.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Judged {
    pub n: usize,
    pub ok: usize,
}

impl Judged {
    pub fn add(&mut self, right: bool) {
        self.n += 1;
        self.ok += usize::from(right);
    }

    /// ok / n; `None` with nothing judged.
    pub fn precision(&self) -> Option<f64> {
        (self.n > 0).then(|| self.ok as f64 / self.n as f64)
    }

    pub fn wilson(&self) -> (f64, f64) {
        wilson(self.ok, self.n)
    }
}

/// The columns of a precision file.
pub const PRECISION_COLUMNS: [&str; 7] = ["kind", "key", "n", "ok", "precision", "wilson_low", "wilson_high"];

/// Judged claims per rule and per label.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PrecisionTable {
    /// Rule row (`cues.csv:110`, without the pattern) -> judged claims.
    pub rules: BTreeMap<String, Judged>,
    /// Label -> judged claims.
    pub labels: BTreeMap<String, Judged>,
}

impl PrecisionTable {
    /// Counts one judged claim of `rule` and `label`.
    pub fn add(&mut self, rule: &str, label: &str, right: bool) {
        self.rules.entry(rule.to_owned()).or_default().add(right);
        self.labels.entry(label.to_owned()).or_default().add(right);
    }

    /// The confidence of a claim made by `rule` with `label`: the rule's precision when
    /// it has [`MIN_EVIDENCE`] judged claims, else the label's when that has as many,
    /// else `None`.
    pub fn confidence(&self, rule: &str, label: &str) -> Option<f64> {
        let trusted = |j: Option<&Judged>| j.filter(|j| j.n >= MIN_EVIDENCE).and_then(Judged::precision);
        trusted(self.rules.get(rule)).or_else(|| trusted(self.labels.get(label)))
    }

    /// Writes the table as CSV: rules first, then labels, each in key order.
    pub fn write_csv<W: Write>(&self, out: W) -> io::Result<W> {
        let mut w = csv::Writer::from_writer(out);
        let io = |e: csv::Error| io::Error::other(e.to_string());
        w.write_record(PRECISION_COLUMNS).map_err(io)?;
        for (kind, map) in [("rule", &self.rules), ("label", &self.labels)] {
            for (key, j) in map {
                let (low, high) = j.wilson();
                let precision = j.precision().map_or(String::new(), |p| format!("{p:.4}"));
                w.write_record([
                    kind,
                    key,
                    &j.n.to_string(),
                    &j.ok.to_string(),
                    &precision,
                    &format!("{low:.4}"),
                    &format!("{high:.4}"),
                ])
                .map_err(io)?;
            }
        }
        w.into_inner().map_err(|e| e.into_error())
    }

    /// Reads a precision file; `path` names it in messages. A row that cannot be read is
    /// returned as an error with its line and left out; a file without the columns
    /// `kind`, `key`, `n` and `ok` is an error of its own.
    pub fn read<R: Read>(path: &str, reader: R) -> Result<(PrecisionTable, Vec<InputError>), InputError> {
        let error = |line: Option<u64>, message: String| InputError {
            path: path.to_owned(),
            line,
            message,
        };
        let mut csv = csv::ReaderBuilder::new().flexible(true).from_reader(reader);
        let header = csv.headers().map_err(|e| error(Some(1), e.to_string()))?.clone();
        let column = |name: &str| {
            header
                .iter()
                .position(|h| h.trim_start_matches('\u{feff}').trim() == name)
                .ok_or_else(|| {
                    error(
                        Some(1),
                        format!(
                            "no column {name:?}: a precision file has the columns {}",
                            PRECISION_COLUMNS.join(",")
                        ),
                    )
                })
        };
        let (kind, key, n, ok) = (column("kind")?, column("key")?, column("n")?, column("ok")?);
        let mut table = PrecisionTable::default();
        let mut errors = Vec::new();
        for record in csv.records() {
            let record = match record {
                Ok(r) => r,
                Err(e) => {
                    let line = e.position().map(|p| p.line());
                    errors.push(error(line, e.to_string()));
                    if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                        break;
                    }
                    continue;
                }
            };
            let line = record.position().map(|p| p.line());
            let get = |i: usize| record.get(i).unwrap_or("").trim();
            let count = |i: usize| {
                get(i)
                    .parse::<usize>()
                    .map_err(|_| format!("not a count: {:?}", get(i)))
            };
            let judged = match (count(n), count(ok)) {
                (Ok(n), Ok(ok)) if ok <= n => Judged { n, ok },
                (Ok(_), Ok(_)) => {
                    errors.push(error(line, "ok is larger than n".into()));
                    continue;
                }
                (Err(m), _) | (_, Err(m)) => {
                    errors.push(error(line, m));
                    continue;
                }
            };
            let map = match get(kind) {
                "rule" => &mut table.rules,
                "label" => &mut table.labels,
                other => {
                    errors.push(error(line, format!("unknown kind {other:?} (expected rule or label)")));
                    continue;
                }
            };
            map.insert(get(key).to_owned(), judged);
        }
        Ok((table, errors))
    }
}

/// The upper edges of the confidence bins of [`Calibration`]: [0, 0.5), [0.5, 0.7),
/// [0.7, 0.8), [0.8, 0.9), [0.9, 1].
pub const BIN_EDGES: [f64; 5] = [0.5, 0.7, 0.8, 0.9, 1.0];

/// Claims binned by their confidence, against how many of them were right.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Calibration {
    pub bins: Vec<CalibrationBin>,
    /// Claims with no confidence (neither their rule nor their label had enough evidence).
    pub without: Judged,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CalibrationBin {
    /// The bin is [low, high), the last one [low, 1].
    pub low: f64,
    pub high: f64,
    pub judged: Judged,
    /// The mean confidence of the bin's claims; `None` for an empty bin.
    pub mean_confidence: Option<f64>,
    /// Observed precision; `None` for an empty bin.
    pub precision: Option<f64>,
    pub wilson_low: f64,
    pub wilson_high: f64,
}

impl Calibration {
    /// Bins `claims`, each a (confidence, right) pair.
    pub fn new(claims: impl IntoIterator<Item = (Option<f64>, bool)>) -> Calibration {
        let mut judged = [Judged::default(); BIN_EDGES.len()];
        let mut sums = [0.0; BIN_EDGES.len()];
        let mut without = Judged::default();
        for (confidence, right) in claims {
            let Some(c) = confidence else {
                without.add(right);
                continue;
            };
            let bin = BIN_EDGES
                .iter()
                .position(|&high| c < high)
                .unwrap_or(BIN_EDGES.len() - 1);
            judged[bin].add(right);
            sums[bin] += c;
        }
        let bins = (0..BIN_EDGES.len())
            .map(|i| {
                let (wilson_low, wilson_high) = judged[i].wilson();
                CalibrationBin {
                    low: if i == 0 { 0.0 } else { BIN_EDGES[i - 1] },
                    high: BIN_EDGES[i],
                    judged: judged[i],
                    mean_confidence: (judged[i].n > 0).then(|| sums[i] / judged[i].n as f64),
                    precision: judged[i].precision(),
                    wilson_low,
                    wilson_high,
                }
            })
            .collect();
        Calibration { bins, without }
    }

    /// The table as text, one line per bin.
    pub fn render_text(&self) -> String {
        use std::fmt::Write as _;
        let mut s = format!(
            "{:<10} {:>6} {:>5} {:>10} {:>9}  95% (Wilson)\n",
            "confidence", "claims", "right", "mean conf.", "observed"
        );
        let shown = |v: Option<f64>| v.map_or("-".to_owned(), |v| format!("{v:.3}"));
        for b in &self.bins {
            let interval = if b.judged.n == 0 {
                "-".to_owned()
            } else {
                format!("{:.3}-{:.3}", b.wilson_low, b.wilson_high)
            };
            let _ = writeln!(
                s,
                "{:<10} {:>6} {:>5} {:>10} {:>9}  {interval}",
                format!("{:.1}-{:.1}", b.low, b.high),
                b.judged.n,
                b.judged.ok,
                shown(b.mean_confidence),
                shown(b.precision),
            );
        }
        let _ = writeln!(
            s,
            "{:<10} {:>6} {:>5} {:>10} {:>9}",
            "none",
            self.without.n,
            self.without.ok,
            "-",
            shown(self.without.precision())
        );
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wilson_matches_a_hand_computation() {
        // 8 of 10: centre (0.8 + 1.9208/10) / 1.38415 = 0.71673, half 0.22657.
        let (low, high) = wilson(8, 10);
        assert!((low - 0.4902).abs() < 1e-4, "{low}");
        assert!((high - 0.9433).abs() < 1e-4, "{high}");
        assert_eq!(wilson(0, 0), (0.0, 1.0));
        let (low, high) = wilson(5, 5);
        assert!(high == 1.0 && (low - 0.5655).abs() < 1e-4, "{low}");
    }

    #[test]
    fn a_rule_with_too_few_judged_claims_falls_back_to_its_label() {
        let mut t = PrecisionTable::default();
        for i in 0..9 {
            t.add("cues.csv:7", "praise", i > 0);
        }
        assert_eq!(t.confidence("cues.csv:7", "praise"), None);
        t.add("cues.csv:8", "praise", true);
        assert_eq!(t.confidence("cues.csv:7", "praise"), Some(0.9));
        assert_eq!(t.confidence("cues.csv:8", "praise"), Some(0.9));
    }

    #[test]
    fn a_precision_file_reads_back_what_was_written_and_reports_bad_rows() {
        let mut t = PrecisionTable::default();
        t.add("cues.csv:1", "support", true);
        t.add("templates.csv:3", "dispute", false);
        let text = String::from_utf8(t.write_csv(Vec::new()).unwrap()).unwrap();
        assert!(text.starts_with("kind,key,n,ok,precision,wilson_low,wilson_high\nrule,cues.csv:1,1,1,1.0000,"));
        let (back, errors) = PrecisionTable::read("p.csv", text.as_bytes()).unwrap();
        assert_eq!((back, errors.len()), (t, 0));
        let bad = "kind,key,n,ok\nrule,a,3,4\nrule,b,x,1\nsize,c,1,1\nlabel,praise,2,1\n";
        let (back, errors) = PrecisionTable::read("p.csv", bad.as_bytes()).unwrap();
        let lines: Vec<_> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [Some(2), Some(3), Some(4)]);
        assert_eq!(back.labels["praise"], Judged { n: 2, ok: 1 });
        assert!(PrecisionTable::read("p.csv", "rule,n\n".as_bytes()).is_err());
    }

    #[test]
    fn claims_fall_into_bins_by_confidence() {
        let c = Calibration::new([
            (Some(0.95), true),
            (Some(1.0), false),
            (Some(0.5), true),
            (Some(0.49), false),
            (None, true),
        ]);
        let n: Vec<usize> = c.bins.iter().map(|b| b.judged.n).collect();
        assert_eq!(n, [1, 1, 0, 0, 2]);
        assert_eq!(c.bins[4].precision, Some(0.5));
        assert_eq!(c.bins[4].mean_confidence, Some(0.975));
        assert_eq!(c.without, Judged { n: 1, ok: 1 });
        assert!(c.render_text().contains("0.9-1.0         2     1      0.975     0.500"));
    }
}
