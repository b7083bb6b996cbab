//! `stancer summary`: a claims table folded into a picture of who stands where.
//!
//! Usage:
//!     stancer summary CLAIMS.csv [-o REPORT.html] [--pivot FILE] [--excel]
//!
//! Reads the CSV that `stancer label` writes (columns found by header name; an optional
//! `date` column adds claims per month) and writes the pivot table
//! `holder,target,label,count`, most claims first, to standard output or to
//! `--pivot FILE`. With `-o`, it also writes a self-contained HTML report: totals per
//! label, a holder-by-target matrix coloured by the dominant label whose cells link to
//! the sentences behind them, the top cues per label and, with dates, claims over time.
//! `--excel` writes the CSV as UTF-8 with a byte order mark and CRLF line ends.
//!
//! A bad row is reported on standard error with its file and line and left out; the
//! exit code is then 1.

use super::{CliError, Output, Tally};
use clap::Args;
use stancer::output::{OutputFormat, RecordWriter};
use stancer::summary::{ClaimReader, PIVOT_COLUMNS, Summary, render_html};
use std::fs::File;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Summarize a claims CSV: the (holder, target, label) pivot, and an HTML report with -o.
#[derive(Debug, Args)]
pub struct SummaryArgs {
    /// The claims CSV written by `stancer label` ("-" reads standard input).
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
}

pub fn run(args: SummaryArgs) -> Result<Tally, CliError> {
    let started = Instant::now();
    let mut tally = Tally::default();
    let (name, reader): (String, Box<dyn Read>) = if args.input.as_os_str() == "-" {
        ("<stdin>".into(), Box::new(io::stdin().lock()))
    } else {
        let path = &args.input;
        let file = File::open(path).map_err(|e| CliError::Usage(format!("{}: {e}", path.display())))?;
        tally.bytes = file.metadata().map_or(0, |m| m.len());
        (path.display().to_string(), Box::new(file))
    };
    let claims = ClaimReader::new(&name, reader).map_err(|e| CliError::Usage(e.to_string()))?;
    let mut rows = Vec::new();
    for item in claims {
        match item {
            Ok(row) => rows.push(row),
            Err(e) => {
                tally.skipped += 1;
                eprintln!("skipped: {e}");
            }
        }
    }
    let summary = Summary::from_rows(&rows);
    tally.documents = summary.documents;
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

    eprintln!(
        "{}",
        tally.summary("summary", "claims", started.elapsed().as_secs_f64())
    );
    Ok(tally)
}

/// Writes the pivot table to `out` and hands `out` back for committing.
fn write_pivot(out: Box<dyn Write>, summary: &Summary, excel: bool) -> Result<Box<dyn Write>, CliError> {
    let mut w = RecordWriter::new(out, OutputFormat::Csv, &PIVOT_COLUMNS, excel)?;
    for row in summary.pivot() {
        w.write(&(row.holder.as_str(), row.target.as_str(), row.label.as_str(), row.count))?;
    }
    Ok(w.finish()?)
}
