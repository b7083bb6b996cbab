//! `stancer summary`: a claims table folded into a picture of who stands where.
//!
//! Usage:
//!     stancer summary CLAIMS [-o REPORT.html] [--pivot FILE] [--excel] [--by FIELD]
//!
//! Reads any table `stancer label` writes: CSV (with or without `--all-sentences` or
//! `--excel`, comma, semicolon or tab separated) or JSON Lines; columns are found by
//! name, and an optional `date` column adds claims per month. Writes the pivot table
//! `holder,target,label,count`, most claims first, to standard output or to `--pivot
//! FILE`; with `--by FIELD` (a field kept with `label --keep FIELD`), the pivot has the
//! field's value first and the report a table of claims per value. With `-o`, it also
//! writes a self-contained HTML report: totals per label, a holder-by-target matrix
//! coloured by the dominant label whose cells link to the sentences behind them, the top
//! cues per label and, with dates, claims over time. `--excel` writes the CSV as UTF-8
//! with a byte order mark and CRLF line ends.
//!
//! A bad row is reported on standard error with its file and line and left out; the
//! exit code is then 1. The last line counts documents read (all of them in an
//! `--all-sentences` table, else those with claims), documents with claims and claims.

use super::{CliError, Output, Tally};
use clap::Args;
use stancer::output::{OutputFormat, RecordWriter};
use stancer::summary::{ClaimReader, PIVOT_COLUMNS, Summary, render_html};
use std::fs::File;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Summarize a claims table (CSV or JSON Lines from label): the pivot, and an HTML report with -o.
#[derive(Debug, Args)]
pub struct SummaryArgs {
    /// The claims table written by `stancer label`, CSV or JSON Lines ("-" reads
    /// standard input).
    pub input: PathBuf,
    /// Write the HTML report to this file (written whole, or not at all).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Write the pivot CSV to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub pivot: Option<PathBuf>,
    /// CSV for Excel: UTF-8 with a byte order mark, CRLF line ends.
    #[arg(long)]
    pub excel: bool,
    /// Count claims per value of this column too (a field kept with `label --keep`):
    /// the pivot gets it as its first column, the report a table of claims per value.
    #[arg(long, value_name = "FIELD")]
    pub by: Option<String>,
}

pub fn run(args: SummaryArgs) -> Result<Tally, CliError> {
    let started = Instant::now();
    let mut tally = Tally::default();
    let (name, reader): (String, Box<dyn Read>) = if args.input.as_os_str() == "-" {
        ("<stdin>".into(), Box::new(io::stdin().lock()))
    } else {
        let path = &args.input;
        let file = File::open(path).map_err(|e| CliError::Usage(format!("{}: {e}", path.display())))?;
        (path.display().to_string(), Box::new(file))
    };
    let mut claims =
        ClaimReader::grouped(&name, reader, args.by.as_deref()).map_err(|e| CliError::Usage(e.to_string()))?;
    let mut rows = Vec::new();
    for item in claims.by_ref() {
        match item {
            Ok(row) => rows.push(row),
            Err(e) => {
                tally.skipped += 1;
                eprintln!("skipped: {e}");
            }
        }
    }
    let mut summary = Summary::from_rows(&rows);
    summary.by = args.by.clone();
    summary.documents_read = claims.has_sentence_rows().then(|| claims.documents());
    tally.documents = claims.documents();
    tally.items = summary.claims;

    if let Some(path) = &args.output {
        let title = Path::new(&name)
            .file_name()
            .map_or(name.clone(), |f| f.to_string_lossy().into_owned());
        let (output, mut out) = Output::open(Some(path))?;
        out.write_all(render_html(&summary, &rows, &title).as_bytes())?;
        output.commit(out)?;
    }

    let (output, out) = Output::open(args.pivot.as_deref())?;
    output.commit(write_pivot(out, &summary, args.excel)?)?;

    let read = match summary.documents_read {
        Some(n) => format!("{n} documents read, {} with claims", summary.documents),
        None => format!(
            "{} documents with claims (label with --all-sentences to count those without)",
            summary.documents
        ),
    };
    eprintln!(
        "stancer summary: {read}, {} claims in {:.2}s; {} skipped",
        summary.claims,
        started.elapsed().as_secs_f64(),
        tally.skipped
    );
    Ok(tally)
}

/// Writes the pivot table to `out` and hands `out` back for committing.
fn write_pivot(out: Box<dyn Write>, summary: &Summary, excel: bool) -> Result<Box<dyn Write>, CliError> {
    let Some(by) = &summary.by else {
        let mut w = RecordWriter::new(out, OutputFormat::Csv, &PIVOT_COLUMNS, excel)?;
        for row in summary.pivot() {
            w.write(&(row.holder.as_str(), row.target.as_str(), row.label.as_str(), row.count))?;
        }
        return Ok(w.finish()?);
    };
    let columns: Vec<&str> = std::iter::once(by.as_str()).chain(PIVOT_COLUMNS).collect();
    let mut w = RecordWriter::new(out, OutputFormat::Csv, &columns, excel)?;
    for (group, row) in summary.group_pivot() {
        w.write(&(
            group.as_str(),
            row.holder.as_str(),
            row.target.as_str(),
            row.label.as_str(),
            row.count,
        ))?;
    }
    Ok(w.finish()?)
}
