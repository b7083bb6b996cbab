//! The command line: one file per subcommand, each a thin layer over the library.
//! This module holds what they share: loading the rule pack, the input stream run in
//! parallel batches, progress, the run summary and output files written atomically.

pub mod eval;
pub mod explain;
pub mod label;
pub mod rules;
pub mod sentences;
pub mod summary;

use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use stancer::Pipeline;
use stancer::input::{Document, InputError, Inputs, Item, Record};
use stancer::rules::{RuleError, RulePack, Severity};
use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::Instant;

/// Why a command failed, which decides the exit code.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("{0}")]
    Usage(String),
    #[error("the rule pack has {} error(s)", .0.iter().filter(|e| e.severity == Severity::Error).count())]
    Rules(Vec<RuleError>),
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

impl From<io::Error> for CliError {
    fn from(e: io::Error) -> CliError {
        CliError::Other(e.into())
    }
}

/// Loads `--rules DIR`, or the built-in pack; warnings go to standard error.
pub fn load_rules(dir: Option<&Path>) -> Result<RulePack, CliError> {
    let pack = match dir {
        Some(d) => {
            if !d.is_dir() {
                return Err(CliError::Usage(format!("--rules {}: not a folder", d.display())));
            }
            RulePack::load_dir(d)
        }
        None => RulePack::builtin(),
    }
    .map_err(CliError::Rules)?;
    for w in &pack.warnings {
        eprintln!("{w}");
    }
    Ok(pack)
}

pub fn load_pipeline(dir: Option<&Path>) -> Result<Pipeline, CliError> {
    let pack = load_rules(dir)?;
    Pipeline::from_pack(pack).map_err(|e| CliError::Rules(vec![e]))
}

/// What a run read, for the closing summary and the exit code.
#[derive(Debug, Default)]
pub struct Tally {
    pub documents: usize,
    pub bytes: u64,
    pub skipped: usize,
    pub warnings: usize,
    pub items: usize,
}

impl Tally {
    /// The summary line printed at the end of a run.
    pub fn summary(&self, command: &str, item_name: &str, seconds: f64) -> String {
        let mb = self.bytes as f64 / 1e6;
        format!(
            "stancer {command}: {} documents ({mb:.1} MB) -> {} {item_name} in {seconds:.2}s; {} skipped, {} warnings",
            self.documents, self.items, self.skipped, self.warnings
        )
    }
}

/// Standard output or a file written to a temporary name and renamed on success, so a
/// failed run never leaves a truncated file that looks complete.
pub struct Output {
    target: Option<(PathBuf, tempfile::NamedTempFile)>,
}

impl Output {
    pub fn open(path: Option<&Path>) -> Result<(Output, Box<dyn Write>), CliError> {
        match path {
            None => Ok((
                Output { target: None },
                Box::new(BufWriter::with_capacity(1 << 16, io::stdout().lock())),
            )),
            Some(p) => {
                let dir = p
                    .parent()
                    .filter(|d| !d.as_os_str().is_empty())
                    .unwrap_or(Path::new("."));
                let temp = tempfile::Builder::new()
                    .prefix(".stancer-")
                    .tempfile_in(dir)
                    .map_err(|e| {
                        CliError::Usage(format!("-o {}: cannot write in {}: {e}", p.display(), dir.display()))
                    })?;
                let file: File = temp.reopen()?;
                Ok((
                    Output {
                        target: Some((p.to_owned(), temp)),
                    },
                    Box::new(BufWriter::with_capacity(1 << 16, file)),
                ))
            }
        }
    }

    /// Flushes `writer` and moves the temporary file into place.
    pub fn commit(self, mut writer: Box<dyn Write>) -> Result<(), CliError> {
        writer.flush()?;
        drop(writer);
        if let Some((path, temp)) = self.target {
            // Temporary files are private; the output is an ordinary file.
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                temp.as_file().set_permissions(std::fs::Permissions::from_mode(0o644))?;
            }
            temp.persist(&path)
                .map_err(|e| CliError::Other(anyhow::anyhow!("-o {}: {}", path.display(), e.error)))?;
        }
        Ok(())
    }
}

/// Documents per batch and text bytes per batch: enough to keep every core busy, small
/// enough that memory does not grow with the corpus.
const BATCH_DOCS: usize = 512;
const BATCH_BYTES: usize = 8 << 20;

/// The input of a run. With one job, documents are read, labeled and written in turn on
/// the calling thread: `-j 1` is one thread, for machines or job slots with one core.
/// Otherwise it is read ahead in batches on a thread of its own from the moment it is
/// started: commands start it before compiling the rules, so that the first batches are
/// read and decoded while the automaton is built. The channel's bound keeps memory flat
/// however large the input.
pub struct Reading {
    reader: Reader,
    read: Arc<AtomicU64>,
    /// Whether to show a progress bar, and the input's size when known.
    show_progress: bool,
    total_bytes: Option<u64>,
}

/// Who reads: the labeling thread itself, or a thread of its own.
enum Reader {
    Inline(Inputs),
    Thread {
        batches: std::sync::mpsc::Receiver<Vec<Item>>,
        /// Batches sent and not yet taken (see `send`).
        queued: Arc<AtomicUsize>,
        /// Labeling threads; all cores when not given.
        jobs: Option<usize>,
    },
}

impl Reading {
    pub fn start(mut inputs: Inputs, quiet: bool, jobs: Option<usize>) -> Reading {
        let read = inputs.bytes_read();
        let show_progress = !quiet && io::stderr().is_terminal();
        // Before the inputs move to the reader; it walks the folders.
        let total_bytes = if show_progress { inputs.total_bytes() } else { None };
        let reader = if jobs == Some(1) {
            Reader::Inline(inputs)
        } else {
            let (sender, batches) = std::sync::mpsc::sync_channel::<Vec<Item>>(2);
            let queued = Arc::new(AtomicUsize::new(0));
            let reader_queued = Arc::clone(&queued);
            // Not joined: when the run stops early (bad rules, a write error), dropping the
            // receiver ends the reader at its next batch, or the process ends with it.
            std::thread::spawn(move || read_batches(&mut inputs, sender, &reader_queued));
            Reader::Thread { batches, queued, jobs }
        };
        Reading {
            reader,
            read,
            show_progress,
            total_bytes,
        }
    }
}

/// Runs `work` over the documents read by `reading` on its number of threads and hands
/// each result to `sink` in input order. Input problems are reported on standard error
/// and counted in the returned tally.
pub fn run_batches<T: Send>(
    reading: Reading,
    work: impl Fn(&Document) -> T + Sync,
    mut sink: impl FnMut(&Document, T, &mut Tally) -> io::Result<()>,
) -> Result<Tally, CliError> {
    let Reading {
        reader,
        read,
        show_progress,
        total_bytes,
    } = reading;
    let (batches, queued, jobs) = match reader {
        Reader::Inline(inputs) => return run_inline(inputs, read, show_progress, total_bytes, work, sink),
        Reader::Thread { batches, queued, jobs } => (batches, queued, jobs),
    };
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(j) = jobs {
        builder = builder.num_threads(j);
    }
    let pool = builder.build().map_err(|e| CliError::Usage(format!("-j: {e}")))?;
    // Only now: rule warnings printed while the rules compile would break the bar.
    let progress = Progress::start(show_progress, total_bytes, read);
    let mut tally = Tally::default();
    // Two batches are labeled at once, so that a thread done with its share of one
    // takes up the next instead of waiting for the slowest document; results are put
    // back in input order before they reach `sink`.
    let (done, finished) = std::sync::mpsc::channel::<(usize, std::thread::Result<Vec<Labeled<T>>>)>();
    let work = &work;
    pool.in_place_scope(|pool_scope| -> Result<(), CliError> {
        // Batches handed to the pool, and the next one to hand to `sink`; those between
        // are being labeled or are done and `waiting` for an earlier one.
        let (mut started_batches, mut next) = (0, 0);
        let mut waiting = std::collections::BTreeMap::new();
        let mut more_input = true;
        loop {
            // The pool gets new work before any results are written: writing a batch's
            // rows takes the better part of a millisecond, time the pool would wait.
            while more_input && started_batches - next - waiting.len() < IN_FLIGHT && started_batches - next < AHEAD {
                let Ok(items) = batches.recv() else {
                    more_input = false;
                    break;
                };
                queued.fetch_sub(1, Ordering::Relaxed);
                let (done, index) = (done.clone(), started_batches);
                pool_scope.spawn(move |_| {
                    // Reported even when it panics, or the loop below would wait forever.
                    let results = std::panic::catch_unwind(AssertUnwindSafe(|| label_items(items, work)));
                    let _ = done.send((index, results));
                });
                started_batches += 1;
            }
            if next == started_batches {
                return Ok(());
            }
            let Some(results) = waiting.remove(&next) else {
                let (index, results) = finished.recv().expect("a batch's job always reports back");
                waiting.insert(index, results.unwrap_or_else(|panic| std::panic::resume_unwind(panic)));
                continue;
            };
            next += 1;
            for (record, result) in results {
                take(record, result, &mut tally, &progress.bar, &mut sink)?;
            }
            progress.update(&tally);
        }
    })?;
    progress.bar.finish_and_clear();
    Ok(tally)
}

/// [`run_batches`] on the calling thread alone.
fn run_inline<T>(
    mut inputs: Inputs,
    read: Arc<AtomicU64>,
    show_progress: bool,
    total_bytes: Option<u64>,
    work: impl Fn(&Document) -> T,
    mut sink: impl FnMut(&Document, T, &mut Tally) -> io::Result<()>,
) -> Result<Tally, CliError> {
    let progress = Progress::start(show_progress, total_bytes, read);
    let mut tally = Tally::default();
    let mut since_update = 0;
    while let Some(item) = inputs.next_item() {
        for (record, result) in item.records().into_iter().map(|record| label_record(record, &work)) {
            take(record, result, &mut tally, &progress.bar, &mut sink)?;
        }
        since_update += 1;
        if since_update == BATCH_DOCS {
            progress.update(&tally);
            since_update = 0;
        }
    }
    progress.bar.finish_and_clear();
    Ok(tally)
}

/// Batches labeled at the same time, and batches started and not yet written: a batch
/// done before an earlier one waits for it, and a slow batch must not let the waiting
/// ones pile up in memory.
const IN_FLIGHT: usize = 2;
const AHEAD: usize = 4;

/// A record of the input, with the result of its labeling when it is a document (`None`
/// when labeling panicked).
type Labeled<T> = (Record, Option<T>);

/// Decodes and labels a batch on the pool.
fn label_items<T: Send>(items: Vec<Item>, work: &(impl Fn(&Document) -> T + Sync)) -> Vec<Labeled<T>> {
    // rayon's collect keeps the input order.
    items
        .into_par_iter()
        .flat_map_iter(|item| item.records().into_iter().map(|record| label_record(record, work)))
        .collect()
}

/// Labels a record that is a document. A bug must not cost a long run: a document whose
/// labeling panics is reported and skipped like a broken record.
fn label_record<T>(record: Record, work: &impl Fn(&Document) -> T) -> Labeled<T> {
    let result = match &record {
        Record::Doc(doc) => std::panic::catch_unwind(AssertUnwindSafe(|| work(doc))).ok(),
        _ => None,
    };
    (record, result)
}

/// Reports a record's problem, or hands a labeled document to `sink`.
fn take<T>(
    record: Record,
    result: Option<T>,
    tally: &mut Tally,
    progress: &ProgressBar,
    sink: &mut impl FnMut(&Document, T, &mut Tally) -> io::Result<()>,
) -> io::Result<()> {
    let report = |e: &InputError, kind: &str| progress.suspend(|| eprintln!("{kind}: {e}"));
    let doc = match record {
        Record::Doc(doc) => doc,
        Record::Skipped(e) => {
            tally.skipped += 1;
            report(&e, "skipped");
            return Ok(());
        }
        Record::Warning(e) => {
            tally.warnings += 1;
            report(&e, "warning");
            return Ok(());
        }
        Record::Note(n) => {
            progress.suspend(|| eprintln!("note: {n}"));
            return Ok(());
        }
    };
    tally.documents += usize::from(doc.part == 0);
    tally.bytes += doc.text.len() as u64;
    match result {
        Some(result) => sink(&doc, result, tally),
        None => {
            tally.skipped += 1;
            progress.suspend(|| {
                eprintln!(
                    "skipped: document {:?}: internal error (please report it with this document)",
                    doc.id
                )
            });
            Ok(())
        }
    }
}

/// Groups the input items into batches and sends them; stops when the receiver is gone.
/// `queued` counts the batches sent and not yet taken.
fn read_batches(inputs: &mut Inputs, sender: std::sync::mpsc::SyncSender<Vec<Item>>, queued: &AtomicUsize) {
    let mut batch = Vec::new();
    let mut bytes = 0;
    while let Some(item) = inputs.next_item() {
        bytes += item.size();
        batch.push(item);
        if batch.len() >= BATCH_DOCS || bytes >= BATCH_BYTES {
            if !send(&sender, std::mem::take(&mut batch), queued) {
                return;
            }
            bytes = 0;
        }
    }
    if !batch.is_empty() {
        send(&sender, batch, queued);
    }
}

/// Sends a batch as read when the pool has nothing queued, so that JSON is decoded on
/// as many threads as label when reading cannot keep up. Otherwise the reader has time
/// to spare and decodes the batch itself first, which also keeps the input streaming
/// through its own core's caches rather than the labelers' (on two cores, FNC-1 bodies
/// x8, -j 2: 0.57 s against 0.62 s with decoding always left to the pool). Returns
/// false when the receiver is gone.
fn send(sender: &std::sync::mpsc::SyncSender<Vec<Item>>, batch: Vec<Item>, queued: &AtomicUsize) -> bool {
    let batch = if queued.load(Ordering::Relaxed) == 0 {
        batch
    } else {
        batch.into_iter().flat_map(Item::records).map(Item::Ready).collect()
    };
    queued.fetch_add(1, Ordering::Relaxed);
    sender.send(batch).is_ok()
}

/// A progress line on a terminal: input bytes read, documents, MB/s of text, and a bar
/// with the time left when the input's size is known (files, not standard input).
struct Progress {
    bar: ProgressBar,
    read: Arc<AtomicU64>,
    started: Instant,
}

impl Progress {
    fn start(show: bool, total_bytes: Option<u64>, read: Arc<AtomicU64>) -> Progress {
        let bar = if !show {
            ProgressBar::hidden()
        } else {
            let (bar, template) = match total_bytes {
                Some(total) => (
                    ProgressBar::new(total),
                    "{spinner} {elapsed_precise} [{bar:30}] {bytes}/{total_bytes} read, {msg}, {eta} left",
                ),
                None => (
                    ProgressBar::new_spinner(),
                    "{spinner} {elapsed_precise} {bytes} read, {msg}",
                ),
            };
            if let Ok(style) = ProgressStyle::with_template(template) {
                bar.set_style(style.progress_chars("=> "));
            }
            bar.set_message("0 docs");
            bar.enable_steady_tick(std::time::Duration::from_millis(200));
            bar
        };
        Progress {
            bar,
            read,
            started: Instant::now(),
        }
    }

    fn update(&self, tally: &Tally) {
        self.bar.set_position(self.read.load(Ordering::Relaxed));
        let secs = self.started.elapsed().as_secs_f64().max(1e-9);
        self.bar.set_message(format!(
            "{} docs, {:.1} MB/s",
            tally.documents,
            tally.bytes as f64 / 1e6 / secs
        ));
    }
}
