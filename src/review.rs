//! Review: how good the labels are on a corpus of one's own, measured by reading a
//! sample of its claims.
//!
//! [`sample`] draws a reproducible sample of a claims table, stratified by rule (or
//! label, or holder) so that rare rules are read too; [`REVIEW_COLUMNS`] is the sheet a
//! reviewer fills, one [`Verdict`] a row. [`read_review`] reads the filled sheet back
//! (CSV or xlsx), [`score`] turns it into precision per rule and per label and the
//! corpus-wide precision of [`stratified`], and [`gold_items`] into gold items for
//! `stancer eval`. Nothing here prints.

use crate::eval::Triple;
use crate::input::InputError;
use crate::output::Cell;
use crate::precision::{Judged, PrecisionTable, Z95};
use crate::rules::Label;
use crate::summary::ClaimRow;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

/// What the sample is stratified by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, clap::ValueEnum)]
pub enum By {
    /// The rule row that made the claim (`cues.csv:110`).
    #[default]
    Rule,
    Label,
    Holder,
}

impl By {
    pub fn name(self) -> &'static str {
        match self {
            By::Rule => "rule",
            By::Label => "label",
            By::Holder => "holder",
        }
    }

    fn parse(name: &str) -> Option<By> {
        [By::Rule, By::Label, By::Holder].into_iter().find(|b| b.name() == name)
    }

    /// The stratum of a claim made by `rule`, with `label` and `holder`.
    fn key<'a>(self, rule: &'a str, label: &'a str, holder: &'a str) -> &'a str {
        match self {
            By::Rule => rule,
            By::Label => label,
            By::Holder => holder,
        }
    }

    pub fn of(self, row: &ClaimRow) -> &str {
        self.key(&row.rule, row.label.as_str(), &row.holder)
    }
}

/// A small seeded generator (SplitMix64): the same seed draws the same sample on every
/// machine and in every version, which a generator from a crate does not promise.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in 0..n (n > 0), by multiplying rather than by a remainder, whose bias
    /// towards small numbers is larger.
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// `k` distinct items of `items`, in the order drawn (a partial Fisher-Yates shuffle).
    pub fn choose<T: Copy>(&mut self, items: &[T], k: usize) -> Vec<T> {
        let mut items = items.to_vec();
        let k = k.min(items.len());
        for i in 0..k {
            let j = i + self.below(items.len() - i);
            items.swap(i, j);
        }
        items.truncate(k);
        items
    }
}

/// The most rows every stratum is given before the rest of the sample is shared out by
/// size: enough for a rule's own precision to be used as confidence
/// ([`crate::precision::MIN_EVIDENCE`]).
pub const MAX_FLOOR: usize = 10;

/// How many rows to draw from each stratum of `sizes` for a sample of `n`:
/// 1. every stratum gets `min(size, f)`, with `f` the largest floor up to [`MAX_FLOOR`]
///    whose rows fit in half the sample (or 1, when only that fits in all of it), so
///    that rare rules are read too;
/// 2. when even a floor of 1 does not fit (more strata than `n`), the `n` largest
///    strata get one row each (ties: the first in key order);
/// 3. the rows left are shared out in proportion to the strata's sizes (largest
///    remainders first, never more than a stratum holds), so that the strata with most
///    claims, which weigh most in the corpus precision, are read most.
///
/// With `n` at least the sum of `sizes`, every row is taken.
///
/// ```
/// // A floor of 3 (3 + 3 + 2 + 1 = 9 rows, at most half of 20), then 11 rows by size.
/// assert_eq!(stancer::review::allocate(&[100, 30, 2, 1], 20), [11, 6, 2, 1]);
/// assert_eq!(stancer::review::allocate(&[5, 3], 100), vec![5, 3]);
/// ```
pub fn allocate(sizes: &[usize], n: usize) -> Vec<usize> {
    if sizes.iter().sum::<usize>() <= n {
        return sizes.to_vec();
    }
    let fits = |f: usize, rows: usize| sizes.iter().map(|&s| s.min(f)).sum::<usize>() <= rows;
    let floor = (1..=MAX_FLOOR)
        .rev()
        .find(|&f| fits(f, n / 2))
        .unwrap_or(usize::from(fits(1, n)));
    let mut taken: Vec<usize> = sizes.iter().map(|&s| s.min(floor)).collect();
    if floor == 0 {
        let mut order: Vec<usize> = (0..sizes.len()).filter(|&i| sizes[i] > 0).collect();
        order.sort_by(|&a, &b| sizes[b].cmp(&sizes[a]).then(a.cmp(&b)));
        for &i in order.iter().take(n) {
            taken[i] = 1;
        }
        return taken;
    }
    let mut left = n - taken.iter().sum::<usize>();
    while left > 0 {
        let open: Vec<usize> = (0..sizes.len()).filter(|&i| taken[i] < sizes[i]).collect();
        let weight: usize = open.iter().map(|&i| sizes[i]).sum();
        if open.is_empty() || weight == 0 {
            break;
        }
        let mut given = 0;
        let mut remainders = Vec::with_capacity(open.len());
        for &i in &open {
            let quota = left * sizes[i];
            let whole = (quota / weight).min(sizes[i] - taken[i]);
            taken[i] += whole;
            given += whole;
            remainders.push((quota % weight, i));
        }
        left -= given;
        remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        for (_, i) in remainders {
            if left > 0 && taken[i] < sizes[i] {
                taken[i] += 1;
                left -= 1;
            }
        }
    }
    taken
}

/// The rows of `rows` to review: [`allocate`]d over the strata `by` gives (in key
/// order), drawn at random within each with `seed`, then shuffled, so that a reviewer
/// does not read one rule's rows in a run. Indexes into `rows`.
pub fn sample(rows: &[ClaimRow], by: By, n: usize, seed: u64) -> Vec<usize> {
    let mut strata: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, row) in rows.iter().enumerate() {
        strata.entry(by.of(row)).or_default().push(i);
    }
    let sizes: Vec<usize> = strata.values().map(Vec::len).collect();
    let mut rng = Rng::new(seed);
    let mut drawn: Vec<usize> = strata
        .values()
        .zip(allocate(&sizes, n))
        .flat_map(|(members, k)| rng.choose(members, k))
        .collect();
    drawn.sort_unstable();
    let k = drawn.len();
    rng.choose(&drawn, k)
}

/// A reviewer's judgement of one claim row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// The claim is right.
    Ok,
    /// Wrong holder (or the holder is no party).
    Holder,
    /// Wrong label.
    Label,
    /// Wrong target.
    Target,
    /// Not a claim at all.
    None,
}

/// The values of the `verdict` column.
pub const VERDICTS: [&str; 5] = ["ok", "holder", "label", "target", "none"];

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Ok => "ok",
            Verdict::Holder => "holder",
            Verdict::Label => "label",
            Verdict::Target => "target",
            Verdict::None => "none",
        }
    }

    fn parse(text: &str) -> Option<Verdict> {
        let all = [
            Verdict::Ok,
            Verdict::Holder,
            Verdict::Label,
            Verdict::Target,
            Verdict::None,
        ];
        all.into_iter().find(|v| text.eq_ignore_ascii_case(v.as_str()))
    }
}

/// The columns of a review sheet: what the reviewer fills first, the claim and its
/// sentence (the cue marked), then the keys that find the row again in the claims table.
/// `stratum` names what the sample was stratified by and the row's value of it
/// (`rule=cues.csv:110`).
pub const REVIEW_COLUMNS: [&str; 16] = [
    "n",
    "verdict",
    "missed",
    "note",
    "holder",
    "label",
    "target",
    "cue",
    "sentence",
    "holder_text",
    "target_text",
    "doc_id",
    "sentence_id",
    "rule",
    "pattern",
    "stratum",
];

/// The cells of the `n`th row of a review sheet, for claim `row`.
pub fn review_cells<'a>(n: usize, row: &'a ClaimRow, by: By) -> Vec<Cell<'a>> {
    use Cell::{Marked, Number, Owned, Text};
    vec![
        Number(n),
        Text(""),
        Text(""),
        Text(""),
        Text(&row.holder),
        Text(row.label.as_str()),
        Text(&row.target),
        Text(&row.cue),
        Marked {
            text: &row.sentence,
            mark: &row.cue,
        },
        Text(&row.holder_text),
        Text(&row.target_text),
        Text(&row.doc_id),
        Number(row.sentence_id),
        Text(&row.rule),
        Text(&row.pattern),
        Owned(format!("{}={}", by.name(), by.of(row))),
    ]
}

/// One row of a filled review sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewRow {
    /// The row's line (CSV) or row number (xlsx), for messages.
    pub line: u64,
    pub doc_id: String,
    pub sentence_id: usize,
    pub holder: String,
    pub label: String,
    pub target: String,
    pub rule: String,
    /// What the sample was stratified by, and the row's stratum; `None` without a
    /// `stratum` column.
    pub stratum: Option<(By, String)>,
    /// `None` while the row is not judged yet.
    pub verdict: Option<Verdict>,
    /// Claims of the sentence the reviewer found and the row does not give.
    pub missed: Vec<Triple>,
}

/// Reads the claims a reviewer wrote in a `missed` cell: claims separated by `;`, each
/// `HOLDER label [TARGET]` (words separated by spaces; no target for a claim without one).
///
/// ```
/// use stancer::review::parse_missed;
/// let claims = parse_missed("IND dispute USA; PAK praise").unwrap();
/// assert_eq!(claims[1], ("PAK".to_owned(), "praise".to_owned(), String::new()));
/// assert!(parse_missed("IND hates USA").is_err());
/// ```
pub fn parse_missed(cell: &str) -> Result<Vec<Triple>, String> {
    let mut claims = Vec::new();
    for part in cell.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let words: Vec<&str> = part.split_whitespace().collect();
        let (holder, label, target) = match words[..] {
            [h, l] => (h, l, ""),
            [h, l, t] => (h, l, t),
            _ => {
                return Err(format!(
                    "missed claim {part:?}: expected HOLDER label [TARGET], e.g. \"IND dispute USA; PAK praise\""
                ));
            }
        };
        let label: Label = label
            .to_lowercase()
            .parse()
            .map_err(|e| format!("missed claim {part:?}: {e}"))?;
        claims.push((holder.to_owned(), label.as_str().to_owned(), target.to_owned()));
    }
    Ok(claims)
}

/// The columns a review sheet must have to be scored.
pub const REQUIRED_REVIEW_COLUMNS: [&str; 7] =
    ["verdict", "doc_id", "sentence_id", "holder", "label", "target", "rule"];

/// Reads the rows of a review sheet from its `header` and its rows (line, cells);
/// `path` names it in messages. A row that cannot be read is an error and left out.
pub fn review_rows(
    path: &str,
    header: &[String],
    rows: impl IntoIterator<Item = (u64, Vec<String>)>,
) -> Result<(Vec<ReviewRow>, Vec<InputError>), InputError> {
    let error = |line: u64, message: String| InputError {
        path: path.to_owned(),
        line: Some(line),
        message,
    };
    let index: HashMap<&str, usize> = header
        .iter()
        .enumerate()
        .rev()
        .map(|(i, h)| (h.trim_start_matches('\u{feff}').trim(), i))
        .collect();
    let missing: Vec<&str> = REQUIRED_REVIEW_COLUMNS
        .into_iter()
        .filter(|c| !index.contains_key(c))
        .collect();
    if !missing.is_empty() {
        return Err(error(
            1,
            format!(
                "missing column(s) {} (score reads the sheet `stancer review sample` writes)",
                missing.join(", ")
            ),
        ));
    }
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (line, cells) in rows {
        let get = |name: &str| {
            index
                .get(name)
                .and_then(|&i| cells.get(i))
                .map_or("", |c| crate::output::formula_unquoted(c.trim()))
        };
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let row = (|| {
            let verdict = match get("verdict") {
                "" => None,
                v => Some(
                    Verdict::parse(v)
                        .ok_or_else(|| format!("unknown verdict {v:?} (expected one of {})", VERDICTS.join(", ")))?,
                ),
            };
            let sentence_id = get("sentence_id")
                .parse::<usize>()
                .map_err(|_| format!("invalid sentence_id {:?}", get("sentence_id")))?;
            let stratum = match get("stratum") {
                "" => None,
                s => {
                    let (by, key) = s.split_once('=').unwrap_or(("", s));
                    let by = By::parse(by)
                        .ok_or_else(|| format!("stratum {s:?}: expected rule=..., label=... or holder=..."))?;
                    Some((by, key.to_owned()))
                }
            };
            Ok::<_, String>(ReviewRow {
                line,
                doc_id: get("doc_id").to_owned(),
                sentence_id,
                holder: get("holder").to_owned(),
                label: get("label").to_owned(),
                target: get("target").to_owned(),
                rule: get("rule").to_owned(),
                stratum,
                verdict,
                missed: parse_missed(get("missed"))?,
            })
        })();
        match row {
            Ok(row) => out.push(row),
            Err(m) => errors.push(error(line, m)),
        }
    }
    Ok((out, errors))
}

/// Reads a filled review sheet: an Excel or OpenDocument workbook (`.xlsx`, `.xlsm`,
/// `.xls`, `.ods`: its first sheet) or a CSV table (any delimiter, with or without a
/// byte order mark).
pub fn read_review(path: &Path) -> Result<(Vec<ReviewRow>, Vec<InputError>), InputError> {
    let shown = path.display().to_string();
    let error = |line: Option<u64>, message: String| InputError {
        path: shown.clone(),
        line,
        message,
    };
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if matches!(extension.as_str(), "xlsx" | "xlsm" | "xls" | "ods") {
        use calamine::Reader;
        let mut book = calamine::open_workbook_auto(path).map_err(|e| error(None, e.to_string()))?;
        let range = book
            .worksheet_range_at(0)
            .ok_or_else(|| error(None, "the workbook has no sheet".into()))?
            .map_err(|e| error(None, e.to_string()))?;
        let first = range.start().map_or(0, |(row, _)| u64::from(row));
        let mut rows = range
            .rows()
            .enumerate()
            .map(|(i, r)| (first + i as u64 + 1, r.iter().map(cell_text).collect::<Vec<_>>()));
        let Some((_, header)) = rows.next() else {
            return Err(error(Some(1), "empty sheet: no header row".into()));
        };
        return review_rows(&shown, &header, rows);
    }
    let bytes = std::fs::read(path).map_err(|e| error(None, e.to_string()))?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let mut csv = csv::ReaderBuilder::new()
        .delimiter(crate::input::sniff_delimiter(bytes))
        .flexible(true)
        .has_headers(false)
        .from_reader(bytes);
    let mut records = csv.records();
    let header: Vec<String> = match records.next() {
        Some(Ok(h)) => h.iter().map(str::to_owned).collect(),
        Some(Err(e)) => return Err(error(Some(1), e.to_string())),
        None => return Err(error(Some(1), "empty file: no header row".into())),
    };
    let mut bad = Vec::new();
    let rows: Vec<(u64, Vec<String>)> = records
        .filter_map(|r| match r {
            Ok(r) => Some((
                r.position().map_or(0, |p| p.line()),
                r.iter().map(str::to_owned).collect(),
            )),
            Err(e) => {
                bad.push(error(e.position().map(|p| p.line()), e.to_string()));
                None
            }
        })
        .collect();
    let (rows, mut errors) = review_rows(&shown, &header, rows)?;
    errors.extend(bad);
    errors.sort_by_key(|e| e.line);
    Ok((rows, errors))
}

/// A workbook cell as the text a CSV would hold: whole numbers without a decimal point.
fn cell_text(cell: &calamine::Data) -> String {
    match cell {
        calamine::Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        calamine::Data::Empty => String::new(),
        other => other.to_string(),
    }
}

/// The corpus-wide precision of a stratified sample, with its 95% interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Estimate {
    pub precision: f64,
    pub low: f64,
    pub high: f64,
    /// The share of the claims in strata with at least one judged row.
    pub covered: f64,
}

/// One stratum: `size` claims in the corpus, `judged` of them read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stratum {
    pub size: usize,
    pub judged: Judged,
}

/// The stratified estimate of precision over `strata`:
///
/// - P = Σ W_h·p_h, with W_h = N_h / N the stratum's share of the claims and p_h =
///   ok_h / n_h its judged precision;
/// - Var = Σ W_h²·(1 − n_h/N_h)·q_h(1 − q_h)/n_h, with q_h = (ok_h + 1)/(n_h + 2): the
///   finite-population correction makes a stratum read whole certain, and q_h in place
///   of p_h keeps a stratum judged all right (or all wrong) on a few rows uncertain;
/// - the interval is P ± 1.96·√Var, within [0, 1].
///
/// Strata with no judged row (more strata than the sample had rows) take the precision
/// of all judged rows in P, and count as anything from 0 to 1 in the interval, which
/// therefore widens by their share.
pub fn stratified(strata: &[Stratum]) -> Estimate {
    let total: usize = strata.iter().map(|s| s.size).sum();
    if total == 0 {
        return Estimate {
            precision: 0.0,
            low: 0.0,
            high: 1.0,
            covered: 0.0,
        };
    }
    let pooled = strata.iter().fold(Judged::default(), |mut all, s| {
        all.n += s.judged.n;
        all.ok += s.judged.ok;
        all
    });
    let (mut point, mut variance, mut uncovered) = (0.0, 0.0, 0.0);
    for s in strata {
        let weight = s.size as f64 / total as f64;
        let Some(p) = s.judged.precision() else {
            uncovered += weight;
            continue;
        };
        let n = s.judged.n as f64;
        let q = (s.judged.ok as f64 + 1.0) / (n + 2.0);
        let fpc = (1.0 - n / s.size.max(s.judged.n) as f64).max(0.0);
        point += weight * p;
        variance += weight * weight * fpc * q * (1.0 - q) / n;
    }
    let half = Z95 * variance.sqrt();
    let rest = pooled.precision().unwrap_or(0.0);
    Estimate {
        precision: point + uncovered * rest,
        low: (point - half).max(0.0),
        high: (point + half + uncovered).min(1.0),
        covered: 1.0 - uncovered,
    }
}

/// The claims of a claims table, counted as the score needs them.
#[derive(Debug, Clone, Default)]
pub struct Population {
    pub claims: usize,
    /// By stratum kind, stratum -> claims.
    pub strata: BTreeMap<&'static str, BTreeMap<String, usize>>,
    /// The row keys (doc_id, sentence_id, holder, label, target, rule) -> claims.
    keys: HashMap<RowKey, usize>,
}

type RowKey = (String, usize, String, String, String, String);

impl Population {
    pub fn new(rows: &[ClaimRow]) -> Population {
        let mut p = Population {
            claims: rows.len(),
            ..Population::default()
        };
        for row in rows {
            for by in [By::Rule, By::Label, By::Holder] {
                *p.strata
                    .entry(by.name())
                    .or_default()
                    .entry(by.of(row).to_owned())
                    .or_default() += 1;
            }
            *p.keys.entry(claim_key(row)).or_default() += 1;
        }
        p
    }

    fn sizes(&self, by: By) -> Option<&BTreeMap<String, usize>> {
        self.strata.get(by.name())
    }
}

fn claim_key(row: &ClaimRow) -> RowKey {
    (
        row.doc_id.clone(),
        row.sentence_id,
        row.holder.clone(),
        row.label.as_str().to_owned(),
        row.target.clone(),
        row.rule.clone(),
    )
}

fn review_key(row: &ReviewRow) -> RowKey {
    (
        row.doc_id.clone(),
        row.sentence_id,
        row.holder.clone(),
        row.label.clone(),
        row.target.clone(),
        row.rule.clone(),
    )
}

/// Precision of one rule or label: its claims in the corpus and its judged rows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupScore {
    pub key: String,
    pub claims: usize,
    pub judged: Judged,
    pub wilson_low: f64,
    pub wilson_high: f64,
    /// claims × (1 − precision): the wrong claims the group is estimated to make in the
    /// corpus; `None` with nothing judged.
    pub wrong: Option<f64>,
}

/// What a filled review sheet says about a claims table.
#[derive(Debug, Clone, Serialize)]
pub struct ReviewScore {
    /// What the strata of the corpus estimate are.
    pub by: &'static str,
    pub claims: usize,
    pub judged: usize,
    /// Rows without a verdict yet (left out).
    pub unjudged: usize,
    /// Judged rows whose claim is not in the claims table (another table, or the rules
    /// changed since the sample): left out.
    pub not_in_claims: usize,
    pub corpus: Estimate,
    /// Verdicts other than `ok`: (rows, estimated share of all claims).
    pub errors: BTreeMap<&'static str, (usize, f64)>,
    pub labels: Vec<GroupScore>,
    /// Most claims first.
    pub rules: Vec<GroupScore>,
    #[serde(skip)]
    pub precision: PrecisionTable,
}

impl ReviewScore {
    /// The rules with the most estimated wrong claims in the corpus, most first.
    pub fn rules_to_fix(&self, n: usize) -> Vec<&GroupScore> {
        let mut rules: Vec<&GroupScore> = self.rules.iter().filter(|r| r.wrong.is_some_and(|w| w > 0.0)).collect();
        rules.sort_by(|a, b| {
            b.wrong
                .partial_cmp(&a.wrong)
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(b.claims.cmp(&a.claims))
                .then(a.key.cmp(&b.key))
        });
        rules.truncate(n);
        rules
    }
}

/// Scores the judged rows of `review` against the claims table `population`; the corpus
/// estimate is stratified by the review's `stratum` column, or by `by` without one.
/// Fails when rows disagree on what the strata are.
pub fn score(review: &[ReviewRow], population: &Population, by: By) -> Result<ReviewScore, String> {
    let kinds: BTreeSet<By> = review.iter().filter_map(|r| r.stratum.as_ref().map(|s| s.0)).collect();
    let by = match kinds.len() {
        0 => by,
        1 => kinds.into_iter().next().unwrap_or(by),
        _ => return Err("the sheet's rows are stratified by different columns (the stratum column)".into()),
    };
    let mut judged = Vec::new();
    let (mut unjudged, mut not_in_claims) = (0, 0);
    for row in review {
        match row.verdict {
            None => unjudged += 1,
            Some(_) if !population.keys.contains_key(&review_key(row)) => not_in_claims += 1,
            Some(v) => judged.push((row, v)),
        }
    }
    let mut precision = PrecisionTable::default();
    let mut strata: BTreeMap<String, Judged> = BTreeMap::new();
    let mut kinds_per_stratum: BTreeMap<(String, Verdict), usize> = BTreeMap::new();
    for &(row, verdict) in &judged {
        let right = verdict == Verdict::Ok;
        precision.add(&row.rule, &row.label, right);
        let key = by.key(&row.rule, &row.label, &row.holder).to_owned();
        strata.entry(key.clone()).or_default().add(right);
        *kinds_per_stratum.entry((key, verdict)).or_default() += 1;
    }
    let empty = BTreeMap::new();
    let sizes = population.sizes(by).unwrap_or(&empty);
    let all: Vec<Stratum> = sizes
        .iter()
        .map(|(key, &size)| Stratum {
            size,
            judged: strata.get(key).copied().unwrap_or_default(),
        })
        .collect();
    let corpus = stratified(&all);
    let mut errors = BTreeMap::new();
    for verdict in [Verdict::Holder, Verdict::Label, Verdict::Target, Verdict::None] {
        let rows = judged.iter().filter(|(_, v)| *v == verdict).count();
        // The stratified estimate of the share of claims with this error.
        let share: f64 = sizes
            .iter()
            .filter_map(|(key, &size)| {
                let n = strata.get(key)?.n;
                let k = kinds_per_stratum.get(&(key.clone(), verdict)).copied().unwrap_or(0);
                Some(size as f64 / population.claims.max(1) as f64 * k as f64 / n as f64)
            })
            .sum();
        errors.insert(verdict.as_str(), (rows, share));
    }
    let group = |key: &str, claims: usize, judged: Option<&Judged>| {
        let judged = judged.copied().unwrap_or_default();
        let (wilson_low, wilson_high) = judged.wilson();
        GroupScore {
            key: key.to_owned(),
            claims,
            judged,
            wilson_low,
            wilson_high,
            wrong: judged.precision().map(|p| claims as f64 * (1.0 - p)),
        }
    };
    let groups = |kind: By, judged: &BTreeMap<String, Judged>| {
        let sizes = population.sizes(kind).unwrap_or(&empty);
        let keys: BTreeSet<&String> = sizes.keys().chain(judged.keys()).collect();
        let mut out: Vec<GroupScore> = keys
            .into_iter()
            .map(|k| group(k, sizes.get(k).copied().unwrap_or(0), judged.get(k)))
            .collect();
        out.sort_by(|a, b| b.claims.cmp(&a.claims).then(a.key.cmp(&b.key)));
        out
    };
    Ok(ReviewScore {
        by: by.name(),
        claims: population.claims,
        judged: judged.len(),
        unjudged,
        not_in_claims,
        corpus,
        errors,
        labels: groups(By::Label, &precision.labels),
        rules: groups(By::Rule, &precision.rules),
        precision,
    })
}

/// The score as the text `stancer review score` prints.
pub fn render_score_text(s: &ReviewScore, rules_shown: usize) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let e = &s.corpus;
    let _ = writeln!(
        out,
        "{} claims in the table; {} rows judged{}{}",
        s.claims,
        s.judged,
        if s.unjudged > 0 {
            format!(", {} not judged yet (left out)", s.unjudged)
        } else {
            String::new()
        },
        if s.not_in_claims > 0 {
            format!(", {} not in the claims table (left out)", s.not_in_claims)
        } else {
            String::new()
        }
    );
    let _ = writeln!(
        out,
        "\ncorpus precision (stratified by {}): {:.3}  95% interval {:.3}-{:.3}",
        s.by, e.precision, e.low, e.high
    );
    if e.covered < 1.0 {
        let _ = writeln!(
            out,
            "  {:.1}% of the claims are in strata with no judged row: the interval counts them as anything from 0 to 1",
            100.0 * (1.0 - e.covered)
        );
    }
    let _ = writeln!(out, "\nerrors by kind       rows  est. share of all claims");
    let mut kinds: Vec<_> = s.errors.iter().collect();
    kinds.sort_by(|a, b| b.1.0.cmp(&a.1.0).then(a.0.cmp(b.0)));
    for (kind, (rows, share)) in kinds {
        let what = match *kind {
            "holder" => "wrong holder",
            "label" => "wrong label",
            "target" => "wrong target",
            _ => "not a claim",
        };
        let _ = writeln!(out, "{what:<20} {rows:>4}  {:>5.1}%", 100.0 * share);
    }
    let table = |out: &mut String, title: &str, rows: &[&GroupScore]| {
        let _ = writeln!(
            out,
            "\n{title}\n{:<24} {:>6} {:>6} {:>4} {:>9}  {:<11} {:>9}",
            "", "claims", "judged", "ok", "precision", "95% Wilson", "est.wrong"
        );
        for g in rows {
            let shown = |v: Option<f64>, digits: usize| v.map_or("-".to_owned(), |v| format!("{v:.digits$}"));
            let interval = if g.judged.n == 0 {
                "-".to_owned()
            } else {
                format!("{:.2}-{:.2}", g.wilson_low, g.wilson_high)
            };
            let _ = writeln!(
                out,
                "{:<24} {:>6} {:>6} {:>4} {:>9}  {interval:<11} {:>9}",
                g.key,
                g.claims,
                g.judged.n,
                g.judged.ok,
                shown(g.judged.precision(), 3),
                shown(g.wrong, 1)
            );
        }
    };
    table(&mut out, "precision per label", &s.labels.iter().collect::<Vec<_>>());
    let fix = s.rules_to_fix(10);
    table(
        &mut out,
        "rules to fix first (most wrong claims estimated in the whole table: claims x (1 - precision))",
        &fix,
    );
    let shown: Vec<&GroupScore> = s.rules.iter().take(rules_shown).collect();
    table(
        &mut out,
        &format!(
            "precision per rule ({} of {} rules, most claims first)",
            shown.len(),
            s.rules.len()
        ),
        &shown,
    );
    out
}

/// One gold item made from a reviewed sentence, in the format of `stancer eval --gold`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoldOut {
    pub id: String,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    pub claims: Vec<GoldClaim>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GoldClaim {
    pub holder: String,
    pub label: String,
    pub target: String,
}

/// The sentences a review turned into gold, and those it could not.
#[derive(Debug, Clone, Default)]
pub struct GoldFromReview {
    pub items: Vec<GoldOut>,
    /// Sentences with a claim in the claims table that no judged row covers: their
    /// gold set is not known.
    pub incomplete: usize,
}

/// Gold items from a review, one per sentence with a judged row: the text is the
/// sentence as the claims table holds it, the claims those judged `ok` plus those
/// written in the `missed` cells of its rows. A sentence with a claim in `claims` that
/// no judged row covers is left out (counted in `incomplete`): its gold set is unknown.
pub fn gold_items(review: &[ReviewRow], claims: &[ClaimRow]) -> GoldFromReview {
    let mut judged: HashMap<RowKey, usize> = HashMap::new();
    let mut sentences: BTreeMap<(String, usize), BTreeSet<Triple>> = BTreeMap::new();
    for row in review {
        let Some(verdict) = row.verdict else { continue };
        *judged.entry(review_key(row)).or_default() += 1;
        let set = sentences.entry((row.doc_id.clone(), row.sentence_id)).or_default();
        if verdict == Verdict::Ok {
            set.insert((row.holder.clone(), row.label.clone(), row.target.clone()));
        }
        set.extend(row.missed.iter().cloned());
    }
    let mut in_table: HashMap<(&str, usize), (Vec<RowKey>, &ClaimRow)> = HashMap::new();
    for c in claims {
        let entry = in_table
            .entry((c.doc_id.as_str(), c.sentence_id))
            .or_insert_with(|| (Vec::new(), c));
        entry.0.push(claim_key(c));
    }
    let mut out = GoldFromReview::default();
    for ((doc_id, sentence_id), set) in sentences {
        let Some((keys, first)) = in_table.get(&(doc_id.as_str(), sentence_id)) else {
            out.incomplete += 1;
            continue;
        };
        let mut needed: HashMap<&RowKey, usize> = HashMap::new();
        for k in keys {
            *needed.entry(k).or_default() += 1;
        }
        if needed.iter().any(|(k, &n)| judged.get(*k).copied().unwrap_or(0) < n) {
            out.incomplete += 1;
            continue;
        }
        out.items.push(GoldOut {
            id: format!("{doc_id}#{sentence_id}"),
            text: first.sentence.clone(),
            date: first.date.clone(),
            claims: set
                .into_iter()
                .map(|(holder, label, target)| GoldClaim { holder, label, target })
                .collect(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(doc: &str, sentence: usize, holder: &str, label: Label, target: &str, rule: &str) -> ClaimRow {
        ClaimRow {
            line: 2,
            doc_id: doc.into(),
            date: None,
            sentence_id: sentence,
            holder: holder.into(),
            label,
            target: target.into(),
            cue: "denied".into(),
            sentence: format!("{holder} denied it."),
            rule: rule.into(),
            pattern: "verb-subject-object".into(),
            holder_text: String::new(),
            target_text: String::new(),
            group: None,
        }
    }

    fn reviewed(c: &ClaimRow, verdict: Option<Verdict>) -> ReviewRow {
        ReviewRow {
            line: 2,
            doc_id: c.doc_id.clone(),
            sentence_id: c.sentence_id,
            holder: c.holder.clone(),
            label: c.label.as_str().into(),
            target: c.target.clone(),
            rule: c.rule.clone(),
            stratum: Some((By::Rule, c.rule.clone())),
            verdict,
            missed: Vec::new(),
        }
    }

    #[test]
    fn the_generator_is_fixed_for_a_seed() {
        // SplitMix64's published first output for seed 0.
        assert_eq!(Rng::new(0).next_u64(), 0xE220_A839_7B1D_CDAF);
        let mut rng = Rng::new(7);
        let picked = rng.choose(&[1, 2, 3, 4, 5], 3);
        assert_eq!(picked.len(), 3);
        assert_eq!(picked, Rng::new(7).choose(&[1, 2, 3, 4, 5], 3));
    }

    #[test]
    fn every_stratum_gets_a_floor_then_the_rest_goes_by_size() {
        // Floor 4 would take 4+4+2+1 = 11 rows, more than half of 20; floor 3 takes 9,
        // and the other 11 go by size: quotas 8.46 and 2.54, the larger remainder up.
        assert_eq!(allocate(&[100, 30, 2, 1], 20), [11, 6, 2, 1]);
        assert_eq!(allocate(&[100, 30, 2, 1], 200), [100, 30, 2, 1]);
        // More strata than rows: the largest strata get one each.
        assert_eq!(allocate(&[1, 5, 3, 5], 2), [0, 1, 0, 1]);
        // A floor of 1 when only that fits in the whole sample.
        assert_eq!(allocate(&[1, 5, 3, 5], 5), [1, 2, 1, 1]);
        let big = allocate(&[1000, 500, 300, 200, 10, 5], 100);
        assert_eq!(big.iter().sum::<usize>(), 100);
        // Floor 9 (50 rows); the other 50 by size over the strata not full (2,010
        // claims): quotas 24.88, 12.44, 7.46, 4.98, 0.25; the three largest remainders up.
        assert_eq!(big, [34, 21, 17, 14, 9, 5]);
    }

    #[test]
    fn a_sample_is_the_same_for_a_seed_and_stratified() {
        let mut rows = Vec::new();
        for i in 0..50 {
            rows.push(claim("d", i + 1, "IND", Label::Dispute, "", "cues.csv:1"));
        }
        rows.push(claim("d", 99, "PAK", Label::Praise, "USA", "cues.csv:2"));
        let a = sample(&rows, By::Rule, 10, 42);
        assert_eq!(a, sample(&rows, By::Rule, 10, 42));
        assert_ne!(a, sample(&rows, By::Rule, 10, 43));
        assert_eq!(a.len(), 10);
        // The rule with one claim is read.
        assert!(a.contains(&50));
        assert_eq!(a.iter().collect::<BTreeSet<_>>().len(), 10);
    }

    fn stratum(size: usize, n: usize, ok: usize) -> Stratum {
        Stratum {
            size,
            judged: Judged { n, ok },
        }
    }

    #[test]
    fn the_stratified_estimate_matches_a_hand_computation() {
        // Two strata: 90 claims, 7 of 10 judged right; 10 claims, 1 of 2 right.
        let e = stratified(&[stratum(90, 10, 7), stratum(10, 2, 1)]);
        // P = 0.9·0.7 + 0.1·0.5 = 0.68.
        assert!((e.precision - 0.68).abs() < 1e-12);
        // q1 = 8/12, q2 = 2/4; Var = 0.81·(1 − 10/90)·(8/12·4/12)/10 + 0.01·(1 − 2/10)·(2/4·2/4)/2
        //    = 0.81·0.888889·0.0222222 + 0.001 = 0.016 + 0.001 = 0.017.
        let half = Z95 * 0.017f64.sqrt();
        assert!((e.low - (0.68 - half)).abs() < 1e-9, "{e:?}");
        assert!((e.high - (0.68 + half)).abs() < 1e-9, "{e:?}");
        assert!((e.low - 0.4244).abs() < 1e-4 && (e.high - 0.9356).abs() < 1e-4, "{e:?}");
        assert_eq!(e.covered, 1.0);
        // A stratum read whole is certain.
        let whole = stratified(&[stratum(4, 4, 3)]);
        assert_eq!((whole.precision, whole.low, whole.high), (0.75, 0.75, 0.75));
        // A stratum never read widens the interval by its share.
        let part = stratified(&[stratum(4, 4, 4), stratum(1, 0, 0)]);
        assert!((part.precision - 1.0).abs() < 1e-12 && (part.low - 0.8).abs() < 1e-12 && part.high == 1.0);
        assert!((part.covered - 0.8).abs() < 1e-12);
    }

    #[test]
    fn scores_count_rules_labels_and_error_kinds() {
        let claims = vec![
            claim("a", 1, "IND", Label::Dispute, "PAK", "cues.csv:1"),
            claim("a", 2, "IND", Label::Dispute, "", "cues.csv:1"),
            claim("b", 1, "PAK", Label::Praise, "USA", "cues.csv:2"),
            claim("b", 2, "PAK", Label::Praise, "USA", "cues.csv:2"),
        ];
        let review = vec![
            reviewed(&claims[0], Some(Verdict::Ok)),
            reviewed(&claims[1], None),
            reviewed(&claims[2], Some(Verdict::Target)),
            reviewed(
                &claim("z", 1, "CHN", Label::Praise, "", "cues.csv:2"),
                Some(Verdict::Ok),
            ),
        ];
        let s = score(&review, &Population::new(&claims), By::Label).unwrap();
        assert_eq!((s.judged, s.unjudged, s.not_in_claims, s.by), (2, 1, 1, "rule"));
        // Each rule: 2 claims, 1 judged; 1·1.0 and 1·0.0, weighted by 1/2 each.
        assert!((s.corpus.precision - 0.5).abs() < 1e-12);
        assert_eq!(s.errors["target"].0, 1);
        assert!((s.errors["target"].1 - 0.5).abs() < 1e-12);
        let fix = s.rules_to_fix(5);
        assert_eq!((fix[0].key.as_str(), fix[0].wrong), ("cues.csv:2", Some(2.0)));
        assert_eq!(s.precision.labels["praise"], Judged { n: 1, ok: 0 });
    }

    #[test]
    fn a_review_sheet_is_read_by_column_name_and_bad_rows_are_reported() {
        let header: Vec<String> = [
            "verdict",
            "doc_id",
            "sentence_id",
            "holder",
            "label",
            "target",
            "rule",
            "missed",
            "stratum",
        ]
        .map(String::from)
        .to_vec();
        let row = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        let rows = vec![
            (
                2,
                row(&[
                    "OK",
                    "d",
                    "3",
                    "IND",
                    "dispute",
                    "",
                    "cues.csv:1",
                    "PAK praise USA",
                    "rule=cues.csv:1",
                ]),
            ),
            (3, row(&["maybe", "d", "4", "IND", "dispute", "", "cues.csv:1", "", ""])),
            (4, row(&["none", "d", "x", "IND", "dispute", "", "cues.csv:1", "", ""])),
            (5, row(&["", "", "", "", "", "", "", "", ""])),
            (
                6,
                row(&[
                    "target",
                    "d",
                    "5",
                    "IND",
                    "dispute",
                    "",
                    "cues.csv:1",
                    "IND dislikes",
                    "",
                ]),
            ),
        ];
        let (read, errors) = review_rows("r.csv", &header, rows).unwrap();
        assert_eq!(read.len(), 1);
        assert_eq!(read[0].verdict, Some(Verdict::Ok));
        assert_eq!(read[0].missed, [("PAK".into(), "praise".into(), "USA".into())]);
        assert_eq!(
            errors.iter().map(|e| e.line).collect::<Vec<_>>(),
            [Some(3), Some(4), Some(6)]
        );
        assert!(review_rows("r.csv", &header[1..], Vec::new()).is_err());
    }

    #[test]
    fn gold_items_need_every_claim_of_their_sentence_judged() {
        let claims = vec![
            claim("a", 1, "IND", Label::Dispute, "PAK", "cues.csv:1"),
            claim("a", 1, "PAK", Label::Praise, "USA", "cues.csv:2"),
            claim("b", 1, "USA", Label::Support, "", "cues.csv:3"),
        ];
        let mut b = reviewed(&claims[2], Some(Verdict::Target));
        b.missed = vec![("USA".into(), "support".into(), "USA".into())];
        let review = vec![reviewed(&claims[0], Some(Verdict::Ok)), b];
        let gold = gold_items(&review, &claims);
        assert_eq!(gold.incomplete, 1);
        assert_eq!(gold.items.len(), 1);
        assert_eq!(gold.items[0].id, "b#1");
        assert_eq!(gold.items[0].text, "USA denied it.");
        assert_eq!(gold.items[0].claims[0].target, "USA");
    }
}
