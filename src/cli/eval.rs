//! `stancer eval`: score the rules against a gold file.
//!
//! Usage: stancer eval --gold FILE [--rules DIR] [--errors N] [--format text|json] [--min-f1 X]
//!        [--precision-out FILE] [--confidence FILE]

use super::{CliError, Output, load_pipeline, print_out};
use clap::{Args, ValueEnum};
use stancer::eval::{calibration, precision_table, predict, read_gold, render_text, score};
use std::fs::File;
use std::io::BufReader;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Text,
    Json,
}

/// Score the rules on a gold file: precision, recall and F1 per label, confusion, rules, errors.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Gold file (JSON Lines: id, text, optional date, claims).
    #[arg(long)]
    pub gold: PathBuf,
    /// Rule pack folder replacing the built-in rules.
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,
    /// Score only the items whose `split` field is NAME (a frozen test split, say).
    #[arg(long, value_name = "NAME")]
    pub split: Option<String>,
    /// Show the first N items with errors.
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub errors: usize,
    #[arg(long, value_enum, default_value = "text")]
    pub format: ReportFormat,
    /// Exit with code 3 when micro-F1 on triples is below X.
    #[arg(long, value_name = "X")]
    pub min_f1: Option<f64>,
    /// Write precision per rule row and per label on this gold file
    /// (kind,key,n,ok,precision,wilson_low,wilson_high), for `label --confidence`.
    #[arg(long, value_name = "FILE")]
    pub precision_out: Option<PathBuf>,
    /// Add a calibration table: the predicted claims binned by the confidence this
    /// precision file gives them (as `label --confidence` does), against the share
    /// of each bin that is right on the gold file.
    #[arg(long, value_name = "FILE")]
    pub confidence: Option<PathBuf>,
}

/// What the run found, for the exit code.
pub struct EvalOutcome {
    pub skipped: usize,
    pub below_threshold: bool,
}

pub fn run(args: EvalArgs) -> Result<EvalOutcome, CliError> {
    let pipeline = load_pipeline(args.rules.as_deref())?;
    let file = File::open(&args.gold).map_err(|e| CliError::io(&args.gold, e))?;
    let (mut items, errors) = read_gold(&args.gold.display().to_string(), BufReader::new(file));
    if let Some(split) = &args.split {
        items.retain(|item| item.split.as_deref() == Some(split.as_str()));
    }
    for e in &errors {
        eprintln!("skipped: {e}");
    }
    if items.is_empty() {
        return Err(CliError::Usage(format!(
            "--gold {}: no gold items{}",
            args.gold.display(),
            args.split
                .as_ref()
                .map_or(String::new(), |s| format!(" in split {s:?}"))
        )));
    }
    let (precision, bad_precision_rows) = match &args.confidence {
        Some(path) => {
            let (table, bad) = super::label::read_precision(path)?;
            (Some(table), bad)
        }
        None => (None, 0),
    };
    let predictions = predict(&pipeline, &items);
    let mut report = score(&items, &predictions);
    report.calibration = precision.map(|table| calibration(&items, &predictions, &table));
    if let Some(path) = &args.precision_out {
        let (output, out) = Output::open(Some(path))?;
        let out = precision_table(&items, &predictions)
            .write_csv(out)
            .map_err(|e| CliError::io(path, e))?;
        output.commit(out)?;
    }
    match args.format {
        ReportFormat::Text => print_out(&render_text(&report, args.errors))?,
        ReportFormat::Json => {
            let mut shown = report.clone();
            shown.errors.truncate(args.errors);
            let json = serde_json::to_string_pretty(&shown).map_err(anyhow::Error::from)?;
            print_out(&(json + "\n"))?;
        }
    }
    let f1 = report.micro_f1();
    let below = args.min_f1.is_some_and(|min| f1 < min);
    if let Some(min) = args.min_f1 {
        eprintln!(
            "micro-F1 on triples {f1:.4} {} --min-f1 {min}",
            if below { "is below" } else { "meets" }
        );
    }
    Ok(EvalOutcome {
        skipped: errors.len() + bad_precision_rows,
        below_threshold: below,
    })
}
