//! Unit tests of the framing cues.

use super::*;

#[test]
fn an_empty_word_never_matches_inside_a_multibyte_character() {
    assert!(!contains_word("a hundred🙂? regime", ""));
    assert!(contains_word("a hundred🙂? regime", "regime"));
}

#[test]
fn word_lists_searched_together_keep_their_matches_apart() {
    let words = |w: &[&str]| w.iter().map(|w| w.to_string()).collect::<Vec<_>>();
    let (first, second) = (words(&["", "claim", "may"]), words(&["claim that", "dire"]));
    let set = lexicon::WordSet::of_lists(&[&first, &second]).unwrap();
    // The longer match of the second list does not hide the first list's;
    // each list numbers its words from 0, blank words left out.
    assert_eq!(
        set.find_each("They claim that it may be dire."),
        [vec![(0, 5..10), (1, 19..22)], vec![(0, 5..15), (1, 26..30)]]
    );
    assert_eq!(set.find("Dire claims"), []);
}

fn cues(text: &str) -> Vec<Cue> {
    find_cues(text, &Lexicon::default())
}

fn of_kind(text: &str, kind: CueKind) -> Vec<Cue> {
    cues(text).into_iter().filter(|c| c.kind == kind).collect()
}

fn sources(text: &str) -> Vec<(String, Option<bool>, String)> {
    of_kind(text, CueKind::Attribution)
        .into_iter()
        .map(|c| (c.source.unwrap(), c.named, c.verb.unwrap()))
        .collect()
}

fn s(source: &str, named: bool, verb: &str) -> (String, Option<bool>, String) {
    (source.to_string(), Some(named), verb.to_string())
}

/// A pronoun source: neither named nor unnamed.
fn p(source: &str, verb: &str) -> (String, Option<bool>, String) {
    (source.to_string(), None, verb.to_string())
}

#[test]
fn according_to_takes_the_source_up_to_the_comma() {
    assert_eq!(
        sources("According to unnamed sources, Trump allegedly offered Maduro safe passage."),
        vec![s("unnamed sources", false, "according to")]
    );
    assert_eq!(
        sources("Trump declared the airspace closed, according to the same reports."),
        vec![s("the same reports", false, "according to")]
    );
    assert_eq!(
        sources("According to Bo, Venezuela has been positioning military units."),
        vec![s("Bo", true, "according to")]
    );
}

#[test]
fn subject_before_verb_is_the_source() {
    assert_eq!(
        sources("Maduro insisted that Venezuela would not accept it."),
        vec![s("Maduro", true, "insist")]
    );
    assert_eq!(
        sources("The sources claim Maduro said he might consider leaving."),
        vec![s("The sources", false, "claim"), s("Maduro", true, "say")]
    );
    assert_eq!(
        sources("Venezuelan officials, however, argue that the buildup is a threat."),
        vec![s("Venezuelan officials", false, "argue")]
    );
    assert_eq!(
        sources("Reports from Reuters suggest that Trump and Maduro spoke by phone."),
        vec![s("Reports from Reuters", true, "suggest")]
    );
    assert_eq!(
        sources("A person familiar with the matter said the call was brief."),
        vec![s("A person familiar with the matter", false, "say")]
    );
}

#[test]
fn times_and_abbreviations_around_the_verb() {
    assert_eq!(
        sources("New York Lt. Gov. Kathy Hochul on Sunday said she aims to lead."),
        vec![s("New York Lt. Gov. Kathy Hochul", true, "say")]
    );
    assert_eq!(
        sources("Acting swiftly, the U.S. military said it used a drone strike."),
        vec![s("the U.S. military", true, "say")]
    );
    assert!(
        sources("The last planes have left, the general announced Monday.")
            .iter()
            .all(|(source, _, _)| source != "Monday")
    );
}

#[test]
fn rules_found_by_reading_corpus_cues() {
    assert_eq!(
        sources("House Majority Whip Jim Clyburn of South Carolina said he would vote."),
        vec![s(
            "House Majority Whip Jim Clyburn of South Carolina",
            true,
            "say"
        )]
    );
    assert!(sources("The White House's stated goal was clear.").is_empty());
    assert!(
        sources("DHS releasing Haitians into US despite claims they would be expelled").is_empty()
    );
    assert!(sources("Harris holds talks, tells migrants: do not come").is_empty());
    assert_eq!(
        sources("Taliban Announces Leadership, Says It Will Rule"),
        vec![s("Taliban", true, "announce")]
    );
    assert_eq!(
        sources("The room was relieved, an aide said."),
        vec![s("an aide", false, "say")]
    );
}

#[test]
fn more_rules_found_by_reading_corpus_cues() {
    assert!(sources("It was not ISIS-K terrorists as originally reported.").is_empty());
    assert!(sources("Another disappointment: US economy adds only 194,000 jobs").is_empty());
    assert_eq!(
        sources("He added, \"We need a ready force.\""),
        vec![p("He", "add")]
    );
    assert!(
        sources("“We have been failed,” Biles, a gymnast, said during testimony.")
            .iter()
            .all(|(source, _, _)| source != "during testimony")
    );
}

#[test]
fn claims_as_a_noun_is_not_an_attribution() {
    assert!(sources("Jobless claims held nearly steady last week.").is_empty());
    assert!(sources("Continuing claims for state benefits fell.").is_empty());
    assert_eq!(
        sources("The company claims that its data is safe."),
        vec![s("The company", true, "claim")]
    );
}

#[test]
fn a_pronoun_starts_the_source() {
    assert_eq!(
        sources("The cartel, a group they claim is tied to the leadership, was listed."),
        vec![s("they", false, "claim")]
    );
}

#[test]
fn a_participle_after_a_comma_attributes_to_the_subject() {
    assert_eq!(
        sources(
            "Venezuelan President Nicolás Maduro spoke at a rally in Caracas, telling supporters that the country seeks peace."
        ),
        vec![s("Venezuelan President Nicolás Maduro", true, "tell")]
    );
    assert!(sources("The talks resumed, saying nothing new.").is_empty());
    assert!(sources("He is telling the truth.").is_empty());
}

#[test]
fn an_appositive_between_subject_and_verb() {
    assert_eq!(
        sources(
            "Colorado’s attorney general, John Suthers, a Republican, said it was “without merit.”"
        ),
        vec![s("John Suthers", true, "say")]
    );
    assert_eq!(
        sources(
            "“It actually creates zero precedent,” Mick Mulvaney, the acting White House chief of staff, told reporters."
        ),
        vec![s("Mick Mulvaney", true, "tell")]
    );
    assert_eq!(
        sources("Sen. John McCain (R-Ariz.), said he would be “overjoyed.”"),
        vec![s("Sen. John McCain", true, "say")]
    );
    assert_eq!(
        sources("The chief mediator, Ana Lindqvist, told reporters the talks would resume."),
        vec![s("Ana Lindqvist", true, "tell")]
    );
    assert!(sources("Prices rose, and, in the end, fell.").is_empty());
}

#[test]
fn an_inverted_verb_after_a_quote_takes_a_determiner_and_a_name() {
    assert_eq!(
        sources(
            "“These e-mails were read selectively,” said a White House spokesman, Eric Schultz."
        ),
        vec![s("Eric Schultz", true, "say")]
    );
    assert_eq!(
        sources("“The description is not accurate,” said the spokesman."),
        vec![s("the spokesman", true, "say")]
    );
    assert!(sources("Officials met on Monday, said the deal was off.").is_empty());
}

#[test]
fn speech_verbs_beyond_say() {
    assert_eq!(
        sources("“We stand by our reporting,” Smith tweeted."),
        vec![s("Smith", true, "tweet")]
    );
    assert_eq!(
        sources("Lauten wrote that the two teenagers should show class."),
        vec![s("Lauten", true, "write")]
    );
    assert_eq!(
        sources("The former senator testified that he had not been told."),
        vec![s("The former senator", true, "testify")]
    );
    assert_eq!(
        sources("Bloomberg opted against a campaign, expressing worry he would siphon away votes."),
        vec![s("Bloomberg", true, "express")]
    );
    assert_eq!(
        sources("Abedin forwarded the emails, first reported by the Daily Caller."),
        vec![s("the Daily Caller", true, "report")]
    );
    // Other verbs before "by" are participles: "lives claimed by the storm".
    assert_eq!(sources("The lives claimed by the storm were many."), vec![]);
}

#[test]
fn party_and_state_between_commas_is_an_appositive() {
    assert_eq!(
        sources("Sen. Richard Burr, R-N.C., said the committee would look into it."),
        vec![s("Sen. Richard Burr", true, "say")]
    );
    assert_eq!(
        sources("Senate Minority Leader Chuck Schumer, D-N.Y., argued against it."),
        vec![s("Senate Minority Leader Chuck Schumer", true, "argue")]
    );
}

#[test]
fn a_quote_verb_before_that_attributes() {
    assert_eq!(
        sources("Trump posted that the deal was dead."),
        vec![s("Trump", true, "post")]
    );
    assert_eq!(
        sources("Trump posted on Twitter that the deal was dead."),
        vec![s("Trump", true, "post")]
    );
    assert!(sources("He called that decision a mistake.").is_empty());
}

#[test]
fn a_relative_pronoun_or_a_long_appositive_leads_back_to_the_subject() {
    assert_eq!(
        sources(
            "He is friendly with Jeff Sessions, a former senator, who has told aides that it would pass."
        ),
        vec![s("Jeff Sessions", true, "tell")]
    );
    assert_eq!(
        sources(
            "WASHINGTON — AARP, the powerful lobby for older Americans that has been seen as one of the leading opponents of benefit cuts, said on Friday that it was open to reductions."
        ),
        vec![s("AARP", true, "say")]
    );
}

#[test]
fn a_pronoun_is_neither_a_named_nor_an_unnamed_source() {
    assert_eq!(sources("He said the talks failed."), vec![p("He", "say")]);
    assert_eq!(
        sources("They said the talks failed."),
        vec![s("They", false, "say")]
    );
}

#[test]
fn quote_verbs_attribute_only_next_to_a_quotation() {
    assert_eq!(
        sources("“For too long,” he continued, “a small group has reaped the rewards.”"),
        vec![p("he", "continue")]
    );
    assert_eq!(
        sources("“The First Amendment protects freedom of religion,” the statement read."),
        vec![s("the statement", true, "read")]
    );
    assert_eq!(
        sources("It was a military fight he called “a war of Obama’s choosing.”"),
        vec![p("he", "call")]
    );
    assert!(sources("Romney called on Akin to leave the race.").is_empty());
    assert!(sources("The senator continued to spend campaign funds.").is_empty());
    assert!(sources("He read the bill twice.").is_empty());
}

#[test]
fn a_colon_before_a_quotation_attributes_it() {
    assert_eq!(
        sources("The letter goes on: “With little time left, we cannot agree to this.”"),
        vec![s("The letter", true, "say")]
    );
    assert_eq!(
        sources("Pelosi, in a statement, said: “This is plainly a power grab.”"),
        vec![s("Pelosi", true, "say")]
    );
    assert!(sources("He had one goal: to win the race.").is_empty());
}

#[test]
fn a_quotation_takes_its_speaker_from_the_next_or_previous_sentence() {
    let body = "“It has always been bipartisan. We will keep it so,” she said.\n\n“A new paragraph quotes someone else entirely.”";
    let lexicon = Lexicon::default();
    let second = body.find("We will").unwrap();
    let third = body.find("“A new").unwrap();
    let mut claims: Vec<Claim> = [(0, second), (second, third - 2), (third, body.len())]
        .iter()
        .map(|&(start, end)| {
            let text = body[start..end].trim().to_string();
            let mut claim = Claim::new(
                crate::model::OutletId(0),
                text,
                crate::model::Position::START,
                Some(start..end),
            );
            claim.cues = find_cues(&claim.text, &lexicon);
            claim
        })
        .collect();
    carry_speakers(body, &mut claims);
    let speakers: Vec<Option<&str>> = claims
        .iter()
        .map(|c| {
            c.cues
                .iter()
                .find(|q| q.kind == CueKind::Quote)
                .and_then(|q| q.speaker.as_deref())
        })
        .collect();
    assert_eq!(speakers, vec![Some("she"), Some("she"), None]);
}

/// The claims of `body`, one per sentence given, with their own cues.
fn claims_of(body: &str, sentences: &[&str]) -> Vec<Claim> {
    let lexicon = Lexicon::default();
    sentences
        .iter()
        .map(|sentence| {
            let start = body.find(sentence).unwrap();
            let mut claim = Claim::new(
                crate::model::OutletId(0),
                (*sentence).to_string(),
                crate::model::Position::START,
                Some(start..start + sentence.len()),
            );
            claim.cues = find_cues(&claim.text, &lexicon);
            claim
        })
        .collect()
}

#[test]
fn sentences_inside_a_quotation_of_several_sentences_are_quotations() {
    let body = "“It has been prosecuted by two presidents. Republicans have reportedly supported the effort. It is an affront,” he wrote.\n\n\
                There are those who think we should pull out. But one of them shouldn’t be the chairman.”\n\n\
                The chairman did not answer. He left the room.";
    let sentences = [
        "“It has been prosecuted by two presidents.",
        "Republicans have reportedly supported the effort.",
        "It is an affront,” he wrote.",
        "There are those who think we should pull out.",
        "But one of them shouldn’t be the chairman.”",
        "The chairman did not answer.",
        "He left the room.",
    ];
    let mut claims = claims_of(body, &sentences);
    continue_quotations(body, &mut claims);
    carry_speakers(body, &mut claims);
    let quoted: Vec<bool> = claims
        .iter()
        .map(|c| c.cues.iter().any(|q| q.kind == CueKind::Quote))
        .collect();
    assert_eq!(quoted, [true, true, true, true, true, false, false]);
    // The hedge is the speaker's, as inside quotation marks.
    let middle: Vec<_> = claims[1]
        .cues
        .iter()
        .map(|q| (q.kind, q.text.as_str(), q.speaker.as_deref()))
        .collect();
    assert_eq!(
        middle,
        [(
            CueKind::Quote,
            "Republicans have reportedly supported the effort",
            Some("he")
        )]
    );
}

#[test]
fn inverted_attribution_after_a_quote() {
    assert_eq!(
        sources("“We will not surrender our sovereignty to anyone,” said Maduro."),
        vec![s("Maduro", true, "say")]
    );
    assert_eq!(
        sources("The call lasted minutes, officials said."),
        vec![s("officials", false, "say")]
    );
}

#[test]
fn verb_forms_used_as_nouns_or_participles_are_not_attributions() {
    assert!(sources("His appearance disproved those claims.").is_empty());
    assert!(sources("The US targeted alleged drug-trafficking vessels.").is_empty());
    assert!(sources("One case involved an officer accused of excessive force.").is_empty());
    assert!(sources("He was told to leave.").is_empty());
    assert!(sources("He refused to say more.").is_empty());
}

#[test]
fn hedges_are_found_case_folded_on_word_boundaries() {
    let hedges: Vec<String> = of_kind(
        "Trump reportedly refused. Allegedly he may leave; the mayor might not.",
        CueKind::Hedge,
    )
    .into_iter()
    .map(|c| c.text)
    .collect();
    assert_eq!(hedges, vec!["reportedly", "Allegedly", "may", "might"]);
}

#[test]
fn the_month_may_is_not_a_hedge() {
    assert!(of_kind("The rally was held on May 5 in Caracas.", CueKind::Hedge).is_empty());
    assert!(of_kind("Elections in May were disputed.", CueKind::Hedge).is_empty());
    assert_eq!(of_kind("May the talks resume?", CueKind::Hedge).len(), 1);
}

#[test]
fn scare_quotes_in_curly_and_straight_quotes() {
    let text = "US officials have labeled the group a “terrorist” organization.";
    let scare = of_kind(text, CueKind::ScareQuote);
    assert_eq!(scare.len(), 1);
    assert_eq!(scare[0].text, "terrorist");
    assert_eq!(&text[scare[0].span.clone()], "“terrorist”");
    let scare = of_kind("He called it a \"terrorist\" group.", CueKind::ScareQuote);
    assert_eq!(scare[0].text, "terrorist");
    let scare = of_kind(
        "Justices back ‘qualified immunity’ for police.",
        CueKind::ScareQuote,
    );
    assert_eq!(scare[0].text, "qualified immunity");
    let scare = of_kind(
        "Justices back ‘qualified immunity’ for police, he said.",
        CueKind::ScareQuote,
    );
    assert_eq!(scare[0].text, "qualified immunity");
}

#[test]
fn a_short_quotation_with_a_speaker_is_a_quote() {
    let quoted = of_kind(
        "In a statement, they said his presence does not serve \"the national interest.\"",
        CueKind::Quote,
    );
    assert_eq!(quoted[0].text, "the national interest");
    assert_eq!(quoted[0].speaker.as_deref(), Some("they"));
    let quoted = of_kind("What he described as “a slave’s peace.”", CueKind::Quote);
    assert_eq!(quoted[0].speaker.as_deref(), Some("he"));
    let quoted = of_kind(
        "Stone called the inquiry “politically motivated” and left.",
        CueKind::Quote,
    );
    assert_eq!(quoted[0].speaker.as_deref(), Some("Stone"));
    // A quoted word that a noun follows is a term kept at a distance.
    assert_eq!(
        of_kind(
            "Officials said the “terrorist” group had fled.",
            CueKind::ScareQuote
        )
        .len(),
        1
    );
}

#[test]
fn names_and_mentioned_words_are_not_scare_quotes() {
    for text in [
        "It was meant to stoke the “Apprentice”-style frenzy.",
        "It was a reference to a “Godfather” character who lies.",
        "Trump went after \"Crooked\" Hillary Clinton aide Huma Abedin.",
        "He chastised Obama for failing to use the word \"God\" in speeches.",
    ] {
        assert!(
            cues(text)
                .iter()
                .all(|c| !matches!(c.kind, CueKind::ScareQuote | CueKind::Quote)),
            "{text}"
        );
    }
}

#[test]
fn a_short_full_sentence_is_a_quote() {
    assert_eq!(of_kind("“And it did.”", CueKind::Quote).len(), 1);
    assert_eq!(
        of_kind("He replied: \"Never again.\"", CueKind::Quote).len(),
        1
    );
    assert_eq!(
        of_kind("He called it \"Unacceptable.\"", CueKind::Quote).len(),
        1
    );
}

#[test]
fn titles_ratings_and_split_quotes_are_not_scare_quotes() {
    assert!(
        of_kind(
            "He said on “Face the Nation” that he would stay.",
            CueKind::ScareQuote
        )
        .is_empty()
    );
    assert!(
        of_kind(
            "Bills were billed to “Smiles for Life.”",
            CueKind::ScareQuote
        )
        .is_empty()
    );
    assert!(
        of_kind(
            "FactCheck.org rated the ad as “false,” noting its errors.",
            CueKind::ScareQuote
        )
        .is_empty()
    );
    let split = cues("“Is it true,” Roberts asked, “that the law says so?”");
    assert!(
        split.iter().all(|c| c.kind != CueKind::ScareQuote),
        "{split:?}"
    );
    assert_eq!(
        of_kind(
            "Officials called the group a “terrorist” organization.",
            CueKind::ScareQuote
        )
        .len(),
        1
    );
    assert_eq!(
        of_kind("He called it “Unacceptable.”", CueKind::Quote).len(),
        1
    );
}

#[test]
fn apostrophes_are_not_quotes() {
    assert!(
        of_kind(
            "Maduro’s government and the citizens' rights.",
            CueKind::ScareQuote
        )
        .is_empty()
    );
    assert!(of_kind("Venezuela’s future is Maduro's concern.", CueKind::Quote).is_empty());
}

#[test]
fn so_called_is_a_scare_quote() {
    let scare = of_kind("A so-called breakthrough infection.", CueKind::ScareQuote);
    assert_eq!(scare[0].text, "so-called breakthrough");
}

#[test]
fn direct_quotes_carry_their_speaker() {
    let quotes = of_kind(
        "“We will not accept a peace of slaves,” Maduro told the crowd.",
        CueKind::Quote,
    );
    assert_eq!(quotes.len(), 1);
    assert_eq!(quotes[0].text, "We will not accept a peace of slaves");
    assert_eq!(quotes[0].speaker.as_deref(), Some("Maduro"));
    let quotes = of_kind(
        "\"Nobody is leaving the country today,\" he said.",
        CueKind::Quote,
    );
    assert_eq!(quotes[0].speaker.as_deref(), Some("he"));
}

#[test]
fn quotes_running_across_sentences_are_quotes() {
    assert_eq!(of_kind("“We want peace.", CueKind::Quote).len(), 1);
    let quotes = of_kind("We will never surrender,” he said.", CueKind::Quote);
    assert_eq!(quotes[0].text, "We will never surrender");
}

#[test]
fn words_inside_a_direct_quote_are_the_speakers() {
    let text = "“The regime may fall, the sources said, and we will win,” Maduro said.";
    let c = cues(text);
    assert!(c.iter().all(|c| c.kind != CueKind::Hedge));
    assert!(c.iter().all(|c| c.kind != CueKind::LoadedTerm));
    assert_eq!(sources(text), vec![s("Maduro", true, "say")]);
}

#[test]
fn loaded_terms_carry_their_neutral_pair() {
    let loaded = of_kind("The Maduro regime amassed troops.", CueKind::LoadedTerm);
    let pairs: Vec<(String, Option<String>)> =
        loaded.into_iter().map(|c| (c.text, c.neutral)).collect();
    assert_eq!(
        pairs,
        vec![
            ("regime".to_string(), Some("government".to_string())),
            ("amassed".to_string(), Some("deployed".to_string())),
        ]
    );
    assert!(of_kind("Maduro's government deployed troops.", CueKind::LoadedTerm).is_empty());
    assert!(of_kind("A “terrorist” group.", CueKind::LoadedTerm).is_empty());
}

#[test]
fn config_extends_the_lexicons() {
    let config: FramingConfig = toml::from_str(
        r#"
        hedges = ["conceivably"]
        attribution_verbs = ["blasted"]
        unnamed_sources = ["insider"]
        loaded_terms = { "junta" = "government", "cabal" = "" }
        severity = "info"
        "#,
    )
    .unwrap();
    assert_eq!(config.severity, Severity::Info);
    let lexicon = Lexicon::from_config(&config).unwrap();
    let found = find_cues(
        "An insider blasted the junta, which conceivably is a cabal.",
        &lexicon,
    );
    let kinds: Vec<(CueKind, &str)> = found.iter().map(|c| (c.kind, c.text.as_str())).collect();
    assert_eq!(
        kinds,
        vec![
            (CueKind::Attribution, "An insider blasted"),
            (CueKind::LoadedTerm, "blasted"),
            (CueKind::LoadedTerm, "junta"),
            (CueKind::Hedge, "conceivably"),
            (CueKind::LoadedTerm, "cabal"),
        ]
    );
    assert_eq!(found[0].named, Some(false));
    assert_eq!(lexicon.neutral_of("junta"), Some("government"));
    assert_eq!(lexicon.neutral_of("cabal"), None);
}

/// A blank loaded term given through the library (the configuration file
/// refuses one) is left out of the automaton; left in the list it shifted
/// every later term's neutral onto its neighbour's.
#[test]
fn a_blank_loaded_term_shifts_no_neutral() {
    let mut config = FramingConfig::default();
    config
        .loaded_terms
        .insert("  ".to_string(), "nothing".to_string());
    let lexicon = Lexicon::from_config(&config).unwrap();
    let found = find_cues("The Maduro regime amassed troops.", &lexicon);
    let pairs: Vec<(&str, Option<&str>)> = found
        .iter()
        .filter(|c| c.kind == CueKind::LoadedTerm)
        .map(|c| (c.text.as_str(), c.neutral.as_deref()))
        .collect();
    assert_eq!(
        pairs,
        vec![
            ("regime", Some("government")),
            ("amassed", Some("deployed"))
        ]
    );
}

#[test]
fn unknown_config_keys_are_refused() {
    assert!(toml::from_str::<FramingConfig>("hedge = [\"x\"]").is_err());
}

#[test]
fn instructions_nicknames_and_physical_appearances_are_not_cues() {
    assert!(sources("Report That Trump Told Michael Cohen To Lie To Congress").is_empty());
    assert!(
        of_kind(
            "The governor picked William “Mo” Cowan.",
            CueKind::ScareQuote
        )
        .is_empty()
    );
    assert!(of_kind("Netanyahu appears in a political ad.", CueKind::Hedge).is_empty());
    assert_eq!(
        of_kind("Netanyahu appears to have agreed.", CueKind::Hedge).len(),
        1
    );
    assert_eq!(
        sources("Sen. Mark Warner, the top Democrat on the committee, also said he is concerned."),
        vec![s("Sen. Mark Warner", true, "say")]
    );
    assert_eq!(
        sources("Akin had also vowed to remain in the race."),
        vec![s("Akin", true, "vow")]
    );
}

#[test]
fn claims_as_a_noun_is_not_a_hedge() {
    assert!(of_kind("His appearance disproved those claims.", CueKind::Hedge).is_empty());
    assert_eq!(
        of_kind("He claims the vote was rigged.", CueKind::Hedge).len(),
        1
    );
}

#[test]
fn said_no_is_an_answer_not_an_attribution() {
    let cues = find_cues(
        "Mr. Sestak said no and went on to win the primary.",
        &Lexicon::default(),
    );
    assert!(
        cues.iter().all(|c| c.kind != CueKind::Attribution),
        "{cues:?}"
    );
    let cues = find_cues("Mr. Sestak said no deal was offered.", &Lexicon::default());
    assert!(
        cues.iter().any(|c| c.kind == CueKind::Attribution),
        "{cues:?}"
    );
}

#[test]
fn appear_at_the_end_of_a_clause_is_to_attend() {
    let cues = find_cues(
        "Only Gingrich and Santorum pledged to appear.",
        &Lexicon::default(),
    );
    assert!(cues.iter().all(|c| c.kind != CueKind::Hedge), "{cues:?}");
    let cues = find_cues("The deal appears likely to pass.", &Lexicon::default());
    assert!(cues.iter().any(|c| c.kind == CueKind::Hedge), "{cues:?}");
}

#[test]
fn described_how_is_an_account_in_the_speakers_telling() {
    let cues = find_cues(
        "The attorney general then described how he was stopped twice on the turnpike.",
        &Lexicon::default(),
    );
    assert!(
        cues.iter()
            .any(|c| c.kind == CueKind::Attribution && c.verb.as_deref() == Some("describe")),
        "{cues:?}"
    );
    let cues = find_cues("He described the plan as reckless.", &Lexicon::default());
    assert!(
        cues.iter().all(|c| c.kind != CueKind::Attribution),
        "{cues:?}"
    );
}
