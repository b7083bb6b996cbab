//! `stancer review`: how good the labels are on a corpus, from a sample a person reads.
//!
//! Usage:
//!     stancer review sample CLAIMS -n 200 [--by rule|label|holder] [--seed N] [-o review.xlsx|review.csv]
//!     stancer review score REVIEW --claims CLAIMS [--gold-out FILE] [--precision-out FILE]
//!
//! `sample` writes a review sheet: a stratified random sample of a claims table, with an
//! empty `verdict` column to fill. `score` reads it back filled and prints precision per
//! rule and per label, the corpus precision with its interval, the errors by kind and the
//! rules to fix first; it can write the precision file that `label --confidence` reads,
//! and gold items for `eval`.

use super::{CliError, Output, Tally, read_claims};
use clap::{Args, Subcommand};
use stancer::output::{OutputFormat, RecordWriter};
use stancer::review::{
    By, Population, REVIEW_COLUMNS, VERDICTS, gold_items, read_review, render_score_text, review_cells, sample, score,
};
use stancer::xlsx::Book;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Check the labels on your corpus: sample claims to read, then score what you judged.
#[derive(Debug, Subcommand)]
pub enum ReviewCommand {
    Sample(SampleArgs),
    Score(ScoreArgs),
}

/// Write a review sheet: a reproducible sample of a claims table, stratified so that rare rules are read too.
#[derive(Debug, Args)]
pub struct SampleArgs {
    /// The claims table written by `stancer label` (CSV in any layout, or JSON Lines; "-" reads standard input).
    pub claims: PathBuf,
    /// Rows to sample (all of them when the table has fewer).
    #[arg(short = 'n', long = "rows", default_value_t = 200)]
    pub rows: usize,
    /// Stratify by this column: every stratum first gets the same number of rows (up to
    /// 10, as many as fit in half the sample, at least 1 when that fits in all of it),
    /// the rest goes to the strata in proportion to their claims.
    #[arg(long, value_enum, default_value = "rule")]
    pub by: By,
    /// Seed of the random draw: the same seed and table give the same sample.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Write here: a workbook for a name ending in .xlsx (the cue in bold, a drop-down
    /// list of verdicts), else CSV (the cue between « and »). Default: CSV to standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// CSV for spreadsheets: a byte order mark, CRLF line ends, formula-like cells quoted.
    #[arg(long)]
    pub excel: bool,
}

/// Score a filled review sheet: precision per rule and label, corpus precision, rules to fix first.
#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// The review sheet, filled: .xlsx (or .xls, .ods) or CSV.
    pub review: PathBuf,
    /// The claims table the sample was drawn from: its counts weight the strata.
    #[arg(long, value_name = "FILE")]
    pub claims: PathBuf,
    /// What the strata are, for a sheet without a `stratum` column.
    #[arg(long, value_enum, default_value = "rule")]
    pub by: By,
    /// Write precision per rule and per label (kind,key,n,ok,precision,wilson_low,wilson_high)
    /// for `label --confidence`.
    #[arg(long, value_name = "FILE")]
    pub precision_out: Option<PathBuf>,
    /// Write the judged sentences as gold items (JSON Lines) for `stancer eval`: the claims
    /// judged ok and those written in `missed` ("HOLDER label [TARGET]; ...").
    #[arg(long, value_name = "FILE")]
    pub gold_out: Option<PathBuf>,
    /// How many rules the per-rule table shows (most claims first).
    #[arg(long, default_value_t = 40, value_name = "N")]
    pub rules_shown: usize,
}

pub fn run(command: ReviewCommand) -> Result<Tally, CliError> {
    match command {
        ReviewCommand::Sample(args) => run_sample(args),
        ReviewCommand::Score(args) => run_score(args),
    }
}

/// Whether `path` names a workbook.
fn is_workbook(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
}

fn run_sample(args: SampleArgs) -> Result<Tally, CliError> {
    let claims = read_claims(&args.claims, None)?;
    let picked = sample(&claims.rows, args.by, args.rows, args.seed);
    let (output, mut out) = Output::open(args.output.as_deref())?;
    if args.output.as_deref().is_some_and(is_workbook) {
        let mut book = Book::new();
        let sheet = book.add_table("review", &REVIEW_COLUMNS, false)?;
        book.allow_list(sheet, "verdict", &VERDICTS);
        for (n, &i) in picked.iter().enumerate() {
            book.write_row(sheet, &review_cells(n + 1, &claims.rows[i], args.by))?;
        }
        out.write_all(&book.finish()?).map_err(|e| output.blame(e.into()))?;
        output.commit(out)?;
    } else {
        let mut w = RecordWriter::new(out, OutputFormat::Csv, &REVIEW_COLUMNS, args.excel)?;
        for (n, &i) in picked.iter().enumerate() {
            w.write_row(&REVIEW_COLUMNS, &review_cells(n + 1, &claims.rows[i], args.by))
                .map_err(|e| output.blame(e.into()))?;
        }
        output.commit(w.finish()?)?;
    }
    let strata: std::collections::BTreeSet<&str> = claims.rows.iter().map(|r| args.by.of(r)).collect();
    eprintln!(
        "stancer review sample: {} of {} claims ({} strata by {}, seed {}); {} skipped",
        picked.len(),
        claims.rows.len(),
        strata.len(),
        args.by.name(),
        args.seed,
        claims.skipped
    );
    Ok(Tally {
        items: picked.len(),
        skipped: claims.skipped,
        ..Tally::default()
    })
}

fn run_score(args: ScoreArgs) -> Result<Tally, CliError> {
    let claims = read_claims(&args.claims, None)?;
    let (review, errors) = read_review(&args.review).map_err(|e| CliError::Usage(e.to_string()))?;
    for e in &errors {
        eprintln!("skipped: {e}");
    }
    let population = Population::new(&claims.rows);
    let scored =
        score(&review, &population, args.by).map_err(|e| CliError::Usage(format!("{}: {e}", args.review.display())))?;
    if scored.judged == 0 {
        return Err(CliError::Usage(format!(
            "{}: no judged row (fill the verdict column with {})",
            args.review.display(),
            VERDICTS.join(", ")
        )));
    }
    super::print_out(&render_score_text(&scored, args.rules_shown))?;
    if let Some(path) = &args.precision_out {
        let (output, out) = Output::open(Some(path))?;
        let out = scored.precision.write_csv(out).map_err(|e| CliError::io(path, e))?;
        output.commit(out)?;
    }
    if let Some(path) = &args.gold_out {
        let gold = gold_items(&review, &claims.rows);
        let (output, mut out) = Output::open(Some(path))?;
        for item in &gold.items {
            let line = serde_json::to_string(item).map_err(anyhow::Error::from)?;
            writeln!(out, "{line}").map_err(|e| CliError::io(path, e))?;
        }
        output.commit(out)?;
        eprintln!(
            "stancer review score: {} gold items written to {}{}",
            gold.items.len(),
            path.display(),
            if gold.incomplete > 0 {
                format!(
                    "; {} sentences left out: a claim of theirs in {} has no judged row",
                    gold.incomplete, claims.name
                )
            } else {
                String::new()
            }
        );
    }
    Ok(Tally {
        items: scored.judged,
        skipped: claims.skipped + errors.len(),
        ..Tally::default()
    })
}
