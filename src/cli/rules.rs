//! `stancer rules check` and `stancer rules patterns`: inspecting a rule pack.

use super::{CliError, load_rules};
use clap::Subcommand;
use stancer::Pipeline;
use stancer::rules::{RulePack, Severity};
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// Check a rule pack (default: the built-in one): errors and warnings with file:line:column.
    Check {
        /// Rule pack folder.
        dir: Option<PathBuf>,
    },
    /// Print every literal pattern the matcher compiles (aliases, bodies, cue forms,
    /// negators, speakers), one a line, with its kind and rule.
    Patterns {
        /// Rule pack folder.
        dir: Option<PathBuf>,
        /// Print the pattern text alone.
        #[arg(long)]
        bare: bool,
    },
}

pub fn run(command: RulesCommand) -> Result<(), CliError> {
    match command {
        RulesCommand::Check { dir } => check(dir),
        RulesCommand::Patterns { dir, bare } => patterns(dir, bare),
    }
}

fn check(dir: Option<PathBuf>) -> Result<(), CliError> {
    let loaded = match &dir {
        Some(d) => RulePack::load_dir(d),
        None => RulePack::builtin(),
    };
    match loaded {
        Ok(pack) => {
            for w in &pack.warnings {
                println!("{w}");
            }
            let pipeline = Pipeline::try_new(&pack).map_err(|e| CliError::Rules(vec![e]))?;
            let lexicon = pipeline.lexicon();
            println!(
                "ok: {} parties, {} aliases, {} bodies, {} cues ({} forms), {} negators, {} speakers, {} patterns; {} warnings",
                pack.parties.len(),
                pack.actors.len(),
                pack.bodies.len(),
                pack.cues.len(),
                pack.cues.iter().map(|c| c.forms.len()).sum::<usize>(),
                pack.negators.len(),
                pack.speakers.len(),
                lexicon.patterns.len(),
                pack.warnings.len()
            );
            Ok(())
        }
        Err(errors) => {
            for e in &errors {
                println!("{e}");
            }
            let n = errors.iter().filter(|e| e.severity == Severity::Error).count();
            Err(CliError::Rules(
                errors
                    .into_iter()
                    .filter(|e| e.severity == Severity::Error)
                    .take(n)
                    .collect(),
            ))
        }
    }
}

fn patterns(dir: Option<PathBuf>, bare: bool) -> Result<(), CliError> {
    let pack = load_rules(dir.as_deref())?;
    let pipeline = Pipeline::try_new(&pack).map_err(|e| CliError::Rules(vec![e]))?;
    let mut out = BufWriter::new(io::stdout().lock());
    for (text, kind, source) in pipeline.lexicon().pattern_listing() {
        if bare {
            writeln!(out, "{text}")?;
        } else {
            writeln!(out, "{text}\t{kind}\t{source}")?;
        }
    }
    out.flush()?;
    Ok(())
}
