//! Claims of cue templates (templates.csv) whose slots put the parties somewhere a
//! verb would not: the holder after the words ("{target} drew praise from {holder}")
//! or the target between them ("singled out {target} for praise"). Templates with the
//! holder first and the target last are read like any verb phrase.

use super::*;

/// How many words may stand between the words before `{target}` and the words after
/// it: a party with its title ("singled out Pakistan's army chief for praise").
const INSIDE_TARGET_WORDS: usize = 8;

impl Sentence<'_> {
    /// "{target} came under fire from {holder}": the party right after the words holds
    /// the stance, and the subject is its target, read as a passive's subject is.
    pub(super) fn reversed_claims(&self, k: usize) -> ClaimsOr {
        let end = self.units[k].span.end;
        let j = k + 1;
        let adjacent = j < self.units.len()
            && self.same_scope(j, k)
            && words(self.gap(end, self.units[j].span.start)).all(|w| w.eq_ignore_ascii_case("the"))
            && word_count(self.gap(end, self.units[j].span.start)) <= 1;
        if !adjacent || !self.is_party(j) {
            return Err("no party in the template's {holder} slot");
        }
        if !self.units[j].voice {
            return Err("the party in the {holder} slot is no state voice");
        }
        Ok(vec![(
            self.group_right(j),
            None,
            self.passive_subject(k),
            "template-reversed",
        )])
    }

    /// "singled out {target} for praise": the automaton found the words before the
    /// slot; the words after it must follow within a few words, and a party right
    /// after the first words is the target.
    pub(super) fn inside_target_claims(
        &self,
        k: usize,
        rest: &[Vec<String>],
        subject: Option<Result<Vec<usize>, &'static str>>,
    ) -> ClaimsOr {
        let end = self.units[k].span.end;
        let after = &self.text[end..self.sentence.end];
        let found: Vec<(usize, String)> = words(after)
            .take(INSIDE_TARGET_WORDS + rest.iter().map(Vec::len).max().unwrap_or(0))
            .map(|w| (w.as_ptr() as usize - after.as_ptr() as usize, w.to_lowercase()))
            .collect();
        let rest_at = (1..found.len().min(INSIDE_TARGET_WORDS + 1)).find(|&i| {
            rest.iter()
                .any(|seq| found.len() >= i + seq.len() && found[i..i + seq.len()].iter().map(|(_, w)| w).eq(seq))
        });
        let Some(i) = rest_at else {
            return Err("the words after the template's {target} slot do not follow");
        };
        let rest_start = end + found[i].0;
        let holders = subject.unwrap_or_else(|| self.subject(k))?;
        let target = match (k + 1..self.units.len()).find(|&j| self.units[j].span.start < rest_start) {
            Some(j)
                if self.is_party(j)
                    && self.same_scope(j, k)
                    && word_count(self.gap(end, self.units[j].span.start)) <= 1 =>
            {
                let group: Vec<usize> = self
                    .group_right(j)
                    .into_iter()
                    .filter(|&g| self.units[g].span.end <= rest_start)
                    .collect();
                Side::Units(group)
            }
            _ => Side::Empty,
        };
        Ok(vec![(holders, None, target, "template-inside")])
    }
}
