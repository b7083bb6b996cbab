//! Arbitrary UTF-8 through every stage: `Pipeline::label` and `Pipeline::analyze`
//! must not panic, and every claim's spans must lie inside its sentence.

#![no_main]

use libfuzzer_sys::fuzz_target;
use stancer::Pipeline;
use stancer::input::Document;
use std::ops::Range;
use std::sync::OnceLock;

fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| match stancer::rules::RulePack::builtin() {
        Ok(pack) => Pipeline::new(pack),
        Err(errors) => panic!("the built-in rule pack does not load: {errors:?}"),
    })
}

fn inside(outer: &Range<usize>, inner: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let p = pipeline();
    let doc = Document::new("fuzz", text);
    let labeled = p.label(&doc);
    let analysis = p.analyze(&doc);
    assert_eq!(labeled.sentences, analysis.sentences.len());
    assert_eq!(analysis.attributions.len(), analysis.sentences.len());
    for (span, att) in analysis.sentences.iter().zip(&analysis.attributions) {
        for c in &att.claims {
            assert!(inside(span, &c.cue), "cue {:?} outside {span:?}", c.cue);
            assert!(
                inside(span, &c.holder_span),
                "holder {:?} outside {span:?}",
                c.holder_span
            );
            if let Some(t) = &c.target_span {
                assert!(inside(span, t), "target {t:?} outside {span:?}");
            }
        }
    }
    // A dated document takes the alias date windows.
    if let Ok(dated) = Document::new("fuzz", text).with_date("2025-05-10") {
        let _ = p.label(&dated);
    }
});
