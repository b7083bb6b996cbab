//! `stancer rules check` and `stancer rules patterns`: inspecting a rule pack.

use super::{CliError, load_rules, print_out};
use clap::Subcommand;
use stancer::Pipeline;
use stancer::rules::{RulePack, Severity};
use std::fmt::Write as _;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// Check a rule pack (default: the built-in one): errors and warnings with file:line:column.
    Check {
        /// Rule pack folder.
        dir: Option<PathBuf>,
    },
    /// Show which gold items change their claims between two rule packs, and the scores of
    /// each ("builtin" names the built-in pack).
    Diff {
        /// The rule pack before the change (a folder, or "builtin").
        old: String,
        /// The rule pack after the change (a folder, or "builtin").
        new: String,
        /// Gold file to label with both packs.
        #[arg(long)]
        gold: PathBuf,
        /// Show at most N changed items.
        #[arg(long, default_value_t = 50, value_name = "N")]
        limit: usize,
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
        RulesCommand::Diff { old, new, gold, limit } => diff(&old, &new, &gold, limit),
    }
}

fn check(dir: Option<PathBuf>) -> Result<(), CliError> {
    let loaded = match &dir {
        Some(d) => RulePack::load_dir(d),
        None => RulePack::builtin(),
    };
    match loaded {
        Ok(pack) => {
            let mut out = String::new();
            for w in &pack.warnings {
                let _ = writeln!(out, "{w}");
            }
            let pipeline = Pipeline::try_new(&pack).map_err(|e| CliError::Rules(vec![e]))?;
            let lexicon = pipeline.lexicon();
            for w in &lexicon.warnings {
                let _ = writeln!(out, "{w}");
            }
            let _ = writeln!(
                out,
                "ok: {} parties, {} aliases, {} bodies, {} cues ({} forms), {} negators, {} speakers, {} patterns; {} warnings",
                pack.parties.len(),
                pack.actors.len(),
                pack.bodies.len(),
                pack.cues.len(),
                pack.cues.iter().map(|c| c.forms.len()).sum::<usize>(),
                pack.negators.len(),
                pack.speakers.len(),
                lexicon.patterns.len(),
                pack.warnings.len() + lexicon.warnings.len()
            );
            print_out(&out)
        }
        Err(errors) => {
            // Printed here, on standard output with the rest of the check, and not again
            // on standard error.
            let mut out = String::new();
            for e in &errors {
                let _ = writeln!(out, "{e}");
            }
            print_out(&out)?;
            Err(CliError::RulesReported(
                errors.iter().filter(|e| e.severity == Severity::Error).count(),
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

fn pack_named(name: &str) -> Result<Pipeline, CliError> {
    let dir = (name != "builtin").then(|| PathBuf::from(name));
    super::load_pipeline(dir.as_deref())
}

fn diff(old: &str, new: &str, gold: &std::path::Path, limit: usize) -> Result<(), CliError> {
    use stancer::eval::{predict, read_gold, score, triple_set};
    let (old_pipeline, new_pipeline) = (pack_named(old)?, pack_named(new)?);
    let file = std::fs::File::open(gold).map_err(|e| CliError::io(gold, e))?;
    let (items, errors) = read_gold(&gold.display().to_string(), io::BufReader::new(file));
    for e in &errors {
        eprintln!("skipped: {e}");
    }
    let (before, after) = (predict(&old_pipeline, &items), predict(&new_pipeline, &items));
    let mut out = BufWriter::new(io::stdout().lock());
    let (mut changed, mut better, mut worse) = (0, 0, 0);
    let show = |set: &std::collections::BTreeSet<(String, String, String)>| {
        let parts: Vec<String> = set.iter().map(|t| format!("({}, {}, {})", t.0, t.1, t.2)).collect();
        if parts.is_empty() {
            "-".to_owned()
        } else {
            parts.join(" ")
        }
    };
    for ((item, b), a) in items.iter().zip(&before).zip(&after) {
        let (b, a) = (triple_set(b), triple_set(a));
        if a == b {
            continue;
        }
        changed += 1;
        let right = |s: &std::collections::BTreeSet<_>| {
            s.intersection(&item.claims).count() as i64 - s.difference(&item.claims).count() as i64
        };
        let verdict = match right(&a).cmp(&right(&b)) {
            std::cmp::Ordering::Greater => {
                better += 1;
                "better"
            }
            std::cmp::Ordering::Less => {
                worse += 1;
                "worse"
            }
            std::cmp::Ordering::Equal => "changed",
        };
        if changed <= limit {
            writeln!(out, "{} [{verdict}] {}", item.id, item.text)?;
            writeln!(out, "    gold {}", show(&item.claims))?;
            writeln!(out, "    old  {}", show(&b))?;
            writeln!(out, "    new  {}", show(&a))?;
        }
    }
    let (old_report, new_report) = (score(&items, &before), score(&items, &after));
    let f1 = |r: &stancer::eval::Report, t: &str| {
        if t == "pairs" {
            r.pairs["micro"].f1()
        } else {
            r.micro_f1()
        }
    };
    writeln!(
        out,
        "{changed} of {} items changed: {better} better, {worse} worse. micro-F1 triples {:.3} -> {:.3}, pairs {:.3} -> {:.3}",
        items.len(),
        f1(&old_report, "triples"),
        f1(&new_report, "triples"),
        f1(&old_report, "pairs"),
        f1(&new_report, "pairs")
    )?;
    out.flush()?;
    Ok(())
}
