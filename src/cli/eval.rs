//! `stancer eval`: score the rules against a gold file.
//!
//! Usage: stancer eval --gold FILE [--rules DIR] [--errors N] [--format text|json] [--min-f1 X]

use super::{CliError, load_pipeline, print_out};
use clap::{Args, ValueEnum};
use stancer::eval::{evaluate, read_gold, render_text};
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
    let report = evaluate(&pipeline, &items);
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
        skipped: errors.len(),
        below_threshold: below,
    })
}
