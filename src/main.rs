//! The `stancer` binary: parses arguments, runs a subcommand, maps the outcome to an
//! exit code (the table in `EXIT_CODES`).

mod cli;

use clap::{Parser, Subcommand};
use cli::CliError;
use std::process::ExitCode;

// glibc's allocator spent about a tenth of a labeling run's instructions in malloc,
// realloc and free (many small vectors per sentence, one text per document).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const EXIT_CODES: &str = "\
Exit codes:
  0  success (also when a reader such as `head` closes the pipe early)
  1  the run finished, but some input was skipped (each reported with its file and line)
  2  usage error, or an unusable rule pack
  3  eval: a score below --min-f1
  4  I/O error: the output, a gold file or a claims table could not be read or written
  129, 130, 143  stopped by SIGHUP, Ctrl-C (SIGINT) or SIGTERM: the file at -o is left as it was";

/// Rule-based stance labeling of news: who supports, disputes or praises whom.
#[derive(Debug, Parser)]
#[command(name = "stancer", version, about, long_about = None, after_help = EXIT_CODES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    Label(cli::label::LabelArgs),
    Sentences(cli::sentences::SentencesArgs),
    Eval(cli::eval::EvalArgs),
    Explain(cli::explain::ExplainArgs),
    Summary(cli::summary::SummaryArgs),
    /// Check the labels on your corpus: sample claims to read, then score what you judged.
    #[command(subcommand)]
    Review(cli::review::ReviewCommand),
    /// Inspect a rule pack.
    #[command(subcommand)]
    Rules(cli::rules::RulesCommand),
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    cli::interrupt::install();
    let result = match cli.command {
        Command::Label(args) => cli::label::run(args).map(|t| t.skipped),
        Command::Sentences(args) => cli::sentences::run(args).map(|t| t.skipped),
        Command::Summary(args) => cli::summary::run(args).map(|t| t.skipped),
        Command::Review(command) => cli::review::run(command).map(|t| t.skipped),
        Command::Explain(args) => cli::explain::run(args).map(|()| 0),
        Command::Rules(command) => cli::rules::run(command).map(|()| 0),
        Command::Eval(args) => match cli::eval::run(args) {
            Ok(outcome) if outcome.below_threshold => return ExitCode::from(3),
            other => other.map(|o| o.skipped),
        },
    };
    match result {
        Ok(0) => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(1),
        Err(CliError::Usage(message)) => {
            eprintln!("stancer: {message}");
            ExitCode::from(2)
        }
        Err(e @ CliError::RulesReported(_)) => {
            eprintln!("stancer: {e}");
            ExitCode::from(2)
        }
        Err(CliError::Rules(errors)) => {
            for e in &errors {
                eprintln!("{e}");
            }
            eprintln!("stancer: the rule pack has errors; fix them or check it with `stancer rules check DIR`");
            ExitCode::from(2)
        }
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e @ CliError::Io { .. }) => {
            eprintln!("stancer: {e}");
            ExitCode::from(4)
        }
        Err(CliError::Other(e)) => {
            eprintln!("stancer: {e:#}");
            ExitCode::from(2)
        }
    }
}
