//! The command line: one file per subcommand, each a thin layer over the library.
//! This module holds what they share: loading the rule pack, the input stream run in
//! parallel batches, progress, the run summary and output files written atomically.

pub mod eval;
pub mod explain;
pub mod interrupt;
pub mod label;
pub mod review;
pub mod rules;
pub mod sentences;
pub mod summary;

use indicatif::{ProgressBar, ProgressStyle};
use stancer::Pipeline;
use stancer::input::{Document, InputError, Inputs, Item, Record};
use stancer::output::RecordWriter;
use stancer::rules::{RuleError, RulePack, Severity};
use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::Instant;

/// Why a command failed, which decides the exit code.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("{0}")]
    Usage(String),
    #[error("the rule pack has {} error(s)", .0.iter().filter(|e| e.severity == Severity::Error).count())]
    Rules(Vec<RuleError>),
    /// Rule errors already printed (by `rules check`).
    #[error("the rule pack has {0} error(s)")]
    RulesReported(usize),
    /// Reading or writing a file the run cannot do without (not an input record, which
    /// is skipped): the output, a gold file, a claims table.
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

impl CliError {
    pub fn io(path: impl Into<PathBuf>, source: io::Error) -> CliError {
        CliError::Io {
            path: path.into(),
            source,
        }
    }

    /// A reader that went away (`stancer ... | head`): the run stops quietly, as
    /// command-line tools do.
    pub fn is_broken_pipe(&self) -> bool {
        let first: &(dyn std::error::Error + 'static) = match self {
            CliError::Io { source, .. } => source,
            CliError::Other(e) => e.as_ref(),
            _ => return false,
        };
        // A CSV writer's error reaches here wrapped in an io::Error of another kind.
        std::iter::successors(Some(first), |e| e.source())
            .filter_map(|e| e.downcast_ref::<io::Error>())
            .any(|e| e.kind() == io::ErrorKind::BrokenPipe)
    }
}

/// Writes `text` to standard output; an error (a full disk, a closed pipe) is returned,
/// not a panic as with `print!`.
pub fn print_out(text: &str) -> Result<(), CliError> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}

/// Errors writing standard output (the `?` on a `write!` to it).
impl From<io::Error> for CliError {
    fn from(e: io::Error) -> CliError {
        CliError::io("standard output", e)
    }
}

/// A claims table read whole (`summary`, `review`).
pub struct ClaimsRead {
    /// The file's name for messages (`<stdin>` for standard input).
    pub name: String,
    pub rows: Vec<stancer::summary::ClaimRow>,
    /// Rows left out, each reported on standard error with its file and line.
    pub skipped: usize,
    pub documents: usize,
    /// The table has rows of sentences without claims (`label --all-sentences`).
    pub has_sentence_rows: bool,
}

/// Reads the claims table at `path` ("-": standard input) in any form `label` writes;
/// `by` names a column to group rows by. A table that cannot be opened or lacks a
/// needed column is a usage error; a bad row is reported and skipped.
pub fn read_claims(path: &Path, by: Option<&str>) -> Result<ClaimsRead, CliError> {
    let (name, reader): (String, Box<dyn io::Read>) = if path.as_os_str() == "-" {
        ("<stdin>".into(), Box::new(io::stdin().lock()))
    } else {
        let file = File::open(path).map_err(|e| CliError::Usage(format!("{}: {e}", path.display())))?;
        (path.display().to_string(), Box::new(file))
    };
    let mut claims =
        stancer::summary::ClaimReader::grouped(&name, reader, by).map_err(|e| CliError::Usage(e.to_string()))?;
    let (mut rows, mut skipped) = (Vec::new(), 0);
    for item in claims.by_ref() {
        match item {
            Ok(row) => rows.push(row),
            Err(e) => {
                skipped += 1;
                eprintln!("skipped: {e}");
            }
        }
    }
    Ok(ClaimsRead {
        name,
        rows,
        skipped,
        documents: claims.documents(),
        has_sentence_rows: claims.has_sentence_rows(),
    })
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
    /// Warnings a sink raised about the document it was handed, printed (and counted)
    /// right after it.
    pub raised: Vec<String>,
}

impl Tally {
    /// Every input failed (a mistyped path): the run has nothing to write.
    pub fn nothing_read(&self) -> bool {
        self.documents == 0 && self.skipped > 0
    }

    /// The summary line printed at the end of a run.
    pub fn summary(&self, command: &str, item_name: &str, seconds: f64) -> String {
        let mb = self.bytes as f64 / 1e6;
        format!(
            "stancer {command}: {} documents ({mb:.1} MB) -> {} {item_name} in {seconds:.2}s; {} skipped, {} warnings",
            self.documents, self.items, self.skipped, self.warnings
        )
    }
}

/// The output of `writer`, with the header row a table with no record still needs;
/// none when nothing could be read, so that a mistyped path leaves no table behind,
/// not even on standard output.
pub fn close_writer<W: Write>(writer: RecordWriter<W>, tally: &Tally) -> io::Result<W> {
    if tally.nothing_read() {
        writer.abandon()
    } else {
        writer.finish()
    }
}

/// Where `-o` writes. A regular file (or a new path) is written to a temporary name
/// beside it and renamed into place on success, so a failed run never leaves a
/// truncated file that looks complete. Anything else (a device, a FIFO, a socket) is
/// written through: renaming over it would replace `/dev/null` with a file when run as
/// root, and leave a FIFO's reader waiting forever. A symlink is followed: what it
/// points to is written, the link stays.
pub struct Output {
    target: Target,
}

enum Target {
    Stdout,
    /// Renamed onto `path` on commit; `mode` is the replaced file's permissions.
    Atomic {
        path: PathBuf,
        temp: tempfile::NamedTempFile,
        mode: Option<std::fs::Permissions>,
        tracked: interrupt::Tracked,
    },
    /// A device, FIFO or socket, opened and written as it is.
    Through(PathBuf),
    /// Nowhere: the run's table is not wanted (`label --xlsx` without `-o`).
    Discard,
}

impl Output {
    pub fn open(path: Option<&Path>) -> Result<(Output, Box<dyn Write>), CliError> {
        let Some(asked) = path else {
            return Ok((
                Output { target: Target::Stdout },
                Box::new(BufWriter::with_capacity(1 << 16, io::stdout().lock())),
            ));
        };
        let path = resolve_links(asked).map_err(|e| CliError::io(asked, e))?;
        let meta = std::fs::metadata(&path).ok();
        if meta.as_ref().is_some_and(|m| m.is_dir()) {
            return Err(CliError::Usage(format!("-o {}: is a folder", asked.display())));
        }
        if meta.as_ref().is_some_and(|m| !m.is_file()) {
            let file = std::fs::OpenOptions::new()
                .write(true)
                .open(&path)
                .map_err(|e| CliError::io(asked, e))?;
            return Ok((
                Output {
                    target: Target::Through(path.clone()),
                },
                Box::new(BufWriter::with_capacity(1 << 16, file)),
            ));
        }
        let dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let temp = tempfile::Builder::new()
            .prefix(".stancer-")
            .tempfile_in(dir)
            .map_err(|e| CliError::io(asked, e))?;
        let file: File = temp.reopen().map_err(|e| CliError::io(asked, e))?;
        let tracked = interrupt::Tracked::new(temp.path());
        Ok((
            Output {
                target: Target::Atomic {
                    path,
                    temp,
                    mode: meta.map(|m| m.permissions()),
                    tracked,
                },
            },
            Box::new(BufWriter::with_capacity(1 << 16, file)),
        ))
    }

    /// An output that writes nothing anywhere; pair it with `io::sink()`.
    pub fn discard() -> Output {
        Output {
            target: Target::Discard,
        }
    }

    /// Flushes `writer` and moves the temporary file into place.
    pub fn commit(self, mut writer: Box<dyn Write>) -> Result<(), CliError> {
        let shown = self.shown();
        writer.flush().map_err(|e| CliError::io(&shown, e))?;
        drop(writer);
        if let Target::Atomic {
            path,
            temp,
            mode,
            tracked,
        } = self.target
        {
            // Temporary files are private; a new output is an ordinary file, a replaced
            // one keeps its permissions.
            #[cfg(unix)]
            let mode = mode.or_else(|| {
                use std::os::unix::fs::PermissionsExt;
                Some(std::fs::Permissions::from_mode(0o644))
            });
            if let Some(mode) = mode {
                temp.as_file()
                    .set_permissions(mode)
                    .map_err(|e| CliError::io(&path, e))?;
            }
            tracked
                .rename(|| temp.persist(&path))
                .map_err(|e| CliError::io(&path, e.error))?;
        }
        Ok(())
    }

    /// Commits a run's output, unless every input failed: then a file at the output
    /// path (yesterday's ten-hour run, say) is left as it was, and the message says so.
    /// A run with some documents read is written, skipped inputs and all (exit 1).
    pub fn finish(self, writer: Box<dyn Write>, tally: &Tally) -> Result<(), CliError> {
        if tally.nothing_read()
            && let Target::Atomic { path, .. } = &self.target
        {
            eprintln!(
                "stancer: no input could be read; {} {}",
                path.display(),
                if path.exists() {
                    "is left as it was"
                } else {
                    "is not written"
                }
            );
            return Ok(());
        }
        self.commit(writer)
    }

    /// `e` with the output's path in place of "standard output" when a write to `-o`
    /// failed.
    pub fn blame(&self, e: CliError) -> CliError {
        match e {
            CliError::Io { source, .. } if !matches!(self.target, Target::Stdout | Target::Discard) => {
                CliError::io(self.shown(), source)
            }
            e => e,
        }
    }

    fn shown(&self) -> PathBuf {
        match &self.target {
            Target::Atomic { path, .. } => path.clone(),
            Target::Stdout => PathBuf::from("standard output"),
            Target::Through(path) => path.clone(),
            Target::Discard => PathBuf::from("nowhere"),
        }
    }
}

/// The path a chain of symlinks ends at, whether or not that file exists yet.
fn resolve_links(path: &Path) -> io::Result<PathBuf> {
    let mut path = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&path) {
            Ok(m) if m.file_type().is_symlink() => {
                let target = std::fs::read_link(&path)?;
                path = match path.parent() {
                    Some(dir) if target.is_relative() => dir.join(target),
                    _ => target,
                };
            }
            _ => return Ok(path),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// Documents and text bytes per batch. Each batch is read, decoded and labeled by one
/// thread, so small ones keep its text in that core's cache and let the last ones end
/// close together (on two cores, FNC-1 bodies x8: 64 documents and 256 gave the same
/// times, 16 was 5% slower).
const BATCH_DOCS: usize = 64;
const BATCH_BYTES: usize = 1 << 20;
/// Batches taken and not yet written, per labeling thread: a batch done before an
/// earlier one waits for it, and a slow batch must not let the waiting ones pile up in
/// memory.
const AHEAD_PER_THREAD: usize = 4;

/// The input of a run, and on how many threads to label it. With one job, documents are
/// read, labeled and written in turn on the calling thread: `-j 1` is one thread, for
/// machines or job slots with one core. Otherwise every labeling thread reads its own
/// batches, in turn, from the one input.
pub struct Reading {
    inputs: Inputs,
    /// Labeling threads; all cores when not given.
    jobs: Option<usize>,
    read: Arc<AtomicU64>,
    /// Whether to show a progress bar, and the input's size when known.
    show_progress: bool,
    total_bytes: Option<u64>,
}

impl Reading {
    pub fn new(inputs: Inputs, quiet: bool, jobs: Option<usize>) -> Reading {
        let show_progress = !quiet && io::stderr().is_terminal();
        Reading {
            read: inputs.bytes_read(),
            total_bytes: if show_progress { inputs.total_bytes() } else { None },
            inputs,
            jobs,
            show_progress,
        }
    }
}

/// What the labeling threads share: the input, and how far they have read and the
/// writer has written, which bounds how far ahead they may read.
struct Shared {
    inputs: Inputs,
    taken: usize,
    written: usize,
    /// The input is exhausted, or the run is stopping.
    done: bool,
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
        inputs,
        jobs,
        read,
        show_progress,
        total_bytes,
    } = reading;
    if jobs == Some(1) {
        return run_inline(inputs, read, show_progress, total_bytes, work, sink);
    }
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(j) = jobs {
        builder = builder.num_threads(j);
    }
    let pool = builder.build().map_err(|e| CliError::Usage(format!("-j: {e}")))?;
    let threads = pool.current_num_threads();
    // Only now: rule warnings printed while the rules compile would break the bar.
    let progress = Progress::start(show_progress, total_bytes, read);
    let mut tally = Tally::default();
    let shared = Mutex::new(Shared {
        inputs,
        taken: 0,
        written: 0,
        done: false,
    });
    let room = Condvar::new();
    let (done, finished) = std::sync::mpsc::channel::<(usize, std::thread::Result<Vec<Labeled<T>>>)>();
    let (work, shared, room) = (&work, &shared, &room);
    // A poisoned lock only means a thread panicked while holding it; the state is whole.
    let lock = || shared.lock().unwrap_or_else(|e| e.into_inner());
    pool.in_place_scope(|scope| -> Result<(), CliError> {
        for _ in 0..threads {
            let done = done.clone();
            scope.spawn(move |_| {
                while let Some((index, items)) = take_batch(&lock, room, threads * AHEAD_PER_THREAD) {
                    // Reported even when it panics, or the writer would wait forever.
                    // Decoded and labeled on the thread that read them.
                    let results = std::panic::catch_unwind(AssertUnwindSafe(|| {
                        items.into_iter().flat_map(|item| label_item(item, work)).collect()
                    }));
                    if done.send((index, results)).is_err() {
                        return;
                    }
                }
            });
        }
        drop(done);
        let stop = || {
            lock().done = true;
            room.notify_all();
        };
        // Batches done before an earlier one, by index.
        let mut waiting = std::collections::BTreeMap::new();
        let mut next = 0;
        for (index, results) in &finished {
            let results = results.unwrap_or_else(|panic| {
                stop();
                std::panic::resume_unwind(panic)
            });
            waiting.insert(index, results);
            while let Some(results) = waiting.remove(&next) {
                next += 1;
                for (record, result) in results {
                    take(record, result, &mut tally, &progress.bar, &mut sink).inspect_err(|_| stop())?;
                }
                lock().written = next;
                room.notify_all();
                progress.update(&tally);
            }
        }
        Ok(())
    })?;
    progress.bar.finish_and_clear();
    Ok(tally)
}

/// Reads the next batch and its index, once fewer than `ahead` batches are taken and not
/// yet written; `None` when the input is exhausted or the run is stopping.
fn take_batch<'a>(
    lock: &impl Fn() -> MutexGuard<'a, Shared>,
    room: &Condvar,
    ahead: usize,
) -> Option<(usize, Vec<Item>)> {
    let mut state = lock();
    while !state.done && state.taken >= state.written + ahead {
        state = room.wait(state).unwrap_or_else(|e| e.into_inner());
    }
    if state.done {
        return None;
    }
    let (mut items, mut bytes) = (Vec::with_capacity(BATCH_DOCS), 0);
    while items.len() < BATCH_DOCS && bytes < BATCH_BYTES {
        let Some(item) = state.inputs.next_item() else {
            state.done = true;
            break;
        };
        bytes += item.size();
        items.push(item);
    }
    if items.is_empty() {
        return None;
    }
    state.taken += 1;
    Some((state.taken - 1, items))
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
        for (record, result) in label_item(item, &work) {
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

/// A record of the input, with the result of its labeling when it is a document (`None`
/// when labeling panicked).
type Labeled<T> = (Record, Option<T>);

/// Decodes an item and labels its records.
fn label_item<T>(item: Item, work: &impl Fn(&Document) -> T) -> impl Iterator<Item = Labeled<T>> {
    item.records().into_iter().map(move |record| label_record(record, work))
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
    interrupt::done(tally.documents, tally.bytes);
    match result {
        Some(result) => {
            let written = sink(&doc, result, tally);
            for w in tally.raised.drain(..) {
                tally.warnings += 1;
                progress.suspend(|| eprintln!("warning: {w}"));
            }
            written
        }
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
