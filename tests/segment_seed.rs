//! The sample article seeds/india-pakistan-2025.txt splits into its headings,
//! sentences and questions: headings on their own, citation markers ("[1] [2]
//! [3].") with the sentence before, the closing question list one per line.

use std::path::Path;

use stancer::segment::{Segmenter, fold_whitespace};

fn seed_sentences() -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/india-pakistan-2025.txt");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let seg = Segmenter::from_csv(include_str!("../rules/abbreviations.csv"))
        .unwrap_or_else(|(line, msg)| panic!("rules/abbreviations.csv:{line}: {msg}"));
    seg.sentence_spans(&text)
        .into_iter()
        .map(|span| fold_whitespace(&text[span]))
        .collect()
}

/// The whole article, sentence by sentence, as a reader would cut it.
const EXPECTED: &[&str] = &[
    "What role, if any, did other international actors play in India-Pakistan de-escalation while Trump was president?",
    "Checked on December 5, 2025",
    "Disclaimer: Factually can make mistakes.",
    "Please verify important information or breaking news.",
    "Learn more.",
    "Executive summary",
    "Multiple outlets report the United States — especially President Donald Trump and Secretary of State Marco Rubio — played an active facilitating role in the May 2025 India–Pakistan de‑escalation, with Trump publicly claiming U.S. mediation and Rubio conducting calls with both capitals [1] [2] [3].",
    "New Delhi publicly disputed some U.S. claims — rejecting that trade incentives or formal U.S. mediation produced the pause — while Islamabad welcomed U.S. assistance, creating competing official narratives [4] [5] [6].",
    "1. The U.S. version: “long night of talks” and direct pressure",
    "President Trump repeatedly said the ceasefire followed U.S.‑mediated talks and even suggested trade incentives or threats were used to secure calm; the White House said Rubio and other senior U.S. officials were in constant contact with both sides as the crisis intensified [7] [3] [8].",
    "Multiple U.S. officials later reiterated the administration’s view that American phone diplomacy helped produce the May 10 understanding [2] [9].",
    "2. India’s rebuttal: bilateral military channels did the work",
    "Indian government spokespeople and reporting from New Delhi contested the U.S. narrative, saying the operational pause stemmed from direct Indian–Pakistani military and political contacts — notably DGMO/military channels — and that New Delhi had not discussed trade concessions or U.S. mediation during the key decisions [6] [4] [10].",
    "India’s public posture insisted the ceasefire was conditional and driven by Indian strategy, not external bargaining [6].",
    "3. Pakistan’s embrace: public praise for U.S. assistance",
    "Pakistan’s foreign ministry publicly “acknowledge[d] with appreciation the constructive role played by the United States” and Islamabad’s political leaders and military figures thanked Trump and sought continued U.S. engagement, producing a stark contrast with New Delhi’s pushback [5] [11].",
    "That divergence fed a political dynamic in which Washington’s intervention was welcomed by one party to the dispute and questioned by the other [11].",
    "4. Independent analysis: backchannels, leverage and narrative competition",
    "Think‑tank and press commentary describe a mix of informal U.S. contacts, military-to-military de‑confliction instincts, and international pressure — especially fears of nuclear escalation — as drivers that nudged both sides back from wider war [1] [12] [13].",
    "Analysts note the U.S. had leverage via relationships with both leaders and felt compelled to act to avoid a catastrophic escalation, but they also caution credit is contested and de‑escalation likely reflected multiple inputs [1] [2].",
    "5. What other international actors did — limited but visible roles",
    "Available sources emphasize the U.S. role most prominently; reporting also records broader international concern (envoys briefed, statements sought) but does not provide strong evidence of a single, decisive third‑party mediator beyond U.S. engagement.",
    "Coverage notes that envoys from multiple countries were briefed in past crises and that international pressure historically matters, yet current reporting foregrounds U.S. calls and backchannels in May 2025 [14] [13] [12].",
    "Sources do not mention a coordinated UN, EU, Chinese or multilateral mediation that singly produced the ceasefire (not found in current reporting).",
    "6. Competing agendas and the politics of claiming credit",
    "The dispute over who “brokered” the truce reflects political incentives: the Trump White House sought to showcase crisis management and transactional leverage, Pakistan amplified U.S. credit as diplomatic validation, and India defended its prerogative to keep Kashmir and cross‑border issues bilateral [9] [11] [6].",
    "Observers flagged that competing claims — Trump’s tariff threats or trade offers, India’s denial of mediation, and Pakistan’s praise — served domestic and international audiences, not just conflict resolution [4] [5] [15].",
    "7. Takeaway: de‑escalation was plural, not monocausal",
    "Reporting shows significant U.S. diplomatic activity (calls by Rubio, public White House statements, Trump’s claims) and Pakistani appreciation for U.S. engagement, but also consistent Indian assertions that the pause resulted from bilateral military and political choices rather than U.S. trade pressure [3] [2] [4].",
    "The balance of evidence in available sources is that U.S. actors were important facilitators and applied pressure; whether that was decisive versus one of several factors remains contested among the parties and analysts [1] [12] [6].",
    "Limitations: these sources focus on public statements, think‑tank reconstructions and government rebuttals; they do not supply a leaked transcript or incontrovertible proof of a single causal lever.",
    "Where sources are silent — e.g., detailed minutes of the “long night of talks” — the record does not allow a definitive attribution beyond the competing official narratives described above (not found in current reporting).",
    "Want to dive deeper?",
    "Did China mediate or influence India-Pakistan tensions during the Trump administration?",
    "What role did Gulf states (Saudi Arabia, UAE) play in India-Pakistan de-escalation under Trump?",
    "How did Russia engage with India and Pakistan to reduce conflict from 2017–2021?",
    "Did multilateral institutions (UN, SCO) intervene in India-Pakistan crises during Trump's presidency?",
    "How did US back-channel diplomacy cooperate with third-party actors to achieve India-Pakistan de-escalation?",
];

#[test]
fn seed_article_splits_into_expected_sentences() {
    let got = seed_sentences();
    for (index, (g, e)) in got.iter().zip(EXPECTED).enumerate() {
        assert_eq!(g, e, "sentence {} differs", index + 1);
    }
    assert_eq!(got.len(), EXPECTED.len(), "sentence count; got {got:#?}");
}

#[test]
fn seed_headings_are_their_own_sentences() {
    let got = seed_sentences();
    for heading in [
        "Executive summary",
        "Checked on December 5, 2025",
        "1. The U.S. version: “long night of talks” and direct pressure",
        "4. Independent analysis: backchannels, leverage and narrative competition",
        "7. Takeaway: de‑escalation was plural, not monocausal",
        "Want to dive deeper?",
    ] {
        assert!(
            got.iter().any(|s| s == heading),
            "heading {heading:?} is not a sentence of its own"
        );
    }
}

#[test]
fn seed_citation_markers_stay_with_sentence_before() {
    let got = seed_sentences();
    let first = got
        .iter()
        .position(|s| s.ends_with("calls with both capitals [1] [2] [3]."));
    let next = got.iter().position(|s| s.starts_with("New Delhi publicly disputed"));
    assert!(first.is_some() && next == first.map(|i| i + 1), "{got:#?}");
    assert!(
        !got.iter().any(|s| s.starts_with('[')),
        "a sentence starts with a citation marker"
    );
}

#[test]
fn seed_closing_questions_are_one_sentence_each() {
    let got = seed_sentences();
    let tail: Vec<&str> = got.iter().rev().take(5).rev().map(String::as_str).collect();
    assert_eq!(
        tail,
        [
            "Did China mediate or influence India-Pakistan tensions during the Trump administration?",
            "What role did Gulf states (Saudi Arabia, UAE) play in India-Pakistan de-escalation under Trump?",
            "How did Russia engage with India and Pakistan to reduce conflict from 2017–2021?",
            "Did multilateral institutions (UN, SCO) intervene in India-Pakistan crises during Trump's presidency?",
            "How did US back-channel diplomacy cooperate with third-party actors to achieve India-Pakistan de-escalation?",
        ]
    );
}
