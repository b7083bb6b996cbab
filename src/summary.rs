//! Summary: a claims table, as `stancer label` writes it, read back and folded into what
//! an analyst looks at first: who stands where.
//!
//! [`ClaimReader`] reads the CSV into plain [`ClaimRow`]s; a bad row comes out as an
//! [`InputError`] naming its file and line, and reading goes on after it. [`Summary`]
//! counts the rows: the (holder, target, label) pivot, the commonest cues of each label
//! and the claims per period. [`render_html`] draws a self-contained HTML report of them
//! (inline CSS, SVG and script, nothing fetched from the network): at corpus scale the
//! most active parties first ([`View`]), as a network, over time and as a matrix, with
//! filters that recount them in the page. Nothing here prints.
//!
//! ```
//! use stancer::summary::{ClaimReader, Summary};
//! let csv = "doc_id,sentence_id,holder,label,target,cue,sentence\n\
//!            d1,1,IND,dispute,PAK,rejected,India rejected Pakistan's claim.\n";
//! let rows: Vec<_> = ClaimReader::new("claims.csv", csv.as_bytes()).unwrap().filter_map(Result::ok).collect();
//! let summary = Summary::from_rows(&rows);
//! let pivot = summary.pivot();
//! assert_eq!((pivot[0].holder.as_str(), pivot[0].target.as_str(), pivot[0].count), ("IND", "PAK", 1));
//! ```

use crate::input::InputError;
use crate::rules::Label;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt::{self, Write as _};
use std::io::{BufRead, BufReader, Read};

mod svg;
mod view;

pub use view::{Period, View};

/// The columns a claims table must have; others (`rule`, offsets...) are ignored.
pub const REQUIRED_COLUMNS: [&str; 7] = ["doc_id", "sentence_id", "holder", "label", "target", "cue", "sentence"];

/// The optional column that gives a claim its period.
pub const DATE_COLUMN: &str = "date";

/// The columns of the pivot table.
pub const PIVOT_COLUMNS: [&str; 4] = ["holder", "target", "label", "count"];

/// The top matrix and the network show this many parties unless `--top` says otherwise;
/// the rest are folded into "other".
pub const DEFAULT_TOP: usize = 25;

/// The report lists at most this many sentences behind one cell (of the top parties), so
/// that a report of a million claims stays a few megabytes; the claims file has them all.
pub const SENTENCES_PER_CELL: usize = 10;

/// The report charts the claims over time of this many holder-target pairs.
pub const TOP_PAIRS: usize = 6;

/// How many cues of each label the report shows.
pub const TOP_CUES: usize = 10;

/// One claim of the claims table, with the fields the summary uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimRow {
    /// Line of the row in its file (1-based), for messages.
    pub line: u64,
    pub doc_id: String,
    /// The document's date as written, when the table has a date and the row fills it.
    pub date: Option<String>,
    pub sentence_id: usize,
    pub holder: String,
    pub label: Label,
    /// Empty when the claim has no target.
    pub target: String,
    pub cue: String,
    pub sentence: String,
    /// The cue's rule row (`cues.csv:110`), empty when the table has none; a legacy
    /// table's `cues.csv:110 verb-subject-object` is split into rule and pattern.
    pub rule: String,
    /// The attribution pattern, or empty.
    pub pattern: String,
    pub holder_text: String,
    pub target_text: String,
    /// The value of the `--by` column (a field kept with `label --keep`), when asked for.
    pub group: Option<String>,
}

impl ClaimRow {
    /// The month (`YYYY-MM`) of the claim's date, or its year when the date is a year;
    /// `None` for a date given in another notation (kept as written by `label`).
    pub fn period(&self) -> Option<String> {
        self.date.as_deref().and_then(|d| period_of(d).ok())
    }
}

/// The period a date falls in: `YYYY-MM`, or `YYYY` for a date that gives only a year.
///
/// ```
/// assert_eq!(stancer::summary::period_of("2025-05-10").unwrap(), "2025-05");
/// assert_eq!(stancer::summary::period_of("2025").unwrap(), "2025");
/// ```
pub fn period_of(date: &str) -> Result<String, String> {
    Period::Month.key(date)
}

/// Where a CSV table keeps each column the summary reads.
#[derive(Debug)]
struct Columns {
    index: HashMap<String, usize>,
    width: usize,
}

/// The table being read: CSV (any delimiter, with or without a byte order mark) or
/// JSON Lines, as `label --format jsonl` writes it.
enum Table<R: Read> {
    Csv {
        csv: csv::Reader<BufReader<R>>,
        columns: Columns,
        record: csv::StringRecord,
        /// Written for spreadsheets (`label --excel`, a byte order mark): a cell may carry
        /// the quote that keeps it from running as a formula.
        excel: bool,
    },
    Jsonl {
        lines: BufReader<R>,
        line: u64,
        buffer: Vec<u8>,
    },
}

/// Reads a claims table as `stancer label` writes it, in any of its forms: CSV (with
/// `--excel`: a byte order mark and CRLF line ends; a semicolon or tab table from a
/// spreadsheet), with `--all-sentences` (a row with an empty holder and label is a
/// sentence without a claim: its document is counted, it gives no row), or JSON Lines
/// (`--format jsonl`). Columns are found by name. Each item is a claim or the error that
/// kept a row out.
pub struct ClaimReader<R: Read> {
    path: String,
    table: Table<R>,
    seen: Seen,
    done: bool,
}

/// What the rows read so far hold beyond their claims.
#[derive(Debug, Default)]
struct Seen {
    /// The `--by` column.
    group: Option<String>,
    /// Every document of the table, claims or not.
    documents: HashSet<String>,
    /// Rows of sentences without a claim.
    sentence_rows: usize,
}

impl<R: Read> ClaimReader<R> {
    /// Reads the header of `reader`; `path` names the file in messages. Fails when the
    /// header cannot be read or lacks a column of [`REQUIRED_COLUMNS`].
    pub fn new(path: &str, reader: R) -> Result<ClaimReader<R>, InputError> {
        ClaimReader::grouped(path, reader, None)
    }

    /// As [`ClaimReader::new`], with each row's value of the column `by` as its group;
    /// a CSV table without that column fails.
    pub fn grouped(path: &str, reader: R, by: Option<&str>) -> Result<ClaimReader<R>, InputError> {
        let error = |line: Option<u64>, message: String| InputError {
            path: path.to_owned(),
            line,
            message,
        };
        let mut reader = BufReader::new(reader);
        // Excel wants a byte order mark to read UTF-8; it is not part of the first name.
        let buf = reader.fill_buf().map_err(|e| error(None, e.to_string()))?;
        let excel = buf.starts_with(b"\xEF\xBB\xBF");
        if excel {
            reader.consume(3);
        }
        let buf = reader.fill_buf().map_err(|e| error(None, e.to_string()))?;
        let table = if buf.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{') {
            Table::Jsonl {
                lines: reader,
                line: 0,
                buffer: Vec::new(),
            }
        } else {
            let delimiter = crate::input::sniff_delimiter(buf);
            let mut csv = csv::ReaderBuilder::new()
                .delimiter(delimiter)
                .flexible(true)
                .has_headers(true)
                .from_reader(reader);
            let header = csv
                .headers()
                .map_err(|e| error(Some(1), csv_error_message(&e)))?
                .clone();
            if header.is_empty() {
                return Err(error(Some(1), "empty file: no header row".into()));
            }
            let mut index = HashMap::new();
            for (i, name) in header.iter().enumerate() {
                index.entry(name.trim().to_owned()).or_insert(i);
            }
            let missing: Vec<&str> = REQUIRED_COLUMNS
                .iter()
                .copied()
                .filter(|name| !index.contains_key(*name))
                .collect();
            if !missing.is_empty() {
                return Err(error(
                    Some(1),
                    format!(
                        "missing column(s) {} (summary reads the table that `stancer label` writes)",
                        missing.join(", ")
                    ),
                ));
            }
            if let Some(by) = by.filter(|by| !index.contains_key(*by)) {
                return Err(error(
                    Some(1),
                    format!("no column {by:?} for --by; label with `--keep {by}` to have one"),
                ));
            }
            Table::Csv {
                csv,
                columns: Columns {
                    index,
                    width: header.len(),
                },
                record: csv::StringRecord::new(),
                excel,
            }
        };
        Ok(ClaimReader {
            path: path.to_owned(),
            table,
            seen: Seen {
                group: by.map(str::to_owned),
                ..Seen::default()
            },
            done: false,
        })
    }

    /// Documents read so far: those of claims and, in a `label --all-sentences` table,
    /// those without a claim.
    pub fn documents(&self) -> usize {
        self.seen.documents.len()
    }

    /// Whether the table has rows of sentences without claims (`label --all-sentences`),
    /// so that [`ClaimReader::documents`] counts the documents without claims too.
    pub fn has_sentence_rows(&self) -> bool {
        self.seen.sentence_rows > 0
    }
}

impl Seen {
    /// The claim of a row whose fields `get` gives by column name; `None` for a sentence
    /// without a claim.
    fn row(&mut self, line: u64, get: impl Fn(&str) -> Option<String>) -> Result<Option<ClaimRow>, String> {
        let field = |name: &str| get(name).map(|v| v.trim().to_owned()).unwrap_or_default();
        let doc_id = field("doc_id");
        let (holder, label) = (field("holder"), field("label"));
        if !self.documents.contains(&doc_id) {
            self.documents.insert(doc_id.clone());
        }
        if holder.is_empty() && label.is_empty() {
            self.sentence_rows += 1;
            return Ok(None);
        }
        if holder.is_empty() {
            return Err("empty holder".into());
        }
        let label: Label = label.parse()?;
        let sentence_id = field("sentence_id")
            .parse::<usize>()
            .ok()
            .filter(|&n| n > 0)
            .ok_or_else(|| {
                format!(
                    "invalid sentence_id {:?} (expected a number from 1)",
                    field("sentence_id")
                )
            })?;
        let date = Some(field(DATE_COLUMN)).filter(|d| !d.is_empty());
        let (mut rule, mut pattern) = (field("rule"), field("pattern"));
        if get("pattern").is_none()
            && let Some((r, p)) = rule.rsplit_once(' ')
            && p.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
        {
            (rule, pattern) = (r.to_owned(), p.to_owned());
        }
        Ok(Some(ClaimRow {
            line,
            doc_id,
            date,
            sentence_id,
            holder,
            label,
            target: field("target"),
            cue: field("cue"),
            sentence: get("sentence").unwrap_or_default(),
            rule,
            pattern,
            holder_text: field("holder_text"),
            target_text: field("target_text"),
            group: self.group.as_deref().map(field),
        }))
    }
}

impl<R: Read> ClaimReader<R> {
    /// The next row of the table with its line, or the error that kept it out.
    fn next_row(&mut self) -> Option<Result<Option<ClaimRow>, InputError>> {
        let error = |path: &str, line: Option<u64>, message: String| InputError {
            path: path.to_owned(),
            line,
            message,
        };
        match &mut self.table {
            Table::Csv {
                csv,
                columns,
                record,
                excel,
            } => match csv.read_record(record) {
                Ok(false) => None,
                Ok(true) => {
                    let line = record.position().map_or(0, |p| p.line());
                    if record.len() != columns.width {
                        let message = format!(
                            "{} fields where the header has {} (a quote left open, or a stray comma?)",
                            record.len(),
                            columns.width
                        );
                        return Some(Err(error(&self.path, Some(line), message)));
                    }
                    let get = |name: &str| {
                        let i = *columns.index.get(name)?;
                        let cell = record.get(i)?;
                        Some(
                            if *excel {
                                crate::output::formula_unquoted(cell)
                            } else {
                                cell
                            }
                            .to_owned(),
                        )
                    };
                    Some(self.seen.row(line, get).map_err(|m| error(&self.path, Some(line), m)))
                }
                Err(e) => {
                    // A read error repeats forever; a bad record does not.
                    if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                        self.done = true;
                    }
                    let line = e.position().map(|p| p.line());
                    Some(Err(error(&self.path, line, csv_error_message(&e))))
                }
            },
            Table::Jsonl { lines, line, buffer } => loop {
                buffer.clear();
                match lines.read_until(b'\n', buffer) {
                    Ok(0) => return None,
                    Ok(_) => *line += 1,
                    Err(e) => {
                        self.done = true;
                        return Some(Err(error(&self.path, Some(*line + 1), e.to_string())));
                    }
                }
                if buffer.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                let at = *line;
                let object = match serde_json::from_slice::<serde_json::Map<String, serde_json::Value>>(buffer) {
                    Ok(object) => object,
                    Err(e) => return Some(Err(error(&self.path, Some(at), format!("not a JSON object: {e}")))),
                };
                for name in REQUIRED_COLUMNS {
                    if !object.contains_key(name) {
                        return Some(Err(error(&self.path, Some(at), format!("no field {name:?}"))));
                    }
                }
                let get = |name: &str| match object.get(name)? {
                    serde_json::Value::String(s) => Some(s.clone()),
                    serde_json::Value::Null => None,
                    other => Some(other.to_string()),
                };
                return Some(self.seen.row(at, get).map_err(|m| error(&self.path, Some(at), m)));
            },
        }
    }
}

fn csv_error_message(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Utf8 { .. } => "not valid UTF-8 (save the file as UTF-8)".into(),
        csv::ErrorKind::Io(io) => io.to_string(),
        _ => e.to_string(),
    }
}

impl<R: Read> Iterator for ClaimReader<R> {
    type Item = Result<ClaimRow, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            match self.next_row() {
                None => self.done = true,
                Some(Ok(None)) => {}
                Some(Ok(Some(row))) => return Some(Ok(row)),
                Some(Err(e)) => return Some(Err(e)),
            }
        }
        None
    }
}

/// Claims per label.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LabelCounts {
    pub support: usize,
    pub dispute: usize,
    pub praise: usize,
}

impl LabelCounts {
    pub fn get(&self, label: Label) -> usize {
        match label {
            Label::Support => self.support,
            Label::Dispute => self.dispute,
            Label::Praise => self.praise,
        }
    }

    pub fn add(&mut self, label: Label, n: usize) {
        match label {
            Label::Support => self.support += n,
            Label::Dispute => self.dispute += n,
            Label::Praise => self.praise += n,
        }
    }

    pub fn total(&self) -> usize {
        self.support + self.dispute + self.praise
    }

    /// The label with strictly more claims than each other one; `None` for a tie (mixed)
    /// or no claim.
    pub fn dominant(&self) -> Option<Label> {
        let max = Label::ALL.iter().map(|&l| self.get(l)).max().unwrap_or(0);
        let mut top = Label::ALL.iter().filter(|&&l| self.get(l) == max);
        match (top.next(), top.next()) {
            (Some(&l), None) if max > 0 => Some(l),
            _ => None,
        }
    }
}

/// One row of the pivot table.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PivotRow {
    pub holder: String,
    pub target: String,
    pub label: Label,
    pub count: usize,
}

/// The counts a report is drawn from.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    /// Claims counted.
    pub claims: usize,
    /// Distinct documents they come from.
    pub documents: usize,
    pub totals: LabelCounts,
    /// (holder, target) -> claims per label; the target is empty for claims without one.
    pub cells: BTreeMap<(String, String), LabelCounts>,
    /// Claims per period (`YYYY-MM`, or `YYYY`), for the rows that have a date.
    pub periods: BTreeMap<String, LabelCounts>,
    /// Claims without a date.
    pub undated: usize,
    /// (label, cue in lower case) -> claims.
    cues: HashMap<(Label, String), usize>,
    /// The column the claims are grouped by (`summary --by`), when they are.
    pub by: Option<String>,
    /// Claims per value of the `by` column, and the documents they come from.
    pub groups: BTreeMap<String, (LabelCounts, usize)>,
    /// (group, holder, target) -> claims per label.
    pub group_cells: BTreeMap<(String, String, String), LabelCounts>,
    /// Documents read, with a claim or not, when the table tells (`label --all-sentences`).
    pub documents_read: Option<usize>,
}

impl Summary {
    pub fn from_rows(rows: &[ClaimRow]) -> Summary {
        let mut s = Summary::default();
        let mut documents = BTreeSet::new();
        let mut group_documents: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        for row in rows {
            if let Some(group) = &row.group {
                s.groups.entry(group.clone()).or_default().0.add(row.label, 1);
                group_documents.entry(group).or_default().insert(&row.doc_id);
                s.group_cells
                    .entry((group.clone(), row.holder.clone(), row.target.clone()))
                    .or_default()
                    .add(row.label, 1);
            }
            s.claims += 1;
            documents.insert(row.doc_id.as_str());
            s.totals.add(row.label, 1);
            s.cells
                .entry((row.holder.clone(), row.target.clone()))
                .or_default()
                .add(row.label, 1);
            match row.period() {
                Some(p) => s.periods.entry(p).or_default().add(row.label, 1),
                None => s.undated += 1,
            }
            // "Welcomed" opening a sentence is the same cue as "welcomed" inside one.
            let cue = crate::segment::fold_whitespace(&row.cue).to_lowercase();
            *s.cues.entry((row.label, cue)).or_default() += 1;
        }
        s.documents = documents.len();
        for (group, docs) in group_documents {
            if let Some(counts) = s.groups.get_mut(group) {
                counts.1 = docs.len();
            }
        }
        s
    }

    /// (group, holder, target, label) -> claims, by group, then as [`Summary::pivot`].
    pub fn group_pivot(&self) -> Vec<(String, PivotRow)> {
        let mut rows: Vec<(String, PivotRow)> = self
            .group_cells
            .iter()
            .flat_map(|((group, holder, target), counts)| {
                Label::ALL.into_iter().filter(|&l| counts.get(l) > 0).map(|label| {
                    let row = PivotRow {
                        holder: holder.clone(),
                        target: target.clone(),
                        label,
                        count: counts.get(label),
                    };
                    (group.clone(), row)
                })
            })
            .collect();
        rows.sort_by(|(ga, a), (gb, b)| ga.cmp(gb).then_with(|| pivot_order(a, b)));
        rows
    }

    /// (holder, target, label) -> claims, sorted by count (most first), then holder,
    /// target and label (support, dispute, praise).
    pub fn pivot(&self) -> Vec<PivotRow> {
        let mut rows: Vec<PivotRow> = self
            .cells
            .iter()
            .flat_map(|((holder, target), counts)| {
                Label::ALL
                    .into_iter()
                    .filter(|&l| counts.get(l) > 0)
                    .map(|label| PivotRow {
                        holder: holder.clone(),
                        target: target.clone(),
                        label,
                        count: counts.get(label),
                    })
            })
            .collect();
        rows.sort_by(pivot_order);
        rows
    }

    /// The `n` commonest cues of `label` (lower-cased) with their claims, most first,
    /// ties in alphabetical order.
    pub fn top_cues(&self, label: Label, n: usize) -> Vec<(String, usize)> {
        let mut cues: Vec<(String, usize)> = self
            .cues
            .iter()
            .filter(|((l, _), _)| *l == label)
            .map(|((_, cue), &count)| (cue.clone(), count))
            .collect();
        cues.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        cues.truncate(n);
        cues
    }

    /// Claims per period in time order (a bare year sorts before its months).
    pub fn claims_per_period(&self) -> Vec<(String, LabelCounts)> {
        self.periods.iter().map(|(p, c)| (p.clone(), *c)).collect()
    }

    /// Every party that holds a claim or is the target of one, those in most claims
    /// first, then by name. The matrix uses this order on both axes, so that a pair and
    /// its reverse sit mirrored across the diagonal.
    pub fn parties(&self) -> Vec<String> {
        ranked(self.cells.iter().flat_map(|((h, t), c)| {
            let target = (!t.is_empty()).then_some((t, c.total()));
            std::iter::once((h, c.total())).chain(target)
        }))
    }

    /// The parties that hold a claim, in [`Summary::parties`] order.
    pub fn holders(&self) -> Vec<String> {
        let holders: BTreeSet<&str> = self.cells.keys().map(|(h, _)| h.as_str()).collect();
        self.parties()
            .into_iter()
            .filter(|p| holders.contains(p.as_str()))
            .collect()
    }

    /// The matrix columns: the empty target (claims without one) when there is such a
    /// claim, next to the holders, then every party in [`Summary::parties`] order, a
    /// party that is never a target included.
    pub fn targets(&self) -> Vec<String> {
        let mut targets = Vec::new();
        if self.cells.keys().any(|(_, t)| t.is_empty()) {
            targets.push(String::new());
        }
        targets.extend(self.parties());
        targets
    }
}

/// Most claims first, then holder, target and label (support, dispute, praise).
fn pivot_order(a: &PivotRow, b: &PivotRow) -> std::cmp::Ordering {
    b.count
        .cmp(&a.count)
        .then_with(|| a.holder.cmp(&b.holder))
        .then_with(|| a.target.cmp(&b.target))
        .then_with(|| a.label.cmp(&b.label))
}

fn ranked<'a>(items: impl Iterator<Item = (&'a String, usize)>) -> Vec<String> {
    let mut totals: BTreeMap<&str, usize> = BTreeMap::new();
    for (name, n) in items {
        *totals.entry(name).or_default() += n;
    }
    let mut names: Vec<(&str, usize)> = totals.into_iter().collect();
    names.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    names.into_iter().map(|(n, _)| n.to_owned()).collect()
}

/// `text` safe inside HTML text and quoted attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}

/// The anchor of the sentences behind a matrix cell: `claims-IND-USA`, `claims-IND-_` for
/// claims without a target. Characters other than ASCII letters and digits are written
/// as `_` and their hex bytes, so that distinct cells never share an anchor.
pub fn cell_anchor(holder: &str, target: &str) -> String {
    fn part(s: &str, out: &mut String) {
        if s.is_empty() {
            out.push('_');
        }
        for b in s.bytes() {
            if b.is_ascii_alphanumeric() {
                out.push(b as char);
            } else {
                let _ = write!(out, "_{b:02X}");
            }
        }
    }
    let mut id = String::from("claims-");
    part(holder, &mut id);
    id.push('-');
    part(target, &mut id);
    id
}

/// What a column header shows for `target`.
fn target_name(target: &str) -> &str {
    if target.is_empty() { "(none)" } else { target }
}

fn dominant_class(counts: &LabelCounts) -> &'static str {
    match counts.dominant() {
        Some(Label::Support) => "dom-support",
        Some(Label::Dispute) => "dom-dispute",
        Some(Label::Praise) => "dom-praise",
        None => "dom-mixed",
    }
}

const STYLE: &str = r#"
:root { --support: #1a7f37; --dispute: #c0262d; --praise: #1f5fd1; --mixed: #6b6b6b;
  --support-bg: #d5f0dc; --dispute-bg: #f9d9d7; --praise-bg: #d9e5fb; --mixed-bg: #e9e6df; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: #1c1c1c; background: #fafafa; margin: 0; padding: 24px 32px 64px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 32px 0 8px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
h3 { font-size: 16px; margin: 20px 0 6px; }
p.meta, p.note { color: #555; margin: 4px 0 10px; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; }
table { border-collapse: collapse; background: #fff; }
th, td { border: 1px solid #d6d6d6; padding: 5px 9px; text-align: left; vertical-align: top; }
thead th { background: #f0f0f0; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.totals { display: flex; gap: 14px; flex-wrap: wrap; }
.total { border-radius: 8px; padding: 10px 18px; min-width: 130px; background: #fff; border: 1px solid #ddd; }
.total .count { display: block; font-size: 28px; font-weight: 700; }
.total.support { background: var(--support-bg); } .total.support .count { color: var(--support); }
.total.dispute { background: var(--dispute-bg); } .total.dispute .count { color: var(--dispute); }
.total.praise { background: var(--praise-bg); } .total.praise .count { color: var(--praise); }
.legend span { display: inline-block; padding: 1px 8px; margin-right: 6px; border-radius: 4px; border: 1px solid #ccc; }
.scroll { overflow-x: auto; max-width: 100%; }
table.matrix th { white-space: nowrap; }
table.matrix th.corner { color: #666; font-weight: normal; font-size: 13px; }
table.matrix td { white-space: nowrap; text-align: center; min-width: 64px; }
table.matrix td.cell a { color: inherit; text-decoration: none; display: block; }
table.matrix td.cell a:hover { text-decoration: underline; }
td.dom-support, .dom-support { background: var(--support-bg); }
td.dom-dispute, .dom-dispute { background: var(--dispute-bg); }
td.dom-praise, .dom-praise { background: var(--praise-bg); }
td.dom-mixed, .dom-mixed { background: var(--mixed-bg); }
.n { font-weight: 600; font-variant-numeric: tabular-nums; }
.n.zero { color: #9a9a9a; font-weight: normal; }
.s { color: var(--support); } .d { color: var(--dispute); } .p { color: var(--praise); }
.sep { color: #999; }
td.total-col, tr.total-row td, tr.total-row th { background: #f4f4f4; font-weight: 600; }
th.support { color: var(--support); } th.dispute { color: var(--dispute); } th.praise { color: var(--praise); }
.bar { display: flex; height: 14px; min-width: 2px; }
.bar span { display: block; height: 100%; }
.bar .s { background: var(--support); } .bar .d { background: var(--dispute); } .bar .p { background: var(--praise); }
td.bar-cell { width: 360px; }
section.claims { margin-bottom: 18px; content-visibility: auto; contain-intrinsic-size: auto 360px; }
section.claims:target { outline: 3px solid #f0b429; outline-offset: 6px; }
section.claims td.text { max-width: 760px; }
mark { background: #ffe58a; padding: 0 1px; }
a.back { font-size: 13px; margin-left: 8px; }
#totals .totals { margin-top: 12px; }
form#filters { display: flex; flex-wrap: wrap; gap: 8px 18px; align-items: center; background: #fff;
  border: 1px solid #ddd; border-radius: 8px; padding: 8px 14px; margin: 14px 0 0; position: sticky; top: 0; z-index: 2; }
form#filters label { white-space: nowrap; }
form#filters label.support { color: var(--support); } form#filters label.dispute { color: var(--dispute); }
form#filters label.praise { color: var(--praise); }
form#filters .shown { color: #555; margin-left: auto; }
body.filtered form#filters { border-color: #f0b429; box-shadow: 0 0 0 2px #f0b42955; }
.overview { display: flex; flex-wrap: wrap; gap: 0 28px; align-items: flex-start; }
.overview > section { flex: 0 1 auto; max-width: 100%; }
#network { max-width: 622px; }
#top-matrix { flex: 1 1 560px; min-width: 0; }
svg { display: block; }
svg.network, svg.bars { background: #fff; border: 1px solid #e2e2e2; border-radius: 6px; }
svg .edge { fill: none; stroke-linecap: round; }
svg a:hover .edge { opacity: 1; }
.edge.support { stroke: var(--support); } .edge.dispute { stroke: var(--dispute); }
.edge.praise { stroke: var(--praise); } .edge.mixed { stroke: var(--mixed); }
#arrow-support path { fill: var(--support); } #arrow-dispute path { fill: var(--dispute); }
#arrow-praise path { fill: var(--praise); } #arrow-mixed path { fill: var(--mixed); }
g.node circle { fill: #fff; stroke: #333; stroke-width: 1.5; }
g.node text { font-size: 12px; font-weight: 600; fill: #222; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
g.node.idle { opacity: .3; } g.node { cursor: pointer; }
g.node.picked circle { stroke: #f0b429; stroke-width: 4; }
svg.bars rect.support { fill: var(--support); } svg.bars rect.dispute { fill: var(--dispute); }
svg.bars rect.praise { fill: var(--praise); }
svg.bars text { font-size: 10px; fill: #555; } svg.bars .axis { stroke: #999; }
.pair { margin: 4px 0 6px; } .pair-name { font-size: 13px; font-weight: 600; }
table.tmatrix th, table.tmatrix td { padding: 2px 3px; text-align: center; min-width: 26px; font-size: 12px; white-space: nowrap; }
table.tmatrix td:empty, table.tmatrix td.zero { background: #fff; }
table.tmatrix td a, table.tmatrix td span { color: inherit; text-decoration: none; display: block; font-weight: 600; }
table.tmatrix th.corner { color: #666; font-weight: normal; }
details.full { margin: 28px 0; } details summary { cursor: pointer; font-weight: 600; margin: 8px 0; }
"#;

/// How the report is drawn.
#[derive(Debug, Clone, Copy)]
pub struct ReportOptions {
    /// Parties in the top matrix and the network; the rest are folded into "other".
    pub top: usize,
    /// The buckets of the time charts.
    pub period: Period,
}

impl Default for ReportOptions {
    fn default() -> ReportOptions {
        ReportOptions {
            top: DEFAULT_TOP,
            period: Period::Month,
        }
    }
}

/// The filter script, kept in its own file so that it reads as JavaScript.
const SCRIPT: &str = include_str!("summary/report.js");

/// The HTML report of `summary`: totals per label and filters, the stance network of the
/// top parties, claims over time (when claims have dates), the top matrix, the top cues,
/// the full holder-by-target matrix one click away and the sentences behind the top
/// cells (from `rows`). `title` names the claims file.
pub fn render_html(summary: &Summary, rows: &[ClaimRow], title: &str, options: &ReportOptions) -> String {
    let mut html = String::with_capacity(256 * 1024);
    // Writing into a String cannot fail.
    let _ = write_html(&mut html, summary, rows, title, options);
    html
}

fn write_html(
    out: &mut String,
    summary: &Summary,
    rows: &[ClaimRow],
    title: &str,
    options: &ReportOptions,
) -> fmt::Result {
    let view = View::new(summary, rows, options.top, options.period);
    let title = escape_html(title);
    write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Who stands where: {title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
    )?;
    writeln!(out, "<header>\n<h1>Who stands where: {title}</h1>")?;
    let read = summary
        .documents_read
        .map_or(String::new(), |n| format!(" (of {} read)", counted(n, "document")));
    writeln!(
        out,
        "<p class=\"meta\">{} in {}{read}, {} among {}. Made by <code>stancer summary</code>.</p>\n</header>",
        counted(summary.claims, "claim"),
        counted(summary.documents, "document"),
        counted(summary.cells.len(), "holder&ndash;target pair"),
        match view.all_parties {
            1 => "1 party".to_owned(),
            n => format!("{n} parties"),
        },
    )?;

    writeln!(out, "<section id=\"totals\">\n<div class=\"totals\">")?;
    for label in Label::ALL {
        writeln!(
            out,
            "<div class=\"total {label}\" data-label=\"{label}\"><span class=\"count\">{}</span>{label}</div>",
            summary.totals.get(label)
        )?;
    }
    writeln!(out, "</div>\n</section>")?;
    write_filters(out, &view, summary.claims)?;

    writeln!(out, "<div class=\"overview\">")?;
    write_network_section(out, &view)?;
    if !view.periods.is_empty() {
        write_time(out, &view, options.period)?;
    }
    // In the same row: beside the network when there is no time chart, else below both.
    write_top_matrix(out, &view)?;
    writeln!(out, "</div>")?;

    if let Some(by) = &summary.by {
        write_groups(out, summary, by)?;
    }
    write_cues(out, summary)?;

    let shown: BTreeSet<&str> = view.parties.iter().map(String::as_str).collect();
    let holders = summary.holders();
    let targets = summary.targets();
    writeln!(
        out,
        "<details id=\"full-matrix\" class=\"full\">\n<summary>The full matrix: {} holders &times; {} targets \
         (all claims, whatever the filters)</summary>",
        holders.len(),
        targets.len()
    )?;
    write_matrix(out, summary, &holders, &targets, &shown)?;
    writeln!(out, "</details>")?;

    let top_holders: Vec<String> = holders.iter().filter(|h| shown.contains(h.as_str())).cloned().collect();
    let top_targets: Vec<String> = targets
        .iter()
        .filter(|t| t.is_empty() || shown.contains(t.as_str()))
        .cloned()
        .collect();
    write_sentences(out, summary, rows, &top_holders, &top_targets)?;
    writeln!(
        out,
        "<script type=\"application/json\" id=\"report-data\">{}</script>\n<script>{SCRIPT}</script>\n</body>\n</html>",
        view.json()
    )
}

/// The filters: labels, a party, a range of periods; the script recounts on a change.
fn write_filters(out: &mut String, view: &View, claims: usize) -> fmt::Result {
    writeln!(out, "<form id=\"filters\" data-claims=\"{claims}\">")?;
    for label in Label::ALL {
        write!(
            out,
            "<label class=\"{label}\"><input type=\"checkbox\" name=\"label-{label}\" checked> {label}</label>"
        )?;
    }
    write!(
        out,
        "\n<label>party <select name=\"party\"><option value=\"\">any</option>"
    )?;
    let mut by_name: Vec<(usize, &String)> = view.parties.iter().enumerate().collect();
    by_name.sort_by(|a, b| a.1.cmp(b.1));
    for (i, party) in by_name {
        write!(out, "<option value=\"{i}\">{}</option>", escape_html(party))?;
    }
    writeln!(out, "</select></label>")?;
    if !view.periods.is_empty() {
        let last = view.periods.len() - 1;
        for (name, selected) in [("from", 0), ("to", last)] {
            write!(out, "<label>{name} <select name=\"{name}\">")?;
            for (i, p) in view.periods.iter().enumerate() {
                let sel = if i == selected { " selected" } else { "" };
                write!(out, "<option value=\"{i}\"{sel}>{}</option>", escape_html(p))?;
            }
            writeln!(out, "</select></label>")?;
        }
    }
    writeln!(
        out,
        "<button type=\"reset\">show all</button>\
         <span class=\"shown\"><b id=\"shown\">{claims}</b> of {claims} claims shown</span>\
         <noscript>(the filters need JavaScript)</noscript>\n</form>"
    )
}

fn write_network_section(out: &mut String, view: &View) -> fmt::Result {
    writeln!(
        out,
        "<section id=\"network\">\n<h2>Who stands toward whom</h2>\n\
         <p class=\"note\">The {} most active parties{}, in an order that puts parties with support or praise \
         between them side by side. A circle's size counts the claims a party makes and receives; an arrow \
         goes from holder to target, as thick as its claims and coloured by the label with most of them \
         (<span class=\"s\">support</span>, <span class=\"d\">dispute</span>, <span class=\"p\">praise</span>, \
         grey for a tie). Point at an arrow for its counts, click it for its sentences; click a party to see its \
         claims alone.</p>",
        view.parties.len(),
        if view.other {
            format!(" of {}", view.all_parties)
        } else {
            String::new()
        }
    )?;
    svg::write_network(out, view)?;
    writeln!(out, "</section>")
}

/// Claims per period, the periods' table, and the top pairs' claims over time.
fn write_time(out: &mut String, view: &View, period: Period) -> fmt::Result {
    let all = view.per_period(|_, _| true);
    let undated = view.count(|_, _, p| p.is_none()).total();
    writeln!(
        out,
        "<section id=\"time\">\n<h2>Claims over time, per {period}</h2>\n\
         <p class=\"note\">Stacked: <span class=\"s\">support</span>, <span class=\"d\">dispute</span>, \
         <span class=\"p\">praise</span>.{}</p>",
        if undated > 0 {
            format!(" {} without a usable date are not charted.", counted(undated, "claim"))
        } else {
            String::new()
        }
    )?;
    let chart = svg::Bars {
        width: 600.0,
        height: 200.0,
        axis: true,
    };
    svg::write_bars(out, "all", &view.periods, &all, &chart)?;

    let shown = view.parties.len();
    let mut dated: BTreeMap<(usize, Option<usize>), usize> = BTreeMap::new();
    for (&(h, t, _, p), &n) in &view.records {
        if p.is_some() && h < shown && t.is_none_or(|t| t < shown) {
            *dated.entry((h, t)).or_default() += n;
        }
    }
    let mut pairs: Vec<((usize, Option<usize>), usize)> = dated.into_iter().collect();
    pairs.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    pairs.truncate(TOP_PAIRS);
    if !pairs.is_empty() {
        writeln!(
            out,
            "<h3>The top pairs over time</h3>\n<p class=\"note\">Each on its own scale.</p>"
        )?;
    }
    let small = svg::Bars {
        width: 600.0,
        height: 40.0,
        axis: false,
    };
    for ((h, t), n) in pairs {
        let target = t.map_or("(none)", |t| view.name(t));
        writeln!(
            out,
            "<div class=\"pair\"><div class=\"pair-name\">{} &rarr; {} <span class=\"note\">({} dated)</span></div>",
            escape_html(view.name(h)),
            escape_html(target),
            counted(n, "claim")
        )?;
        let key = format!("{h},{}", t.map_or(-1, |t| t as i64));
        svg::write_bars(
            out,
            &key,
            &view.periods,
            &view.per_period(|a, b| a == h && b == t),
            &small,
        )?;
        writeln!(out, "</div>")?;
    }
    writeln!(
        out,
        "<details>\n<summary>As a table (all claims, whatever the filters)</summary>\n\
         <table class=\"time\">\n<thead><tr><th>period</th><th class=\"num support\">support</th>\
         <th class=\"num dispute\">dispute</th><th class=\"num praise\">praise</th><th class=\"num\">total</th>\
         </tr></thead>\n<tbody>"
    )?;
    for (period, c) in view.periods.iter().zip(&all) {
        writeln!(
            out,
            "<tr class=\"period\" data-period=\"{p}\" data-support=\"{s}\" data-dispute=\"{d}\" data-praise=\"{pr}\">\
             <td>{p}</td><td class=\"num\">{s}</td><td class=\"num\">{d}</td><td class=\"num\">{pr}</td>\
             <td class=\"num\">{t}</td></tr>",
            p = escape_html(period),
            s = c.support,
            d = c.dispute,
            pr = c.praise,
            t = c.total(),
        )?;
    }
    if undated > 0 {
        writeln!(
            out,
            "<tr class=\"undated\"><td>(no date)</td><td colspan=\"3\"></td><td class=\"num\">{undated}</td></tr>"
        )?;
    }
    writeln!(out, "</tbody>\n</table>\n</details>\n</section>")
}

/// The matrix of the top parties: a cell per (holder, target) with claims, showing their
/// number in the colour of their dominant label; claims without a target first, folded
/// parties last.
fn write_top_matrix(out: &mut String, view: &View) -> fmt::Result {
    let cells = view.cells();
    let holders: Vec<usize> = view.indices().filter(|&i| cells.keys().any(|&(h, _)| h == i)).collect();
    let mut targets: Vec<Option<usize>> = Vec::new();
    if cells.keys().any(|&(_, t)| t.is_none()) {
        targets.push(None);
    }
    targets.extend(
        view.indices()
            .filter(|&i| cells.keys().any(|&(_, t)| t == Some(i)))
            .map(Some),
    );
    writeln!(
        out,
        "<section id=\"top-matrix\">\n<h2>Holder &times; target{}</h2>\n\
         <p class=\"note\">A row is the party taking the stance, a column the party it is about, \
         <em>(none)</em> a stance without a target{}. A cell counts the claims and takes the colour of the label \
         with most of them (<span class=\"s\">support</span>, <span class=\"d\">dispute</span>, \
         <span class=\"p\">praise</span>, grey for a tie); point at it for the three counts, click it for \
         the sentences. The full matrix is below the cues.</p>\n\
         <div class=\"scroll\">\n<table class=\"tmatrix\">\n<thead>\n<tr><th class=\"corner\">holder&nbsp;&darr;<br>target&nbsp;&rarr;</th>",
        if view.other { ": the top parties" } else { "" },
        if view.other {
            ", and <em>other</em> the parties folded together"
        } else {
            ""
        },
    )?;
    for t in &targets {
        let name = t.map_or("(none)", |t| view.name(t));
        write!(out, "<th scope=\"col\">{}</th>", escape_html(name))?;
    }
    writeln!(out, "</tr>\n</thead>\n<tbody>")?;
    let shown = view.parties.len();
    for &h in &holders {
        let holder = escape_html(view.name(h));
        write!(out, "<tr><th scope=\"row\">{holder}</th>")?;
        for &t in &targets {
            let Some(c) = cells.get(&(h, t)) else {
                out.push_str("<td></td>");
                continue;
            };
            let target = t.map_or("", |t| view.name(t));
            let name = format!("{holder} &rarr; {}", escape_html(target_name(target)));
            write!(
                out,
                "<td class=\"tcell {dom}\" data-h=\"{h}\" data-t=\"{ti}\" data-name=\"{name}\" {counts} \
                 title=\"{name}: {text}\">",
                dom = dominant_class(c),
                ti = t.map_or(-1, |t| t as i64),
                counts = svg::data_counts(c),
                text = svg::counts_text(c),
            )?;
            if h < shown && t.is_none_or(|t| t < shown) {
                write!(
                    out,
                    "<a href=\"#{}\">{}</a></td>",
                    cell_anchor(view.name(h), target),
                    c.total()
                )?;
            } else {
                write!(out, "<span>{}</span></td>", c.total())?;
            }
        }
        writeln!(out, "</tr>")?;
    }
    writeln!(out, "</tbody>\n</table>\n</div>\n</section>")
}

/// "1 claim", "2 claims".
fn counted(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

/// The three counts of a cell: "S 2 · D 1 · P 0", each in its label's colour.
fn write_counts(out: &mut String, counts: &LabelCounts) -> fmt::Result {
    for (i, (label, letter, class)) in [
        (Label::Support, 'S', "s"),
        (Label::Dispute, 'D', "d"),
        (Label::Praise, 'P', "p"),
    ]
    .into_iter()
    .enumerate()
    {
        if i > 0 {
            out.push_str(" <span class=\"sep\">&middot;</span> ");
        }
        let n = counts.get(label);
        let zero = if n == 0 { " zero" } else { "" };
        write!(out, "<span class=\"n {class}{zero}\">{letter}&nbsp;{n}</span>")?;
    }
    Ok(())
}

/// The full matrix; a cell of two `linked` parties (or one and no target) links to its
/// sentences, the others have theirs in the claims file only.
fn write_matrix(
    out: &mut String,
    summary: &Summary,
    holders: &[String],
    targets: &[String],
    linked: &BTreeSet<&str>,
) -> fmt::Result {
    writeln!(
        out,
        "<section id=\"matrix\">\n\
         <p class=\"note\">Each cell counts <span class=\"s\">support</span>&middot;<span class=\"d\">dispute</span>&middot;\
         <span class=\"p\">praise</span> claims and takes the colour of the label with most claims; \
         a cell of two top parties links to its sentences.</p>\n\
         <p class=\"legend\"><span class=\"dom-support\">mostly support</span><span class=\"dom-dispute\">mostly dispute</span>\
         <span class=\"dom-praise\">mostly praise</span><span class=\"dom-mixed\">mixed (a tie)</span></p>\n\
         <div class=\"scroll\">\n<table class=\"matrix\">\n<thead>\n<tr><th class=\"corner\">holder &darr; / target &rarr;</th>"
    )?;
    for t in targets {
        write!(
            out,
            "<th scope=\"col\" data-target=\"{}\">{}</th>",
            escape_html(t),
            escape_html(target_name(t))
        )?;
    }
    writeln!(out, "<th scope=\"col\">total</th></tr>\n</thead>\n<tbody>")?;
    let mut column_totals = vec![LabelCounts::default(); targets.len()];
    for h in holders {
        let eh = escape_html(h);
        write!(out, "<tr data-holder=\"{eh}\"><th scope=\"row\">{eh}</th>")?;
        let mut row_total = LabelCounts::default();
        for (i, t) in targets.iter().enumerate() {
            let Some(counts) = summary.cells.get(&(h.clone(), t.clone())) else {
                out.push_str("<td></td>");
                continue;
            };
            for label in Label::ALL {
                row_total.add(label, counts.get(label));
                column_totals[i].add(label, counts.get(label));
            }
            // Holder and target are the row's and the column's: a report of a million
            // claims has tens of thousands of cells, so each carries only its counts.
            write!(
                out,
                "<td class=\"cell {dom}\" data-support=\"{s}\" data-dispute=\"{d}\" data-praise=\"{p}\">",
                dom = dominant_class(counts),
                s = counts.support,
                d = counts.dispute,
                p = counts.praise,
            )?;
            let shown = format!("{}\u{b7}{}\u{b7}{}", counts.support, counts.dispute, counts.praise);
            if linked.contains(h.as_str()) && (t.is_empty() || linked.contains(t.as_str())) {
                write!(out, "<a href=\"#{}\">{shown}</a></td>", cell_anchor(h, t))?;
            } else {
                write!(out, "{shown}</td>")?;
            }
        }
        write!(out, "<td class=\"total-col\">")?;
        write_counts(out, &row_total)?;
        writeln!(out, "</td></tr>")?;
    }
    write!(out, "<tr class=\"total-row\"><th scope=\"row\">total</th>")?;
    for counts in &column_totals {
        out.push_str("<td>");
        write_counts(out, counts)?;
        out.push_str("</td>");
    }
    writeln!(out, "<td></td></tr>\n</tbody>\n</table>\n</div>\n</section>")
}

fn write_cues(out: &mut String, summary: &Summary) -> fmt::Result {
    let columns: Vec<Vec<(String, usize)>> = Label::ALL.iter().map(|&l| summary.top_cues(l, TOP_CUES)).collect();
    let depth = columns.iter().map(Vec::len).max().unwrap_or(0);
    writeln!(
        out,
        "<section id=\"cues\">\n<h2>Top cues per label</h2>\n\
         <p class=\"note\">The words that carried the claims, lower-cased, with how many claims each gave.</p>\n\
         <table class=\"cues\">\n<thead><tr><th class=\"num\">#</th>\
         <th class=\"support\">support</th><th class=\"num\">claims</th>\
         <th class=\"dispute\">dispute</th><th class=\"num\">claims</th>\
         <th class=\"praise\">praise</th><th class=\"num\">claims</th></tr></thead>\n<tbody>"
    )?;
    for i in 0..depth {
        write!(out, "<tr><td class=\"num\">{}</td>", i + 1)?;
        for (label, column) in Label::ALL.iter().zip(&columns) {
            match column.get(i) {
                Some((cue, n)) => write!(
                    out,
                    "<td data-label=\"{label}\">{}</td><td class=\"num\">{n}</td>",
                    escape_html(cue)
                )?,
                None => out.push_str("<td></td><td></td>"),
            }
        }
        writeln!(out, "</tr>")?;
    }
    if depth == 0 {
        writeln!(out, "<tr><td colspan=\"7\">No claims.</td></tr>")?;
    }
    writeln!(out, "</tbody>\n</table>\n</section>")
}

/// Claims per value of the `--by` column, most claims first, with the documents they
/// come from and the party pairs each value has most.
fn write_groups(out: &mut String, summary: &Summary, by: &str) -> fmt::Result {
    let by = escape_html(by);
    let mut groups: Vec<(&String, &(LabelCounts, usize))> = summary.groups.iter().collect();
    groups.sort_by(|a, b| b.1.0.total().cmp(&a.1.0.total()).then_with(|| a.0.cmp(b.0)));
    writeln!(
        out,
        "<section id=\"groups\">\n<h2>Claims per {by}</h2>\n\
         <table class=\"groups\">\n<thead><tr><th>{by}</th><th class=\"num support\">support</th>\
         <th class=\"num dispute\">dispute</th><th class=\"num praise\">praise</th><th class=\"num\">total</th>\
         <th class=\"num\">documents</th><th>top holder &rarr; target</th></tr></thead>\n<tbody>"
    )?;
    let pivot = summary.group_pivot();
    for (group, (c, documents)) in groups {
        let top: Vec<String> = pivot
            .iter()
            .filter(|(g, _)| g == group)
            .take(3)
            .map(|(_, r)| {
                format!(
                    "{} &rarr; {} ({} {})",
                    escape_html(&r.holder),
                    escape_html(target_name(&r.target)),
                    r.label,
                    r.count
                )
            })
            .collect();
        writeln!(
            out,
            "<tr class=\"group\" data-group=\"{g}\" data-support=\"{s}\" data-dispute=\"{d}\" data-praise=\"{p}\">\
             <td>{shown}</td><td class=\"num\">{s}</td><td class=\"num\">{d}</td><td class=\"num\">{p}</td>\
             <td class=\"num\">{t}</td><td class=\"num\">{documents}</td><td>{top}</td></tr>",
            g = escape_html(group),
            shown = if group.is_empty() {
                "(none)".into()
            } else {
                escape_html(group)
            },
            s = c.support,
            d = c.dispute,
            p = c.praise,
            t = c.total(),
            top = top.join("; "),
        )?;
    }
    writeln!(out, "</tbody>\n</table>\n</section>")
}

/// `sentence` with the first occurrence of `cue` marked, escaped.
fn marked_sentence(sentence: &str, cue: &str) -> String {
    match (!cue.is_empty()).then(|| sentence.find(cue)).flatten() {
        Some(i) => format!(
            "{}<mark>{}</mark>{}",
            escape_html(&sentence[..i]),
            escape_html(cue),
            escape_html(&sentence[i + cue.len()..])
        ),
        None => escape_html(sentence),
    }
}

fn write_sentences(
    out: &mut String,
    summary: &Summary,
    rows: &[ClaimRow],
    holders: &[String],
    targets: &[String],
) -> fmt::Result {
    let mut by_cell: HashMap<(&str, &str), Vec<&ClaimRow>> = HashMap::new();
    for row in rows {
        by_cell.entry((&row.holder, &row.target)).or_default().push(row);
    }
    writeln!(
        out,
        "<section id=\"sentences\">\n<h2>The sentences behind each cell</h2>"
    )?;
    for h in holders {
        for t in targets {
            let (Some(counts), Some(cell_rows)) = (
                summary.cells.get(&(h.clone(), t.clone())),
                by_cell.get(&(h.as_str(), t.as_str())),
            ) else {
                continue;
            };
            let (eh, et) = (escape_html(h), escape_html(t));
            write!(
                out,
                "<section class=\"claims\" id=\"{}\" data-holder=\"{eh}\" data-target=\"{et}\">\n\
                 <h3>{eh} &rarr; {} <span class=\"note\">(",
                cell_anchor(h, t),
                escape_html(target_name(t))
            )?;
            write_counts(out, counts)?;
            writeln!(
                out,
                ")</span><a class=\"back\" href=\"#top-matrix\">back to the matrix</a></h3>\n\
                 <table>\n<thead><tr><th>doc_id</th><th class=\"num\">sentence</th><th>label</th><th>cue</th>\
                 <th>text</th></tr></thead>\n<tbody>"
            )?;
            for row in cell_rows.iter().take(SENTENCES_PER_CELL) {
                let class = match row.label {
                    Label::Support => "s",
                    Label::Dispute => "d",
                    Label::Praise => "p",
                };
                writeln!(
                    out,
                    "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"{class}\">{}</td><td>{}</td>\
                     <td class=\"text\">{}</td></tr>",
                    escape_html(&row.doc_id),
                    row.sentence_id,
                    row.label,
                    escape_html(&row.cue),
                    marked_sentence(&row.sentence, &row.cue)
                )?;
            }
            if cell_rows.len() > SENTENCES_PER_CELL {
                writeln!(
                    out,
                    "<tr class=\"more\"><td colspan=\"5\">The first {SENTENCES_PER_CELL} of {} are shown (at most \
                     {SENTENCES_PER_CELL} per cell, to keep the report small); the claims file has the other {}.</td></tr>",
                    cell_rows.len(),
                    cell_rows.len() - SENTENCES_PER_CELL
                )?;
            }
            writeln!(out, "</tbody>\n</table>\n</section>")?;
        }
    }
    writeln!(out, "</section>")
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "doc_id,sentence_id,holder,label,target,cue,rule,holder_text,target_text,start,end,sentence";

    fn read(text: &str) -> (Vec<ClaimRow>, Vec<InputError>) {
        let mut rows = Vec::new();
        let mut errors = Vec::new();
        for item in ClaimReader::new("claims.csv", text.as_bytes()).unwrap() {
            match item {
                Ok(r) => rows.push(r),
                Err(e) => errors.push(e),
            }
        }
        (rows, errors)
    }

    pub(super) fn row(holder: &str, label: Label, target: &str, cue: &str) -> ClaimRow {
        ClaimRow {
            line: 2,
            doc_id: "d".into(),
            date: None,
            sentence_id: 1,
            holder: holder.into(),
            label,
            target: target.into(),
            cue: cue.into(),
            sentence: format!("{holder} {cue} {target}."),
            rule: String::new(),
            pattern: String::new(),
            holder_text: String::new(),
            target_text: String::new(),
            group: None,
        }
    }

    #[test]
    fn columns_are_found_by_name_in_any_order() {
        let text =
            "sentence,cue,target,label,holder,sentence_id,doc_id\nIndia rejected it.,rejected,PAK,dispute,IND,3,d1\n";
        let (rows, errors) = read(text);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(rows[0].holder, "IND");
        assert_eq!(rows[0].target, "PAK");
        assert_eq!(rows[0].label, Label::Dispute);
        assert_eq!(rows[0].sentence_id, 3);
        assert_eq!(rows[0].sentence, "India rejected it.");
    }

    #[test]
    fn a_legacy_rule_cell_is_split_into_rule_and_pattern() {
        let text =
            format!("{HEADER}\nd1,1,IND,dispute,PAK,rejected,cues.csv:9 verb-subject-object,India,Pakistan,0,9,x\n");
        let (rows, _) = read(&text);
        assert_eq!(
            (rows[0].rule.as_str(), rows[0].pattern.as_str()),
            ("cues.csv:9", "verb-subject-object")
        );
        let text = "doc_id,sentence_id,holder,label,target,cue,sentence,rule,pattern\nd1,1,IND,dispute,,denied,x,my rules.csv:3,\n";
        let (rows, _) = read(text);
        assert_eq!(
            (rows[0].rule.as_str(), rows[0].pattern.as_str()),
            ("my rules.csv:3", "")
        );
    }

    #[test]
    fn a_table_written_for_spreadsheets_loses_its_formula_quotes() {
        let text = "\u{feff}doc_id,sentence_id,holder,label,target,cue,sentence\r\nd1,1,IND,dispute,,denied,'=India denied it.\r\n";
        let (rows, _) = read(text);
        assert_eq!(rows[0].sentence, "=India denied it.");
        let (rows, _) = read(text.trim_start_matches('\u{feff}'));
        assert_eq!(rows[0].sentence, "'=India denied it.");
    }

    #[test]
    fn byte_order_mark_and_crlf_are_tolerated() {
        let text = format!(
            "\u{FEFF}{}\r\nd1,1,USA,support,IND,backed,r,,,0,5,\"US backed India.\"\r\n",
            HEADER
        );
        let (rows, errors) = read(&text);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].doc_id, "d1");
        assert_eq!(rows[0].sentence, "US backed India.");
    }

    #[test]
    fn missing_column_is_fatal_and_named() {
        let err = ClaimReader::new("claims.csv", "doc_id,holder,label\n".as_bytes())
            .err()
            .unwrap();
        assert_eq!(err.line, Some(1));
        assert!(
            err.to_string()
                .starts_with("claims.csv:1: missing column(s) sentence_id, target, cue, sentence")
        );
    }

    #[test]
    fn empty_file_says_so() {
        let err = ClaimReader::new("claims.csv", "".as_bytes()).err().unwrap();
        assert_eq!(err.to_string(), "claims.csv:1: empty file: no header row");
    }

    #[test]
    fn bad_rows_name_their_line_and_reading_goes_on() {
        let text = format!(
            "{HEADER}\nd,1,IND,dispute,PAK,x,r,,,0,1,s\nd,2,IND,scold,PAK,x,r,,,0,1,s\nd,3,IND\nd,x,IND,support,,x,r,,,0,1,s\nd,4,PAK,praise,,x,r,,,0,1,s\n"
        );
        let (rows, errors) = read(&text);
        assert_eq!(rows.iter().map(|r| r.line).collect::<Vec<_>>(), [2, 6]);
        let lines: Vec<Option<u64>> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [Some(3), Some(4), Some(5)]);
        assert!(errors[0].to_string().contains("claims.csv:3: unknown label \"scold\""));
        assert!(errors[1].message.contains("3 fields where the header has 12"));
        assert!(errors[2].message.contains("invalid sentence_id \"x\""));
    }

    #[test]
    fn line_numbers_count_quoted_newlines() {
        let text = format!("{HEADER}\nd,1,IND,dispute,PAK,x,r,,,0,1,\"two\nlines\"\nd,2,IND,bogus,PAK,x,r,,,0,1,s\n");
        let (_, errors) = read(&text);
        assert_eq!(errors[0].line, Some(4));
    }

    #[test]
    fn a_date_label_kept_as_given_counts_as_undated() {
        // `label` writes a date it cannot read as it was given (and warned about it).
        let text = "doc_id,date,sentence_id,holder,label,target,cue,sentence\nd,2025-13,1,IND,dispute,PAK,x,s\nd,11 March 2016,2,IND,dispute,PAK,x,s\n";
        let (rows, errors) = read(text);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(rows[0].date.as_deref(), Some("2025-13"));
        assert_eq!((rows[0].period(), rows[1].period()), (None, None));
        let s = Summary::from_rows(&rows);
        assert_eq!((s.undated, s.periods.len()), (2, 0));
    }

    #[test]
    fn sentence_rows_count_documents_and_give_no_claim() {
        let text = "doc_id,sentence_id,holder,label,target,cue,sentence\na,1,,,,,Nothing.\nb,1,IND,dispute,PAK,x,s\nb,2,,,,,More.\nc,1,,dispute,,x,s\n";
        let mut reader = ClaimReader::new("claims.csv", text.as_bytes()).unwrap();
        let items: Vec<_> = reader.by_ref().collect();
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].as_ref().unwrap().doc_id, "b");
        assert!(items[1].as_ref().unwrap_err().message.contains("empty holder"));
        assert_eq!(reader.documents(), 3);
        assert!(reader.has_sentence_rows());
    }

    #[test]
    fn json_lines_and_semicolon_tables_read_like_csv() {
        let jsonl = "{\"doc_id\":\"d\",\"sentence_id\":2,\"holder\":\"IND\",\"label\":\"dispute\",\"target\":\"PAK\",\"cue\":\"x\",\"sentence\":\"s\",\"publisher\":\"p1\"}\n\n{broken\n";
        let items: Vec<_> = ClaimReader::grouped("c.jsonl", jsonl.as_bytes(), Some("publisher"))
            .unwrap()
            .collect();
        let row = items[0].as_ref().unwrap();
        assert_eq!((row.sentence_id, row.group.as_deref()), (2, Some("p1")));
        assert_eq!(items[1].as_ref().unwrap_err().line, Some(3));
        let semicolons = "doc_id;sentence_id;holder;label;target;cue;sentence\nd;1;IND;dispute;PAK;x;\"a; b\"\n";
        let (rows, errors) = read(semicolons);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(rows[0].sentence, "a; b");
    }

    #[test]
    fn grouped_pivot_counts_per_value() {
        let mut rows = vec![
            row("IND", Label::Dispute, "PAK", "a"),
            row("IND", Label::Dispute, "PAK", "a"),
            row("PAK", Label::Dispute, "IND", "a"),
        ];
        rows[0].group = Some("x".into());
        rows[1].group = Some("y".into());
        rows[2].group = Some("y".into());
        let mut s = Summary::from_rows(&rows);
        let got: Vec<(String, String, usize)> = s
            .group_pivot()
            .into_iter()
            .map(|(g, r)| (g, r.holder, r.count))
            .collect();
        assert_eq!(
            got,
            [
                ("x".into(), "IND".into(), 1),
                ("y".into(), "IND".into(), 1),
                ("y".into(), "PAK".into(), 1)
            ]
        );
        s.by = Some("publisher".into());
        let html = render_html(&s, &rows, "c", &ReportOptions::default());
        assert!(html.contains("<h2>Claims per publisher</h2>"));
        assert!(html.contains("data-group=\"y\" data-support=\"0\" data-dispute=\"2\" data-praise=\"0\""));
    }

    #[test]
    fn periods_are_months_or_years() {
        assert_eq!(period_of("2025-05-10").unwrap(), "2025-05");
        assert_eq!(period_of("2025-05").unwrap(), "2025-05");
        assert_eq!(period_of("2025").unwrap(), "2025");
        assert_eq!(period_of("2025-05-10T08:00:00Z").unwrap(), "2025-05");
    }

    #[test]
    fn claims_per_period_counts_dated_rows_and_undated_apart() {
        let text = "doc_id,date,sentence_id,holder,label,target,cue,sentence\n\
                    a,2025-05-10,1,IND,dispute,PAK,x,s\n\
                    a,2025-05-10,2,PAK,dispute,IND,x,s\n\
                    b,2025-06-01,1,USA,support,IND,x,s\n\
                    c,,1,USA,praise,PAK,x,s\n";
        let (rows, errors) = read(text);
        assert!(errors.is_empty(), "{errors:?}");
        let s = Summary::from_rows(&rows);
        let periods = s.claims_per_period();
        assert_eq!(periods.len(), 2);
        assert_eq!(periods[0].0, "2025-05");
        assert_eq!(periods[0].1.dispute, 2);
        assert_eq!(periods[1].0, "2025-06");
        assert_eq!(periods[1].1.support, 1);
        assert_eq!(s.undated, 1);
        assert_eq!(s.documents, 3);
    }

    #[test]
    fn pivot_sorts_by_count_then_names() {
        let rows = vec![
            row("PAK", Label::Dispute, "IND", "a"),
            row("IND", Label::Support, "USA", "a"),
            row("IND", Label::Dispute, "PAK", "a"),
            row("IND", Label::Dispute, "PAK", "b"),
            row("IND", Label::Praise, "USA", "a"),
            row("IND", Label::Praise, "", "a"),
        ];
        let got: Vec<(String, String, Label, usize)> = Summary::from_rows(&rows)
            .pivot()
            .into_iter()
            .map(|r| (r.holder, r.target, r.label, r.count))
            .collect();
        let want = [
            ("IND", "PAK", Label::Dispute, 2),
            ("IND", "", Label::Praise, 1),
            ("IND", "USA", Label::Support, 1),
            ("IND", "USA", Label::Praise, 1),
            ("PAK", "IND", Label::Dispute, 1),
        ];
        let want: Vec<(String, String, Label, usize)> = want
            .iter()
            .map(|(h, t, l, n)| (h.to_string(), t.to_string(), *l, *n))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn top_cues_fold_case_and_rank_by_count() {
        let rows = vec![
            row("IND", Label::Dispute, "PAK", "Rejected"),
            row("IND", Label::Dispute, "PAK", "rejected"),
            row("IND", Label::Dispute, "PAK", "condemned"),
            row("IND", Label::Support, "USA", "backed"),
        ];
        let s = Summary::from_rows(&rows);
        assert_eq!(
            s.top_cues(Label::Dispute, 10),
            [("rejected".to_string(), 2), ("condemned".to_string(), 1)]
        );
        assert_eq!(s.top_cues(Label::Dispute, 1).len(), 1);
        assert!(s.top_cues(Label::Praise, 10).is_empty());
    }

    #[test]
    fn dominant_label_is_none_on_a_tie() {
        let mut c = LabelCounts::default();
        assert_eq!(c.dominant(), None);
        c.add(Label::Dispute, 2);
        c.add(Label::Support, 1);
        assert_eq!(c.dominant(), Some(Label::Dispute));
        c.add(Label::Support, 1);
        assert_eq!(c.dominant(), None);
    }

    #[test]
    fn matrix_axes_share_party_order_and_none_comes_first() {
        let rows = vec![
            row("IND", Label::Praise, "", "a"),
            row("IND", Label::Praise, "", "a"),
            row("IND", Label::Dispute, "PAK", "a"),
            row("USA", Label::Dispute, "IND", "a"),
        ];
        let s = Summary::from_rows(&rows);
        assert_eq!(s.parties(), ["IND", "PAK", "USA"]);
        assert_eq!(s.targets(), ["", "IND", "PAK", "USA"]);
        assert_eq!(s.holders(), ["IND", "USA"]);
    }

    #[test]
    fn escape_html_escapes_markup_and_quotes() {
        assert_eq!(
            escape_html(r#"<b a="1">Tom & 'Jerry'</b>"#),
            "&lt;b a=&quot;1&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/b&gt;"
        );
    }

    #[test]
    fn cell_anchors_are_distinct_for_odd_names() {
        assert_eq!(cell_anchor("IND", "USA"), "claims-IND-USA");
        assert_eq!(cell_anchor("IND", ""), "claims-IND-_");
        assert_ne!(cell_anchor("A-B", "C"), cell_anchor("A", "B-C"));
        assert_eq!(cell_anchor("A B", "C"), "claims-A_20B-C");
    }

    #[test]
    fn html_cell_carries_counts_and_dominant_colour() {
        let rows = vec![
            row("IND", Label::Dispute, "USA", "a"),
            row("IND", Label::Dispute, "USA", "a"),
            row("IND", Label::Support, "USA", "a"),
        ];
        let html = render_html(
            &Summary::from_rows(&rows),
            &rows,
            "claims.csv",
            &ReportOptions::default(),
        );
        assert!(html.contains(
            "<td class=\"cell dom-dispute\" data-support=\"1\" data-dispute=\"2\" data-praise=\"0\">\
             <a href=\"#claims-IND-USA\">1\u{b7}2\u{b7}0</a></td>"
        ));
        assert!(html.contains("<section class=\"claims\" id=\"claims-IND-USA\""));
    }

    #[test]
    fn html_tie_is_mixed_and_empty_target_is_none_column() {
        let rows = vec![row("IND", Label::Dispute, "", "a"), row("IND", Label::Praise, "", "a")];
        let html = render_html(&Summary::from_rows(&rows), &rows, "c", &ReportOptions::default());
        assert!(html.contains("<th scope=\"col\" data-target=\"\">(none)</th>"));
        assert!(html.contains("<td class=\"cell dom-mixed\" data-support=\"0\" data-dispute=\"1\" data-praise=\"1\">"));
    }

    #[test]
    fn html_escapes_sentences_cues_and_title() {
        let mut r = row("IND", Label::Dispute, "PAK", "<rejected>");
        r.sentence = "India <rejected> \"Pakistan's\" & <script>alert(1)</script>".into();
        r.doc_id = "<doc>".into();
        let rows = vec![r];
        let html = render_html(&Summary::from_rows(&rows), &rows, "<x>.csv", &ReportOptions::default());
        assert!(!html.contains("<script>alert"));
        assert!(!html.contains("<doc>"));
        assert!(!html.contains("<x>.csv"));
        assert!(html.contains(
            "India <mark>&lt;rejected&gt;</mark> &quot;Pakistan&#39;s&quot; &amp; &lt;script&gt;alert(1)&lt;/script&gt;"
        ));
    }

    #[test]
    fn html_has_time_table_only_with_dates() {
        let mut rows = vec![row("IND", Label::Dispute, "PAK", "a")];
        let html = render_html(&Summary::from_rows(&rows), &rows, "c", &ReportOptions::default());
        assert!(!html.contains("id=\"time\""));
        rows[0].date = Some("2025-05-07".into());
        let html = render_html(&Summary::from_rows(&rows), &rows, "c", &ReportOptions::default());
        assert!(html.contains("id=\"time\""));
        assert!(html.contains("data-period=\"2025-05\" data-support=\"0\" data-dispute=\"1\" data-praise=\"0\""));
    }

    #[test]
    fn html_is_self_contained() {
        let rows = vec![row("IND", Label::Dispute, "PAK", "a")];
        let html = render_html(&Summary::from_rows(&rows), &rows, "c", &ReportOptions::default());
        for remote in [
            "http://",
            "https://",
            "<script src",
            "<link",
            "@import",
            "fetch(",
            "XMLHttpRequest",
        ] {
            assert!(!html.contains(remote), "{remote}");
        }
        // The only url() is an arrowhead's reference inside the page.
        assert!(
            html.match_indices("url(")
                .all(|(i, _)| html[i..].starts_with("url(#arrow-"))
        );
    }

    fn options(top: usize, period: Period) -> ReportOptions {
        ReportOptions { top, period }
    }

    #[test]
    fn top_matrix_folds_parties_past_the_top_into_other() {
        let mut rows = Vec::new();
        for (h, t, n) in [("IND", "PAK", 3), ("PAK", "IND", 2), ("USA", "CHN", 1), ("IND", "", 1)] {
            rows.extend((0..n).map(|_| row(h, Label::Dispute, t, "a")));
        }
        let html = render_html(&Summary::from_rows(&rows), &rows, "c", &options(2, Period::Month));
        // USA and CHN are folded: one "other" row and column with their claim.
        assert!(html.contains("<th scope=\"row\">other</th>"));
        assert!(html.contains("data-name=\"other &rarr; other\" data-support=\"0\" data-dispute=\"1\""));
        // The (none) column comes right after the holder.
        assert!(html.contains("target&nbsp;&rarr;</th>\n<th scope=\"col\">(none)</th><th scope=\"col\">"));
        // The full matrix still has every party.
        assert!(html.contains("<tr data-holder=\"USA\">"));
        assert!(
            html.contains("<p class=\"meta\">7 claims in 1 document, 4 holder&ndash;target pairs among 4 parties.")
        );
    }

    #[test]
    fn network_has_a_node_per_top_party_and_an_edge_per_pair() {
        let rows = vec![
            row("IND", Label::Dispute, "PAK", "a"),
            row("IND", Label::Dispute, "PAK", "a"),
            row("IND", Label::Support, "PAK", "a"),
            row("PAK", Label::Praise, "IND", "a"),
            row("PAK", Label::Praise, "", "a"),
        ];
        let html = render_html(&Summary::from_rows(&rows), &rows, "c", &ReportOptions::default());
        // PAK, in 5 claims, comes before IND, in 4.
        assert_eq!(html.matches("<g class=\"node\"").count(), 2);
        assert_eq!(html.matches("<path class=\"edge ").count(), 2);
        assert!(html.contains("data-party=\"IND\" data-made=\"3\" data-received=\"1\""));
        assert!(html.contains("data-party=\"PAK\" data-made=\"2\" data-received=\"3\""));
        assert!(html.contains(
            "<path class=\"edge dispute\" data-h=\"1\" data-t=\"0\" data-holder=\"IND\" data-target=\"PAK\" \
             data-support=\"1\" data-dispute=\"2\" data-praise=\"0\""
        ));
        assert!(html.contains("<a href=\"#claims-IND-PAK\"><path"));
        assert!(html.contains("marker-end=\"url(#arrow-praise)\""));
    }

    #[test]
    fn time_chart_counts_claims_per_chosen_period() {
        let mut rows = Vec::new();
        for (date, label) in [
            ("2025-05-05", Label::Dispute),
            ("2025-05-11", Label::Dispute),
            ("2025-05-12", Label::Support),
            ("2025-08-01", Label::Praise),
        ] {
            let mut r = row("IND", label, "PAK", "a");
            r.date = Some(date.into());
            rows.push(r);
        }
        let s = Summary::from_rows(&rows);
        let weeks = render_html(&s, &rows, "c", &options(25, Period::Week));
        assert!(weeks.contains("<h2>Claims over time, per week</h2>"));
        assert!(weeks.contains("data-period=\"2025-05-05\" data-support=\"0\" data-dispute=\"2\""));
        assert!(weeks.contains("data-period=\"2025-05-12\" data-support=\"1\""));
        let quarters = render_html(&s, &rows, "c", &options(25, Period::Quarter));
        assert!(quarters.contains("data-period=\"2025-Q2\" data-support=\"1\" data-dispute=\"2\""));
        assert!(quarters.contains("data-period=\"2025-Q3\" data-support=\"0\" data-dispute=\"0\" data-praise=\"1\""));
        // One stacked bar per period and label in the chart of all claims and in the pair's.
        assert_eq!(quarters.matches("<rect class=").count(), 2 * 3 * 2);
        assert!(quarters.contains("<svg class=\"bars\" data-chart=\"0,1\""));
    }

    #[test]
    fn sentences_per_cell_are_capped_and_the_cap_is_said() {
        let rows: Vec<ClaimRow> = (0..SENTENCES_PER_CELL + 3)
            .map(|_| row("IND", Label::Dispute, "PAK", "a"))
            .collect();
        let html = render_html(&Summary::from_rows(&rows), &rows, "c", &ReportOptions::default());
        let section = &html[html.find("id=\"claims-IND-PAK\"").unwrap()..];
        assert_eq!(section.matches("<tr><td>").count(), SENTENCES_PER_CELL);
        assert!(section.contains(&format!(
            "The first {SENTENCES_PER_CELL} of {} are shown",
            SENTENCES_PER_CELL + 3
        )));
    }
}
