//! Unit tests of the number forms news writes that a plain reading misses:
//! spaced scales, shares of a scale, tallies, ranks and HTML entities.

use super::*;

fn figs(text: &str) -> Vec<Figure> {
    find_figures(text, &Context::default())
}

fn one(text: &str) -> Figure {
    let f = figs(text);
    assert_eq!(f.len(), 1, "{text:?} gave {f:#?}");
    f.into_iter().next().unwrap()
}

fn n(e: &Option<Endpoint>) -> Option<f64> {
    e.as_ref().and_then(Endpoint::number)
}

fn value(text: &str) -> f64 {
    let f = one(text);
    assert_eq!(n(&f.low), n(&f.high), "{text:?}: {f:?}");
    n(&f.low).unwrap()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

#[test]
fn a_thousand_written_apart_from_its_digits() {
    assert!(close(value("2.33 k followers"), 2330.0));
    assert!(close(value("15 K signatures"), 15_000.0));
    // "m" and "b" apart stay letters
    assert!(close(value("5 m deep"), 5.0));
}

#[test]
fn a_fraction_of_a_scale_is_a_share_of_it() {
    for (text, v) in [
        ("a quarter million people", 250_000.0),
        ("two thirds of a million people", 2e6 / 3.0),
        ("three quarters billion dollars", 7.5e8),
        ("two-thirds of a billion dollars", 2e9 / 3.0),
        ("1½ million people", 1.5e6),
        ("a half million people", 5e5),
    ] {
        let f = one(text);
        assert!(close(n(&f.low).unwrap(), v), "{text}: {f:?}");
        assert_ne!(f.kind, FigureKind::Fraction, "{text}");
    }
    // without a scale a fraction stays one
    assert_eq!(one("two thirds of Americans").kind, FigureKind::Fraction);
    assert_eq!(one("a quarter of a century").kind, FigureKind::Fraction);
}

#[test]
fn votes_and_scores_are_tallies() {
    for (text, first, second) in [
        ("The 134-to-63 vote", 134.0, 63.0),
        ("The Senate voted 97-1 on the bill", 97.0, 1.0),
        ("a 54-35 vote", 54.0, 35.0),
        ("The vote was 69 to 45.", 69.0, 45.0),
        ("The court ruled 6-3 in the case", 6.0, 3.0),
        ("Senators voted 50-50 on the bill", 50.0, 50.0),
        ("The team lost 3-6 at home", 3.0, 6.0),
        ("The vote was seven to two.", 7.0, 2.0),
    ] {
        let f = one(text);
        assert_eq!(f.kind, FigureKind::Tally, "{text}: {f:?}");
        assert_eq!(
            (n(&f.low), n(&f.high)),
            (Some(first), Some(second)),
            "{text}"
        );
        assert_eq!(f.measure.as_deref(), Some(TALLY_MEASURE));
    }
    assert_eq!(one("The 134-to-63 vote").text, "134-to-63");
    assert_eq!(one("a 54-35 vote").interval(), "54–35");
    // ranges, seasons, chains and money stay what they were
    assert_eq!(one("10,000-15,000 troops").qualifier, Qualifier::Range);
    assert_eq!(one("20 to 30 people voted").qualifier, Qualifier::Range);
    assert_eq!(one("$10-20 million").qualifier, Qualifier::Range);
    assert_eq!(one("5-10% of voters").qualifier, Qualifier::Range);
    assert!(
        figs("the 2020-21 season")
            .iter()
            .all(|f| f.kind != FigureKind::Tally)
    );
    assert!(
        figs("call 9-1-1 now")
            .iter()
            .all(|f| f.kind != FigureKind::Tally)
    );
    assert!(
        figs("a 10-year-old boy")
            .iter()
            .all(|f| f.kind != FigureKind::Tally)
    );
    assert!(
        figs("between two and seven people")
            .iter()
            .all(|f| f.kind != FigureKind::Tally)
    );
}

#[test]
fn a_rank_is_an_ordinal_not_a_count() {
    for (text, v) in [
        ("the No. 2 position", 2.0),
        ("the no. 3 official", 3.0),
        ("ranked No 10 in the world", 10.0),
        ("the #1 seed", 1.0),
    ] {
        let f = one(text);
        assert_eq!(f.kind, FigureKind::Ordinal, "{text}: {f:?}");
        assert_eq!(n(&f.low), Some(v), "{text}");
        assert_eq!(f.measure.as_deref(), Some(RANK_MEASURE));
    }
    assert!(
        figs("There is no 2 way about it")
            .iter()
            .all(|f| f.kind != FigureKind::Ordinal)
    );
}

#[test]
fn html_entities_are_read_as_their_characters() {
    let f = one("Temperatures fell to &minus;5 degrees");
    assert_eq!(n(&f.low), Some(-5.0));
    assert_eq!(f.text, "&minus;5");
    let text = "About 1&frac12; million people";
    let f = one(text);
    assert!(
        close(n(&f.low).unwrap(), 1.35e6) || close(n(&f.low).unwrap(), 1.5e6 * 0.9),
        "{f:?}"
    );
    assert_eq!(f.text, "About 1&frac12; million");
    assert_eq!(&text[f.span.clone()], f.text);
    let f = one("It cost &#36;40 million&nbsp;dollars");
    assert_eq!(f.kind, FigureKind::Money);
    assert_eq!(f.text, "&#36;40 million");
    // a bare ampersand or an unknown name is text
    assert_eq!(figs("AT&T paid $5 &notanentity; fees").len(), 1);
}

#[test]
fn a_headline_run_of_capitals_is_one_noun_phrase() {
    // each headline gives one figure
    let measure = |text: &str| one(text).measure;
    assert_eq!(
        measure("U.S. Nears 900,000 Virus Deaths").as_deref(),
        Some("death")
    );
    assert_eq!(
        measure("Senate Passes $2 Billion Aid Package").as_deref(),
        Some("packag")
    );
    // a plural or a day after the first noun still ends it, as in running text
    assert_eq!(measure("20 Marines Home").as_deref(), Some("marin"));
    assert_eq!(
        measure("two opinions Justice Alito wrote").as_deref(),
        Some("opinion")
    );
    assert_eq!(
        measure("14 Democrats Voted No").as_deref(),
        Some("democrat")
    );
}

#[test]
fn a_name_written_with_its_number_modifies_the_noun_after_it() {
    assert_eq!(
        one("1 billion COVID-19 vaccines").measure.as_deref(),
        Some("vaccin")
    );
    assert_eq!(one("5 COVID-19 tests").measure.as_deref(), Some("test"));
}

#[test]
fn a_count_with_no_noun_is_measured_by_the_subject_of_its_verb() {
    let one = |m: &str| vec![Some(m.to_string())];
    assert_eq!(measures("US coronavirus deaths hit 600,000."), one("death"));
    assert_eq!(
        measures("Continuing claims for state benefits fell to 2.8 million."),
        one("claim")
    );
    assert_eq!(
        measures("Claims were revised slightly to 375,000."),
        one("claim")
    );
    assert_eq!(measures("Officials said deaths topped 13."), one("death"));
    // after a verb of change, the change and the level are two quantities
    assert_eq!(
        measures("Unemployment claims dropped 36,000 to 293,000 last week."),
        vec![Some("claim change".to_string()), Some("claim".to_string())]
    );
    assert_eq!(
        measures("Jobless claims dropped below 300,000."),
        one("claim")
    );
    assert_eq!(
        measures("Jobless claims fell nearly 20,000 last week."),
        one("claim change")
    );
    assert_eq!(measures("Deaths have now passed 600,000."), one("death"));
    // a phrase of time, or an article and its modifiers, before the level
    assert_eq!(
        measures("Jobless claims increased by 2,000 from the previous week to 373,000."),
        vec![Some("claim change".to_string()), Some("claim".to_string())]
    );
    assert_eq!(
        measures("Claims rose by 2,000 last week to a seasonally adjusted 373,000."),
        vec![Some("claim change".to_string()), Some("claim".to_string())]
    );
    assert_eq!(
        measures("Openings rose in April to a record 9.3 million."),
        one("open")
    );
    // an "and" inside the subject's prepositional phrase, not between
    // two clauses
    assert_eq!(
        measures("It said employment in the leisure and hospitality industry grew 343,000."),
        one("employ change")
    );
    assert_eq!(
        measures("Jobs in retail rose and claims fell 3,000."),
        one("claim change")
    );
    // what "the number of" numbers
    assert_eq!(
        measures("The number of new applications for benefits rose to 412,000."),
        one("applic")
    );
    // no subject to read: a pronoun, a passive's agent, a time, an
    // infinitive, a name
    assert_eq!(measures("It rose to 40."), vec![None]);
    assert_eq!(measures("Deaths are expected to hit 600,000."), vec![None]);
    assert_eq!(measures("Biden passed 270 on the night."), vec![None]);
    assert_eq!(measures("The goal was reached by 40 of them."), vec![None]);
    assert_eq!(
        measures("The prior week was revised up to 478,000."),
        vec![None]
    );
}

#[test]
fn numbered_names_and_ages_leave_tallies_and_openers_alone() {
    let values = |text: &str| -> Vec<f64> {
        find_figures(text, &Context { published: None })
            .iter()
            .filter_map(|f| f.value)
            .collect()
    };
    assert_eq!(
        values("Biden won 306 electoral votes to Trump's 232."),
        vec![306.0, 232.0]
    );
    assert_eq!(values("Biden 306, Trump 232."), vec![306.0, 232.0]);
    assert_eq!(measures("Overall, 15, of the members left."), vec![None]);
    assert_eq!(
        measures("Mr. Naderi, 23, said it was far."),
        vec![Some(AGE_MEASURE.to_string())]
    );
}

#[test]
fn a_noun_in_quotation_marks_is_still_the_measure() {
    assert_eq!(
        measure("Abbott launches project with $250 million 'down payment'").as_deref(),
        Some("payment")
    );
    assert_eq!(
        measure("There are at least 30 \"national emergencies\" in effect.").as_deref(),
        Some("emerg")
    );
    // a quoted word before the noun modifies it
    assert_eq!(
        measure("It showed 135,000 \u{201c}test\u{201d} votes.").as_deref(),
        Some("vote")
    );
    assert_eq!(
        measure("The screen flashed three 'guilty' counts.").as_deref(),
        Some("count")
    );
}

#[test]
fn a_negated_auxiliary_ends_the_noun_phrase() {
    assert_eq!(
        measure("His $6 trillion spending plan doesn't meet the need.").as_deref(),
        Some("plan")
    );
    assert_eq!(measure("The 20 wouldn't leave.").as_deref(), None);
}

#[test]
fn a_loose_suffix_after_the_digits_widens_the_number() {
    // "60-some" is more than 60 and less than 70
    for (text, low, high) in [
        ("rising 60-some miles into the sky", 60.0, 70.0),
        ("the club has 20-odd members", 20.0, 30.0),
        ("There were 40-something protesters.", 40.0, 50.0),
        ("some 100-odd boats", 100.0, 200.0),
    ] {
        let f = one(text);
        assert_eq!((n(&f.low), n(&f.high)), (Some(low), Some(high)), "{text}");
        assert!(f.low_exclusive && f.high_exclusive, "{text}: {f:?}");
        assert_eq!(f.qualifier, Qualifier::Approx, "{text}");
    }
    let plus = one("30-plus volunteers");
    assert_eq!(
        (plus.qualifier, n(&plus.low)),
        (Qualifier::LowerBound, Some(30.0))
    );
    assert_eq!(plus.high, None);
    // a number word written loose, and the unit after the loose word
    let years = one("He has twenty-odd years of experience.");
    assert_eq!(years.kind, FigureKind::Duration);
    assert_eq!((n(&years.low), n(&years.high)), (Some(20.0), Some(30.0)));
    let people = one("Thirty-some people came.");
    assert_eq!((n(&people.low), n(&people.high)), (Some(30.0), Some(40.0)));
    let share = one("90-plus percent of those pictures");
    assert_eq!(
        (share.kind, share.qualifier),
        (FigureKind::Percent, Qualifier::LowerBound)
    );
    // "twenty-one" stays one number
    assert!(close(value("twenty-one members"), 21.0));
    let about = one("a 60-ish page report");
    assert_eq!((n(&about.low), n(&about.high)), (Some(54.0), Some(66.0)));
    // a range keeps its dash
    assert_eq!(one("10-20 people").qualifier, Qualifier::Range);
}

#[test]
fn a_bound_before_the_age_of_a_number_bounds_an_age() {
    let under = one("for each child under the age of 6");
    assert_eq!(under.qualifier, Qualifier::UpperBound);
    assert_eq!((n(&under.low), n(&under.high)), (Some(0.0), Some(6.0)));
    assert_eq!(under.measure.as_deref(), Some(AGE_MEASURE));
    let over = one("People over age 65 qualify.");
    assert_eq!(over.qualifier, Qualifier::LowerBound);
    assert_eq!(over.measure.as_deref(), Some(AGE_MEASURE));
    // without the bound, "the age of" still makes an age
    assert_eq!(one("at the age of 84").qualifier, Qualifier::Exact);
}

/// The measure of the first figure of `text`.
fn measure(text: &str) -> Option<String> {
    measures(text).remove(0)
}

/// The measure of every figure of `text`, in order.
fn measures(text: &str) -> Vec<Option<String>> {
    find_figures(text, &Context { published: None })
        .into_iter()
        .map(|f| f.measure)
        .collect()
}
