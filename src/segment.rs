//! PLACEHOLDER until the real splitter lands: UAX#29 sentences.
use unicode_segmentation::UnicodeSegmentation;

#[derive(Debug, Clone)]
pub struct Segmenter;

impl Segmenter {
    pub fn from_csv(_text: &str) -> Result<Segmenter, (usize, String)> {
        Ok(Segmenter)
    }
    pub fn sentence_spans(&self, text: &str) -> Vec<std::ops::Range<usize>> {
        let mut out = Vec::new();
        for (start, s) in text.split_sentence_bound_indices() {
            let trimmed_start = start + (s.len() - s.trim_start().len());
            let end = start + s.trim_end().len();
            if end > trimmed_start {
                out.push(trimmed_start..end);
            }
        }
        out
    }
}

pub fn fold_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
