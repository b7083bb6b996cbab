//! The everyday corpus workflow (issue 22), each finding run through the real binary:
//! metadata kept as columns, dates that cannot mislead, summary reading what label
//! writes, explain on a corpus record, readable columns, the splitter at Unicode spaces,
//! and eval's scores in JSON.

mod common;

use common::{json_lines, stancer_in, stderr, stdout};

// Finding 6: a no-break space after a full stop is a sentence boundary.
#[test]
fn sentences_split_at_a_no_break_space_after_a_full_stop() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Clinton said thank you.\u{a0}Only one poll put her ahead.\u{2009}Trump disagreed.";
    let out = stancer_in(dir.path(), &["sentences", "-"], Some(text.as_bytes()));
    assert!(out.status.success(), "{}", stderr(&out));
    let texts: Vec<String> = json_lines(&stdout(&out))
        .iter()
        .map(|s| s["text"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        texts,
        [
            "Clinton said thank you.",
            "Only one poll put her ahead.",
            "Trump disagreed."
        ]
    );
}
