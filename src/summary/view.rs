//! The corpus-scale view of a summary: the most active parties, ordered so that allies
//! sit together, every other party folded into one "other", and the claims counted per
//! (holder, target, label, period) over that folded set. The report's top matrix,
//! network and time charts are all drawn from these counts, and the page's filter script
//! recounts the same records, so what the page shows after a filter agrees with what it
//! showed before it.

use super::{ClaimRow, LabelCounts, Summary};
use crate::rules::Label;
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::str::FromStr;

/// How claims are bucketed in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Period {
    /// ISO weeks, named by their Monday (`2025-05-05`).
    Week,
    /// Calendar months (`2025-05`).
    #[default]
    Month,
    /// Quarters (`2025-Q2`).
    Quarter,
}

impl FromStr for Period {
    type Err = String;
    fn from_str(s: &str) -> Result<Period, String> {
        match s {
            "week" => Ok(Period::Week),
            "month" => Ok(Period::Month),
            "quarter" => Ok(Period::Quarter),
            _ => Err(format!("unknown period {s:?} (expected week, month or quarter)")),
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Period::Week => "week",
            Period::Month => "month",
            Period::Quarter => "quarter",
        })
    }
}

impl Period {
    /// The bucket `date` falls in, or why the date cannot be read. A date coarser
    /// than the period keeps the coarser name (`2025` for a bare year, `2025-05` for a
    /// month when counting weeks), which sorts before the buckets inside it.
    ///
    /// ```
    /// use stancer::summary::Period;
    /// assert_eq!(Period::Week.key("2025-05-10").unwrap(), "2025-05-05");
    /// assert_eq!(Period::Month.key("2025-05-10").unwrap(), "2025-05");
    /// assert_eq!(Period::Quarter.key("2025-05-10").unwrap(), "2025-Q2");
    /// assert_eq!(Period::Week.key("2025-05").unwrap(), "2025-05");
    /// assert_eq!(Period::Quarter.key("2025").unwrap(), "2025");
    /// ```
    pub fn key(self, date: &str) -> Result<String, String> {
        let range = crate::date::DateRange::parse(date)?;
        let (first, last) = (range.first, range.last);
        let year = || format!("{:04}", first.year());
        let month = || format!("{:04}-{:02}", first.year(), first.month());
        let quarter = |m: u32| (m - 1) / 3 + 1;
        let same_year = first.year() == last.year();
        let same_month = same_year && first.month() == last.month();
        Ok(match self {
            Period::Week if first == last => first.monday().to_string(),
            Period::Week | Period::Month if same_month => month(),
            Period::Quarter if same_year && quarter(first.month()) == quarter(last.month()) => {
                format!("{}-Q{}", year(), quarter(first.month()))
            }
            _ => year(),
        })
    }
}

/// What the report's overview is drawn from.
#[derive(Debug, Clone, Default)]
pub struct View {
    /// The parties shown, most active first and then reordered so that parties with
    /// support or praise between them sit side by side.
    pub parties: Vec<String>,
    /// Whether some party is folded into "other" (index `parties.len()`).
    pub other: bool,
    /// Parties in the claims, shown or folded.
    pub all_parties: usize,
    /// The periods with a dated claim, in time order.
    pub periods: Vec<String>,
    /// (holder, target, label, period) -> claims. Parties are indices into `parties`
    /// (`parties.len()` is "other"); the target is `None` for a claim without one, the
    /// period `None` for an undated claim.
    pub records: BTreeMap<(usize, Option<usize>, Label, Option<usize>), usize>,
}

impl View {
    /// The view of `rows` (whose counts `summary` holds) with the `top` most active
    /// parties, claims bucketed per `period`.
    pub fn new(summary: &Summary, rows: &[ClaimRow], top: usize, period: Period) -> View {
        let ranked = summary.parties();
        let shown: Vec<String> = ranked.iter().take(top).cloned().collect();
        let parties = allies_together(summary, shown);
        let index: HashMap<&str, usize> = parties.iter().enumerate().map(|(i, p)| (p.as_str(), i)).collect();
        let other = parties.len();
        let keys: Vec<Option<String>> = rows
            .iter()
            .map(|r| r.date.as_deref().and_then(|d| period.key(d).ok()))
            .collect();
        let periods: Vec<String> = {
            let mut p: Vec<String> = keys.iter().flatten().cloned().collect();
            p.sort_unstable();
            p.dedup();
            p
        };
        let period_index: HashMap<&str, usize> = periods.iter().enumerate().map(|(i, p)| (p.as_str(), i)).collect();
        let mut records = BTreeMap::new();
        for (row, key) in rows.iter().zip(&keys) {
            let h = index.get(row.holder.as_str()).copied().unwrap_or(other);
            let t = (!row.target.is_empty()).then(|| index.get(row.target.as_str()).copied().unwrap_or(other));
            let p = key.as_deref().map(|k| period_index[k]);
            *records.entry((h, t, row.label, p)).or_insert(0) += 1;
        }
        View {
            other: ranked.len() > parties.len(),
            all_parties: ranked.len(),
            parties,
            periods,
            records,
        }
    }

    /// The name shown for party index `i`.
    pub fn name(&self, i: usize) -> &str {
        self.parties.get(i).map_or("other", String::as_str)
    }

    /// The party indices with "other" last when some party is folded.
    pub fn indices(&self) -> impl Iterator<Item = usize> + '_ {
        0..self.parties.len() + usize::from(self.other)
    }

    /// Claims per label of the records `keep` accepts: `keep(holder, target, period)`.
    pub fn count(&self, keep: impl Fn(usize, Option<usize>, Option<usize>) -> bool) -> LabelCounts {
        let mut c = LabelCounts::default();
        for (&(h, t, label, p), &n) in &self.records {
            if keep(h, t, p) {
                c.add(label, n);
            }
        }
        c
    }

    /// (holder, target) -> claims per label, over all periods.
    pub fn cells(&self) -> BTreeMap<(usize, Option<usize>), LabelCounts> {
        let mut cells: BTreeMap<(usize, Option<usize>), LabelCounts> = BTreeMap::new();
        for (&(h, t, label, _), &n) in &self.records {
            cells.entry((h, t)).or_default().add(label, n);
        }
        cells
    }

    /// Claims per label in each period (in `periods` order) of the records `keep`
    /// accepts: `keep(holder, target)`.
    pub fn per_period(&self, keep: impl Fn(usize, Option<usize>) -> bool) -> Vec<LabelCounts> {
        let mut out = vec![LabelCounts::default(); self.periods.len()];
        for (&(h, t, label, p), &n) in &self.records {
            if let Some(p) = p
                && keep(h, t)
            {
                out[p].add(label, n);
            }
        }
        out
    }

    /// The records as the page's filter script reads them:
    /// `{"parties":[..],"periods":[..],"records":[[h,t,l,p,n],..]}` with -1 for no target
    /// or no period and the label as 0 (support), 1 (dispute), 2 (praise).
    pub fn json(&self) -> String {
        let names: Vec<&str> = self.indices().map(|i| self.name(i)).collect();
        let records: Vec<[i64; 5]> = self
            .records
            .iter()
            .map(|(&(h, t, label, p), &n)| {
                let l = Label::ALL.iter().position(|&x| x == label).unwrap_or(0);
                let opt = |x: Option<usize>| x.map_or(-1, |x| x as i64);
                [h as i64, opt(t), l as i64, opt(p), n as i64]
            })
            .collect();
        let data = serde_json::json!({ "parties": names, "periods": self.periods, "records": records });
        // Inside <script>, "</" would end the element early; a party or period never
        // holds it, but the escape costs nothing.
        data.to_string().replace("</", "<\\/")
    }
}

/// `parties` reordered by average-linkage clustering on their affinity (support and
/// praise between two parties, either way, minus disputes between them): the pair of
/// groups with the highest average affinity is joined first, ties going to the more
/// active group, and the order is that of the groups as they were joined. Allies end
/// side by side; parties with no claims between them keep their activity order.
fn allies_together(summary: &Summary, parties: Vec<String>) -> Vec<String> {
    let n = parties.len();
    let mut affinity = vec![vec![0i64; n]; n];
    for (a, pa) in parties.iter().enumerate() {
        for (b, pb) in parties.iter().enumerate() {
            if a == b {
                continue;
            }
            if let Some(c) = summary.cells.get(&(pa.clone(), pb.clone())) {
                let toward = (c.support + c.praise) as i64 - c.dispute as i64;
                affinity[a][b] += toward;
                affinity[b][a] += toward;
            }
        }
    }
    // Groups of indices into `parties`; a group's rank is that of its most active member.
    let mut groups: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    while groups.len() > 1 {
        let mut best: Option<(f64, usize, usize)> = None;
        for i in 0..groups.len() {
            for j in i + 1..groups.len() {
                let sum: i64 = groups[i]
                    .iter()
                    .flat_map(|&a| groups[j].iter().map(move |&b| (a, b)))
                    .map(|(a, b)| affinity[a][b])
                    .sum();
                let avg = sum as f64 / (groups[i].len() * groups[j].len()) as f64;
                if best.is_none_or(|(b, _, _)| avg > b) {
                    best = Some((avg, i, j));
                }
            }
        }
        let Some((_, i, j)) = best else { break };
        let joined = groups.remove(j);
        groups[i].extend(joined);
    }
    groups.into_iter().flatten().map(|i| parties[i].clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(claims: &[(&str, Label, &str)]) -> Summary {
        let rows: Vec<ClaimRow> = claims
            .iter()
            .map(|&(h, label, t)| super::super::tests::row(h, label, t, "x"))
            .collect();
        Summary::from_rows(&rows)
    }

    #[test]
    fn allies_sit_together_and_rivals_apart() {
        // By activity: A, B, C, D. A and C support each other, B and D too; A and B
        // dispute each other most.
        let s = summary(&[
            ("A", Label::Dispute, "B"),
            ("A", Label::Dispute, "B"),
            ("B", Label::Dispute, "A"),
            ("A", Label::Support, "C"),
            ("C", Label::Praise, "A"),
            ("B", Label::Support, "D"),
        ]);
        let order = allies_together(&s, s.parties());
        let pos = |p: &str| order.iter().position(|x| x == p).unwrap();
        assert_eq!(pos("A").abs_diff(pos("C")), 1, "{order:?}");
        assert_eq!(pos("B").abs_diff(pos("D")), 1, "{order:?}");
        assert_eq!(order[0], "A", "the most active group first: {order:?}");
    }

    #[test]
    fn parties_past_the_top_fold_into_other() {
        let mut rows = Vec::new();
        for (h, t, n) in [("A", "B", 5), ("B", "A", 4), ("C", "D", 1), ("A", "", 2)] {
            for _ in 0..n {
                rows.push(super::super::tests::row(h, Label::Dispute, t, "x"));
            }
        }
        let s = Summary::from_rows(&rows);
        let v = View::new(&s, &rows, 2, Period::Month);
        assert_eq!(v.parties.len(), 2);
        assert!(v.other);
        assert_eq!(v.all_parties, 4);
        let other = 2;
        let a = v.parties.iter().position(|p| p == "A").unwrap();
        assert_eq!(v.count(|h, t, _| h == other && t == Some(other)).dispute, 1);
        assert_eq!(v.count(|h, t, _| h == a && t.is_none()).dispute, 2);
        assert_eq!(v.count(|_, _, _| true).total(), 12);
        assert_eq!(v.name(other), "other");
    }

    #[test]
    fn weeks_start_on_monday_and_quarters_hold_three_months() {
        assert_eq!(Period::Week.key("2025-05-05").unwrap(), "2025-05-05");
        assert_eq!(Period::Week.key("2025-05-11").unwrap(), "2025-05-05");
        assert_eq!(Period::Week.key("2025-05-12").unwrap(), "2025-05-12");
        assert_eq!(Period::Quarter.key("2025-03-31").unwrap(), "2025-Q1");
        assert_eq!(Period::Quarter.key("2025-04").unwrap(), "2025-Q2");
        assert_eq!(Period::Month.key("2025").unwrap(), "2025");
        assert!(Period::Month.key("11 March 2016").is_err());
        assert!("fortnight".parse::<Period>().is_err());
    }
}
