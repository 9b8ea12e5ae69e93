//! Unit tests of framing differences, quote fidelity and profiles.

use super::*;
use crate::extract::framing::{Lexicon, find_cues};
use crate::model::Position;

fn claim(outlet: usize, text: &str) -> Claim {
    let mut claim = Claim::new(
        OutletId(outlet),
        text.to_string(),
        Position::START,
        Some(0..1),
    );
    claim.cues = find_cues(text, &Lexicon::default());
    claim
}

fn cluster(texts: &[&str]) -> Vec<FramingDifference> {
    let claims: Vec<Claim> = texts.iter().enumerate().map(|(o, t)| claim(o, t)).collect();
    compare_cluster(&crate::compare::one_claim_per_outlet(&claims))
}

fn texts(differences: &[FramingDifference]) -> Vec<(usize, CueKind, &str)> {
    differences
        .iter()
        .map(|d| (d.claim.outlet.0, d.kind, d.text.as_str()))
        .collect()
}

#[test]
fn attributed_against_stated_as_fact() {
    let d = cluster(&[
        "According to unnamed sources, Trump offered Maduro safe passage.",
        "Trump offered Maduro safe passage out of Venezuela.",
    ]);
    assert_eq!(
        texts(&d),
        vec![(
            0,
            CueKind::Attribution,
            "attributes it to \"unnamed sources\" (unnamed, according to); the other outlet states it as fact"
        )]
    );
    assert_eq!(d[0].others[0].outlet, OutletId(1));
}

#[test]
fn an_attribution_counts_only_for_the_words_it_reports() {
    let attributed = |a: &str, b: &str| {
        texts(&cluster(&[a, b]))
            .iter()
            .any(|(o, kind, _)| *o == 0 && *kind == CueKind::Attribution)
    };
    let fact = "The lawyer sent a letter to Rosenstein asking him to delay the indictment.";
    // The spokesman's words are the belief; the letter is the outlet's.
    assert!(!attributed(
        "A spokesman, Michael Harrison, said Tuesday that the congressman believes the charges are politically motivated, and referred a reporter to a letter the lawyer sent to Rosenstein asking him to delay the indictment.",
        fact
    ));
    // After a clause, before or after its own adjuncts, it reports the clause.
    assert!(attributed(
        "The lawyer sent a letter to Rosenstein asking him to delay the indictment, a spokesman said Tuesday.",
        fact
    ));
    assert!(attributed(
        "The lawyer sent a letter to Rosenstein asking him to delay the indictment, a spokesman said Tuesday, the latest step in the case.",
        fact
    ));
    // Inside the sentence, it reports the whole of it.
    assert!(attributed(
        "The lawyer, a spokesman said, sent a letter to Rosenstein asking him to delay the indictment.",
        fact
    ));
    // Before the words it reports, it reports them.
    assert!(attributed(
        "A spokesman said the lawyer sent a letter to Rosenstein asking him to delay the indictment.",
        fact
    ));
    assert!(attributed(
        "According to a spokesman, the lawyer sent a letter to Rosenstein asking him to delay the indictment.",
        fact
    ));
}

#[test]
fn a_swap_of_stance_is_strong_and_a_word_of_style_weak() {
    let strength = |a: &str, b: &str| -> Vec<(CueKind, Strength)> {
        cluster(&[a, b])
            .iter()
            .map(|d| (d.kind, d.strength))
            .collect()
    };
    assert_eq!(
        strength(
            "The buildup is meant to remove Maduro’s government.",
            "The buildup is meant to topple the Maduro regime."
        ),
        vec![(CueKind::LoadedTerm, Strength::Strong)]
    );
    assert_eq!(
        strength(
            "Maduro stated the buildup is a threat.",
            "Maduro contended the buildup is a threat."
        )
        .iter()
        .find(|(kind, _)| *kind == CueKind::Attribution),
        Some(&(CueKind::Attribution, Strength::Weak))
    );
    assert_eq!(
        strength(
            "Officials said the call lasted minutes.",
            "The call lasted minutes."
        ),
        vec![(CueKind::Attribution, Strength::Strong)]
    );
}

#[test]
fn a_quotation_is_never_stated_as_fact() {
    let d = cluster(&[
        "Officials said the indictments are further proof of interference.",
        "“These indictments are further proof of interference in our elections.”",
    ]);
    assert!(d.iter().all(|d| d.kind != CueKind::Attribution), "{d:?}");
}

#[test]
fn unnamed_against_named_sources() {
    let d = cluster(&[
        "Trump and Maduro spoke by phone, officials said.",
        "Trump and Maduro spoke by phone, Reuters said.",
    ]);
    assert_eq!(
        texts(&d),
        vec![(
            0,
            CueKind::Attribution,
            "pins it on unnamed sources (\"officials\"); the other outlet names a source"
        )]
    );
}

#[test]
fn a_colouring_verb_against_a_plain_one() {
    let d = cluster(&[
        "Maduro contended the buildup is a threat.",
        "Maduro said the buildup is a threat.",
    ]);
    assert_eq!(
        texts(&d),
        vec![(
            0,
            CueKind::Attribution,
            "attributes with \"contend\" where the other outlet uses \"say\""
        )]
    );
}

#[test]
fn a_loaded_verb_is_reported_once() {
    let d = cluster(&[
        "Maduro claimed the buildup is a threat.",
        "Maduro said the buildup is a threat.",
    ]);
    assert_eq!(
        texts(&d),
        vec![(
            0,
            CueKind::LoadedTerm,
            "writes \"claimed\" where the other outlet writes \"said\""
        )]
    );
}

#[test]
fn a_verb_of_style_is_no_framing_difference() {
    let d = cluster(&[
        "Prosecutors charged that the mayor took bribes.",
        "Prosecutors said that the mayor took bribes.",
    ]);
    assert_eq!(texts(&d), vec![]);
}

#[test]
fn hedged_against_plain() {
    let d = cluster(&[
        "Trump reportedly gave Maduro one week to leave.",
        "Trump gave Maduro one week to leave.",
        "Trump allegedly gave Maduro a week to leave.",
    ]);
    assert_eq!(
        texts(&d),
        vec![
            (
                0,
                CueKind::Hedge,
                "hedges with \"reportedly\"; 1 of the 2 others does not"
            ),
            (
                2,
                CueKind::Hedge,
                "hedges with \"allegedly\"; 1 of the 2 others does not"
            ),
        ]
    );
}

#[test]
fn quoted_against_paraphrased_is_no_framing_difference() {
    // Quoting or paraphrasing the same words is a choice of style; the
    // quote cue stays on the claim for who wants it.
    let d = cluster(&[
        "“We will not accept a peace of slaves,” Maduro told the rally.",
        "Maduro told the rally he would not accept a peace of slaves.",
    ]);
    assert_eq!(texts(&d), vec![]);
}

#[test]
fn claims_that_share_few_words_are_not_compared() {
    // Linked by a shared name, these state different facts: the hedge of
    // one is no framing of the other.
    let d = cluster(&[
        "Reid reportedly said all options should be on the table.",
        "Reid is a longtime supporter of gun rights in Nevada.",
    ]);
    assert_eq!(texts(&d), vec![]);
}

#[test]
fn a_hedge_against_an_attribution_is_no_difference() {
    let d = cluster(&[
        "Trump reportedly gave Maduro one week to leave the country.",
        "Trump gave Maduro one week to leave the country, officials said.",
    ]);
    assert!(texts(&d).iter().all(|(_, kind, _)| *kind != CueKind::Hedge));
}

#[test]
fn a_hedge_in_reported_speech_is_the_sources() {
    let d = cluster(&[
        "Officials said the strike could widen to every port.",
        "The strike could widen to every port, officials said.",
        "The strike will widen to every port.",
    ]);
    assert!(
        texts(&d)
            .iter()
            .all(|(outlet, kind, _)| !(*outlet == 0 && *kind == CueKind::Hedge))
    );
}

#[test]
fn scare_quoted_against_plain() {
    let d = cluster(&[
        "US officials labeled the cartel a “terrorist” organization.",
        "US officials labeled the cartel a terrorist organization.",
    ]);
    let t = texts(&d);
    assert!(t.contains(&(
        0,
        CueKind::ScareQuote,
        "puts \"terrorist\" in scare quotes; the other outlet writes \"terrorist\" plainly"
    )));
    // The plain "terrorist" is a loaded term the scare-quoting outlet keeps at a distance.
    assert!(t.contains(&(
        1,
        CueKind::LoadedTerm,
        "writes \"terrorist\" plainly where the other outlet keeps it at a distance (scare quotes, \"so-called\")"
    )));
}

#[test]
fn words_in_quotation_marks_read_as_a_name_are_not_plain() {
    // Fox's 'Deep State' reads as a name in a headline that is not in
    // headline case, so it is no scare quote; it is not plain either.
    let d = cluster(&[
        "Trump Attacks Justice Department As 'Deep State,' Calls For Jailing Top Clinton Aide",
        "Trump slams Hillary aide, calls on 'Deep State' DOJ to jail her",
    ]);
    assert!(
        !texts(&d)
            .iter()
            .any(|(_, kind, _)| *kind == CueKind::ScareQuote),
        "{d:?}"
    );
}

#[test]
fn loaded_against_neutral() {
    let d = cluster(&[
        "The buildup is intended to remove Maduro’s government.",
        "The buildup is intended to topple the Maduro regime.",
    ]);
    assert_eq!(
        texts(&d),
        vec![(
            1,
            CueKind::LoadedTerm,
            "writes \"regime\" where the other outlet writes \"government\""
        )]
    );
}

#[test]
fn same_framing_is_no_difference() {
    assert!(
        cluster(&[
            "Officials said the call happened.",
            "Officials said the call took place."
        ])
        .is_empty()
    );
    assert!(cluster(&["The call happened."]).is_empty());
}

#[test]
fn char_diff_marks_deletions_and_insertions() {
    assert_eq!(
        char_diff("a slave's peace", "slave's peace"),
        "[-a -]slave's peace"
    );
    assert_eq!(
        char_diff("peace now", "peace today"),
        "peace [-n-]{+t+}o[-w-]{+day+}"
    );
}

#[test]
fn same_quotation_worded_differently_is_found() {
    let claims = vec![
        vec![claim(0, "Maduro Rejects “Slave’s Peace” as Pressure Rises")],
        vec![
            claim(1, "Maduro rejected what he described as “a slave’s peace.”"),
            claim(1, "He spoke of “psychological terrorism.”"),
        ],
        vec![claim(2, "He would not accept \"a slave peace,\" he said.")],
    ];
    let found = quote_fidelity(&claims);
    let pairs: Vec<(usize, usize, &str)> = found
        .iter()
        .map(|m| (m.first.outlet.0, m.second.outlet.0, m.diff.as_str()))
        .collect();
    assert_eq!(pairs, vec![(1, 2, "a slave[-'s-] peace")]);
}

#[test]
fn an_excerpt_of_a_longer_quotation_is_faithful() {
    let claims = vec![
        vec![claim(0, "He called it “a slave’s peace.”")],
        vec![claim(1, "Maduro Rejects ‘Slave’s Peace’")],
        vec![claim(
            2,
            "“It is uncertain whether we could continue to meet all the nation’s commitments,” she wrote.",
        )],
        vec![claim(
            3,
            "She said it was “uncertain whether we could continue to meet” them.",
        )],
    ];
    assert!(quote_fidelity(&claims).is_empty());
}

#[test]
fn a_changed_word_inside_an_excerpt_is_found() {
    let claims = vec![
        vec![claim(
            0,
            "“The vaccine is safe, effective, & our best defense, but should always remain voluntary,” he wrote.",
        )],
        vec![claim(
            1,
            "“The vaccine is safe, effective, and our best defense, but should remain voluntary,” he wrote.",
        )],
    ];
    let found = quote_fidelity(&claims);
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].diff,
        "the vaccine is safe effective and our best defense but should [-always -]remain voluntary"
    );
}

#[test]
fn spelling_contractions_and_transliterations_are_not_misquoting() {
    let pair = |a: &str, b: &str| quote_fidelity(&[vec![claim(0, a)], vec![claim(1, b)]]);
    assert!(
        pair(
            "“He is not going to leave the race,” she said.",
            "“He’s not going to leave the race,” she said."
        )
        .is_empty()
    );
    assert!(
        pair(
            "“We don't negotiate with Muammar al-Qaddafi,” he said.",
            "“We do not negotiate with Moammar Gadhafi,” he said."
        )
        .is_empty()
    );
    assert!(
        pair(
            "“He [the president] has re-confirmed our reporting,” Smith said.",
            "“He has reconfirmed our reporting,” Smith said."
        )
        .is_empty()
    );
    let found = pair(
        "“We are finding ways to keep the talks going,” he said.",
        "“We are talking ways to keep the talks going,” he said.",
    );
    assert_eq!(found.len(), 1, "a changed word is still found");
}

#[test]
fn function_words_and_inflections_are_differences_of_form_only() {
    // Whether each mismatch found between two outlets quoting `a` and `b`
    // differs in form only.
    let form_only = |a: &str, b: &str| -> Vec<bool> {
        let quoted = |o: usize, words: &str| vec![claim(o, &format!("“{words},” she said."))];
        quote_fidelity(&[quoted(0, a), quoted(1, b)])
            .iter()
            .map(|m| m.form_only)
            .collect()
    };
    let faithful = [
        ("not a spot at the bar", "not a spot at a bar"),
        (
            "it is destructive to the fabric of the relationship",
            "it is destructive of the fabric of the relationship",
        ),
        (
            "he looks forward to being fully vindicated",
            "he look forward to being fully vindicated",
        ),
        (
            "he wants to run the nation like he is running his business",
            "he wants to run the nation like he has run his business",
        ),
    ];
    for (a, b) in faithful {
        assert_eq!(form_only(a, b), [true], "{a} / {b}");
    }
    // A negation, a content word or a number changed is a misquotation.
    let changed = [
        (
            "I used money that should have been used",
            "I used money that shouldn't have been used",
        ),
        (
            "Iran gets closer and closer to a nuclear bomb",
            "Iran gets closer and closer to nuclear arms",
        ),
        (
            "it would materially increase the risk of a stall",
            "it would significantly increase the risk of a stall",
        ),
        (
            "we sent 12 teams to the border today",
            "we sent 15 teams to the border today",
        ),
    ];
    for (a, b) in changed {
        assert_eq!(form_only(a, b), [false], "{a} / {b}");
    }
}

#[test]
fn two_thousand_quotes_per_outlet_are_compared_through_an_index() {
    // Every quotation shares most of its words with every other one:
    // compared pair by pair, this took a minute and half a gigabyte.
    let lexicon = Lexicon::default();
    let outlet = |o: usize| -> Vec<Claim> {
        (0..2000)
            .map(|n| {
                let text = format!(
                    "“We will not accept case number {n} of {} today,” he said.",
                    n + o
                );
                let mut claim = Claim::new(OutletId(o), text, Position::START, Some(0..1));
                claim.cues = find_cues(&claim.text, &lexicon);
                claim
            })
            .collect()
    };
    let claims = vec![outlet(0), outlet(1)];
    crate::model::cost::take();
    let found = quote_fidelity(&claims);
    // Pairs compared and index entries read, per quotation: bounded by
    // the candidates a quotation gets and the postings a word may have,
    // where comparing every pair would take 2,000 per quotation.
    let per_quote = crate::model::cost::take() / 4000;
    assert!(per_quote <= 200, "{per_quote} steps per quotation");
    assert!(found.len() <= 2000, "each quotation is paired at most once");
    assert!(!found.is_empty());
}

#[test]
fn identical_and_unrelated_quotations_are_not_mismatches() {
    let claims = vec![
        vec![claim(0, "He said “we want peace with sovereignty” today.")],
        vec![claim(
            1,
            "“We want peace with sovereignty,” he said, and “we will never kneel.”",
        )],
    ];
    assert!(quote_fidelity(&claims).is_empty());
}

#[test]
fn profile_counts_each_cue() {
    let claims = vec![
        claim(
            0,
            "According to unnamed sources, Trump allegedly offered safe passage.",
        ),
        claim(0, "Reuters said the Maduro regime is under pressure."),
        claim(
            0,
            "“We want peace and we will defend it,” Maduro said of the “terrorist” label.",
        ),
        claim(0, "The rally took place on Monday."),
    ];
    let p = profile(&claims);
    assert_eq!(p.attributed_share, 0.75);
    assert_eq!(p.hedged_share, 0.25);
    assert_eq!(p.named_sources, 2);
    assert_eq!(p.unnamed_sources, 1);
    assert_eq!(p.quotes, 1);
    assert_eq!(p.scare_quotes, 1);
    assert_eq!(p.loaded_terms.get("regime"), Some(&1));
    assert_eq!(p.attribution_verbs.get("say"), Some(&2));
    assert_eq!(profile(&[]), Profile::default());
}

#[test]
fn a_claim_that_names_the_same_source_is_not_stated_as_fact() {
    // Both report what Reyes said or did: no fact stated against an
    // attribution.
    let d = cluster(&[
        "Governor Daniel Reyes said both sides must return to the table.",
        "Governor Daniel Reyes urged both sides to return to the table.",
    ]);
    assert!(
        texts(&d)
            .iter()
            .all(|(_, kind, _)| *kind != CueKind::Attribution)
    );
    // A generic word of the source ("city") names no one.
    let d = cluster(&[
        "The bridge will close on Monday for repairs, the city's transport department said.",
        "The city shuts the bridge on Monday for repairs.",
    ]);
    assert_eq!(
        texts(&d),
        vec![(
            0,
            CueKind::Attribution,
            "attributes it to \"the city's transport department\" (named, say); the other outlet states it as fact"
        )]
    );
}

#[test]
fn a_headline_in_speaker_colon_form_is_not_stated_as_fact() {
    let attributed = claim(
        0,
        "The economist said failing the tax deal would risk a double-dip recession.",
    );
    let mut headline = claim(
        1,
        "Larry Summers: Failing Tax Deal Would Risk A Double-Dip Recession",
    );
    headline.headline = true;
    let members = [
        (
            ClaimRef {
                outlet: OutletId(0),
                index: 0,
            },
            &attributed,
        ),
        (
            ClaimRef {
                outlet: OutletId(1),
                index: 0,
            },
            &headline,
        ),
    ];
    assert!(
        compare_cluster(&members)
            .iter()
            .all(|d| d.kind != CueKind::Attribution)
    );
}

/// The window search skips windows whose shared words already rule them
/// out (`quotes::best_window`); on seeded quotations drawn from a few words
/// it finds what comparing every window finds.
#[test]
fn the_best_window_is_the_one_every_window_compared_finds() {
    let every_window = |short: &[u32], long: &[u32]| {
        let mut best: Option<(usize, usize, std::ops::Range<usize>)> = None;
        let sizes = (short.len() * 3 / 4).max(1)..=(short.len() * 5 / 4 + 1).min(long.len());
        for size in sizes {
            let offset = size.abs_diff(short.len());
            for start in 0..=long.len() - size {
                let stretch = long[start..start + size].to_vec();
                let key = (
                    strsim::generic_levenshtein(&short.to_vec(), &stretch),
                    offset,
                );
                if best.as_ref().is_none_or(|(d, o, _)| key < (*d, *o)) {
                    best = Some((key.0, key.1, start..start + size));
                }
            }
        }
        best.filter(|(d, _, _)| d * 2 <= short.len())
            .map(|(_, _, w)| w)
    };
    let mut seed: u64 = 0x5EED_0FC0_FFEE;
    let mut next = |bound: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % bound
    };
    for _ in 0..3_000 {
        let words = 2 + next(6) as u32;
        let short: Vec<u32> = (0..2 + next(9))
            .map(|_| next(u64::from(words)) as u32)
            .collect();
        let long: Vec<u32> = (0..short.len() as u64 + next(12))
            .map(|_| next(u64::from(words)) as u32)
            .collect();
        assert_eq!(
            super::quotes::best_window(&short, &long, words as usize),
            every_window(&short, &long),
            "{short:?} in {long:?}"
        );
    }
}
