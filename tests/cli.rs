//! The real binary on small inputs: formats, standard input, bad input, exit codes,
//! determinism across thread counts, atomic output, rule pack errors, explain and eval.

mod common;

use common::{json_lines, root, stancer, stancer_in, stderr, stdout};
use std::io::Write;
use std::path::Path;

const ARTICLE: &str = "Islamabad welcomed U.S. assistance. New Delhi disputed U.S. claims of mediation.";

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

/// A copy of the built-in rule files in `dir/name`, to break or edit.
fn copy_rules(dir: &Path, name: &str) -> std::path::PathBuf {
    let rules = dir.join(name);
    std::fs::create_dir(&rules).unwrap();
    for entry in std::fs::read_dir(root().join("rules")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), rules.join(entry.file_name())).unwrap();
    }
    rules
}

/// Document `i` of `text` as a JSON Lines line, id "doc{i}".
fn document(i: usize, text: &str) -> String {
    format!("{}\n", serde_json::json!({"id": format!("doc{i}"), "text": text}))
}

/// `n` documents of `text` as JSON Lines.
fn documents(n: usize, text: &str) -> String {
    (0..n).map(|i| document(i, text)).collect()
}

fn triples(csv_text: &str) -> Vec<String> {
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            format!("{}|{}|{}|{}", &r[0], &r[2], &r[3], &r[4])
        })
        .collect()
}

#[test]
fn text_file_gives_claims_with_path_as_doc_id() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", ARTICLE.as_bytes());
    let out = stancer_in(dir.path(), &["label", "a.txt"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        triples(&stdout(&out)),
        ["a.txt|PAK|praise|USA", "a.txt|IND|dispute|USA"]
    );
    assert!(stderr(&out).contains("1 documents"), "{}", stderr(&out));
}

#[test]
fn claims_header_lists_the_interface_columns() {
    let out = stancer_in(&root(), &["label", "-"], Some(b"Nothing here."));
    assert_eq!(
        stdout(&out).lines().next().unwrap(),
        "doc_id,sentence_id,holder,label,target,holder_name,target_name,sentence,cue,holder_text,target_text,via,rule,pattern,start,end,date"
    );
    let legacy = stancer_in(&root(), &["label", "-", "--columns", "legacy"], Some(b"Nothing here."));
    assert_eq!(
        stdout(&legacy).lines().next().unwrap(),
        "doc_id,sentence_id,holder,label,target,cue,rule,holder_text,target_text,start,end,sentence,date"
    );
}

#[test]
fn standard_input_is_one_text_document() {
    let out = stancer_in(&root(), &["label"], Some(ARTICLE.as_bytes()));
    assert!(out.status.success());
    assert_eq!(
        triples(&stdout(&out)),
        ["stdin|PAK|praise|USA", "stdin|IND|dispute|USA"]
    );
}

/// Spark's `rdd.pipe()` route: JSON Lines in on standard input, JSON Lines out on
/// standard output, in input order, one line per claim and nothing else on it.
#[test]
fn jsonl_from_standard_input_to_standard_output_keeps_order_one_line_per_claim() {
    // Enough documents to fill several batches on every thread.
    let texts = [
        ARTICLE,
        "Nothing to see here.",
        "India criticized Pakistan. Pakistan praised China.",
    ];
    let input: String = (0..600).map(|i| document(i, texts[i % 3])).collect();
    let args = ["label", "--input-format", "jsonl", "--format", "jsonl", "-j", "2"];
    let out = stancer_in(&root(), &args, Some(input.as_bytes()));
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.lines().all(|l| l.starts_with("{\"doc_id\":")),
        "only claim lines: {text:.300}"
    );
    let rows = json_lines(&text);
    assert_eq!(rows.len(), 4 * 200);
    let order: Vec<(String, u64)> = rows
        .iter()
        .map(|r| {
            (
                r["doc_id"].as_str().unwrap().to_owned(),
                r["sentence_id"].as_u64().unwrap(),
            )
        })
        .collect();
    let expected: Vec<(String, u64)> = (0..600)
        .flat_map(|i| match i % 3 {
            0 => vec![(format!("doc{i}"), 1), (format!("doc{i}"), 2)],
            1 => vec![],
            _ => vec![(format!("doc{i}"), 1), (format!("doc{i}"), 2)],
        })
        .collect();
    assert_eq!(order, expected);
    assert_eq!(rows[2]["holder"], "IND");
}

#[test]
fn jsonl_records_with_ids_dates_and_missing_ids() {
    let dir = tempfile::tempdir().unwrap();
    let lines = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "n1", "text": ARTICLE, "date": "2025-05-11"}),
        serde_json::json!({"text": "Pakistan thanked the UN."})
    );
    write(dir.path(), "c.jsonl", lines.as_bytes());
    let out = stancer_in(dir.path(), &["label", "c.jsonl", "--format", "jsonl"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let rows = json_lines(&stdout(&out));
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0]["date"], "2025-05-11");
    assert_eq!(rows[2]["doc_id"], "c.jsonl:2");
    assert_eq!(rows[2]["target"], "UN");
}

#[test]
fn csv_input_with_renamed_fields_and_gzip() {
    let dir = tempfile::tempdir().unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    write!(gz, "Body ID,articleBody\n7,\"{ARTICLE}\"\n").unwrap();
    write(dir.path(), "bodies.csv.gz", &gz.finish().unwrap());
    let out = stancer_in(
        dir.path(),
        &[
            "label",
            "bodies.csv.gz",
            "--id-field",
            "Body ID",
            "--text-field",
            "articleBody",
        ],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(triples(&stdout(&out)), ["7|PAK|praise|USA", "7|IND|dispute|USA"]);
}

#[test]
fn missing_text_column_names_the_columns_and_the_fix() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "b.csv", b"Body ID,articleBody\n1,x\n");
    let out = stancer_in(dir.path(), &["label", "b.csv"], None);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("b.csv:1: no \"text\" column (columns: Body ID, articleBody)"),
        "{err}"
    );
    assert!(err.contains("--text-field"), "{err}");
}

#[test]
fn broken_jsonl_record_is_skipped_with_file_and_line_and_the_rest_labeled() {
    let dir = tempfile::tempdir().unwrap();
    let good = serde_json::json!({"id": "ok", "text": ARTICLE}).to_string();
    write(
        dir.path(),
        "m.jsonl",
        format!("{good}\n{{\"id\": \"bad\", \"text\": \n{good}\n").as_bytes(),
    );
    let out = stancer_in(dir.path(), &["label", "m.jsonl"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("skipped: m.jsonl:2: invalid JSON"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("1 skipped"), "{}", stderr(&out));
    assert_eq!(triples(&stdout(&out)).len(), 4);
}

#[test]
fn invalid_utf8_is_replaced_with_a_warning_and_still_labeled() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = b"Line one.\nIslamabad welcomed U.S. assistance \xff\xfe.".to_vec();
    bytes.push(b'\n');
    write(dir.path(), "latin.txt", &bytes);
    let out = stancer_in(dir.path(), &["label", "latin.txt"], None);
    assert!(out.status.success(), "a warning is not a skip");
    assert!(
        stderr(&out).contains("warning: latin.txt:2: invalid UTF-8"),
        "{}",
        stderr(&out)
    );
    assert_eq!(triples(&stdout(&out)), ["latin.txt|PAK|praise|USA"]);
}

#[test]
fn binary_file_and_unreadable_path_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "blob.bin", b"\x00\x01\x02binary");
    write(dir.path(), "ok.txt", ARTICLE.as_bytes());
    let out = stancer_in(dir.path(), &["label", "blob.bin", "missing.txt", "ok.txt"], None);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("skipped: blob.bin: binary file"), "{err}");
    assert!(err.contains("skipped: missing.txt: cannot read"), "{err}");
    assert!(err.contains("2 skipped"), "{err}");
    assert_eq!(triples(&stdout(&out)).len(), 2);
}

#[test]
fn folders_are_walked_in_sorted_order_skipping_expectation_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    write(dir.path(), "sub/b.txt", b"Pakistan thanked the UN.");
    write(dir.path(), "a.txt", ARTICLE.as_bytes());
    write(dir.path(), "x.expected.jsonl", b"{}");
    let out = stancer_in(dir.path(), &["label", "."], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let ids: Vec<String> = triples(&stdout(&out))
        .iter()
        .map(|t| t.split('|').next().unwrap().to_owned())
        .collect();
    assert_eq!(ids, ["./a.txt", "./a.txt", "./sub/b.txt"]);
}

#[test]
fn output_is_identical_for_one_and_two_threads() {
    let seeds = root().join("seeds/india-pakistan-2025.txt");
    let text = std::fs::read_to_string(&seeds).unwrap();
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "many.jsonl", documents(300, &text).as_bytes());
    let one = stancer_in(dir.path(), &["label", "many.jsonl", "-j", "1"], None);
    let two = stancer_in(dir.path(), &["label", "many.jsonl", "-j", "2"], None);
    assert!(one.status.success() && two.status.success());
    assert!(one.stdout.len() > 100_000);
    assert!(one.stdout == two.stdout, "output differs between -j 1 and -j 2");
}

/// A write that fails (a full disk) stops the run at once, whatever `-j`: the labeling
/// threads waiting for room or still reading must be told to stop, or the run would hang.
#[cfg(target_os = "linux")]
#[test]
fn a_failed_write_stops_the_run_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "many.jsonl", documents(3000, ARTICLE).as_bytes());
    let Some(full) = common::device(dir.path(), "full", 7) else {
        return;
    };
    for jobs in ["1", "2", "4"] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_stancer"))
            .current_dir(dir.path())
            .args(["label", "many.jsonl", "-q", "-j", jobs])
            .stdout(std::fs::OpenOptions::new().write(true).open(&full).unwrap())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // A hang guard, not a speed check: the run takes well under a second.
        let started = std::time::Instant::now();
        while child.try_wait().unwrap().is_none() {
            if started.elapsed() > std::time::Duration::from_secs(120) {
                child.kill().unwrap();
                panic!("-j {jobs}: still running two minutes after its output failed");
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(4), "-j {jobs}: {}", stderr(&out));
        assert!(stderr(&out).contains("No space left"), "-j {jobs}: {}", stderr(&out));
    }
}

/// `-j 1` reads on the one thread and `-j 2` on both, in turn, out of order:
/// the same rows, the same messages in the same order and the same exit code.
#[test]
fn one_thread_and_two_report_bad_records_alike() {
    let dir = tempfile::tempdir().unwrap();
    let mut lines = String::new();
    for i in 0..1500 {
        match i % 400 {
            7 => lines.push_str("{\"id\": \"broken\", \"text\": \n"),
            9 => lines.push_str("{\"id\": \"notext\"}\n"),
            _ => lines.push_str(&document(i, ARTICLE)),
        }
    }
    write(dir.path(), "mixed.jsonl", lines.as_bytes());
    let run = |jobs: &str| {
        let out = stancer_in(dir.path(), &["label", "mixed.jsonl", "-j", jobs], None);
        let err = stderr(&out);
        // The closing summary line holds the run time.
        let messages: Vec<String> = err
            .lines()
            .filter(|l| !l.starts_with("stancer label:"))
            .map(String::from)
            .collect();
        (out.status.code(), stdout(&out), messages, err)
    };
    let (one, two) = (run("1"), run("2"));
    assert_eq!(one.0, Some(1), "{}", one.3);
    assert_eq!(one.2.len(), 8, "{}", one.3);
    assert!(
        one.2[0].starts_with("skipped: mixed.jsonl:8: invalid JSON"),
        "{}",
        one.3
    );
    assert!(one.3.contains("8 skipped"), "{}", one.3);
    assert_eq!(one.0, two.0);
    assert_eq!(one.2, two.2);
    assert!(one.1 == two.1, "rows differ between -j 1 and -j 2");
}

#[test]
fn output_file_appears_whole() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", ARTICLE.as_bytes());
    let out = stancer_in(dir.path(), &["label", "a.txt", "-o", "claims.csv"], None);
    assert!(out.status.success());
    let written = std::fs::read_to_string(dir.path().join("claims.csv")).unwrap();
    assert_eq!(triples(&written).len(), 2);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".stancer-"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn excel_output_has_bom_and_crlf() {
    let out = stancer_in(&root(), &["label", "--excel"], Some(ARTICLE.as_bytes()));
    assert!(out.stdout.starts_with("\u{feff}doc_id,".as_bytes()));
    assert!(stdout(&out).contains("date\r\n"));
}

#[test]
fn all_sentences_adds_rows_without_claims() {
    let input = b"Islamabad welcomed U.S. assistance. The weather was fine.";
    let out = stancer_in(&root(), &["label", "--all-sentences"], Some(input));
    assert_eq!(triples(&stdout(&out)), ["stdin|PAK|praise|USA", "stdin|||"]);
}

#[test]
fn sentences_command_gives_character_offsets_and_folded_text() {
    let input = "Ünïcode first.\nThe second sentence runs on across a line   break\nand ends here.".as_bytes();
    let out = stancer_in(&root(), &["sentences"], Some(input));
    let rows = json_lines(&stdout(&out));
    assert_eq!(rows.len(), 2);
    assert_eq!(
        (rows[0]["start"].as_u64(), rows[0]["end"].as_u64()),
        (Some(0), Some(14))
    );
    assert_eq!(
        rows[1]["text"],
        "The second sentence runs on across a line break and ends here."
    );
}

#[test]
fn broken_rule_pack_exits_2_with_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let rules = copy_rules(dir.path(), "rules");
    let mut actors = std::fs::OpenOptions::new()
        .append(true)
        .open(rules.join("actors.csv"))
        .unwrap();
    writeln!(actors, "Yankeeland,USAA,name,,").unwrap();
    let lines = std::fs::read_to_string(rules.join("actors.csv"))
        .unwrap()
        .lines()
        .count();
    for args in [vec!["rules", "check", "rules"], vec!["label", "--rules", "rules", "-"]] {
        let out = stancer_in(dir.path(), &args, Some(b"x"));
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let text = format!("{}{}", stdout(&out), stderr(&out));
        let expected = format!("rules/actors.csv:{lines}:2: error: unknown party \"USAA\" (did you mean USA?)");
        assert!(text.contains(&expected), "{args:?}: {text}");
    }
}

#[test]
fn builtin_rules_check_clean_and_patterns_list_aliases_and_cues() {
    let out = stancer(&["rules", "check"]);
    assert!(out.status.success(), "{}", stdout(&out));
    assert!(stdout(&out).starts_with("ok: "), "{}", stdout(&out));
    let patterns = stdout(&stancer(&["rules", "patterns", "--bare"]));
    let set: std::collections::HashSet<&str> = patterns.lines().collect();
    for p in [
        "White House",
        "New Delhi",
        "denied",
        "took issue with",
        "not",
        "analysts",
    ] {
        assert!(set.contains(p), "{p}");
    }
}

#[test]
fn explain_shows_rule_and_mentions_for_every_sample_claim() {
    let out = stancer(&["explain", "--input", "seeds/india-pakistan-2025.txt"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let claims: Vec<&str> = text.lines().filter(|l| l.trim_start().starts_with("CLAIM")).collect();
    let labeled = stdout(&stancer(&["label", "seeds/india-pakistan-2025.txt"]));
    assert_eq!(claims.len(), triples(&labeled).len());
    for c in &claims {
        assert!(
            c.contains(" rule cues.csv:") && c.contains(" holder \"") && c.contains(" cue \""),
            "{c}"
        );
    }
    assert!(
        text.contains("actor    \"New Delhi\" -> IND"),
        "mentions are listed with their party"
    );
    assert!(text.contains("dropped  \"questioned\""), "dropped cues say why");
}

#[test]
fn eval_min_f1_sets_the_exit_code() {
    let dir = tempfile::tempdir().unwrap();
    let gold = [
        serde_json::json!({"id": "g1", "text": "Islamabad welcomed U.S. assistance.", "claims": [{"holder": "PAK", "label": "praise", "target": "USA"}]}),
        serde_json::json!({"id": "g2", "text": "Analysts questioned the U.S. account.", "claims": []}),
        serde_json::json!({"id": "g3", "text": "India thanked France.", "claims": [{"holder": "IND", "label": "dispute", "target": "FRA"}]}),
    ];
    let text: String = gold.iter().map(|g| format!("{g}\n")).collect();
    write(dir.path(), "gold.jsonl", text.as_bytes());
    let pass = stancer_in(
        dir.path(),
        &["eval", "--gold", "gold.jsonl", "--min-f1", "0.4", "--errors", "5"],
        None,
    );
    assert_eq!(pass.status.code(), Some(0), "{}", stderr(&pass));
    let report = stdout(&pass);
    assert!(
        report.contains("micro        1     1     1     0.500   0.500  0.500"),
        "{report}"
    );
    assert!(report.contains("- g3: India thanked France."), "{report}");
    let fail = stancer_in(dir.path(), &["eval", "--gold", "gold.jsonl", "--min-f1", "0.9"], None);
    assert_eq!(fail.status.code(), Some(3));
    let json = stancer_in(dir.path(), &["eval", "--gold", "gold.jsonl", "--format", "json"], None);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v["triples"]["micro"]["tp"], 1);
}

#[test]
fn rules_diff_lists_changed_gold_items_and_scores() {
    let dir = tempfile::tempdir().unwrap();
    let rules = copy_rules(dir.path(), "flipped");
    let cues = std::fs::read_to_string(rules.join("cues.csv")).unwrap();
    let flipped = cues.replace("\nwelcome,praise,verb,", "\nwelcome,dispute,verb,");
    assert_ne!(cues, flipped, "the welcome row exists");
    std::fs::write(rules.join("cues.csv"), flipped).unwrap();
    let gold = serde_json::json!({"id": "g1", "text": "Islamabad welcomed U.S. assistance.",
        "claims": [{"holder": "PAK", "label": "praise", "target": "USA"}]});
    write(dir.path(), "gold.jsonl", format!("{gold}\n").as_bytes());
    let out = stancer_in(
        dir.path(),
        &["rules", "diff", "builtin", "flipped", "--gold", "gold.jsonl"],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("g1 [worse] Islamabad welcomed U.S. assistance."),
        "{text}"
    );
    assert!(text.contains("new  (PAK, dispute, USA)"), "{text}");
    assert!(
        text.contains("1 of 1 items changed: 0 better, 1 worse. micro-F1 triples 1.000 -> 0.000"),
        "{text}"
    );
}

#[test]
fn bom_and_crlf_are_handled_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.txt",
        "\u{feff}Islamabad welcomed U.S. assistance.\r\nNew Delhi disputed U.S. claims.\r\n".as_bytes(),
    );
    let json = serde_json::json!({"id": "j", "text": ARTICLE}).to_string();
    write(
        dir.path(),
        "b.jsonl",
        format!("\u{feff}{json}\r\n\r\n{json}\r\n").as_bytes(),
    );
    write(
        dir.path(),
        "c.csv",
        format!("\u{feff}id,text\r\nc1,\"{ARTICLE}\"\r\n").as_bytes(),
    );
    let out = stancer_in(dir.path(), &["label", "a.txt", "b.jsonl", "c.csv"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let rows = triples(&stdout(&out));
    assert_eq!(rows.len(), 8, "{rows:?}");
    assert_eq!(rows[0], "a.txt|PAK|praise|USA");
    // Several inputs: record ids carry their file, so two files' ids cannot clash.
    assert!(rows.contains(&"c.csv#c1|IND|dispute|USA".to_owned()), "{rows:?}");
    assert!(
        !stdout(&out).contains('\r'),
        "CRLF does not leak into the sentence column"
    );
}

#[test]
fn empty_files_give_no_claims_and_no_error() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["e.txt", "e.jsonl", "e.csv"] {
        write(dir.path(), name, b"");
    }
    let out = stancer_in(dir.path(), &["label", "e.txt", "e.jsonl"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(triples(&stdout(&out)).len(), 0);
    // An empty CSV has no header row: that is reported, not fatal.
    let out = stancer_in(dir.path(), &["label", "e.csv", "e.txt"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("e.csv:1:"), "{}", stderr(&out));
}

#[test]
fn a_100_mb_line_without_a_sentence_end_is_labeled() {
    let dir = tempfile::tempdir().unwrap();
    let unit = "and the talks went on without pause ";
    let mut text = String::with_capacity(100 << 20);
    text.push_str("Islamabad welcomed U.S. assistance ");
    while text.len() < 100 << 20 {
        text.push_str(unit);
    }
    let record = serde_json::json!({"id": "huge", "text": text}).to_string();
    drop(text);
    write(
        dir.path(),
        "huge.jsonl",
        format!("{record}\n{}\n", serde_json::json!({"id": "next", "text": ARTICLE})).as_bytes(),
    );
    drop(record);
    let out = stancer_in(dir.path(), &["label", "huge.jsonl", "--format", "jsonl"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let rows = json_lines(&stdout(&out));
    let ids: Vec<&str> = rows.iter().map(|r| r["doc_id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["huge", "next", "next"]);
    assert_eq!(rows[0]["holder"], "PAK");
}

#[test]
fn a_text_file_larger_than_a_part_reads_as_one_document_in_parts() {
    // 3 MB of paragraphs, with a line of invalid UTF-8 in the third megabyte.
    let dir = tempfile::tempdir().unwrap();
    let paragraph = format!("{ARTICLE} The talks went on.\nIt was a long day for “everyone”.\n\n");
    let mut bytes = Vec::new();
    let mut bad_line = 0;
    while bytes.len() < 3 * stancer::input::PART_BYTES {
        if bad_line == 0 && bytes.len() > 2 * stancer::input::PART_BYTES + 1000 {
            bad_line = bytes.iter().filter(|&&b| b == b'\n').count() + 1;
            bytes.extend_from_slice(b"Bad \xff byte.\n\n");
        }
        bytes.extend_from_slice(paragraph.as_bytes());
    }
    write(dir.path(), "long.txt", &bytes);
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let whole = serde_json::json!({"id": "long.txt", "text": text}).to_string();
    write(dir.path(), "whole.jsonl", whole.as_bytes());

    let parts = stancer_in(dir.path(), &["sentences", "long.txt"], None);
    assert!(parts.status.success(), "{}", stderr(&parts));
    let warning = format!("long.txt:{bad_line}: invalid UTF-8");
    assert!(stderr(&parts).contains(&warning), "{warning} in {}", stderr(&parts));
    let one = stancer_in(dir.path(), &["sentences", "whole.jsonl"], None);
    assert!(one.status.success(), "{}", stderr(&one));
    // Cut at blank lines, the parts split into the same sentences, with the same ids and
    // character offsets, as the text read whole.
    assert_eq!(stdout(&parts), stdout(&one));

    let parts = stancer_in(dir.path(), &["label", "long.txt", "-j", "2"], None);
    assert!(stderr(&parts).contains("label: 1 documents"), "{}", stderr(&parts));
    let one = stancer_in(dir.path(), &["label", "whole.jsonl"], None);
    assert_eq!(stdout(&parts), stdout(&one));

    // Without a line break, a part ends at a space, and the sentence without an end is
    // labeled in windows of at most 3,000 bytes; the pieces still cover the text, in order.
    let line = "and the talks went on without pause ".repeat(40_000);
    write(dir.path(), "line.txt", line.as_bytes());
    let out = stancer_in(dir.path(), &["sentences", "line.txt", "--format", "jsonl"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let rows = json_lines(&stdout(&out));
    let spans: Vec<(u64, u64, u64)> = rows
        .iter()
        .map(|r| {
            (
                r["sentence_id"].as_u64().unwrap(),
                r["start"].as_u64().unwrap(),
                r["end"].as_u64().unwrap(),
            )
        })
        .collect();
    assert!(spans.len() > line.len() / 3000, "{} windows", spans.len());
    assert_eq!(spans[0].1, 0);
    for (i, pair) in spans.windows(2).enumerate() {
        assert_eq!(pair[0].0 as usize, i + 1);
        assert!(pair[0].2 < pair[1].1 && pair[0].2 - pair[0].1 <= 3000);
    }
    assert_eq!(spans.last().unwrap().2 as usize, line.trim_end().len());
}

#[test]
fn records_without_text_are_skipped_and_an_unbalanced_csv_quote_keeps_earlier_rows() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "r.csv",
        format!("id,text\nok1,\"{ARTICLE}\"\nbad,\"unclosed\nok2,x,extra\n").as_bytes(),
    );
    let good = serde_json::json!({"id": "j1", "text": ARTICLE}).to_string();
    write(
        dir.path(),
        "r.jsonl",
        format!("{{\"id\": \"nt\", \"body\": \"x\"}}\n{good}\n[1, 2]\n").as_bytes(),
    );
    let out = stancer_in(dir.path(), &["label", "r.csv", "r.jsonl"], None);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("skipped: r.jsonl:1: no \"text\" field"), "{err}");
    assert!(err.contains("skipped: r.jsonl:3: not a JSON object"), "{err}");
    let rows = triples(&stdout(&out));
    assert!(rows.contains(&"r.csv#ok1|PAK|praise|USA".to_owned()), "{rows:?}");
    assert!(rows.contains(&"r.jsonl#j1|IND|dispute|USA".to_owned()), "{rows:?}");
}
