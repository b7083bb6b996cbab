//! Arbitrary bytes, read as lossy UTF-8, through the sentence splitter: the spans
//! must be ascending, disjoint, non-empty, trimmed and on char boundaries.

#![no_main]

use libfuzzer_sys::fuzz_target;
use stancer::segment::Segmenter;
use std::sync::OnceLock;

fn segmenter() -> &'static Segmenter {
    static SEGMENTER: OnceLock<Segmenter> = OnceLock::new();
    SEGMENTER.get_or_init(|| match stancer::rules::RulePack::builtin() {
        Ok(pack) => pack.segmenter,
        Err(errors) => panic!("the built-in rule pack does not load: {errors:?}"),
    })
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let spans = segmenter().sentence_spans(&text);
    let mut previous_end = 0;
    for span in &spans {
        assert!(span.start < span.end, "empty span {span:?} in {text:?}");
        assert!(
            span.start >= previous_end,
            "span {span:?} overlaps or goes back in {text:?}"
        );
        let piece = text
            .get(span.clone())
            .unwrap_or_else(|| panic!("span {span:?} out of range or off a char boundary in {text:?}"));
        assert_eq!(piece, piece.trim(), "span {span:?} not trimmed in {text:?}");
        previous_end = span.end;
    }
});
