//! Claim patterns: from a cue and the units around it to (holder, label, target) with
//! the pattern's name, for verbs and phrases (subject and object, passives, quotations,
//! content clauses), nouns (a possessive holder), reported speech (role words, negated
//! roles) and evaluations said of something.

use super::*;

impl Sentence<'_> {
    /// Whether evaluation `k` is said of something with a copula: "said the claims were
    /// false", "it's nonsense"; after a call verb none is needed ("called them false").
    pub(super) fn predicated(&self, k: usize) -> bool {
        // "the incident was "shocking, painful and unacceptable"": the copula before a
        // list of evaluations.
        let start = self.units[k].span.start;
        let before = self.gap(self.sentence.start, start);
        let listed = before.trim_end().ends_with(" and")
            && before.rsplit(['.', ';']).next().is_some_and(|c| {
                let tail: Vec<&str> = words(c).rev().take(6).collect();
                tail.iter().any(|w| word_in(w, &["is", "are", "was", "were"])) && c.contains(',')
            });
        // "is some sort of nonsense", "are completely and utterly false": words that only
        // grade the evaluation stand between it and the copula (wordlists.csv
        // `judgment_lead`).
        let graded = || {
            let mut back = words(before).rev();
            let mut skipped = 0;
            loop {
                match back.next() {
                    Some(w) if skipped < 4 && self.lexicon.in_list("judgment_lead", w) => skipped += 1,
                    Some(w) => return skipped > 0 && word_in(w, &["is", "are", "was", "were", "be", "been"]),
                    None => return false,
                }
            }
        };
        listed
            || graded()
            || self.words_before(start, 3).iter().any(|w| {
                matches!(
                    *w,
                    "is" | "are" | "was" | "were" | "be" | "been" | "being" | "remain" | "remains"
                ) || matches!(
                    *w,
                    "it's" | "it’s" | "that's" | "that’s" | "this's" | "what's" | "what’s"
                )
            })
    }

    /// The dispute evaluation that the content of support verb `c` predicates ("insisted
    /// the reports were baseless"), within twelve words and the same scope, with no comma
    /// between: "defended the Act, saying it is wrong to ..." defends the Act.
    pub(super) fn content_judgment(&self, c: usize) -> Option<usize> {
        (c + 1..self.units.len())
            .take_while(|&j| self.same_scope(j, c))
            .find(|&j| self.cue_kind(j) == Some(CueKind::Judgment))
            .filter(|&j| {
                let between = self.gap(self.units[c].span.end, self.units[j].span.start);
                self.cue_label(j) == Some(Label::Dispute)
                    && self.predicated(j)
                    && word_count(between) <= 12
                    && !between.contains(',')
            })
    }

    /// An evaluation said of something: "called the reports baseless", "said the U.S.
    /// claims were false", "“The claim is entirely false,” COGAT said". The holder is the
    /// call or report verb's; the target is the party named between verb and
    /// evaluation, if any.
    pub(super) fn judgment_claims(&self, k: usize) -> ClaimsOr {
        let speaker = (0..k).rev().take_while(|&j| self.same_scope(j, k)).find(|&j| {
            // "called the reports incorrect": a speech verb's form after a determiner
            // is a noun here.
            // "the American reports": past a party adjective too.
            let determiner = |at: usize| {
                self.words_before(at, 1).first().is_some_and(|w| {
                    matches!(
                        *w,
                        "the" | "a" | "an" | "these" | "those" | "such" | "its" | "their" | "his" | "her" | "our"
                    )
                })
            };
            let adjective = j > 0
                && self.units[j - 1].adjective
                && self
                    .gap(self.units[j - 1].span.end, self.units[j].span.start)
                    .trim()
                    .is_empty();
            let determined =
                determiner(self.units[j].span.start) || (adjective && determiner(self.units[j - 1].span.start));
            self.is_clause_verb(j) && !self.nominal(j) && !determined
        });
        let predicated = self.predicated(k);
        // "described the weapons drop as a mistake": "as" right before the evaluation
        // makes a speech verb a call.
        let as_before = self.words_before(self.units[k].span.start, 1).first() == Some(&"as");
        let call = speaker.filter(|&c| {
            self.cue_kind(c) == Some(CueKind::Call) || (as_before && self.cue_kind(c) == Some(CueKind::Report))
        });
        let report = speaker.filter(|&c| self.cue_kind(c) == Some(CueKind::Report) && predicated);
        // "maintained that the claim is entirely false": a support verb's content that
        // calls something false is the stance, and the verb's holder holds it.
        let asserted = speaker.filter(|&c| {
            predicated
                && matches!(self.cue_kind(c), Some(CueKind::Verb | CueKind::Phrase))
                && self.cue_label(c) == Some(Label::Support)
                && self.cue_label(k) == Some(Label::Dispute)
        });
        let Some(c) = call.or(report).or(asserted) else {
            if let Some((quoted, _)) = self.quote_attribution(k).filter(|_| predicated) {
                return Ok(vec![(quoted?, None, Side::Empty, "quote-judgment")]);
            }
            // "Pakistan's claims are baseless, India's foreign ministry said."
            if let Some((speaker, _)) = (k + 1..self.units.len())
                .filter(|_| predicated)
                .find_map(|r| self.tail_attribution(r))
                .filter(|&(_, comma)| comma >= self.units[k].span.end)
            {
                let holders = speaker?;
                let target = (0..k)
                    .find(|&j| self.is_party(j) && self.same_scope(j, k))
                    .map_or(Side::Empty, |j| Side::Units(self.group_right(j)));
                return Ok(vec![(holders, None, target, "tail-judgment")]);
            }
            return Err("an evaluation that no call or report verb says");
        };
        let between = word_count(self.gap(self.units[c].span.end, self.units[k].span.start));
        let holders = self.holders[c].clone();
        // "a charge Beijing called groundless": the thing called stands before the holder.
        let answered = holders.as_deref().and_then(|h| self.answered_claim(h));
        // "telling lies" is the verb's object, not what it says of something.
        if (between == 0 && answered.is_none()) || between > 12 {
            return Err("an evaluation right after, or too far from, its call or report verb");
        }
        // "the historic decision": an evaluation before its noun describes, it is not said.
        let rest = &self.text[self.units[k].span.end..self.sentence.end];
        if self.noun_follows(rest.split([',', ';', '.', '"', '”', '’']).next().unwrap_or("")) {
            return Err("an evaluation used as an adjective before a noun");
        }
        if self.negated(c).is_some() || self.lookalike(c).is_some() || self.hypothetical(c) {
            return Err("the call or report verb is negated, hypothetical or a look-alike");
        }
        let holders = holders.ok_or("no holder for the call or report verb")?;
        let judged_for = self.judged_for(k);
        // "saying it is wrong to deny people ...": an act in general, nobody's claim or
        // conduct; "it was wrong for the US to ..." names whose.
        let expletive = matches!(self.words_before(self.units[k].span.start, 2)[..], ["is" | "was", "it"]);
        let infinitive = words(self.gap(self.units[k].span.end, self.sentence.end)).next() == Some("to");
        if expletive && infinitive && judged_for.is_none() {
            return Err("an evaluation of an act in general (\"it is wrong to ...\"), nobody's claim");
        }
        let target = (c + 1..k)
            .find(|&j| self.is_party(j) && !holders.contains(&j))
            .or(judged_for)
            .map_or(Side::Empty, |j| Side::Units(self.group_right(j)));
        if target == Side::Empty
            && let Some(maker) = answered
        {
            return Ok(vec![(holders, None, maker, "answered-claim")]);
        }
        Ok(vec![(holders, None, target, "call-judgment")])
    }

    /// The negators among units `first..r` from byte `clause_start` on: those of the
    /// content clause of a role or charge word at `r`.
    fn clause_negators(&self, first: usize, r: usize, clause_start: usize) -> impl Iterator<Item = usize> + '_ {
        (first..r).filter(move |&j| self.units[j].kind == UnitKind::Negator && self.units[j].span.start >= clause_start)
    }

    /// "said it was wrong for the United States to deliver arms": the party whose
    /// conduct evaluation `k` judges, right after it as "for X to".
    fn judged_for(&self, k: usize) -> Option<usize> {
        let j = k + 1;
        let lead: Vec<&str> = words(self.gap(self.units[k].span.end, self.units.get(j)?.span.start)).collect();
        let then = words(self.gap(self.units[j].span.end, self.sentence.end)).next();
        (self.is_party(j) && matches!(lead[..], ["for"] | ["for", "the"]) && then == Some("to")).then_some(j)
    }

    /// `subject` is the subject already found for `k`, if any.
    pub(super) fn verb_claims(
        &self,
        k: usize,
        modifier: Modifier,
        subject: Option<Result<Vec<usize>, &'static str>>,
    ) -> ClaimsOr {
        let with_self = |side: Side| {
            if side == Side::Empty && modifier == Modifier::SelfTarget {
                Side::SameAsHolder
            } else {
                side
            }
        };
        if let Some((quoted, close)) = self.quote_attribution(k) {
            // “Anyone claiming that ... is peddling fiction,” Obama said.
            if self.participle_after_noun(k) {
                return Err("a participle right after a noun (\"anyone claiming\"): the noun is its subject");
            }
            let holders = quoted?;
            let mut object = self.object(k, &holders, close);
            if object == Side::Empty && self.our_forces(k, close) {
                object = Side::SameAsHolder;
            }
            let target = self.self_or_fact_target(k, with_self(object), modifier)?;
            return Ok(vec![(holders, None, target, "quote-attribution")]);
        }
        if let Some(agent) = self.passive_agent(k) {
            let holders = agent?;
            let target = self.passive_subject(k);
            // "The deaths were confirmed by an Iraqi official": a plain fact.
            if matches!(modifier, Modifier::Fact | Modifier::Plain) && target == Side::Empty {
                return Err("confirms a plain fact: no party in its object or content");
            }
            return Ok(vec![(holders, None, target, "passive-by")]);
        }
        if let Some((holders, comma)) = self.fronted_participle(k) {
            let holders = holders?;
            let target = self.object(k, &holders, comma);
            let target = self.self_or_fact_target(k, with_self(target), modifier)?;
            return Ok(vec![(holders, None, target, "fronted-participle")]);
        }
        let holders = subject.unwrap_or_else(|| self.subject(k))?;
        let target = self.object(k, &holders, usize::MAX);
        if target == Side::Empty
            && let Some(on) = self.blamed_on(k, &holders)
        {
            return Ok(vec![(holders, None, on, "verb-object-on")]);
        }
        if target == Side::Empty
            && let Some(maker) = self.answered_claim(&holders)
        {
            return Ok(vec![(holders, None, maker, "answered-claim")]);
        }
        if target == Side::Empty
            && self.cue_label(k) == Some(Label::Support)
            && let Some(predicate) = self.content_target(k, &holders)
        {
            if modifier == Modifier::Plain && self.own_party_state(&predicate, &holders) {
                return Err("confirms a plain fact about the holder's own side");
            }
            return Ok(vec![(holders, None, predicate, "verb-content")]);
        }
        if modifier == Modifier::Plain && self.own_party_state(&target, &holders) {
            return Err("confirms a plain fact about the holder's own side");
        }
        // "admitted that Kim Jong-Un is unwell": the state of the holder's own leader is
        // a plain fact; an admitted role ("that U.S. troops were involved") stays.
        if modifier == Modifier::Fact
            && let Side::Units(units) = &target
            && units.iter().all(|&u| self.units[u].person)
            && self.own_party_state(&target, &holders)
        {
            return Err("confirms a plain fact about the holder's own leader");
        }
        let target = self.self_or_fact_target(k, with_self(target), modifier)?;
        Ok(vec![(holders, None, target, "verb-subject-object")])
    }

    /// "Rejecting Pakistan's claims, India's foreign ministry said ...": an -ing form
    /// opening the sentence takes as holder the subject right after the comma that ends
    /// its clause. Gives the holders and the comma's position, which bounds the object.
    fn fronted_participle(&self, k: usize) -> Option<(Result<Vec<usize>, &'static str>, usize)> {
        let cue_start = self.units[k].span.start;
        if !ends_with_ignore_case(self.first_word(k), "ing") || word_count(self.gap(self.sentence.start, cue_start)) > 0
        {
            return None;
        }
        let comma = cue_start + self.text[cue_start..self.sentence.end].find(',')?;
        let p = (k + 1..self.units.len()).find(|&j| self.units[j].span.start > comma)?;
        let lead = self.gap(comma + 1, self.units[p].span.start);
        if !self.is_party(p) || !words(lead).all(|w| word_in(w, &["the", "a", "an"])) {
            return None;
        }
        // "..., Britain's Daily Mail said": a possessive before a name owns it.
        let owns_a_name = self.units[p].possessive
            && words(self.gap(self.units[p].span.end, self.sentence.end))
                .next()
                .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
        let speaker = self
            .voiced_group(p)
            .and_then(|group| if owns_a_name { Err(OWNS_A_NAME) } else { Ok(group) });
        Some((speaker, comma))
    }

    /// "Hanoi accused Beijing of ramming its boats, a charge Beijing called groundless",
    /// "— a claim Delhi denies", "a proposal that Israel rejected": holders right after a
    /// noun of list `claim_noun` (wordlists.csv) answer that claim, and its maker is the
    /// target: the holder of the clause verb before, else the sentence's first party.
    fn answered_claim(&self, holders: &[usize]) -> Option<Side> {
        let &h = holders.first()?;
        let start = self.units[h].span.start;
        let before = self.words_before(start, 3);
        let mut rest = before.iter().copied();
        let mut noun = rest.next()?;
        if matches!(noun, "that" | "which") {
            noun = rest.next()?;
        }
        let determiner = rest.next()?;
        if !self.lexicon.in_list("claim_noun", noun)
            || !matches!(determiner, "a" | "an" | "the" | "this" | "that" | "which" | "whose")
        {
            return None;
        }
        let own = |j: usize| holders.iter().any(|&x| self.units[x].kind == self.units[j].kind);
        // "Rep. Hunter said ..., a claim DHS said was false": a maker who is no party
        // leaves the target empty.
        let maker = match (0..h).rev().find(|&v| self.is_clause_verb(v) && !self.nominal(v)) {
            Some(v) => self.holders[v].clone()?,
            None => (0..h)
                .find(|&j| self.is_party(j) && self.units[j].voice && !self.located(j))
                .map(|j| self.group_right(j))?,
        };
        (!maker.iter().any(|&m| own(m))).then_some(Side::Units(maker))
    }

    /// "blamed those attacks on Russia": for the verbs of list `target_after_on`
    /// (wordlists.csv), the party after "on" is whom the blame is laid on, when the
    /// object before it names none. Within ten words and the same scope.
    fn blamed_on(&self, k: usize, holders: &[usize]) -> Option<Side> {
        let UnitKind::Cue(c) = self.units[k].kind else {
            return None;
        };
        if !self.lexicon.in_list("target_after_on", &self.lexicon.cue(c).cue) {
            return None;
        }
        let j = (k + 1..self.units.len())
            .take_while(|&j| self.same_scope(j, k))
            .find(|&j| self.is_party(j) && !holders.contains(&j))?;
        let gap = self.gap(self.units[k].span.end, self.units[j].span.start);
        let before: Vec<&str> = words(gap).collect();
        let on = before.iter().rposition(|w| w.eq_ignore_ascii_case("on"))?;
        let tail = &before[on + 1..];
        let determiner = tail.iter().all(|w| word_in(w, &["the", "a", "an"]));
        (before.len() <= 10 && tail.len() <= 1 && determiner && !gap.contains([';', '(', '"', '“']))
            .then(|| Side::Units(self.group_right(j)))
    }

    /// Thanks in a quote to "our security forces", "our troops": a state voice praising
    /// its own side (a body of no named state, right after "our", before the quote ends).
    fn our_forces(&self, k: usize, close: usize) -> bool {
        self.cue_label(k) == Some(Label::Praise)
            && (k + 1..self.units.len())
                .take_while(|&j| self.units[j].span.end <= close)
                .any(|j| {
                    self.units[j].kind == UnitKind::Unresolved
                        && self.units[j].anaphoric
                        && words(self.gap(self.sentence.start, self.units[j].span.start))
                            .next_back()
                            .is_some_and(|w| w.eq_ignore_ascii_case("our"))
                })
    }

    /// Whether `side` names only the holders' own party, in a state rather than a role:
    /// "Downing Street has confirmed British troops are on standby", "confirmed that the
    /// UK government was working to verify the video". Confirming one's own role is still
    /// a claim (LABELING.md): "the Pentagon confirmed that the U.S. killed Godane".
    fn own_party_state(&self, side: &Side, holders: &[usize]) -> bool {
        let Side::Units(units) = side else {
            return false;
        };
        let own = |u: &usize| holders.iter().any(|&h| self.units[h].kind == self.units[*u].kind);
        let Some(&last) = units.last().filter(|_| units.iter().all(own)) else {
            return false;
        };
        // The copula right after the party, or after its head noun ("British troops are").
        let copula = |w: &&str| word_in(w, &["is", "are", "was", "were", "remains", "remained"]);
        let after = self.gap(self.units[last].span.end, self.sentence.end);
        let next: Vec<&str> = words(after).take(2).collect();
        match next[..] {
            [first, ..] if copula(&first) => true,
            [noun, second] => noun.chars().all(char::is_lowercase) && copula(&second),
            _ => false,
        }
    }

    /// A `fact` cue ("confirmed", "acknowledged") with no party in its object is a
    /// stance only about the holder's own doing ("acknowledged they were trying to ...",
    /// "admitted its forces had ..."); otherwise it confirms a plain fact.
    /// Any support cue whose content opens with the holder's pronoun claims something
    /// for the holder itself ("insisted he had done no deals", "claimed that they had
    /// detained ...": LABELING.md, a holder who claims a role for itself).
    pub(super) fn self_or_fact_target(&self, k: usize, target: Side, modifier: Modifier) -> Result<Side, &'static str> {
        let support = self.cue_label(k) == Some(Label::Support);
        // "the EU and US have confirmed their willingness": confirming something of one's
        // own is a plain fact too.
        if modifier == Modifier::Plain && target == Side::SameAsHolder {
            return Err("confirms a plain fact: no party in its object or content");
        }
        if target != Side::Empty || !(support || modifier == Modifier::Fact) {
            return Ok(target);
        }
        if modifier == Modifier::Plain {
            // "Chad has confirmed it is acting as a mediator": a role the holder confirms
            // for itself is a position (LABELING.md), not a plain fact.
            let content_start = self.units[k].span.end;
            let own_role = (k + 1..self.units.len())
                .take_while(|&r| self.same_scope(r, k))
                .find(|&r| self.cue_kind(r) == Some(CueKind::Role))
                .is_some_and(|r| {
                    let lead: Vec<&str> = words(self.gap(content_start, self.units[r].span.start)).collect();
                    let at = usize::from(lead.first().is_some_and(|w| w.eq_ignore_ascii_case("that")));
                    lead.len() <= at + 6
                        && lead.get(at).is_some_and(|w| word_in(w, &["it", "they", "we"]))
                        && self.negated(r).is_none()
                        && !lead
                            .iter()
                            .any(|w| word_in(w, &["not", "no", "never", "would", "will"]))
                });
            if own_role {
                return Ok(Side::SameAsHolder);
            }
            return Err("confirms a plain fact: no party in its object or content");
        }
        let rest = self.gap(self.units[k].span.end, self.sentence.end);
        // The content's first word, or the first after a nearby "that" ("claimed on
        // Tuesday that they had ...").
        let lead: Vec<&str> = words(rest).take(6).collect();
        let at = lead
            .iter()
            .position(|w| w.eq_ignore_ascii_case("that"))
            .map_or(0, |i| i + 1);
        let (first, second) = (lead.get(at), lead.get(at + 1));
        const OWN: &[&str] = &[
            "they",
            "it",
            "we",
            "its",
            "their",
            "our",
            "itself",
            "themselves",
            "he",
            "she",
        ];
        // "claimed on Friday to have struck a deal": an infinitive perfect claims the
        // holder's own doing too.
        // "Iraqi officials claimed he was wounded": a singular pronoun is not a plural
        // holder ("officials", "authorities") speaking of itself.
        let plural = self
            .holders
            .get(k)
            .and_then(|h| h.as_ref())
            .and_then(|h| h.last())
            .is_some_and(|&h| {
                words(&self.text[self.units[h].span.clone()])
                    .next_back()
                    .is_some_and(|w| {
                        let w = w.to_lowercase();
                        w.ends_with('s') && self.lexicon.body_words.contains(&w)
                    })
            });
        // "Downing Street insisted the prime minister was not ruling anything out": a
        // content whose subject is an unnamed office holder ("the prime minister", "the
        // president") speaks of the holder's own side ("the government" may be another's).
        let content_start = self.units[k].span.end;
        let unnamed_office = (k + 1..self.units.len())
            .find(|&j| self.units[j].span.start >= content_start)
            .filter(|&j| self.units[j].kind == UnitKind::Unresolved && self.units[j].anaphoric)
            .is_some_and(|j| {
                let head = words(&self.text[self.units[j].span.clone()]).next_back().unwrap_or("");
                let lead: Vec<&str> = words(self.gap(content_start, self.units[j].span.start)).collect();
                let office = word_in(
                    head,
                    &[
                        "minister",
                        "president",
                        "chancellor",
                        "premier",
                        "king",
                        "emir",
                        "leader",
                    ],
                );
                // "claiming that armed forces freed ...": the holder's own forces, in a
                // "that" clause only ("backed the forces of ..." is an object).
                let forces = word_in(head, &["forces", "army", "military", "troops"]);
                (office && matches!(&lead[..], ["the"] | ["that", "the"]))
                    || (forces && matches!(&lead[..], ["that"] | ["that", "the"] | ["that", "its"]))
            });
        // The word after the content's first: "insisted it would not bow" is a promise
        // about the holder's own conduct (LABELING.md: no claim); "his party" is a
        // political party, not the holder's state.
        // "maintained that the government would never agree": the holder's own
        // government, unnamed, promising too.
        let modal = |w: Option<&&str>| w.is_some_and(|w| word_in(w, &["would", "will", "shall"]));
        let own_government = first.is_some_and(|w| word_in(w, &["the", "his", "her", "its", "our", "their"]))
            && second.is_some_and(|w| word_in(w, &["government", "administration"]))
            && modal(lead.get(at + 2));
        if (first.is_some_and(|w| word_in(w, &["it", "he", "she", "they", "we"])) && modal(second)) || own_government {
            return Err("hypothetical or a promise (would/could/might/will)");
        }
        let party_word = second.is_some_and(|w| word_in(w, &["party", "party's"]));
        let own = unnamed_office
            || first.is_some_and(|w| word_in(w, OWN) && !(plural && word_in(w, &["he", "she"])) && !party_word)
            || lead
                .windows(2)
                .any(|p| p[0].eq_ignore_ascii_case("to") && word_in(p[1], &["have", "be", "been"]));
        if own {
            Ok(Side::SameAsHolder)
        } else if matches!(modifier, Modifier::Fact | Modifier::Plain) {
            Err("confirms a plain fact: no party in its object or content")
        } else {
            Ok(target)
        }
    }

    /// The look-alike row (lookalikes.csv) that says cue `k` names no stance here:
    /// "claimed the lives", "air support", "backed away".
    pub(super) fn lookalike(&self, k: usize) -> Option<&crate::rules::Lookalike> {
        let UnitKind::Cue(c) = self.units[k].kind else {
            return None;
        };
        let cue = &self.lexicon.cue(c).cue;
        let rows = &self.lexicon.pack.lookalikes;
        if !rows.iter().any(|r| &r.cue == cue) {
            return None;
        }
        let span = &self.units[k].span;
        // "receive IMF support": the word before a party that stands right before the cue
        // is read as if the party were not there.
        let start = match k.checked_sub(1) {
            Some(j) if self.is_party(j) && self.units[j].span.end + 1 == span.start => self.units[j].span.start,
            _ => span.start,
        };
        let before = words(&self.text[self.sentence.start..start])
            .next_back()
            .map(str::to_lowercase);
        let after: Vec<String> = words(&self.text[span.end..self.sentence.end])
            .take(4)
            .map(str::to_lowercase)
            .collect();
        rows.iter().filter(|r| &r.cue == cue).find(|r| {
            before.as_ref().is_some_and(|b| r.before.contains(b))
                || r.after
                    .iter()
                    .any(|seq| after.len() >= seq.len() && after[..seq.len()] == seq[..])
        })
    }

    pub(super) fn noun_claims(&self, k: usize, modifier: Modifier) -> ClaimsOr {
        let before = k.checked_sub(1).filter(|&j| {
            self.same_scope(j, k) && self.is_party(j) && {
                let gap = self.gap(self.units[j].span.end, self.units[k].span.start);
                word_count(gap) <= 2 && !gap.contains([',', ';', '(', ')', '"', '“', '”'])
            }
        });
        match modifier {
            Modifier::Holder | Modifier::SelfTarget | Modifier::Fact | Modifier::Plain => {
                // "despite US objections", "Chinese criticism of": a party right before a
                // noun of dispute or praise holds it as an adjective. Not for support,
                // which as a noun after a name is mostly aid or a poll ("US support for
                // Africa", "Americans' support for the candidates").
                let attributive = |j: usize| {
                    self.cue_label(k).is_some_and(|l| l != Label::Support)
                        && self.cue_kind(k) == Some(CueKind::Noun)
                        && self.units[j].voice
                        && self.gap(self.units[j].span.end, self.units[k].span.start) == " "
                };
                // "Putin's support of separatists", "Turkey's assertions are confirmed",
                // "North Korea's claim that": a support noun after a possessive is aid, a
                // background fact, or a position that others answer; on real reporting the
                // annotators took none of them for the possessor's claim (news.jsonl: 0 of 6).
                if self.cue_label(k) == Some(Label::Support) && before.is_some_and(|j| self.units[j].possessive) {
                    return Err(
                        "a support noun after a possessive is aid, a background fact or a position others answer",
                    );
                }
                let Some(h) = before.filter(|&j| self.units[j].possessive || attributive(j)) else {
                    if let Some(from) = self.noun_from_holder(k) {
                        return Ok(vec![(self.group_right(from), None, Side::Empty, "noun-from-holder")]);
                    }
                    return Err("stance noun without a possessive holder");
                };
                // "Mexicans' ongoing rebuttal", "Americans' support for the candidates": a
                // people is no state voice.
                if !self.units[h].voice {
                    return Err(NO_STATE_VOICE);
                }
                Ok(vec![(
                    self.group_left(h),
                    None,
                    self.noun_object(k),
                    "noun-possessive-holder",
                )])
            }
            Modifier::Target => {
                let Some(t) = before else {
                    return Err("stance noun without the party it is about");
                };
                let holders = self.subject(t)?;
                Ok(vec![(holders, None, Side::Units(vec![t]), "noun-modifier-target")])
            }
        }
    }

    /// "complaints from his American counterpart", "condemnation from Washington": the
    /// state voice right after "from" (and a determiner) holds a stance noun; a possessive
    /// there owns a name ("credits from China's CNPC").
    fn noun_from_holder(&self, k: usize) -> Option<usize> {
        let j = (k + 1 < self.units.len())
            .then_some(k + 1)
            .filter(|&j| self.same_scope(j, k))?;
        let gap = self.gap(self.units[k].span.end, self.units[j].span.start);
        let mut ws = words(gap);
        let from = ws.next().is_some_and(|w| w.eq_ignore_ascii_case("from"));
        let determiners = ws.all(|w| word_in(w, &["the", "his", "her", "its", "their", "a"]));
        (from
            && determiners
            && !gap.contains([',', ';', '(', '"', '“'])
            && self.is_party(j)
            && self.units[j].voice
            && !self.units[j].possessive)
            .then_some(j)
    }

    /// "India's denial of mediation", "Pakistan's praise for Washington", "Ethiopia's
    /// accusation that UN officials...": the target of a stance noun.
    pub(super) fn noun_object(&self, k: usize) -> Side {
        let Some(j) = (k + 1 < self.units.len())
            .then_some(k + 1)
            .filter(|&j| self.same_scope(j, k))
        else {
            return Side::Empty;
        };
        let gap = self
            .gap(self.units[k].span.end, self.units[j].span.start)
            .to_ascii_lowercase();
        let mut ws = words(&gap);
        let preposition = ws.next().is_some_and(|w| {
            matches!(
                w,
                "of" | "for" | "to" | "on" | "over" | "with" | "against" | "toward" | "towards" | "by" | "that"
            )
        });
        if preposition && word_count(&gap) <= 3 && !gap.contains([',', ';']) && self.is_party(j) {
            Side::Units(self.group_right(j))
        } else {
            Side::Empty
        }
    }

    /// Role word `r` right after "our" or "its", or after "we" and at most two verb-group
    /// words ("we have mediated").
    fn own_role(&self, r: usize) -> bool {
        let before = self.words_before(self.units[r].span.start, 3);
        if before.first().is_some_and(|w| matches!(*w, "our" | "its")) {
            return true;
        }
        before
            .iter()
            .position(|w| *w == "we")
            .is_some_and(|i| before[..i].iter().all(|w| self.in_verb_group(w)))
    }

    /// Whether the clause from `start` to unit `r` opens with a pronoun for the holder.
    fn own_subject(&self, start: usize, r: usize) -> bool {
        let lead = self.gap(start, self.units[r].span.start);
        let first = words(lead).find(|w| !w.eq_ignore_ascii_case("that"));
        first.is_some_and(|w| word_in(w, &["it", "we", "they", "he", "she", "i"]))
    }

    /// Neutral speech ("said") carries a stance through its content: a role word
    /// ("said the ceasefire followed U.S.-mediated talks" supports the U.S. role, "said the
    /// U.S. had not brokered the truce" and "no third party mediated" dispute it), or a
    /// party as the subject of a negated statement ("said Manila had never sought talks").
    pub(super) fn report_claims(&self, k: usize, subject: Option<Result<Vec<usize>, &'static str>>) -> ClaimsOr {
        // "Washington played no role in the truce, Indian officials said": the content
        // comes first.
        let (holders, content, from) = if let Some((speaker, comma)) = self.tail_attribution(k) {
            let content: Vec<usize> = (0..k).filter(|&r| self.units[r].span.end <= comma).collect();
            (speaker?, content, self.sentence.start)
        } else {
            let holders = match self.according_to(k) {
                Some(h) => h,
                None => subject.unwrap_or_else(|| self.subject(k))?,
            };
            let content: Vec<usize> = (k + 1..self.units.len())
                .take_while(|&r| self.same_scope(r, k) && !self.is_clause_verb(r))
                .collect();
            (holders, content, self.units[k].span.end)
        };
        let claims = self.content_claims(&content, from, &holders);
        if claims.is_empty() {
            Err("reported speech names no party's role")
        } else {
            Ok(claims)
        }
    }

    /// The claims that reported content (units `content`, from byte `from` on) carries
    /// for `holders`: role words and negated statements about a party.
    fn content_claims(&self, content: &[usize], from: usize, holders: &[usize]) -> Vec<Found> {
        let holder_parties: Vec<UnitKind> = holders.iter().map(|&h| self.units[h].kind).collect();
        let mut claims = Vec::new();
        let mut roles_seen = Vec::new();
        // Negators that belong to a negated statement about a party ("Saudi Arabia had
        // never engaged with the Kuwaiti mediation") do not negate a later role word.
        let mut consumed: Vec<usize> = Vec::new();
        let first = content.first().copied().unwrap_or(0);
        for &r in content {
            // “We thank President Trump for his role”: the role is what the thanks are
            // for, and the praise is the claim.
            let thanked_for = || {
                content
                    .iter()
                    .any(|&j| j < r && self.cue_label(j) == Some(Label::Praise) && self.same_scope(j, r))
            };
            // "Turkey said Israel was sabotaging the peace process": a wrongful act the
            // holder lays on a party; denied ("had not violated") or laid on no party, none.
            if self.cue_kind(r) == Some(CueKind::Charge) {
                let clause_start = self.content_clause_start(from, r);
                let negated = self.clause_negators(first, r, clause_start).next().is_some();
                // The party is the act's subject, not a noun's modifier ("the Iraq war had
                // undermined him"): only verb-group, body and `force_noun` words between
                // ("Pakistani troops had violated").
                let subject = |p: usize| {
                    p > r
                        || words(self.gap(self.units[p].span.end, self.units[r].span.start)).all(|w| {
                            let w = w.to_lowercase();
                            self.in_verb_group(&w)
                                || self.lexicon.body_words.contains(&w)
                                || self.lexicon.in_list("force_noun", &w)
                        })
                };
                if let Some(p) = self.role_party(r, clause_start).filter(|&p| {
                    !negated && subject(p) && !holder_parties.contains(&self.units[p].kind) && !roles_seen.contains(&p)
                }) {
                    roles_seen.push(p);
                    claims.push((
                        holders.to_vec(),
                        Some(Label::Dispute),
                        Side::Units(vec![p]),
                        "report-charge",
                    ));
                }
                continue;
            }
            if self.cue_kind(r) == Some(CueKind::Role) && !thanked_for() {
                let clause_start = self.content_clause_start(from, r);
                let negators: Vec<usize> = self.clause_negators(first, r, clause_start).collect();
                if !negators.is_empty() && negators.iter().all(|n| consumed.contains(n)) {
                    continue;
                }
                // "played no part": the negation inside the role phrase itself.
                let role_text = self.text[self.units[r].span.clone()].to_ascii_lowercase();
                let negated = !negators.is_empty()
                    || words(&role_text).any(|w| w == "no")
                    || no_one_before(self.gap(clause_start, self.units[r].span.start));
                let label = if negated { Label::Dispute } else { Label::Support };
                match self.role_party(r, clause_start) {
                    Some(p) => {
                        roles_seen.push(p);
                        claims.push((holders.to_vec(), Some(label), Side::Units(vec![p]), "report-role"));
                    }
                    // "The US says it will ... rather than intervene": the holder's own
                    // conduct, no role denied to anyone.
                    None if negated && !self.own_subject(clause_start, r) => {
                        claims.push((holders.to_vec(), Some(label), Side::Empty, "report-negated-role"))
                    }
                    // “Our mediation brought them back,” Qatar's spokesman said: a role the
                    // holder claims for itself (LABELING.md).
                    None if !negated && self.own_role(r) => {
                        claims.push((holders.to_vec(), Some(label), Side::SameAsHolder, "report-own-role"))
                    }
                    None => {}
                }
                continue;
            }
            // "said China was not interfering": a charge denied clears the party.
            let charge_denied = |p: usize| {
                content
                    .iter()
                    .any(|&c| c > p && self.cue_kind(c) == Some(CueKind::Charge) && self.same_scope(c, p))
            };
            if let Some(p) = self.negated_subject(r, from)
                && !roles_seen.contains(&p)
                && !holder_parties.contains(&self.units[p].kind)
                && !charge_denied(p)
            {
                consumed.extend((p + 1..self.units.len()).find(|&n| self.units[n].kind == UnitKind::Negator));
                // "said that a woman detained by Lebanese authorities was not the wife of
                // ...": a party after a preposition is inside a modifier; the statement
                // denied is about the noun before it, a denial with no party target.
                let in_modifier = self
                    .words_before(self.units[self.group_left(p)[0]].span.start, 2)
                    .iter()
                    .take_while(|w| matches!(**w, "the" | "a" | "an" | "by" | "in" | "at" | "from"))
                    .any(|w| matches!(*w, "by" | "in" | "at" | "from"));
                let (target, rule) = if in_modifier {
                    (Side::Empty, "report-negated-statement")
                } else {
                    (Side::Units(self.group_right(p)), "report-negated-subject")
                };
                claims.push((holders.to_vec(), Some(Label::Dispute), target, rule));
            }
        }
        // A party claim and an empty one from the same role: keep the party's.
        if claims.iter().any(|c| matches!(c.2, Side::Units(_))) {
            claims.retain(|c| c.2 != Side::Empty);
        }
        claims
    }

    /// "Washington played no role in the truce, Indian officials said on Sunday", "...,
    /// said Iraq's Interior Ministry": report verb `k` after its content, which a comma
    /// ends, with its speaker right before or right after it and at most a few words
    /// (a day, "in a statement") after it. Gives the speaker and the comma's position.
    pub(super) fn tail_attribution(&self, k: usize) -> Option<(Result<Vec<usize>, &'static str>, usize)> {
        if self.cue_kind(k) != Some(CueKind::Report)
            || enclosing_quote(self.text, self.sentence.clone(), self.units[k].span.start).is_some()
        {
            return None;
        }
        let after = self.gap(self.units[k].span.end, self.sentence.end);
        let tail = after.split([',', ';', ':', '(', '—', '–']).next().unwrap_or("");
        // The comma right before `at`, with at most an article between.
        let comma_before = |at: usize| {
            let before = self.gap(self.sentence.start, at);
            let trimmed = before.trim_end();
            let lead = trimmed
                .strip_suffix("the")
                .or_else(|| trimmed.strip_suffix("The"))
                .unwrap_or(trimmed)
                .trim_end();
            // “U.S. mediation made this possible,” Pakistan's prime minister said: the
            // quotation is the content.
            let closing = ["”", "\"", "’", "'"]
                .iter()
                .find_map(|q| lead.strip_suffix(q))
                .filter(|t| t.ends_with(','));
            let lead = closing.unwrap_or(lead);
            lead.ends_with(',')
                .then(|| self.sentence.start + lead.len() - 1)
                .filter(|&c| word_count(self.gap(self.sentence.start, c)) >= 3)
        };
        // Speaker before: "..., Indian officials (have) said".
        // After the verb only a time or a channel: "said on Sunday in a statement", not
        // content of its own ("said talks would resume").
        let adverbial = |w: &str| {
            self.in_verb_group(w)
                || word_in(
                    w,
                    &[
                        "statement",
                        "interview",
                        "briefing",
                        "conference",
                        "press",
                        "news",
                        "reporters",
                        "tweet",
                        "post",
                        "remarks",
                        "speech",
                        "television",
                        "radio",
                        "late",
                        "early",
                    ],
                )
        };
        if word_count(tail) > 6 || !words(tail).all(adverbial) {
            return None;
        }
        if k > 0 && self.is_party(k - 1) {
            let group = self.group_left(k - 1);
            let between = self.gap(self.units[k - 1].span.end, self.units[k].span.start);
            if !between.contains(',')
                && let Some(comma) = comma_before(self.units[group[0]].span.start)
            {
                // "..., Britain's Daily Mail reported": the speaker is the newspaper.
                return Some((self.speaks_as_subject(k - 1, k).map(|()| group), comma));
            }
        }
        // Speaker after: "..., said Iraq's Interior Ministry".
        let comma = comma_before(self.units[k].span.start)?;
        let p = (k + 1 < self.units.len()).then_some(k + 1).filter(|&p| {
            self.is_party(p) && word_count(self.gap(self.units[k].span.end, self.units[p].span.start)) <= 1
        })?;
        Some((self.voiced_group(p), comma))
    }

    /// "said Manila had never sought ...", "said no American official had linked ...".
    pub(super) fn negated_subject(&self, p: usize, from: usize) -> Option<usize> {
        if !self.is_party(p) || self.units[p].possessive {
            return None;
        }
        let before = self.words_before(self.units[p].span.start, 1);
        if before.first().is_some_and(|w| *w == "no") && self.units[p].span.start > from {
            return Some(p);
        }

        // "Saudi Arabia and the United States had not been impartial": the whole group.
        let last = *self.group_right(p).last().unwrap_or(&p);
        let n = last + 1;
        if n >= self.units.len() || self.units[n].kind != UnitKind::Negator {
            return None;
        }
        let gap = self.gap(self.units[last].span.end, self.units[n].span.start);
        let aux = words(gap).all(|w| {
            word_in(
                w,
                &[
                    "had", "has", "have", "did", "does", "do", "was", "were", "is", "are", "could", "would", "will",
                    "ever", "also",
                ],
            )
        });
        let negator = &self.text[self.units[n].span.clone()];
        // "is not only causing suffering but ...": no negation.
        let not_only = words(self.gap(self.units[n].span.end, self.sentence.end))
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("only"));
        (aux && !not_only
            && word_count(gap) <= 2
            && !gap.contains(',')
            && word_in(negator, &["not", "never", "n't", "n’t"]))
        .then_some(p)
    }

    /// "according to Pakistan's foreign ministry": the holder follows the cue.
    pub(super) fn according_to(&self, k: usize) -> Option<Vec<usize>> {
        let cue_text = &self.text[self.units[k].span.clone()];
        if !starts_with_ignore_case(cue_text, "according") {
            return None;
        }
        let j = k + 1;
        (j < self.units.len()
            && self.is_party(j)
            && word_count(self.gap(self.units[k].span.end, self.units[j].span.start)) <= 1)
            .then(|| self.group_right(j))
    }

    /// Where the content clause holding role word `r` begins: after the report cue, or
    /// after the last "that", comma or "and" before the role word.
    pub(super) fn content_clause_start(&self, from: usize, r: usize) -> usize {
        let gap = self.gap(from, self.units[r].span.start);
        let lower = gap.to_ascii_lowercase();
        let cut = [lower.rfind(" that "), lower.rfind(','), lower.rfind(" and ")]
            .into_iter()
            .flatten()
            .max();
        cut.map_or(from, |c| from + c)
    }

    /// The party whose role a role word names: just before it ("U.S.-mediated", "the U.S.
    /// had not brokered", "Washington had played no part") or after "by"/"of"
    /// ("mediation by Washington").
    pub(super) fn role_party(&self, r: usize, clause_start: usize) -> Option<usize> {
        let mut j = r;
        while j > 0 && self.units[j - 1].kind == UnitKind::Negator {
            j -= 1;
        }
        if j > 0 && self.is_party(j - 1) && self.units[j - 1].span.start >= clause_start {
            let gap = self.gap(self.units[j - 1].span.end, self.units[r].span.start);
            if word_count(gap) <= 4 && !gap.contains([',', ';']) && !has_conjunction(gap) {
                return Some(j - 1);
            }
        }
        let n = r + 1;
        if n < self.units.len() && self.is_party(n) && self.same_scope(n, r) {
            let gap = self
                .gap(self.units[r].span.end, self.units[n].span.start)
                .to_ascii_lowercase();
            let mut ws = words(&gap);
            if ws.next().is_some_and(|w| matches!(w, "by" | "of" | "from")) && word_count(&gap) <= 2 {
                return Some(n);
            }
        }
        None
    }

    /// A cue inside quotation marks takes its holder from the attribution around the
    /// quote: "'We thank President Trump,' Pakistan's prime minister said", or "Moon told
    /// the crowd: 'We welcome ...'". Gives the holders and the end of the quote, which
    /// bounds the object.
    pub(super) fn quote_attribution(&self, k: usize) -> Option<(Result<Vec<usize>, &'static str>, usize)> {
        let (open, close) = enclosing_quote(self.text, self.sentence.clone(), self.units[k].span.start)?;
        // A party inside the quote before the cue is its subject: normal attribution.
        if (0..k).any(|j| self.is_party(j) && self.units[j].span.start > open && self.same_scope(j, k)) {
            return None;
        }
        // A partial quote right after its subject: Pakistan's ministry publicly “acknowledged ...”.
        let before = (0..k)
            .rev()
            .find(|&j| self.units[j].span.end <= open && self.is_party(j));
        if let Some(j) = before {
            let gap = self.gap(self.units[j].span.end, open);
            if word_count(gap) <= 2 && !gap.contains([',', ':', ';']) {
                return None;
            }
        }
        // After the quote: “...,” Pakistan's prime minister said / said Ishaq Dar, ...
        let after: Vec<usize> = (k + 1..self.units.len())
            .filter(|&j| self.units[j].span.start >= close)
            .collect();
        if let Some(&first) = after.first() {
            let lead = word_count(self.gap(close, self.units[first].span.start));
            // "..., the British actor said": a demonym with no state-voice head says nothing for its state.
            if self.is_party(first) && lead <= 2 && after.iter().any(|&v| self.is_clause_verb(v)) {
                return Some((self.voiced_group(first), close));
            }
            if self.is_clause_verb(first) && lead <= 1 {
                let party = after.get(1).copied().filter(|&p| {
                    self.is_party(p) && word_count(self.gap(self.units[first].span.end, self.units[p].span.start)) <= 2
                });
                if let Some(p) = party {
                    return Some((self.voiced_group(p), close));
                }
            }
        }
        // Before the quote: the subject of the speech verb that introduces it.
        let verb = (0..k)
            .rev()
            .find(|&j| self.units[j].span.end <= open && self.is_clause_verb(j));
        if let Some(v) = verb
            && word_count(self.gap(self.units[v].span.end, open)) <= 8
        {
            let holders = self.holders[v].clone().map_or_else(|| self.subject(v), Ok);
            return Some((holders.map_err(|_| "quotation without a party attribution"), close));
        }
        Some((Err("quotation without a party attribution"), close))
    }
}
