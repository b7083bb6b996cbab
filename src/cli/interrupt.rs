//! Ctrl-C, `kill` and a closed terminal during a run: the temporary file that `-o` was
//! being written to is removed, the file at `-o` stays as it was (absent or the previous
//! version), and the run says how far it got before it exits 128 + the signal number
//! (130 for SIGINT, 143 for SIGTERM), as a shell does for a process it kills.

use signal_hook::consts::signal::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard};

/// Temporary outputs not yet renamed into place.
static TEMPORARY: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
static DOCUMENTS: AtomicUsize = AtomicUsize::new(0);
static BYTES: AtomicU64 = AtomicU64::new(0);

/// Handles the signals on a thread of their own from now on. Without it the default
/// action would kill the process mid-write and leave the temporary file behind.
pub fn install() {
    let Ok(mut signals) = Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
        return;
    };
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            stop(signal);
        }
    });
}

fn stop(signal: i32) -> ! {
    // Held to the exit: an output cannot be renamed into place while it is removed.
    let temporary = lock();
    let removed: Vec<&PathBuf> = temporary.iter().filter(|p| std::fs::remove_file(p).is_ok()).collect();
    let name = match signal {
        SIGINT => "interrupted",
        SIGTERM => "terminated",
        _ => "hung up",
    };
    let mb = BYTES.load(Ordering::Relaxed) as f64 / 1e6;
    let output = if removed.is_empty() {
        String::new()
    } else {
        "; the output file was not written (what was there is left as it was)".to_owned()
    };
    eprintln!(
        "\nstancer: {name} after {} documents ({mb:.1} MB){output}",
        DOCUMENTS.load(Ordering::Relaxed)
    );
    std::process::exit(128 + signal);
}

fn lock() -> MutexGuard<'static, Vec<PathBuf>> {
    // A poisoned lock only means a thread panicked while holding it; the list is whole.
    TEMPORARY.lock().unwrap_or_else(|e| e.into_inner())
}

/// Counts a finished document for the message on interruption.
pub fn done(documents: usize, bytes: u64) {
    DOCUMENTS.store(documents, Ordering::Relaxed);
    BYTES.store(bytes, Ordering::Relaxed);
}

/// A temporary output that an interruption removes, until this is dropped.
pub struct Tracked(PathBuf);

impl Tracked {
    pub fn new(path: &Path) -> Tracked {
        lock().push(path.to_path_buf());
        Tracked(path.to_path_buf())
    }

    /// Runs `rename` (which moves the temporary file into place) where no interruption
    /// can remove the file halfway.
    pub fn rename<T>(self, rename: impl FnOnce() -> T) -> T {
        let mut temporary = lock();
        let result = rename();
        temporary.retain(|p| *p != self.0);
        result
    }
}

impl Drop for Tracked {
    fn drop(&mut self) {
        lock().retain(|p| *p != self.0);
    }
}
