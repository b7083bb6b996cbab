//! `stancer summary`: a claims table folded into a picture of who stands where.
//!
//! Usage:
//!     stancer summary CLAIMS [-o REPORT.html] [--pivot FILE] [--excel] [--by FIELD] [--xlsx FILE]
//!                            [--top N] [--period week|month|quarter]
//!
//! Reads any table `stancer label` writes: CSV (with or without `--all-sentences` or
//! `--excel`, comma, semicolon or tab separated) or JSON Lines; columns are found by
//! name, and an optional `date` column adds claims per month. Writes the pivot table
//! `holder,target,label,count`, most claims first, to standard output or to `--pivot
//! FILE`; with `--by FIELD` (a field kept with `label --keep FIELD`), the pivot has the
//! field's value first and the report a table of claims per value. With `-o`, it also
//! writes a self-contained HTML report: totals per label with filters, the stance network
//! and the holder-by-target matrix of the `--top` parties (the rest folded into "other")
//! whose edges and cells link to the sentences behind them, with dates claims per
//! `--period`, the top cues per label and the full matrix. `--excel` writes the CSV as UTF-8
//! with a byte order mark and CRLF line ends.
//!
//! A bad row is reported on standard error with its file and line and left out; the
//! exit code is then 1. The last line counts documents read (all of them in an
//! `--all-sentences` table, else those with claims), documents with claims and claims.

use super::{ClaimsRead, CliError, Output, Tally, read_claims};
use clap::Args;
use stancer::output::{Cell, OutputFormat, RecordWriter};
use stancer::summary::{ClaimRow, DEFAULT_TOP, PIVOT_COLUMNS, Period, PivotRow, ReportOptions, Summary, render_html};
use stancer::xlsx::Book;
use std::io::Write;
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
    /// Write an Excel workbook: the pivot on one sheet, the claims on another (frozen
    /// header, autofilter, every cell text, never a formula). Without --pivot, no pivot
    /// goes to standard output.
    #[arg(long, value_name = "FILE")]
    pub xlsx: Option<PathBuf>,
    /// The report's network and top matrix show the N parties in most claims; the rest
    /// are folded into "other" (the full matrix and the pivot have them all).
    #[arg(long, value_name = "N", default_value_t = DEFAULT_TOP as u16, value_parser = clap::value_parser!(u16).range(1..))]
    pub top: u16,
    /// The report's time charts count claims per week, month or quarter.
    #[arg(long, value_name = "PERIOD", default_value = "month")]
    pub period: Period,
}

pub fn run(args: SummaryArgs) -> Result<Tally, CliError> {
    let started = Instant::now();
    let mut tally = Tally::default();
    let ClaimsRead {
        name,
        rows,
        skipped,
        documents,
        has_sentence_rows,
    } = read_claims(&args.input, args.by.as_deref())?;
    tally.skipped = skipped;
    let mut summary = Summary::from_rows(&rows);
    summary.by = args.by.clone();
    summary.documents_read = has_sentence_rows.then_some(documents);
    tally.documents = documents;
    tally.items = summary.claims;

    if let Some(path) = &args.output {
        let title = Path::new(&name)
            .file_name()
            .map_or(name.clone(), |f| f.to_string_lossy().into_owned());
        let (output, mut out) = Output::open(Some(path))?;
        let options = ReportOptions {
            top: usize::from(args.top),
            period: args.period,
        };
        out.write_all(render_html(&summary, &rows, &title, &options).as_bytes())?;
        output.commit(out)?;
    }

    if let Some(path) = &args.xlsx {
        let (output, mut out) = Output::open(Some(path))?;
        out.write_all(&workbook(&summary, &rows).map_err(|e| CliError::io(path, e))?)
            .map_err(|e| CliError::io(path, e))?;
        output.commit(out)?;
    }
    // With a workbook and no --pivot, the workbook holds the pivot: none on the terminal.
    if args.pivot.is_some() || args.xlsx.is_none() {
        let (output, out) = Output::open(args.pivot.as_deref())?;
        output.commit(write_pivot(out, &summary, args.excel)?)?;
    }

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

/// The pivot's columns (the `--by` column first, when there is one) and its rows.
fn pivot_rows(summary: &Summary) -> (Vec<&str>, Vec<(Option<String>, PivotRow)>) {
    let by = summary.by.as_deref();
    let columns = by.into_iter().chain(PIVOT_COLUMNS).collect();
    let rows = match by {
        None => summary.pivot().into_iter().map(|row| (None, row)).collect(),
        Some(_) => summary
            .group_pivot()
            .into_iter()
            .map(|(g, row)| (Some(g), row))
            .collect(),
    };
    (columns, rows)
}

fn pivot_cells<'a>(group: &'a Option<String>, row: &'a PivotRow) -> Vec<Cell<'a>> {
    let mut cells: Vec<Cell> = group.iter().map(|g| Cell::Text(g)).collect();
    cells.extend([
        Cell::Text(&row.holder),
        Cell::Text(&row.target),
        Cell::Text(row.label.as_str()),
        Cell::Number(row.count),
    ]);
    cells
}

/// Writes the pivot table to `out` and hands `out` back for committing.
fn write_pivot(out: Box<dyn Write>, summary: &Summary, excel: bool) -> Result<Box<dyn Write>, CliError> {
    let (columns, rows) = pivot_rows(summary);
    let mut w = RecordWriter::new(out, OutputFormat::Csv, &columns, excel)?;
    for (group, row) in &rows {
        // Through write_row, so that a kept value such as "-" or "=x" is quoted with --excel.
        w.write_row(&columns, &pivot_cells(group, row))?;
    }
    Ok(w.finish()?)
}

/// The columns of the claims sheet of `summary --xlsx`.
const CLAIM_SHEET_COLUMNS: [&str; 10] = [
    "doc_id",
    "sentence_id",
    "date",
    "holder",
    "label",
    "target",
    "cue",
    "sentence",
    "rule",
    "pattern",
];

/// The workbook of `summary --xlsx`: the pivot on one sheet, the claims read on another.
fn workbook(summary: &Summary, rows: &[ClaimRow]) -> std::io::Result<Vec<u8>> {
    let mut book = Book::new();
    let (columns, pivot) = pivot_rows(summary);
    let sheet = book.add_table("pivot", &columns, false)?;
    for (group, row) in &pivot {
        book.write_row(sheet, &pivot_cells(group, row))?;
    }
    let by = summary.by.as_deref();
    let columns: Vec<&str> = CLAIM_SHEET_COLUMNS.into_iter().chain(by).collect();
    let sheet = book.add_table("claims", &columns, true)?;
    for row in rows {
        let mut cells = vec![
            Cell::Text(&row.doc_id),
            Cell::Number(row.sentence_id),
            Cell::Text(row.date.as_deref().unwrap_or("")),
            Cell::Text(&row.holder),
            Cell::Text(row.label.as_str()),
            Cell::Text(&row.target),
            Cell::Text(&row.cue),
            Cell::Text(&row.sentence),
            Cell::Text(&row.rule),
            Cell::Text(&row.pattern),
        ];
        cells.extend(row.group.as_deref().map(Cell::Text));
        book.write_row(sheet, &cells)?;
    }
    book.finish()
}
