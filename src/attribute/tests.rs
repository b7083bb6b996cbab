use super::*;

/// The (holder, label, target) triples the built-in rules give for `text`.
fn claims(text: &str) -> Vec<(String, String, String)> {
    use std::sync::OnceLock;
    static PIPELINE: OnceLock<crate::Pipeline> = OnceLock::new();
    let pipeline = PIPELINE.get_or_init(|| crate::Pipeline::new(crate::rules::RulePack::builtin().unwrap()));
    let labeled = pipeline.label(&crate::input::Document::new("t", text));
    labeled
        .claims
        .into_iter()
        .map(|c| (c.holder, c.label, c.target))
        .collect()
}

fn triple(h: &str, l: &str, t: &str) -> (String, String, String) {
    (h.into(), l.into(), t.into())
}

#[test]
fn a_demonym_without_a_state_voice_head_holds_nothing() {
    assert!(claims("Two Australian men claim to have the oldest burger in the world.").is_empty());
    assert!(claims("An Indian man accused of trying to rape a teenager was arrested.").is_empty());
    assert!(claims("Greek sprinter Kostas Kenteris has denied claims that he faked a crash.").is_empty());
    assert_eq!(
        claims("Australian officials claimed the vessel was foreign."),
        [triple("AUS", "support", "")]
    );
}

#[test]
fn a_party_modifying_another_noun_is_not_the_subject() {
    assert!(claims("US bank boss hails 'genius' Smith.").is_empty());
    assert!(claims("Still, the Business Council of British Columbia opposed an increase.").is_empty());
    assert_eq!(
        claims("India on Tuesday firmly rejected the report."),
        [triple("IND", "dispute", "")]
    );
    assert_eq!(
        claims("EU leaders meeting in Brussels condemned Moscow's violation of Ukrainian sovereignty."),
        [triple("EU", "dispute", "RUS")]
    );
}

#[test]
fn a_possessive_before_another_name_owns_it() {
    assert!(
        claims("A conflict with the water firm controlled by France's Suez is casting doubt on the deal.").is_empty()
    );
}

#[test]
fn a_hyphenated_party_adjective_is_a_description() {
    assert!(claims("Fighting U.S.-backed rebels, the militants claim to have established a caliphate.").is_empty());
    assert!(claims("The Saudi-led coalition denied the report.").is_empty());
}

#[test]
fn look_alike_readings_give_no_claim() {
    assert!(claims("Argentina claimed top spot in Group A with three wins.").is_empty());
    assert!(claims("Obama said Iraqi forces, with U.S. air support, had retaken the dam.").is_empty());
    assert!(claims("Prime Minister Tony Blair answered questions through mobile text chat.").is_empty());
    assert!(claims("Downing Street declined to confirm or deny that the talks took place.").is_empty());
    assert_eq!(
        claims("Russia claimed the strike was defensive."),
        [triple("RUS", "support", "")]
    );
}

#[test]
fn confirming_a_plain_fact_is_no_claim_but_ones_own_role_is() {
    assert!(claims("The Pentagon has confirmed that the weapons were indeed seized by ISIS.").is_empty());
    assert_eq!(
        claims("U.S. military officials acknowledged that they were trying to kill Godane."),
        [triple("USA", "support", "USA")]
    );
    assert_eq!(
        claims("Pakistan confirmed that India had requested the talks."),
        [triple("PAK", "support", "IND")]
    );
}

#[test]
fn a_place_after_a_locative_is_never_the_holder() {
    assert!(claims("A priest in America claimed that he had seen a miracle.").is_empty());
    assert!(claims("Speaking in Buenos Aires, Mr De Vido later denied the report.").is_empty());
}

#[test]
fn a_passive_agent_that_modifies_a_noun_is_no_holder() {
    assert!(claims("Kurdish forces, supported by U.S. airstrikes, retook the dam.").is_empty());
    assert_eq!(
        claims("The deal was praised by Pakistan on Tuesday."),
        [triple("PAK", "praise", "")]
    );
}

#[test]
fn pro_and_anti_adjectives_name_no_party() {
    assert_eq!(
        claims("Russia condemned pro-Western separatists and anti-American protesters."),
        [triple("RUS", "dispute", "")]
    );
    assert_eq!(
        claims("Kyiv condemned pro-Russian separatists."),
        [triple("UKR", "dispute", "")]
    );
}

#[test]
fn light_verbs_with_a_possessive_and_a_stance_noun() {
    assert_eq!(
        claims("India's government has given its backing to cheaper air travel."),
        [triple("IND", "support", "")]
    );
    assert_eq!(
        claims("Qatar's foreign minister expressed his deep gratitude to Egypt."),
        [triple("QAT", "praise", "EGY")]
    );
    assert_eq!(
        claims("Pakistan is grateful to the United States."),
        [triple("PAK", "praise", "USA")]
    );
}

#[test]
fn a_demonym_with_one_word_before_a_body_is_a_state_voice() {
    assert_eq!(
        claims("A spokesperson for the Iraqi health ministry, Ahmed Rudaini, has denied reports of Ebola."),
        [triple("IRQ", "dispute", "")]
    );
}

#[test]
fn calling_something_false_is_a_dispute() {
    assert_eq!(
        claims("A spokesperson for the Iraqi health ministry called the reports incorrect and unfounded."),
        [triple("IRQ", "dispute", "")]
    );
    assert_eq!(
        claims("Putin countered by calling U.S. sanctions counterproductive."),
        [triple("RUS", "dispute", "USA")]
    );
    assert_eq!(
        claims("Pakistan's foreign ministry said the U.S. claims were baseless."),
        [triple("PAK", "dispute", "USA")]
    );
    assert_eq!(
        claims("\u{201c}The claim is entirely false,\u{201d} Israel's foreign ministry said."),
        [triple("ISR", "dispute", "")]
    );
    // Not said of anything: a demand, an adjective before its noun, the verb's object.
    assert!(claims("India called for calm and a false start was avoided.").is_empty());
    assert!(claims("Pakistan said the two sides had reached the historic decision.").is_empty());
    assert!(claims("Pakistan said India was telling lies about the strikes.").is_empty());
}

#[test]
fn a_party_inside_an_organizations_name_is_no_party() {
    assert!(claims("The Muslim Council of Britain said the comments were irresponsible.").is_empty());
    assert_eq!(
        claims("The Foreign Ministry of Pakistan denied it."),
        [triple("PAK", "dispute", "")]
    );
}

#[test]
fn a_relative_clause_belongs_to_its_antecedent() {
    assert_eq!(
        claims("The bill angered members of the Saudi government, which has strongly denied any involvement."),
        [triple("SAU", "dispute", "")]
    );
    assert!(
        claims("India has been rocked by scandals involving godmen who are ascetics claiming mystical powers.")
            .is_empty()
    );
}

#[test]
fn an_unnamed_body_after_a_comma_is_the_subject() {
    assert!(
        claims("A wife of Baghdadi has been detained by the Lebanese army, security officials have claimed.")
            .is_empty()
    );
    assert_eq!(
        claims("Sudan's army-led government accused the United Arab Emirates of arming the rebels."),
        [triple("SDN", "dispute", "ARE")]
    );
}

#[test]
fn a_party_name_followed_by_another_capitalized_word_is_part_of_a_name() {
    assert!(claims("Jones was investigated by the US Anti-Doping Agency, which has denied the report.").is_empty());
    assert_eq!(
        claims("Washington Thursday rejected the plan."),
        [triple("USA", "dispute", "")]
    );
    assert_eq!(
        claims("The London Metropolitan Police has denied reports that Banksy was arrested."),
        [triple("GBR", "dispute", "")]
    );
}

#[test]
fn a_party_in_a_prepositional_phrase_is_no_subject() {
    assert!(claims("The militants now control much of eastern Syria and claim to have built a state.").is_empty());
    assert_eq!(
        claims("The draft law suffered setbacks when Poland, one of the largest EU member states, rejected it."),
        [triple("POL", "dispute", "")]
    );
    assert_eq!(
        claims("The move came with Trump publicly claiming U.S. mediation."),
        [triple("USA", "support", "USA")]
    );
}

#[test]
fn state_voices_with_words_between_name_and_body() {
    assert_eq!(
        claims("G7 finance ministers backed plans to write off the debts."),
        [triple("G7", "support", "")]
    );
    assert_eq!(
        claims("Saudi Arabia's top religious official has denounced ISIS."),
        [triple("SAU", "dispute", "")]
    );
    assert_eq!(
        claims("Jordanian officials seemed to cast doubt on the reports."),
        [triple("JOR", "dispute", "")]
    );
}

#[test]
fn nouns_that_look_like_verbs_give_no_claim() {
    assert!(
        claims("It was sold by the Russian authorities to recover government tax claims against Yukos.").is_empty()
    );
    assert!(claims("It was a different story for Britain's defending champion Denise Lewis.").is_empty());
    assert!(claims("The deaths were confirmed by a senior Iraqi security official.").is_empty());
}

#[test]
fn a_gerund_after_a_preposition_and_a_bare_form_after_a_name_are_nouns() {
    assert!(claims("G20 finance ministers said nothing about supporting the dollar.").is_empty());
    assert!(claims("The EU filed a retaliatory complaint over US support for Boeing.").is_empty());
    assert_eq!(claims("The U.S. rejected the plan."), [triple("USA", "dispute", "")]);
}

#[test]
fn claiming_to_have_done_something_targets_the_holder() {
    assert_eq!(
        claims("Nigerian government officials claimed on Friday to have struck a deal with Boko Haram."),
        [triple("NGA", "support", "NGA")]
    );
}

#[test]
fn promises_and_help_are_no_stances() {
    assert!(claims("Obama pledged to support the Iraqi forces fighting the group.").is_empty());
    assert!(
        claims("These personnel will support the operation of surveillance aircraft, the White House said.").is_empty()
    );
    assert!(claims("The U.S. provided support to the rebels.").is_empty());
    assert!(claims("British police are investigating claims that the video was faked.").is_empty());
}

#[test]
fn a_claim_whose_content_opens_with_the_holders_pronoun_targets_the_holder() {
    assert_eq!(
        claims("The Lebanese Army officials claimed on Tuesday that they had detained the wife."),
        [triple("LBN", "support", "LBN")]
    );
}

#[test]
fn passive_by_phrase_gives_holder() {
    assert_eq!(
        claims("The U.S. role was praised by Pakistan."),
        [triple("PAK", "praise", "USA")]
    );
}

#[test]
fn passive_without_party_agent_gives_nothing() {
    assert!(claims("Washington's intervention was welcomed by one party and questioned by the other.").is_empty());
}

#[test]
fn negated_cue_gives_nothing() {
    assert!(claims("India did not dispute the U.S. account.").is_empty());
    assert!(claims("Pakistan never thanked Washington.").is_empty());
}

#[test]
fn negated_phrase_cue_is_a_stance() {
    assert_eq!(
        claims("India refused to accept the U.S. claims."),
        [triple("IND", "dispute", "USA")]
    );
}

#[test]
fn questions_and_conditionals_give_nothing() {
    assert!(claims("Did China praise Pakistan?").is_empty());
    assert!(claims("If Washington praised Delhi, Islamabad would object.").is_empty());
}

#[test]
fn coordinated_holders_give_one_claim_each() {
    assert_eq!(
        claims("India and Pakistan welcomed the UN statement."),
        [triple("IND", "praise", "UN"), triple("PAK", "praise", "UN")]
    );
}

#[test]
fn contrasting_clauses_are_separate_scopes() {
    assert_eq!(
        claims("India rejected the claim, while Pakistan thanked Washington."),
        [triple("IND", "dispute", ""), triple("PAK", "praise", "USA")]
    );
}

#[test]
fn quotation_takes_the_holder_from_the_attribution_after_it() {
    let text = "\u{2018}We thank President Trump,\u{2019} Pakistan's prime minister said.";
    assert_eq!(claims(text), [triple("PAK", "praise", "USA")]);
}

#[test]
fn quotation_takes_the_holder_from_the_speech_verb_before_it() {
    let text = "Pakistan's foreign minister told reporters: \"We reject India's allegations.\"";
    assert_eq!(claims(text), [triple("PAK", "dispute", "IND")]);
}

#[test]
fn possessive_or_adjective_names_the_target() {
    assert_eq!(
        claims("New Delhi disputed U.S. claims of mediation."),
        [triple("IND", "dispute", "USA")]
    );
    assert_eq!(
        claims("Riyadh welcomed Qatari efforts."),
        [triple("SAU", "praise", "QAT")]
    );
}

#[test]
fn reflexive_possessive_targets_the_holder() {
    assert_eq!(
        claims("India insisted the pause was its own decision."),
        [triple("IND", "support", "IND")]
    );
}

#[test]
fn reported_speech_negating_a_role_is_a_dispute() {
    assert_eq!(
        claims("India said the U.S. had not brokered the truce."),
        [triple("IND", "dispute", "USA")]
    );
    assert_eq!(
        claims("New Delhi said no third party had mediated."),
        [triple("IND", "dispute", "")]
    );
}

#[test]
fn non_party_speakers_hold_nothing() {
    assert!(claims("Observers questioned the U.S. account.").is_empty());
    assert!(claims("Indian analysts criticized Pakistan.").is_empty());
}

#[test]
fn dateline_is_never_a_holder() {
    assert_eq!(
        claims("ISLAMABAD (Reuters) - Officials praised the deal."),
        Vec::<(String, String, String)>::new()
    );
}

#[test]
fn nominal_stance_with_possessive_holder() {
    assert_eq!(
        claims("India's denial of mediation angered Washington."),
        [triple("IND", "dispute", "")]
    );
}

#[test]
fn curly_single_quotes_keep_offsets_on_char_boundaries() {
    // FNC-1 body 820 once panicked here: the closing ’ is three bytes long.
    let text = "A law in Saudi Arabia banning ‘tempting eyes’ was branded ‘stupid’ by critics, and Riyadh rejected ‘foreign’ criticism.";
    assert_eq!(claims(text), [triple("SAU", "dispute", "")]);
}

#[test]
fn bare_body_or_pronoun_refers_to_the_previous_holder() {
    let text = "Pakistan's foreign ministry welcomed the truce. The ministry also thanked Qatar. He praised Oman.";
    assert_eq!(
        claims(text),
        [
            triple("PAK", "praise", ""),
            triple("PAK", "praise", "QAT"),
            triple("PAK", "praise", "OMN")
        ]
    );
}

#[test]
fn reference_back_needs_a_single_previous_holder() {
    let text = "India rejected the claim, while Pakistan thanked Washington. The ministry also praised Oman.";
    assert_eq!(
        claims(text),
        [triple("IND", "dispute", ""), triple("PAK", "praise", "USA")]
    );
}

#[test]
fn leader_by_surname_after_first_mention() {
    let text = "Prime Minister Imran Khan spoke on Tuesday. Later, Khan thanked China for its support.";
    assert_eq!(claims(text), [triple("PAK", "praise", "CHN")]);
    assert!(
        claims("Khan thanked China for its support.").is_empty(),
        "\"Khan\" alone is no alias"
    );
    // Three people named: their surnames are found in one pass, each only after
    // its own first mention.
    let text = "Khan rejected it. Imran Khan, Narendra Modi and Emmanuel Macron met. \
                Later, Khan thanked China, Macron praised Modi, and Modi welcomed Macron's plan.";
    assert_eq!(
        claims(text),
        [
            triple("PAK", "praise", "CHN"),
            triple("FRA", "praise", "IND"),
            triple("IND", "praise", "FRA")
        ]
    );
}

#[test]
fn coordinated_verb_shares_the_subject() {
    assert_eq!(
        claims("The State Department summoned the Chinese ambassador and condemned Beijing."),
        [triple("USA", "dispute", "CHN")]
    );
}

#[test]
fn question_ignores_trailing_citations() {
    assert!(is_question("Did China mediate? [3]"));
    assert!(!is_question("China mediated. [3]"));
}

#[test]
fn first_dash_is_the_earliest_of_the_four_dashes() {
    for head in [
        "TEHRAN (Reuters) - Iran",
        "AFP -- Iran - x",
        "a—b – c - d",
        "x – y—z",
        "U.S.-led - talks",
        "---- -",
        " -- - ",
        "no dash here",
        "’— –",
    ] {
        let expected = ["—", " – ", " - ", " -- "]
            .iter()
            .filter_map(|d| head.find(d).map(|i| (i, d.len())))
            .min();
        assert_eq!(first_dash(head), expected, "{head:?}");
    }
}

#[test]
fn dateline_tag_is_detected() {
    assert_eq!(dateline_end("TEHRAN (Reuters) - Iran rejected the claim."), Some(19));
    assert_eq!(dateline_end("AFP - Iran rejected the claim."), Some(6));
    assert_eq!(dateline_end("Iran - as usual - rejected the claim."), None);
    // The 80-byte window may end inside a character.
    assert_eq!(dateline_end(&"’".repeat(40)), None);
}

#[test]
fn words_are_the_runs_of_word_characters_holding_a_letter_or_digit() {
    let reference = |s: &str| -> Vec<String> {
        s.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-' || c == '‑'))
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .map(str::to_owned)
            .collect()
    };
    for s in [
        "U.S.-mediated, don't -",
        "  Kyiv’s ‑ São Paulo — 5,000 ' -- x’ ‑‑a ",
        "Ελλάδα και Türkiye: 北京 said",
        "",
        "-'’",
        "end-",
        "naïve",
        "'a' a--b Kyiv’",
        " ‑ — ",
    ] {
        let forward: Vec<String> = words(s).map(str::to_owned).collect();
        let mut backward: Vec<String> = words(s).rev().map(str::to_owned).collect();
        backward.reverse();
        assert_eq!(forward, reference(s), "{s:?}");
        assert_eq!(backward, reference(s), "{s:?}");
        // From both ends at once: every word once, in its place.
        let mut both = words(s);
        let (mut front, mut back) = (Vec::new(), Vec::new());
        loop {
            match (both.next(), both.next_back()) {
                (None, None) => break,
                (f, b) => {
                    front.extend(f.map(str::to_owned));
                    back.extend(b.map(str::to_owned));
                }
            }
        }
        back.reverse();
        front.extend(back);
        assert_eq!(front, reference(s), "{s:?}");
    }
}

#[test]
fn words_keep_hyphens_and_apostrophes() {
    assert_eq!(
        words("U.S.-mediated, don't -").collect::<Vec<_>>(),
        ["U", "S", "-mediated", "don't"]
    );
}

#[test]
fn every_scope_marker_starts_where_the_block_search_looks() {
    for marker in SCOPE_MARKERS {
        let m = marker.as_bytes();
        let looked_at = match m[0] {
            b' ' => MARKER_AFTER_SPACE.contains(&m[1]) || MARKER_LETTERS.contains(&m[1].to_ascii_lowercase()),
            b',' => m[1] == b' ',
            first => MARKER_FIRST.contains(&first),
        };
        assert!(looked_at, "{marker:?}");
    }
}

#[test]
fn scope_markers_are_what_a_leftmost_longest_automaton_finds() {
    let automaton = aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .build(SCOPE_MARKERS)
        .unwrap();
    // Markers, their pieces and their neighbours, in either case, strung together.
    let pieces = [
        " ",
        ",",
        ";",
        ":",
        "(",
        "]",
        "—",
        "–",
        "-",
        "--",
        " - ",
        " -- ",
        " – ",
        "while",
        "WHILE ",
        " Whereas",
        " but",
        "but ",
        ", but ",
        " even",
        " as ",
        " although ",
        ", though ",
        " yet ",
        "yet",
        "a",
        "é",
        "\n",
    ];
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    for _ in 0..5000 {
        let mut text = String::new();
        for _ in 0..(seed % 24) {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            text.push_str(pieces[(seed % pieces.len() as u64) as usize]);
        }
        let expected: Vec<(usize, usize, usize)> = automaton
            .find_iter(&text)
            .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
            .collect();
        assert_eq!(scope_markers(&text).collect::<Vec<_>>(), expected, "{text:?}");
    }
}

#[test]
fn words_before_a_position_are_the_words_that_end_there() {
    for s in [
        "U.S.-mediated, don't -",
        "  Kyiv’s ‑ São Paulo — 5,000 ' -- x’ ‑‑a ",
        "Ελλάδα και Türkiye: 北京 said",
        "",
        "-'’",
        "end-",
        "naïve",
        "'a' a--b Kyiv’",
        "Ελλάδα",
    ] {
        let text = format!("«{s}»");
        let range = '«'.len_utf8()..text.len() - '»'.len_utf8();
        let spans = |end: usize| -> Vec<(usize, usize)> {
            words(&text[range.start..end])
                .map(|w| {
                    let start = w.as_ptr() as usize - text.as_ptr() as usize;
                    (start, start + w.len())
                })
                .collect()
        };
        // Every position, also inside words, with the sentence cut short too.
        for end in (range.start..=range.end).filter(|&e| text.is_char_boundary(e)) {
            let cut = spans(end);
            for at in (range.start..=text.len()).filter(|&a| text.is_char_boundary(a)) {
                for n in 1..=3 {
                    let expected: Vec<(usize, usize)> =
                        cut.iter().rev().filter(|w| w.1 <= at).take(n).copied().collect();
                    let (found, len) = spans_before(&text, range.start, end, at, n);
                    assert_eq!(found[..len], expected[..], "{s:?} cut at {end}, before {at}, {n} words");
                }
            }
        }
    }
}

#[test]
fn templates_read_light_verbs_with_intensifiers_and_possessives() {
    assert_eq!(
        claims("Pakistan expressed its deep gratitude to the United States."),
        [triple("PAK", "praise", "USA")]
    );
    assert_eq!(
        claims("France voiced strong support for Germany on Tuesday."),
        [triple("FRA", "support", "DEU")]
    );
    assert_eq!(
        claims("Turkey expressed deep skepticism about Russia."),
        [triple("TUR", "dispute", "RUS")]
    );
}

#[test]
fn a_template_with_the_holder_after_its_words_swaps_the_sides() {
    assert_eq!(
        claims("India came under fire from China over the border clash."),
        [triple("CHN", "dispute", "IND")]
    );
    assert_eq!(
        claims("The plan drew praise from Washington."),
        [triple("USA", "praise", "")]
    );
    // The party after the words is no state: no holder, no claim.
    assert!(claims("The ceasefire came under fire from the Taliban.").is_empty());
}

#[test]
fn a_template_with_the_target_inside_needs_its_closing_words() {
    assert_eq!(
        claims("Egypt singled out Qatar for praise after the talks."),
        [triple("EGY", "praise", "QAT")]
    );
    assert!(claims("Egypt singled out Qatar as the venue.").is_empty());
}

#[test]
fn a_participle_after_a_noun_that_is_no_party_has_that_noun_as_subject() {
    assert!(claims("The US said it had dropped weapons to Kurdish forces defending Kobani.").is_empty());
    assert!(
        claims("The Communist state took objection to balloons loaded with leaflets condemning Kim Jong Un.")
            .is_empty()
    );
    assert_eq!(
        claims("Pakistan keeps denying the report."),
        [triple("PAK", "dispute", "")]
    );
}

#[test]
fn a_cue_owned_by_a_non_party_possessive_is_a_noun() {
    // ISIS's "claim" is no support by Jordan; calling it a trick is Jordan's dispute.
    assert_eq!(
        claims("Jordan's Foreign Minister Nasser Judeh, called ISIS's claim \"an old and sick trick.\""),
        [triple("JOR", "dispute", "")]
    );
}

#[test]
fn bodies_take_a_title_and_a_place_of_work() {
    assert_eq!(
        claims("Spain's minister of sport Jaime Lissavetzky was quick to give his backing to the decision."),
        [triple("ESP", "support", "")]
    );
    assert_eq!(
        claims("An official at the North Korean Embassy in the United Kingdom is said to have denied any such plans."),
        [triple("PRK", "dispute", "")]
    );
    // A state's own council is not the UN's.
    assert!(claims("The spokeswoman for President Barack Obama's National Security Council said the White House has not seen any evidence.").is_empty());
}

#[test]
fn a_verb_coordinated_with_one_whose_subject_is_no_party_keeps_that_subject() {
    assert!(
        claims("Tory shadow chancellor Oliver Letwin accused Mr Blair of misrepresenting the plans and questioned how they would be paid for.")
            .is_empty()
    );
}

#[test]
fn places_after_in_with_an_adjective_and_regions_hold_nothing() {
    assert!(
        claims("Security sources in neighbouring Chad said Chadian mediators had been involved in the discussions.")
            .is_empty()
    );
    assert!(claims("The nun, originally from South America, claimed to have no idea.").is_empty());
}

#[test]
fn a_singular_pronoun_is_not_a_plural_holder_speaking_of_itself() {
    assert_eq!(
        claims("Last month, Iraqi officials claimed he was wounded in an airstrike."),
        [triple("IRQ", "support", "")]
    );
}

#[test]
fn a_phrase_after_a_name_is_a_verb_when_its_first_word_is_inflected() {
    assert_eq!(
        claims("The US filed a complaint against Brussels with the WTO."),
        [triple("USA", "dispute", "EU")]
    );
}

#[test]
fn an_evaluation_in_an_attributed_quotation_is_a_dispute() {
    assert_eq!(
        claims(
            "\"I think that is fabricated, it's nonsense,\" a spokesman in the North Korean embassy in London told Mashable."
        ),
        [triple("PRK", "dispute", "")]
    );
    assert_eq!(
        claims("An official at the North Korean embassy said of the reports: “It’s a nonsense.”"),
        [triple("PRK", "dispute", "")]
    );
}

#[test]
fn a_country_word_before_a_person_names_no_target() {
    assert_eq!(
        claims(
            "\"The United States strongly condemns the barbaric murder of UK citizen David Haines by the terrorist group Isil,\" Kerry said."
        ),
        [triple("USA", "dispute", "")]
    );
}

#[test]
fn a_bare_verb_right_after_a_singular_party_is_a_noun() {
    assert!(claims("Only Sri Lanka and Bangladesh currently receive IMF support.").is_empty());
    assert_eq!(
        claims("Robin Cook gave his support to the plan."),
        [triple("GBR", "support", "")]
    );
}

#[test]
fn a_quotation_attributed_to_a_demonym_without_a_state_voice_has_no_holder() {
    assert!(claims("\"I questioned whether I should come,\" the British actor said.").is_empty());
}

#[test]
fn sports_readings_are_look_alikes() {
    assert!(claims("Britain's 800m and 1500m champion Kelly Holmes is taking part in the 1000m.").is_empty());
    assert!(claims("Dominici says France can claim another Six Nations Grand Slam.").is_empty());
    assert!(claims("Ireland reasserted their authority in the final 10 minutes.").is_empty());
    assert!(claims("The Spaniard berated Real Madrid's sporting director.").is_empty());
}

#[test]
fn political_reporting_readings_that_are_no_stance() {
    // A commitment or a feeling restated is a promise or a mood.
    assert!(claims("Obama and Hollande reaffirmed their shared commitment to destroying ISIL.").is_empty());
    assert!(claims("Obama reiterated his frustration over the availability of guns.").is_empty());
    // "must" calls for action.
    assert!(claims("Israel must also acknowledge the history of its Armenian quarter.").is_empty());
    // Territorial claims held, polls, a people's stance.
    assert!(claims("Besides China, Vietnam and Taiwan have claims in the area.").is_empty());
    assert!(claims("The poll tracks Americans’ support for the candidates.").is_empty());
    assert!(claims("It's another riposte in Mexicans' ongoing rebuttal to the candidate.").is_empty());
    // A participle describing a noun, and "is to blame".
    assert!(claims("The candidate discussed Pres. Obama’s highly criticized press conference in Turkey.").is_empty());
    assert!(
        claims("\"Anyone claiming that America's economy is in decline is peddling fiction,\" he said.").is_empty()
    );
    assert!(claims("Rubio said President Barack Obama is to blame for that.").is_empty());
}

#[test]
fn a_leader_of_a_named_state_still_speaks() {
    assert_eq!(
        claims("Chancellor Angela Merkel of Germany condemned \"such a murderous attack\"."),
        [triple("DEU", "dispute", "")]
    );
}

#[test]
fn confirming_something_about_oneself_is_a_plain_fact() {
    assert!(claims("Ottawa police confirmed they had a call at 9:52 a.m.").is_empty());
    assert!(claims("The US National Security Council confirmed it had seen the video.").is_empty());
    // An admission about its own doing is still a claim (LABELING: a role for itself).
    assert_eq!(
        claims("The Pentagon admitted that its raid had got the wrong location."),
        [triple("USA", "support", "USA")]
    );
}

#[test]
fn a_party_inside_a_relative_clause_is_not_the_subject() {
    assert_eq!(
        claims("Turkey, which occupies northern Cyprus, had previously insisted on its position."),
        [triple("TUR", "support", "")]
    );
}

#[test]
fn a_party_after_and_with_its_own_verb_starts_the_next_clause() {
    assert_eq!(
        claims("Poland has rejected the proposal and Germany's main political parties have opposed it."),
        [triple("POL", "dispute", "")]
    );
}

#[test]
fn confirming_ones_own_willingness_is_a_plain_fact() {
    assert!(claims("The EU and US have confirmed their willingness to resolve the dispute.").is_empty());
}

#[test]
fn confirming_a_fact_about_ones_own_side_is_a_plain_fact() {
    assert!(claims("Downing Street has confirmed British troops are on standby.").is_empty());
    assert!(claims("Cameron confirmed that the UK government was working to verify the video.").is_empty());
    // Confirming one's own role is a claim.
    assert_eq!(
        claims("The Pentagon confirmed today that the U.S. killed the group's leader."),
        [triple("USA", "support", "USA")]
    );
    // Another party in the content is still a claim about it.
    assert_eq!(
        claims("Pakistan confirmed that India had requested the talks."),
        [triple("PAK", "support", "IND")]
    );
}

#[test]
fn templates_for_congratulations_opposition_and_repeated_support() {
    assert_eq!(
        claims("Australia's Prime Minister John Howard also offered his sincere congratulations to India."),
        [triple("AUS", "praise", "IND")]
    );
    assert_eq!(
        claims("The decision damaged relations with the US, which is strongly opposed to ending the ban."),
        [triple("USA", "dispute", "")]
    );
    assert_eq!(
        claims("Cameron repeated his support for US air strikes against IS in Iraq."),
        [triple("GBR", "support", "USA")]
    );
}

#[test]
fn a_look_alike_word_before_a_party_before_the_cue_still_cancels_it() {
    assert!(claims("Both countries receive US support for their budgets.").is_empty());
}

#[test]
fn ruling_out_ones_own_course_and_ngo_names_give_no_claim() {
    assert!(claims("Tony Blair has already ruled out taking part in a televised debate.").is_empty());
    assert!(claims("Amnesty International UK also questioned whether the decisions were lawful.").is_empty());
}

#[test]
fn a_support_verb_whose_content_calls_something_false_is_a_dispute() {
    assert_eq!(
        claims("Israel maintained that the claim is entirely false."),
        [triple("ISR", "dispute", "")]
    );
    assert_eq!(
        claims("The Pentagon insisted the reports were baseless."),
        [triple("USA", "dispute", "")]
    );
}

#[test]
fn a_passive_after_a_cue_noun_and_a_relative_clause_after_its_agent() {
    assert_eq!(
        claims("His claims were denied by Foreign Secretary Jack Straw, who accused the Tories of running scared."),
        [triple("GBR", "dispute", "")]
    );
    assert_eq!(
        claims("Qatar gained public praise from President Barack Obama for brokering the deal."),
        [triple("USA", "praise", "QAT")]
    );
}

#[test]
fn a_template_found_by_its_first_two_words_matches_its_whole_form() {
    // The form ends at a full stop, and the longest form wins.
    assert_eq!(
        claims("Pakistan expressed its deep gratitude."),
        [triple("PAK", "praise", "")]
    );
    assert_eq!(
        claims("France voiced strong support for Germany."),
        [triple("FRA", "support", "DEU")]
    );
    // The first two words alone ("expressed its") are no cue.
    assert!(claims("Pakistan expressed its hope for peace.").is_empty());
}

#[test]
fn a_party_right_before_a_noun_of_dispute_holds_it() {
    assert_eq!(
        claims("The embargo is likely to be lifted despite US objections."),
        [triple("USA", "dispute", "")]
    );
    // Support as a noun after a name is mostly aid or a poll.
    assert!(claims("The bloc aims to rely less on U.S. support.").is_empty());
}

#[test]
fn an_open_question_or_a_condition_asserts_nothing() {
    assert!(claims("Tony Blair's spokesman declined to say whether the prime minister backed the plans.").is_empty());
    assert!(claims("Pakistan will attend if India supports the talks.").is_empty());
    assert_eq!(claims("Pakistan backed the talks."), [triple("PAK", "support", "")]);
}

#[test]
fn a_participle_after_an_issued_statement_speaks_for_the_issuer() {
    assert_eq!(
        claims("The British prime minister, David Cameron, issued a statement denouncing the killing."),
        [triple("GBR", "dispute", "")]
    );
    assert_eq!(
        claims("Yemen's defence ministry released a statement claiming that Saudi Arabia had agreed."),
        [triple("YEM", "support", "SAU")]
    );
    // A noun in -ment before an -ing cue is its subject, not an adjective of a noun.
    assert_eq!(
        claims("India issued a statement condemning Pakistan."),
        [triple("IND", "dispute", "PAK")]
    );
}

#[test]
fn a_passive_agent_after_a_short_adverbial_holds_the_stance() {
    assert_eq!(
        claims("The EU's move was welcomed at the time by Beijing."),
        [triple("CHN", "praise", "EU")]
    );
    // Active voice: "by" introduces the object's own agent.
    assert_eq!(
        claims("The UK has welcomed the decision by India and Pakistan to open a bus link."),
        [triple("GBR", "praise", "IND"), triple("GBR", "praise", "PAK")]
    );
    assert!(claims("The FBI has questioned a man who says he recorded the gunfire.").is_empty());
}

#[test]
fn a_name_after_the_comma_that_ends_a_phrase_is_the_subject() {
    assert!(
        claims("After hearing the DHS statement, Sean Hannity claimed that the agency could not be trusted.")
            .is_empty()
    );
    // An apposition has a comma on each side.
    assert_eq!(
        claims("Pakistan's foreign minister, Ishaq Dar, thanked the United States."),
        [triple("PAK", "praise", "USA")]
    );
}

#[test]
fn a_negated_role_of_the_holder_itself_denies_nobody_a_role() {
    assert!(claims("The US says it will let markets set the dollar rather than intervene directly.").is_empty());
    assert_eq!(
        claims("India said no third party mediated the ceasefire."),
        [triple("IND", "dispute", "")]
    );
}

#[test]
fn a_demonym_before_another_states_body_says_whose_it_is() {
    assert_eq!(
        claims("The Pakistani Justice Department denied the report."),
        [triple("PAK", "dispute", "")]
    );
    assert_eq!(
        claims("The Justice Department denied the report."),
        [triple("USA", "dispute", "")]
    );
    assert_eq!(
        claims("Homeland Security Secretary Jeh Johnson denied the claim."),
        [triple("USA", "dispute", "")]
    );
}

#[test]
fn an_acronym_in_brackets_does_not_hide_the_subject() {
    assert_eq!(
        claims("The World Health Organization (WHO) denied the report."),
        [triple("WHO", "dispute", "")]
    );
}

#[test]
fn thanks_to_our_forces_in_a_quote_praise_the_speakers_own_state() {
    assert_eq!(
        claims(
            "“I am grateful to Sgt at Arms Kevin Vickers & our security forces,” said Julian Fantino, Canada’s Minister of Veterans Affairs."
        ),
        [triple("CAN", "praise", "CAN")]
    );
    // A word opening a quote is capitalized for that, not part of a name.
    assert_eq!(
        claims("Peter MacKay added: “Thank God for our Canadian security forces.”"),
        [triple("CAN", "praise", "CAN")]
    );
    // "but" ends the object: "his country's" belongs to the next clause.
    assert_eq!(
        claims("Harper condemned the horrific actions but vowed his country's policy would not change."),
        [triple("CAN", "dispute", "")]
    );
}

#[test]
fn a_negated_statement_about_a_noun_a_party_only_modifies_disputes_no_party() {
    assert_eq!(
        claims(
            "Iraq's Interior Ministry said that a woman detained by Lebanese authorities was not the wife of the leader."
        ),
        [triple("IRQ", "dispute", "")]
    );
    assert_eq!(
        claims("India said Pakistan had not been impartial."),
        [triple("IND", "dispute", "PAK")]
    );
    assert!(claims("Mr Hammond said extremism in Iraq is not only causing suffering but spreading.").is_empty());
}

#[test]
fn asserting_a_violation_or_dubious_credibility_disputes() {
    assert_eq!(
        claims("Washington stressed that Iraq was in violation of Resolution 1441."),
        [triple("USA", "dispute", "IRQ")]
    );
    assert_eq!(
        claims("The Israeli government stressed that the information was of “dubious credibility,” the paper said."),
        [triple("ISR", "dispute", "")]
    );
}

#[test]
fn a_demonym_standing_for_a_person_is_no_target() {
    assert_eq!(
        claims("Washington condemned the murder of this brave Jordanian, the spokesman said."),
        [triple("USA", "dispute", "")]
    );
    assert_eq!(
        claims("Washington praised the Jordanian pilots."),
        [triple("USA", "praise", "JOR")]
    );
}

#[test]
fn a_demonym_before_a_place_noun_after_a_preposition_is_a_place() {
    assert_eq!(
        claims("Washington said claims of militants at the Mexican border were false."),
        [triple("USA", "dispute", "")]
    );
    assert_eq!(
        claims("Tony Blair insisted the treaty protected British borders."),
        [triple("GBR", "support", "GBR")]
    );
}

#[test]
fn past_form_after_a_determined_word_is_a_verb() {
    let text = "Mr Chirac will miss an address from Iraqi interim leader Iyad Allawi, who this week criticised nations which took a spectator role.";
    assert_eq!(claims(text), [triple("IRQ", "dispute", "")]);
}

#[test]
fn blame_laid_on_a_party_after_on() {
    assert_eq!(
        claims("The U.S. government has blamed those attacks on the Syrian government."),
        [triple("USA", "dispute", "SYR")]
    );
    assert_eq!(
        claims("India blamed Pakistan for the attack."),
        [triple("IND", "dispute", "PAK")]
    );
    // A place after "on" is no party blamed: "on" must come right before the party.
    assert_eq!(
        claims("Russia blamed the crash on bad weather in Ukraine."),
        [triple("RUS", "dispute", "")]
    );
}

#[test]
fn undated_person_of_several_parties_speaks_for_the_last_office() {
    assert_eq!(
        claims("Secretary-General Ban Ki-moon issued a statement condemning ISIS."),
        [triple("UN", "dispute", "")]
    );
}

#[test]
fn he_after_a_clause_opener_refers_to_the_office_holder_opening_the_sentence() {
    let text = "Mr. Putin drew applause from journalists on Thursday when he lashed out at Turkey.";
    assert_eq!(claims(text), [triple("RUS", "dispute", "TUR")]);
    // With another person named between, "he" could be either: no claim from it.
    assert_eq!(
        claims("Mr. Putin met a reporter on Thursday when he lashed out at Turkey."),
        Vec::<(String, String, String)>::new()
    );
}

#[test]
fn reported_content_before_its_speaker() {
    assert_eq!(
        claims("Washington played no role in the ceasefire, Indian officials said on Sunday."),
        [triple("IND", "dispute", "USA")]
    );
    assert_eq!(
        claims("Washington played no role in the ceasefire, said India's foreign ministry."),
        [triple("IND", "dispute", "USA")]
    );
    assert_eq!(
        claims(
            "A woman held by Lebanese authorities is not the wife of Baghdadi, Iraq's Interior Ministry said Wednesday."
        ),
        [triple("IRQ", "dispute", "")]
    );
    assert_eq!(
        claims("Pakistan's claims are baseless, India's foreign ministry said."),
        [triple("IND", "dispute", "PAK")]
    );
    // A newspaper owned by a state's name is no state voice.
    assert_eq!(
        claims("The report is false and the U.S. did not broker the truce, Britain's Daily Mail reported."),
        Vec::<(String, String, String)>::new()
    );
    // Content after the verb is read as before: the speaker is the subject.
    assert_eq!(
        claims("Indian officials said Washington played no role in the ceasefire."),
        [triple("IND", "dispute", "USA")]
    );
}

#[test]
fn a_cue_glued_to_a_word_by_a_hyphen_is_an_adjective() {
    assert_eq!(
        claims("Western powers drafted a Chapter VII-supported resolution at the UN Security Council."),
        Vec::<(String, String, String)>::new()
    );
}

#[test]
fn an_ing_form_opening_the_sentence_takes_the_subject_after_its_comma() {
    assert_eq!(
        claims("Rejecting Pakistan's claims, India's foreign ministry said the strikes were measured."),
        [triple("IND", "dispute", "PAK")]
    );
    assert_eq!(
        claims("Thanking Qatar for its help, the Sudanese foreign minister said talks would resume."),
        [triple("SDN", "praise", "QAT")]
    );
}

#[test]
fn a_phrase_is_read_by_its_first_word_when_telling_verb_from_noun() {
    // "Beijing" ends like an adjective ("-ing") and the phrase ends in no verb ending.
    assert_eq!(
        claims("Beijing lodged a strong protest with Tokyo over the visit."),
        [triple("CHN", "dispute", "JPN")]
    );
    assert_eq!(
        claims("Mr Blair tried to improve his own standing with the electorate."),
        Vec::<(String, String, String)>::new()
    );
}

#[test]
fn a_claim_answered_in_an_apposition_targets_its_maker() {
    assert_eq!(
        claims("Hanoi accused Beijing of ramming its boats, a charge Beijing called groundless."),
        [triple("VNM", "dispute", "CHN"), triple("CHN", "dispute", "VNM")]
    );
    assert_eq!(
        claims("Pakistan says India attacked first — a claim Delhi denies."),
        [triple("IND", "dispute", "PAK")]
    );
    assert_eq!(
        claims("Cairo put forward a proposal that Israel rejected."),
        [triple("ISR", "dispute", "EGY")]
    );
    // A maker who is no party leaves the target empty.
    assert_eq!(
        claims("Rep. Duncan Hunter said militants crossed the U.S.-Mexico border, a claim DHS said was false."),
        [triple("USA", "dispute", "")]
    );
}

#[test]
fn a_quotation_before_its_speaker_is_reported_content() {
    assert_eq!(
        claims("“U.S. mediation made this ceasefire possible,” Pakistan's prime minister said."),
        [triple("PAK", "support", "USA")]
    );
    assert_eq!(
        claims("“Our mediation brought them back,” Qatar's spokesman said."),
        [triple("QAT", "support", "QAT")]
    );
    // Thanks for a role are praise only.
    assert_eq!(
        claims("“We are grateful to President Trump for his role,” said Ishaq Dar, Pakistan’s foreign minister."),
        [triple("PAK", "praise", "USA")]
    );
    // A party five words before a role word is not the one it names.
    assert_eq!(
        claims("\"India continues to post excellent results thanks to increased promotion,\" the WTO said."),
        Vec::<(String, String, String)>::new()
    );
}

#[test]
fn an_ing_form_after_a_noun_with_an_indefinite_article_modifies_it() {
    let text = "A professor, accused by the Turkish government of plotting, gave money to a super PAC supporting Hillary Clinton.";
    assert_eq!(claims(text), [triple("TUR", "dispute", "")]);
    // A statement or release speaks for its sender.
    assert_eq!(
        claims("The Iraqi health ministry has issued a press release denying the reports."),
        [triple("IRQ", "dispute", "")]
    );
}

#[test]
fn his_or_her_after_an_institution_or_in_a_quotation_is_someone_else() {
    assert_eq!(
        claims("Fox News quoted the Department of Homeland Security disputing his account."),
        [triple("USA", "dispute", "")]
    );
    assert_eq!(
        claims("“We appreciate his efforts,” said a Department of Homeland Security spokeswoman."),
        [triple("USA", "praise", "")]
    );
    assert_eq!(
        claims("Pakistan's foreign minister defended his decision."),
        [triple("PAK", "support", "PAK")]
    );
}

#[test]
fn own_leader_and_own_office_holder_in_the_content() {
    assert_eq!(
        claims("The North Korean government publicly admitted that Kim Jong-Un is unwell."),
        Vec::<(String, String, String)>::new()
    );
    assert_eq!(
        claims("Downing Street insisted the prime minister was not ruling anything out."),
        [triple("GBR", "support", "GBR")]
    );
    // Someone else's government.
    assert_eq!(
        claims("Atrocities continue in Darfur as China and Russia support the government."),
        [triple("CHN", "support", ""), triple("RUS", "support", "")]
    );
}

#[test]
fn interrogations_and_participles_in_quotes_are_no_stance() {
    assert_eq!(
        claims("Five British detainees were questioned by UK police before being released."),
        Vec::<(String, String, String)>::new()
    );
    assert_eq!(
        claims("“Anyone claiming that America's economy is in decline is wrong,” Obama said."),
        Vec::<(String, String, String)>::new()
    );
}

#[test]
fn vetoes_assurances_and_evaluations_called_with_as() {
    assert_eq!(
        claims("Russia and China vetoed the resolution."),
        [triple("RUS", "dispute", ""), triple("CHN", "dispute", "")]
    );
    assert_eq!(
        claims("Tony Blair assured Parliament that the bill was about regulation."),
        [triple("GBR", "support", "")]
    );
    assert_eq!(
        claims("Speaking in Ankara today, Erdogan described the weapons drop as a mistake."),
        [triple("TUR", "dispute", "")]
    );
    assert_eq!(
        claims(
            "Mexican President Enrique Pena Nieto vowed to act, saying the incident was \"shocking, painful and unacceptable\"."
        ),
        [triple("MEX", "dispute", "")]
    );
    // A name's particle is part of the name, not a noun the party modifies.
    assert_eq!(
        claims("Iraq's Trade Minister Mohammed Mustafa al-Jibouri welcomed the move."),
        [triple("IRQ", "praise", "")]
    );
}

#[test]
fn a_surname_after_another_first_name_is_another_person() {
    assert_eq!(
        claims("Manhattan District Attorney Cyrus Vance said Monday he supported the change."),
        Vec::<(String, String, String)>::new()
    );
    // Titles, days and mentions before a surname keep the office holder.
    assert_eq!(
        claims("President Biden praised China."),
        [triple("USA", "praise", "CHN")]
    );
    assert_eq!(
        claims("On Monday Biden praised China."),
        [triple("USA", "praise", "CHN")]
    );
    assert_eq!(
        claims("The Obama administration acknowledged that Guatemala had cooperated."),
        [triple("USA", "support", "GTM")]
    );
}

#[test]
fn a_state_body_inside_a_longer_name_is_no_party() {
    assert_eq!(
        claims("The Texas Department of State Health Services refuted that claim to CNN."),
        Vec::<(String, String, String)>::new()
    );
    assert_eq!(
        claims("Obama's State Department rejected the claim. But DHS fired back."),
        [triple("USA", "dispute", "")]
    );
}

#[test]
fn the_charge_after_of_and_own_forces_in_the_content() {
    assert_eq!(
        claims(
            "Philip Hammond, the British foreign secretary, accused Foley's killer of a betrayal of everything the British people stand for."
        ),
        [triple("GBR", "dispute", "")]
    );
    assert_eq!(
        claims("India accused Pakistan of sponsoring terror."),
        [triple("IND", "dispute", "PAK")]
    );
    assert_eq!(
        claims("Yemen's defence ministry released a statement claiming that armed forces freed a hostage."),
        [triple("YEM", "support", "YEM")]
    );
}

#[test]
fn tricks_and_things_not_true() {
    assert_eq!(
        claims("Jordan's Foreign Minister Nasser Judeh called ISIS's claim \"an old and sick trick.\""),
        [triple("JOR", "dispute", "")]
    );
    assert_eq!(
        claims("Obama said Tuesday the version the Republicans are talking about is “just not true.”"),
        [triple("USA", "dispute", "")]
    );
    assert_eq!(
        claims("Ronaldo scored a hat trick as Portugal beat Spain."),
        Vec::<(String, String, String)>::new()
    );
}

#[test]
fn candidates_and_terrorism_as_a_topic() {
    assert_eq!(
        claims("Democrat challenger John Kerry has criticised President George W Bush's handling of the economy."),
        Vec::<(String, String, String)>::new()
    );
    assert_eq!(
        claims("The Tories believe Tony Blair is using the issue to suggest the Tories are soft on terrorism."),
        Vec::<(String, String, String)>::new()
    );
}

#[test]
fn a_plural_noun_right_before_a_verb_is_its_subject() {
    assert_eq!(
        claims("The WTO said that many developing countries support the end of quotas."),
        Vec::<(String, String, String)>::new()
    );
    assert_eq!(
        claims("Indian officials for years denied the report."),
        [triple("IND", "dispute", "")]
    );
}

#[test]
fn a_possessive_after_a_dispute_cue_is_not_the_holder_itself() {
    assert_eq!(
        claims("The draft law suffered setbacks when Poland rejected its adoption twice."),
        [triple("POL", "dispute", "")]
    );
    // "own" still names the holder; support keeps "its" as before.
    assert_eq!(
        claims("Poland rejected its own proposal."),
        [triple("POL", "dispute", "POL")]
    );
    assert_eq!(
        claims("Poland defended its decision."),
        [triple("POL", "support", "POL")]
    );
}

#[test]
fn promises_about_own_conduct_and_a_political_party_in_the_content() {
    assert_eq!(
        claims("Turkey had previously insisted it would not bow to demands to recognise the country."),
        Vec::<(String, String, String)>::new()
    );
    assert_eq!(
        claims("Rajoy insisted that his party was still the No. 1 force in Spain."),
        [triple("ESP", "support", "")]
    );
    assert_eq!(
        claims("India insisted that it had acted alone."),
        [triple("IND", "support", "IND")]
    );
}

#[test]
fn a_participle_with_no_object_before_of_or_for_is_passive() {
    assert_eq!(
        claims(
            "The US announced that Australian Mamdouh Habib, previously accused of terrorist offences, will be released."
        ),
        Vec::<(String, String, String)>::new()
    );
    // Active: a subject right before, or a perfect.
    assert_eq!(
        claims("The group, which French President Francois Hollande blamed for the attacks, grew."),
        [triple("FRA", "dispute", "")]
    );
    assert_eq!(
        claims("China's exchange rate, which the US has blamed for cheap exports, stays."),
        [triple("USA", "dispute", "")]
    );
}

#[test]
fn her_as_an_object_is_someone_else() {
    assert_eq!(
        claims("President Barack Obama endorsed her – they appeared together on the campaign trail."),
        [triple("USA", "support", "")]
    );
    assert_eq!(claims("Obama accused her of lying."), [triple("USA", "dispute", "")]);
    assert_eq!(claims("Merkel defended her policy."), [triple("DEU", "support", "DEU")]);
}

#[test]
fn words_that_grade_an_evaluation_keep_it_predicated() {
    assert_eq!(
        claims("\"This is some sort of nonsense,\" said Dmitry Peskov, press secretary for Putin."),
        [triple("RUS", "dispute", "")]
    );
    assert_eq!(
        claims("India said the American claims were completely and utterly false."),
        [triple("IND", "dispute", "USA")]
    );
}

#[test]
fn an_ability_asserts_nothing_but_can_confirm_does() {
    assert_eq!(
        claims("The US, which can veto any plan to sell IMF gold, said it is looking at other ways."),
        Vec::<(String, String, String)>::new()
    );
    assert_eq!(
        claims("Theresa May insisted that leaving the bloc was Britain's own sovereign choice."),
        [triple("GBR", "support", "GBR")]
    );
    assert_eq!(
        claims("The Pentagon can confirm that Pakistan helped in the raid."),
        [triple("USA", "support", "PAK")]
    );
}

#[test]
fn wrong_for_a_party_to_act_targets_that_party() {
    assert_eq!(
        claims("Turkey's president has said it was wrong for the United States to deliver arms to Kurdish fighters."),
        [triple("TUR", "dispute", "USA")]
    );
    assert_eq!(
        claims("The Pentagon admitted that the raid had got the wrong location."),
        Vec::<(String, String, String)>::new()
    );
    // An act in general is nobody's claim.
    assert_eq!(
        claims("Tony Blair has defended the Licensing Act, saying it is wrong to deny people the relaxed hours."),
        [triple("GBR", "support", "")]
    );
}

#[test]
fn a_judgment_after_a_comma_leaves_the_support_verb_its_own_claim() {
    assert_eq!(
        claims("Tony Blair defended his anti-terror proposals, warning that it would be wrong to wait for an attack."),
        [triple("GBR", "support", "GBR")]
    );
    assert_eq!(
        claims("India insisted the American reports were baseless."),
        [triple("IND", "dispute", "USA")]
    );
}

#[test]
fn confirming_a_role_for_oneself_is_a_position() {
    assert_eq!(
        claims("Chad has confirmed it is acting as a mediator in the talks to free the girls."),
        [triple("TCD", "support", "TCD")]
    );
    assert_eq!(
        claims("Qatar confirmed that it would mediate."),
        Vec::<(String, String, String)>::new()
    );
    // A party adjective in the subject of the content.
    assert_eq!(
        claims("The Pentagon acknowledged for the first time that a mysterious U.S. raid had sought to rescue him."),
        [triple("USA", "support", "USA")]
    );
}

#[test]
fn for_its_part_and_took_turns_stand_inside_the_verb_group() {
    assert_eq!(
        claims("Nigeria for its part maintains that it is conducting ceasefire negotiations."),
        [triple("NGA", "support", "NGA")]
    );
    assert_eq!(
        claims("The leaders of the United States, Canada and Mexico took turns rebutting the candidate's proposals."),
        [
            triple("USA", "dispute", ""),
            triple("CAN", "dispute", ""),
            triple("MEX", "dispute", "")
        ]
    );
}

#[test]
fn counter_is_a_verb_but_not_the_first_half_of_a_compound() {
    assert_eq!(
        claims("Homeland Security Secretary Jeh Johnson took to CNN to publicly counter claims made by a congressman."),
        [triple("USA", "dispute", "")]
    );
    assert_eq!(
        claims("Scotland Yard's counter-terrorism command launched an investigation into the video."),
        Vec::<(String, String, String)>::new()
    );
}

#[test]
fn a_person_introduced_with_a_state_office_speaks_for_it_later_by_name() {
    let text = "Indian army spokesman Colonel Sofiya Qureshi briefed reporters. Qureshi denied the \
                Pakistani claims. Sofiya Qureshi later rejected the Pakistani account.";
    assert_eq!(
        claims(text),
        [triple("IND", "dispute", "PAK"), triple("IND", "dispute", "PAK")]
    );
    // In apposition, closed by a comma.
    assert_eq!(
        claims("Pakistan's foreign ministry spokesperson, Shafqat Ali Khan, spoke. Khan rejected the Indian claims."),
        [triple("PAK", "dispute", "IND")]
    );
    // A non-state group between the demonym and the body introduces nobody.
    assert_eq!(
        claims("Pakistani Taliban spokesman Muhammad Khurasani spoke. Khurasani rejected the Indian claims."),
        Vec::<(String, String, String)>::new()
    );
    // The same surname introduced for two parties is nobody's.
    assert_eq!(
        claims(
            "Indian army spokesman Colonel Ravi Khan spoke. Pakistani army spokesman Major Ali Khan spoke. Khan rejected the claims."
        ),
        Vec::<(String, String, String)>::new()
    );
}

#[test]
fn a_lower_case_variant_of_a_longer_alias_keeps_its_shorter_one() {
    // "Indian army" is not the alias "Indian Army", but "Indian" is a demonym.
    assert_eq!(
        claims("The Indian army spokesman denied the claims."),
        [triple("IND", "dispute", "")]
    );
}

#[test]
fn a_charge_in_reported_speech_disputes_the_party_it_is_laid_on() {
    assert_eq!(
        claims("Turkish Foreign Minister Hakan Fidan said Israel was sabotaging the peace process."),
        [triple("TUR", "dispute", "ISR")]
    );
    assert_eq!(
        claims("The Indian army said Pakistani troops had violated the ceasefire overnight."),
        [triple("IND", "dispute", "PAK")]
    );
    assert_eq!(
        claims("Pakistan violated the ceasefire again, Indian officials said."),
        [triple("IND", "dispute", "PAK")]
    );
    assert_eq!(
        claims("Kyiv said there were violations by Russia."),
        [triple("UKR", "dispute", "RUS")]
    );
    // Denied, laid on no party, or on a noun the party only modifies: nothing.
    for text in [
        "India said it had not violated the ceasefire.",
        "The US said China was not interfering.",
        "India said the move violated international law.",
        "Britain said the Iraq war had undermined the economy.",
    ] {
        assert_eq!(claims(text), Vec::<(String, String, String)>::new(), "{text}");
    }
}

#[test]
fn joining_another_party_in_a_stance_holds_it_with_them() {
    assert_eq!(
        claims("Australia joined the United States in condemning the attack."),
        [triple("AUS", "dispute", ""), triple("USA", "dispute", "")]
    );
    for text in [
        "Australia has not joined the United States in condemning the attack.",
        "Australia refused to join the United States in condemning the attack.",
    ] {
        assert_eq!(claims(text), Vec::<(String, String, String)>::new(), "{text}");
    }
}

#[test]
fn a_graded_violation_is_an_evaluation() {
    assert_eq!(
        claims(
            "Iran's foreign ministry spokesman Esmaeil Baghaei said the U.S. attack was a clear violation of the UN Charter."
        ),
        [triple("IRN", "dispute", "USA")]
    );
}

#[test]
fn a_verb_right_after_a_quotation_takes_its_subject_after_it() {
    assert_eq!(
        claims("\"Japan has never really liked that option,\" insists Mr Wood."),
        Vec::<(String, String, String)>::new()
    );
    assert_eq!(
        claims("\"The ceasefire holds,\" Pakistan insisted."),
        [triple("PAK", "support", "")]
    );
}

#[test]
fn the_noun_dispute_after_what_it_is_about_is_a_conflict() {
    assert_eq!(
        claims("EU-US seeking deal on air dispute"),
        Vec::<(String, String, String)>::new()
    );
}

#[test]
fn a_country_in_a_sports_report_is_its_team() {
    assert_eq!(
        claims("In Dublin, Ireland tore into the white-shirted visitors from the kick-off."),
        Vec::<(String, String, String)>::new()
    );
    // A state body or office holder is no team.
    assert_eq!(
        claims("Spain's minister of sport gave his backing to the World Cup bid."),
        [triple("ESP", "support", "")]
    );
}

#[test]
fn promises_made_earlier_in_the_clause_or_by_the_own_government() {
    for text in [
        "Obama pledged to continue to \"do what is necessary\" to protect Americans and support the Iraqi forces.",
        "Nigeria's president, Goodluck Jonathan, has previously maintained that the government would never agree to negotiations.",
    ] {
        assert_eq!(claims(text), Vec::<(String, String, String)>::new(), "{text}");
    }
    // After "but" the promise is over.
    assert_eq!(
        claims("Obama pledged to stay out, but the State Department later backed the Iraqi forces."),
        [triple("USA", "support", "IRQ")]
    );
}

#[test]
fn asking_for_support_is_no_stance() {
    for text in [
        "Pakistan asked for support at the United Nations.",
        "India sought support for its bid.",
    ] {
        assert_eq!(claims(text), Vec::<(String, String, String)>::new(), "{text}");
    }
}

#[test]
fn a_state_expresses_its_condemnation_through_a_light_verb() {
    assert_eq!(
        claims("The Saudi foreign ministry expressed the kingdom's condemnation of the attack."),
        [triple("SAU", "dispute", "")]
    );
    assert_eq!(
        claims("Qatar expressed its strong condemnation of the Israeli strikes."),
        [triple("QAT", "dispute", "ISR")]
    );
}

#[test]
fn reported_content_with_its_own_subject_is_not_the_speakers_act() {
    let none = Vec::<(String, String, String)>::new();
    assert_eq!(
        claims("Homeland Security Secretary Jeh Johnson says hackers are taking aim at election officials."),
        none
    );
    assert_eq!(claims("The Pentagon said local militias rejected the truce."), none);
    // A pronoun, "to", a participle, a comma or a coordinated verb keeps the speaker.
    for text in [
        "India said on Tuesday it rejected the claims.",
        "India said in a statement rejecting the claims.",
        "An official at the North Korean Embassy is said to have denied the plans.",
        "India said, rejecting the claims, that talks would go on.",
    ] {
        assert!(claims(text).iter().any(|c| c.1 == "dispute"), "{text}");
    }
    assert_eq!(
        claims("India stressed bipartisan support for the alliance."),
        [triple("IND", "support", "")]
    );
}

#[test]
fn a_modal_before_a_comma_belongs_to_the_content_of_an_inverted_verb() {
    assert_eq!(
        claims("“The proposals would not work,” insisted Mr Blair."),
        [triple("GBR", "support", "")]
    );
}

#[test]
fn a_story_confirmed_fake_is_disputed() {
    assert_eq!(
        claims("However, Scotland Yard confirmed the story - which left his name trending - was fake."),
        [triple("GBR", "dispute", "")]
    );
    assert!(claims("Police said the men carried fake passports.").is_empty());
}

#[test]
fn names_that_contain_a_state_and_nouns_of_refusal() {
    assert!(claims("USA Today denied the report.").is_empty());
    assert!(claims("On Sunday, he was in New Mexico, claiming that the race is tied.").is_empty());
    assert_eq!(
        claims("Division exists as a result of Turkey’s refusal to acknowledge fully the atrocities."),
        [triple("TUR", "dispute", "")]
    );
    assert_eq!(
        claims("Nasa has raised doubts about whether a meteorite caused the crater."),
        [triple("USA", "dispute", "")]
    );
}

#[test]
fn a_by_phrase_past_a_comma_is_no_passive_agent() {
    assert!(claims("Pounds 8 billion would fill the black hole left, they claim, by Gordon Brown.").is_empty());
    assert_eq!(
        claims("The plan was rejected by India."),
        [triple("IND", "dispute", "")]
    );
}

#[test]
fn a_state_voice_after_from_holds_a_stance_noun() {
    assert_eq!(
        claims("The finance minister jabbed back at complaints from his American counterpart."),
        [triple("USA", "dispute", "")]
    );
    assert_eq!(
        claims("The remarks drew rebukes from the Pentagon."),
        [triple("USA", "dispute", "")]
    );
    assert!(claims("The deal sees Rosneft receive dollars 6bn in credits from China's CNPC.").is_empty());
    assert!(claims("The move drew complaints from residents in India.").is_empty());
}

#[test]
fn what_a_party_issues_speaks_for_it_before_a_participle() {
    assert_eq!(
        claims("It was the first call since Obama’s letter claiming a breach in the missile treaty."),
        [triple("USA", "support", "")]
    );
    assert_eq!(
        claims("Putin’s ironic speech decrying excessive ambitions was very real."),
        [triple("RUS", "dispute", "")]
    );
}

#[test]
fn support_nouns_after_a_possessive_and_participles_of_backing_are_no_claims() {
    let none = Vec::<(String, String, String)>::new();
    // A support noun after a possessive: aid, a background fact, a position others answer.
    assert_eq!(
        claims("Downing Street has stressed Mr Blair's support for the home secretary."),
        none
    );
    assert_eq!(
        claims("The analysis showed inconsistencies with North Korea's claim that it had tested a bomb."),
        none
    );
    assert_eq!(
        claims("India's denial of mediation angered Washington."),
        [triple("IND", "dispute", "")]
    );
    // A participle of backing with no copula describes its noun; with one it reports.
    assert_eq!(
        claims("The merger, backed by Russian authorities, will allow foreigners to trade."),
        none
    );
    assert_eq!(claims("The plan was backed by Russia."), [triple("RUS", "support", "")]);
    assert_eq!(
        claims("It was a call echoed by Japan on Saturday."),
        [triple("JPN", "support", "")]
    );
}

#[test]
fn illogical_is_an_evaluation() {
    assert_eq!(
        claims("A Jordanian official told ABC News the claim was \"illogical\"."),
        [triple("JOR", "dispute", "")]
    );
}

#[test]
fn playing_down_is_a_dispute_only_of_a_worry_or_a_claim() {
    assert_eq!(
        claims("Kazakhstan's foreign minister, Erlan Idrissov, plays down concerns."),
        [triple("KAZ", "dispute", "")]
    );
    assert_eq!(
        claims("The Brazilian government has played down claims that it could save the airline."),
        [triple("BRA", "dispute", "")]
    );
    assert!(claims("Japanese government officials played down the latest data.").is_empty());
    assert!(claims("Brazil plays down Varig rescue").is_empty());
}

#[test]
fn shooting_down_claims_hosting_leaders_and_opposed_by_as_a_description() {
    assert_eq!(
        claims("Homeland Security Secretary Jeh Johnson shot down claims on Thursday that the border is porous."),
        [triple("USA", "dispute", "")]
    );
    assert!(claims("Pakistan shot down an Indian drone.").is_empty());
    assert!(claims("Obama, who welcomed world leaders to the White House for a dinner, held meetings.").is_empty());
    assert!(claims("Assad, aided by the Russians and opposed by the U.S., held on.").is_empty());
    assert_eq!(
        claims("The plan was opposed by the U.S."),
        [triple("USA", "dispute", "")]
    );
}
