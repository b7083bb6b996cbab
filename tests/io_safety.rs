//! Never destroy a user's file, never panic on I/O: what `-o` does to each kind of
//! path, what a run that read nothing leaves behind, symlinks in walked folders, write
//! errors and closed pipes for every command, and the exit code of each.
//!
//! Devices are made with `mknod` in a temporary folder: no test writes to the system's
//! `/dev`.
#![cfg(unix)]

mod common;

use common::{device, is_char_device, stancer_in, stderr, stdout};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Stdio};

const ARTICLE: &str = "New Delhi disputed U.S. claims of mediation. Islamabad welcomed U.S. assistance.\n";

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), ARTICLE).unwrap();
    dir
}

fn claim_rows(csv: &str) -> usize {
    csv.lines().skip(1).filter(|l| !l.is_empty()).count()
}

#[test]
fn output_to_a_null_device_writes_through_and_leaves_the_device() {
    let dir = setup();
    let Some(null) = device(dir.path(), "null", 3) else {
        return;
    };
    let out = stancer_in(dir.path(), &["label", "-q", "a.txt", "-o", "null"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(is_char_device(&null), "-o replaced the device with a file");
}

#[test]
fn output_to_a_full_device_is_an_io_error_naming_the_path() {
    let dir = setup();
    let Some(full) = device(dir.path(), "full", 7) else {
        return;
    };
    let out = stancer_in(dir.path(), &["label", "-q", "a.txt", "-o", "full"], None);
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert!(stderr(&out).contains("full: No space left"), "{}", stderr(&out));
    assert!(!stderr(&out).contains("panicked"));
    assert!(is_char_device(&full));
}

#[test]
fn output_to_a_fifo_is_read_by_its_reader_and_the_fifo_stays() {
    let dir = setup();
    let fifo = dir.path().join("pipe");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    let out = stancer_in(dir.path(), &["label", "-q", "a.txt", "-o", "pipe"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let read = reader.join().unwrap();
    assert!(read.starts_with("doc_id,"), "{read}");
    assert_eq!(claim_rows(&read), 2);
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
}

#[test]
fn output_through_a_symlink_writes_its_target_and_keeps_the_link() {
    let dir = setup();
    let d = dir.path();
    std::fs::create_dir(d.join("real")).unwrap();
    std::fs::write(d.join("real/claims.csv"), "old\n").unwrap();
    std::fs::set_permissions(d.join("real/claims.csv"), std::fs::Permissions::from_mode(0o600)).unwrap();
    std::os::unix::fs::symlink("real/claims.csv", d.join("link.csv")).unwrap();
    // A dangling link: the file it names is created.
    std::os::unix::fs::symlink("real/new.csv", d.join("dangling.csv")).unwrap();
    for name in ["link.csv", "dangling.csv"] {
        let out = stancer_in(d, &["label", "-q", "a.txt", "-o", name], None);
        assert_eq!(out.status.code(), Some(0), "{name}: {}", stderr(&out));
        assert!(
            std::fs::symlink_metadata(d.join(name))
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }
    assert_eq!(
        claim_rows(&std::fs::read_to_string(d.join("real/claims.csv")).unwrap()),
        2
    );
    assert_eq!(claim_rows(&std::fs::read_to_string(d.join("real/new.csv")).unwrap()), 2);
    // The replaced file keeps its permissions; no temporary file is left beside it.
    let mode = std::fs::metadata(d.join("real/claims.csv"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
    let leftovers = std::fs::read_dir(d.join("real"))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with(".stancer-")
        })
        .count();
    assert_eq!(leftovers, 0);
}

#[test]
fn output_to_a_folder_is_a_usage_error() {
    let dir = setup();
    std::fs::create_dir(dir.path().join("out")).unwrap();
    let out = stancer_in(dir.path(), &["label", "-q", "a.txt", "-o", "out"], None);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(dir.path().join("out").is_dir());
}

#[test]
fn a_run_that_read_nothing_leaves_the_old_output_alone() {
    let dir = setup();
    std::fs::write(dir.path().join("claims.csv"), "yesterday's ten-hour run\n").unwrap();
    let out = stancer_in(
        dir.path(),
        &["label", "-q", "no-such-file.jsonl", "-o", "claims.csv"],
        None,
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("no-such-file.jsonl"), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("claims.csv is left as it was"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("claims.csv")).unwrap(),
        "yesterday's ten-hour run\n"
    );
    // Some input read and some skipped: the output is written, and the exit code says 1.
    let out = stancer_in(
        dir.path(),
        &["label", "-q", "a.txt", "no-such-file.jsonl", "-o", "claims.csv"],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        claim_rows(&std::fs::read_to_string(dir.path().join("claims.csv")).unwrap()),
        2
    );
    // The same for `sentences`.
    let out = stancer_in(
        dir.path(),
        &["sentences", "-q", "nothing.txt", "-o", "claims.csv"],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        claim_rows(&std::fs::read_to_string(dir.path().join("claims.csv")).unwrap()),
        2
    );
}

#[test]
fn walked_folders_follow_symlinks_and_report_dangling_ones_and_loops() {
    let dir = setup();
    let d = dir.path();
    std::fs::create_dir_all(d.join("corpus/sub")).unwrap();
    std::os::unix::fs::symlink("../a.txt", d.join("corpus/linked.txt")).unwrap();
    std::os::unix::fs::symlink("missing.txt", d.join("corpus/dangling.txt")).unwrap();
    std::os::unix::fs::symlink("..", d.join("corpus/sub/loop")).unwrap();
    let out = stancer_in(d, &["label", "-q", "corpus"], None);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("corpus/linked.txt,1,IND,dispute,USA"),
        "{}",
        stdout(&out)
    );
    assert!(
        stderr(&out).contains("corpus/dangling.txt: cannot read"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("corpus/sub/loop"), "{}", stderr(&out));
    assert!(stderr(&out).contains("2 skipped"), "{}", stderr(&out));

    let out = stancer_in(d, &["label", "-q", "--no-follow", "corpus"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(claim_rows(&stdout(&out)), 0);
    assert!(stderr(&out).contains("corpus/linked.txt: a symbolic link, not followed"));
}

/// Every command, with its output to a full device and to a pipe whose reader has gone.
fn every_command(dir: &Path) -> Vec<Vec<&'static str>> {
    std::fs::write(
        dir.join("gold.jsonl"),
        "{\"id\":\"g1\",\"text\":\"Islamabad welcomed U.S. assistance.\",\"claims\":[{\"holder\":\"PAK\",\"label\":\"praise\",\"target\":\"USA\"}]}\n",
    )
    .unwrap();
    let claims = stancer_in(dir, &["label", "-q", "a.txt", "-o", "claims.csv"], None);
    assert!(claims.status.success());
    vec![
        vec!["label", "-q", "a.txt"],
        vec!["label", "-q", "a.txt", "--format", "jsonl", "-j", "2"],
        vec!["sentences", "-q", "a.txt"],
        vec!["explain", "New Delhi disputed U.S. claims of mediation."],
        vec!["eval", "--gold", "gold.jsonl"],
        vec!["eval", "--gold", "gold.jsonl", "--format", "json"],
        vec!["rules", "check"],
        vec!["rules", "patterns"],
        vec!["summary", "claims.csv"],
    ]
}

#[test]
fn every_command_reports_a_full_disk_with_exit_4_and_no_panic() {
    let dir = setup();
    let Some(full) = device(dir.path(), "full", 7) else {
        return;
    };
    for args in every_command(dir.path()) {
        let out = Command::new(env!("CARGO_BIN_EXE_stancer"))
            .current_dir(dir.path())
            .args(&args)
            .stdout(std::fs::OpenOptions::new().write(true).open(&full).unwrap())
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(4), "{args:?}: {err}");
        assert!(err.contains("No space left"), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}

#[test]
fn every_command_stops_quietly_when_its_reader_goes_away() {
    let dir = setup();
    for args in every_command(dir.path()) {
        // The read end is closed before the command writes: every write fails with EPIPE.
        let mut child = Command::new(env!("CARGO_BIN_EXE_stancer"))
            .current_dir(dir.path())
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
        assert!(
            !err.contains("panicked") && !err.contains("Broken pipe"),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn help_lists_the_exit_codes() {
    let out = stancer_in(Path::new("."), &["--help"], None);
    let help = stdout(&out);
    for code in [
        "0  success",
        "1  the run finished",
        "2  usage",
        "3  eval",
        "4  I/O error",
    ] {
        assert!(help.contains(code), "{code}: {help}");
    }
}

#[test]
fn ids_from_several_record_files_carry_their_file() {
    let dir = setup();
    let d = dir.path();
    std::fs::create_dir(d.join("corpus")).unwrap();
    for name in ["a.jsonl", "b.jsonl"] {
        std::fs::write(
            d.join("corpus").join(name),
            "{\"id\":\"1\",\"text\":\"New Delhi disputed U.S. claims.\"}\n",
        )
        .unwrap();
    }
    let out = stancer_in(d, &["label", "-q", "corpus"], None);
    let rows = stdout(&out);
    let ids: Vec<&str> = rows.lines().skip(1).map(|l| l.split(',').next().unwrap()).collect();
    assert_eq!(ids, ["corpus/a.jsonl#1", "corpus/b.jsonl#1"]);
    // One file named alone keeps its ids as they are.
    let out = stancer_in(d, &["label", "-q", "corpus/a.jsonl"], None);
    assert!(
        stdout(&out).lines().nth(1).unwrap().starts_with("1,"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_csv_record_without_an_id_is_named_by_its_line() {
    let dir = setup();
    std::fs::write(
        dir.path().join("b.csv"),
        "id,text\nx,\"A first\nrecord over two lines.\"\n,New Delhi disputed U.S. claims.\n",
    )
    .unwrap();
    let out = stancer_in(dir.path(), &["label", "-q", "b.csv"], None);
    assert!(stdout(&out).contains("\nb.csv:4,1,IND,dispute,USA"), "{}", stdout(&out));
}

#[test]
fn a_date_written_as_a_json_number_is_read_and_a_wrong_one_warned() {
    let dir = setup();
    std::fs::write(
        dir.path().join("d.jsonl"),
        "{\"id\":\"a\",\"text\":\"Kerry praised Japan.\",\"date\":20150510}\n\
         {\"id\":\"b\",\"text\":\"Kerry praised Japan.\",\"date\":2004}\n\
         {\"id\":\"c\",\"text\":\"Kerry praised Japan.\",\"date\":[2015]}\n",
    )
    .unwrap();
    let out = stancer_in(dir.path(), &["label", "-q", "d.jsonl"], None);
    let rows = stdout(&out);
    assert!(rows.contains("\na,1,USA,praise,JPN"), "{rows}");
    assert!(!rows.contains("\nb,"), "Kerry was no office holder in 2004: {rows}");
    assert!(rows.contains(",2015-05-10\n"), "{rows}");
    assert!(stderr(&out).contains("d.jsonl:3: invalid date"), "{}", stderr(&out));
}

#[test]
fn label_date_is_the_default_for_undated_documents() {
    let dir = setup();
    std::fs::write(
        dir.path().join("k.jsonl"),
        "{\"id\":\"a\",\"text\":\"Kerry praised Japan.\"}\n{\"id\":\"b\",\"text\":\"Kerry praised Japan.\",\"date\":\"2015\"}\n",
    )
    .unwrap();
    let undated = stancer_in(dir.path(), &["label", "-q", "k.jsonl"], None);
    assert_eq!(claim_rows(&stdout(&undated)), 2);
    let out = stancer_in(dir.path(), &["label", "-q", "k.jsonl", "--date", "2004"], None);
    let rows = stdout(&out);
    assert_eq!(claim_rows(&rows), 1, "{rows}");
    assert!(rows.contains("\nb,1,USA,praise,JPN"), "{rows}");
    let bad = stancer_in(dir.path(), &["label", "-q", "k.jsonl", "--date", "May"], None);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn sentence_chars_cuts_the_sentence_cell_around_the_cue() {
    let dir = setup();
    let long = format!(
        "{} New Delhi disputed U.S. claims of mediation {}.",
        "word ".repeat(2000),
        "more ".repeat(2000)
    );
    std::fs::write(dir.path().join("long.txt"), &long).unwrap();
    let out = stancer_in(dir.path(), &["label", "-q", "long.txt", "--sentence-chars", "60"], None);
    let rows = stdout(&out);
    let row = rows.lines().nth(1).expect("a claim row");
    assert!(row.contains("disputed"), "{row}");
    assert!(row.len() < 300, "{row}");
    assert!(row.contains('…'), "{row}");
}

#[test]
fn eval_shows_n_a_for_a_label_without_items() {
    let dir = setup();
    std::fs::write(
        dir.path().join("gold.jsonl"),
        "{\"id\":\"g1\",\"text\":\"Islamabad welcomed U.S. assistance.\",\"claims\":[{\"holder\":\"PAK\",\"label\":\"praise\",\"target\":\"USA\"}]}\n",
    )
    .unwrap();
    let out = stancer_in(dir.path(), &["eval", "--gold", "gold.jsonl"], None);
    let text = stdout(&out);
    let support = text.lines().find(|l| l.starts_with("support")).unwrap();
    assert!(support.contains("n/a"), "{text}");
    assert!(!support.contains("1.000"), "{text}");
}

#[test]
fn rules_check_prints_each_error_once() {
    let dir = setup();
    let rules = dir.path().join("rules");
    std::fs::create_dir(&rules).unwrap();
    for entry in std::fs::read_dir(common::root().join("rules")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), rules.join(entry.file_name())).unwrap();
    }
    let actors = std::fs::read_to_string(rules.join("actors.csv")).unwrap();
    std::fs::write(rules.join("actors.csv"), actors + "Freedonia,USAA,name,,\n").unwrap();
    let out = stancer_in(dir.path(), &["rules", "check", "rules"], None);
    assert_eq!(out.status.code(), Some(2));
    let all = stdout(&out) + &stderr(&out);
    assert_eq!(all.matches("USAA").count(), 1, "{all}");
}

/// Sends `signal` to `stancer label -o out.csv` while it waits for the rest of its
/// standard input (so the run is surely under way, with no timing guess), and gives its
/// exit code, its standard error and the folder's files afterwards.
fn interrupted_label(dir: &Path, signal: &str) -> (Option<i32>, String, Vec<String>) {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_stancer"))
        .current_dir(dir)
        .args(["label", "-q", "-o", "out.csv"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    input.write_all(ARTICLE.as_bytes()).unwrap();
    let temporary = || {
        std::fs::read_dir(dir)
            .unwrap()
            .any(|e| e.unwrap().file_name().to_string_lossy().starts_with(".stancer-"))
    };
    // The temporary output exists once the signals are handled and the output is open.
    let waited = std::time::Instant::now();
    while !temporary() {
        assert!(waited.elapsed().as_secs() < 60, "no temporary output appeared");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let sent = Command::new("kill")
        .args([&format!("-{signal}"), &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    let out = child.wait_with_output().unwrap();
    drop(input);
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    (out.status.code(), stderr(&out), files)
}

#[test]
fn an_interrupted_run_leaves_the_old_output_and_no_temporary_file() {
    for (signal, code) in [("INT", 130), ("TERM", 143)] {
        let dir = setup();
        std::fs::write(dir.path().join("out.csv"), "yesterday's run\n").unwrap();
        let (status, err, files) = interrupted_label(dir.path(), signal);
        assert_eq!(status, Some(code), "SIG{signal}: {err}");
        assert_eq!(files, ["a.txt", "out.csv"], "SIG{signal}");
        assert_eq!(
            std::fs::read_to_string(dir.path().join("out.csv")).unwrap(),
            "yesterday's run\n"
        );
        assert!(err.contains("after 0 documents"), "SIG{signal}: {err}");
    }
    let dir = setup();
    let (status, _, files) = interrupted_label(dir.path(), "INT");
    assert_eq!(status, Some(130));
    assert_eq!(files, ["a.txt"], "an interrupted run wrote an output");
}

#[test]
fn a_sentence_without_an_end_is_labeled_in_windows_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Pakistan thanked India for the help ".repeat(1000);
    std::fs::write(dir.path().join("long.txt"), &text).unwrap();
    let out = stancer_in(dir.path(), &["label", "-q", "long.txt"], None);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains("document \"long.txt\": the sentence at character 0 runs 35999 bytes"),
        "{err}"
    );
    assert!(err.contains("1 warnings"), "{err}");
    // Each window is a sentence of its own, with its own claims.
    let rows = stdout(&out);
    let ids: std::collections::BTreeSet<&str> = rows.lines().skip(1).map(|r| r.split(',').nth(1).unwrap()).collect();
    assert!(rows.lines().skip(1).all(|r| r.contains(",PAK,praise,")), "{rows}");
    let sentences = stancer_in(dir.path(), &["sentences", "-q", "long.txt"], None);
    let windows = stdout(&sentences).lines().count();
    assert!((12..=13).contains(&windows), "{windows} windows of at most 3000 bytes");
    assert_eq!(ids.len(), windows, "{rows}");
    assert!(stderr(&sentences).contains("runs 35999 bytes"));
}
