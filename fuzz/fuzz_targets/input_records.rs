//! Arbitrary bytes written as a `.jsonl`, a `.csv` and a `.txt` file, read with
//! `stancer::input::read_inputs` to the end: any input must give documents,
//! warnings or skipped records, never a panic.

#![no_main]

use libfuzzer_sys::fuzz_target;
use stancer::input::{InputOptions, Record, read_inputs};
use std::path::PathBuf;

fuzz_target!(|data: &[u8]| {
    let Ok(dir) = tempfile::tempdir() else { return };
    let mut paths = Vec::new();
    for name in ["in.jsonl", "in.csv", "in.txt"] {
        let path = dir.path().join(name);
        if std::fs::write(&path, data).is_err() {
            return;
        }
        paths.push(path);
    }
    // The folder too, so the walker's path is taken.
    paths.push(PathBuf::from(dir.path()));
    let mut documents = 0usize;
    for record in read_inputs(&paths, InputOptions::default()) {
        match record {
            Record::Doc(doc) => {
                documents += 1;
                // Every document's text is valid UTF-8 by type; touch it all.
                assert!(doc.text.len() <= data.len() * 3 + 16);
            }
            Record::Skipped(e) | Record::Warning(e) => assert!(!e.path.is_empty()),
            Record::Note(_) => {}
        }
    }
    assert!(documents <= 2 * (data.len() + 2));
});
